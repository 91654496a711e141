"""WAF: WAFv2 web ACLs, IP sets, rule groups, associations and logging; WAF Classic (global,
waf.amazonaws.com) and WAF Classic Regional (waf-regional.amazonaws.com) web ACLs and rules.

WAFv2 resources are keyed by their id (a UUID); calls carry it as `id` with the name and scope.
"""

from __future__ import annotations

from bot.catalog.arns import Arn
from bot.catalog.operational import ops
from bot.catalog.resource_types import ResourceType
from bot.catalog.rules import CREATE, DELETE, UPDATE, On, on
from bot.catalog.service import Service
from bot.catalog.terraform_types import tf

WAFV2 = "wafv2.amazonaws.com"
WAF = "waf.amazonaws.com"
WAF_REGIONAL = "waf-regional.amazonaws.com"

WEB_ACL = "AWS::WAFv2::WebACL"
IP_SET = "AWS::WAFv2::IPSet"
RULE_GROUP = "AWS::WAFv2::RuleGroup"
ASSOCIATION = "AWS::WAFv2::WebACLAssociation"
LOGGING = "AWS::WAFv2::LoggingConfiguration"
CLASSIC_WEB_ACL = "AWS::WAF::WebACL"
CLASSIC_RULE = "AWS::WAF::Rule"
CLASSIC_IP_SET = "AWS::WAF::IPSet"
REGIONAL_WEB_ACL = "AWS::WAFRegional::WebACL"
REGIONAL_RULE = "AWS::WAFRegional::Rule"
REGEX_PATTERN_SET = "AWS::WAFv2::RegexPatternSet"
REGIONAL_IP_SET = "AWS::WAFRegional::IPSet"
REGIONAL_ASSOCIATION = "AWS::WAFRegional::WebACLAssociation"

# The other WAF Classic sets and rules, by noun: global (waf) and regional (waf-regional)
# have the same calls. The `AWS::WAF…` names CloudFormation lacks are Config's.
CLASSIC_NOUNS = (
    "ByteMatchSet",
    "GeoMatchSet",
    "RateBasedRule",
    "RegexMatchSet",
    "RegexPatternSet",
    "RuleGroup",
    "SizeConstraintSet",
    "SqlInjectionMatchSet",
    "XssMatchSet",
)
CLASSIC_IN_CFN = {"ByteMatchSet", "SizeConstraintSet", "SqlInjectionMatchSet", "XssMatchSet"}
REGIONAL_IN_CFN = CLASSIC_IN_CFN | {"GeoMatchSet", "RateBasedRule", "RegexPatternSet"}

TYPES = (
    ResourceType(WEB_ACL, "id"),
    ResourceType(IP_SET, "id"),
    ResourceType(RULE_GROUP, "id"),
    ResourceType(ASSOCIATION, "arn"),
    ResourceType(LOGGING, "arn"),
    ResourceType(CLASSIC_WEB_ACL, "id", is_global=True),
    ResourceType(CLASSIC_RULE, "id", is_global=True),
    ResourceType(CLASSIC_IP_SET, "id", is_global=True),
    ResourceType(REGIONAL_WEB_ACL, "id"),
    ResourceType(REGIONAL_RULE, "id"),
    ResourceType(REGEX_PATTERN_SET, "id"),
    ResourceType(REGIONAL_IP_SET, "id"),
    ResourceType(REGIONAL_ASSOCIATION, "arn"),
    *(
        ResourceType(f"AWS::WAF::{noun}", "id", is_global=True, cfn=noun in CLASSIC_IN_CFN)
        for noun in CLASSIC_NOUNS
    ),
    *(
        ResourceType(f"AWS::WAFRegional::{noun}", "id", cfn=noun in REGIONAL_IN_CFN)
        for noun in CLASSIC_NOUNS
    ),
)


def _last(arn: Arn) -> str:
    """WAF ARNs end in the resource's id: `regional/webacl/NAME/ID`, `webacl/ID`."""
    return arn.resource.rsplit("/", 1)[-1]


def _arn_of(kind: str, path: str) -> str:
    """`path` when it is the ARN of a `kind`: `…:regional/webacl/NAME/ID` (WAFv2) or
    `…:webacl/ID` (Classic)."""
    return f"{path} && (contains({path}, '/{kind}/') || contains({path}, ':{kind}/')) && {path}"


def _classic_sets(source: str, prefix: str) -> list[On]:
    """Create/Update/Delete of each classic set or rule: the response's `<noun>.<noun>Id`,
    the request's `<noun>Id` (CloudTrail lower-cases the first letter only)."""
    lines = []
    for noun in CLASSIC_NOUNS:
        rtype = f"{prefix}::{noun}"
        member = noun[0].lower() + noun[1:]
        made = "rule.ruleId" if noun == "RateBasedRule" else f"{member}.{member}Id"
        key = "ruleId" if noun == "RateBasedRule" else f"{member}Id"
        lines += [
            on(source, f"Create{noun}", rtype, CREATE, f"responseElements.{made}"),
            on(source, f"Update{noun}", rtype, UPDATE, f"requestParameters.{key}"),
            on(source, f"Delete{noun}", rtype, DELETE, f"requestParameters.{key}"),
        ]
    return lines


def _v2(noun: str, rtype: str) -> list[On]:
    """WAFv2 returns a summary of what it made; later calls carry the id as `id`."""
    return [
        on(WAFV2, f"Create{noun}", rtype, CREATE, "responseElements.summary.id"),
        on(WAFV2, f"Update{noun}", rtype, UPDATE, "requestParameters.id"),
        on(WAFV2, f"Delete{noun}", rtype, DELETE, "requestParameters.id"),
    ]


def _classic(source: str, web_acl: str, rule: str) -> list[On]:
    """Web ACLs and rules of WAF Classic, global or regional: the same calls and shapes."""
    return [
        on(source, "CreateWebACL", web_acl, CREATE, "responseElements.webACL.webACLId"),
        on(source, "UpdateWebACL", web_acl, UPDATE, "requestParameters.webACLId"),
        on(source, "DeleteWebACL", web_acl, DELETE, "requestParameters.webACLId"),
        on(source, "CreateRule", rule, CREATE, "responseElements.rule.ruleId"),
        on(source, "UpdateRule", rule, UPDATE, "requestParameters.ruleId"),
        on(source, "DeleteRule", rule, DELETE, "requestParameters.ruleId"),
    ]


# WAFv2: awsdocs aws-waf-and-shield-advanced-developer-guide logging-using-cloudtrail records
# (Create/Update/DeleteWebACL), panther-analysis aws_waf_disassociation; API reference.
RULES = [
    *_v2("WebACL", WEB_ACL),
    *_v2("IPSet", IP_SET),
    *_v2("RuleGroup", RULE_GROUP),
    # An association is keyed by the protected resource's ARN (it has one web ACL at most).
    on(WAFV2, "AssociateWebACL", ASSOCIATION, CREATE, "requestParameters.resourceArn"),
    on(WAFV2, "DisassociateWebACL", ASSOCIATION, DELETE, "requestParameters.resourceArn"),
    # Logging configurations are keyed by the web ACL's ARN.
    on(
        WAFV2,
        "PutLoggingConfiguration",
        LOGGING,
        CREATE,
        "requestParameters.loggingConfiguration.resourceArn",
    ),
    on(WAFV2, "DeleteLoggingConfiguration", LOGGING, DELETE, "requestParameters.resourceArn"),
    # WAF Classic: the same awsdocs page (CreateRule, UpdateRule, DeleteRule); classic API
    # reference. CloudTrail lower-cases only the first letter of member names: `iPSetId`,
    # `webACLId`.
    *_classic(WAF, CLASSIC_WEB_ACL, CLASSIC_RULE),
    *_classic(WAF_REGIONAL, REGIONAL_WEB_ACL, REGIONAL_RULE),
    on(WAF, "CreateIPSet", CLASSIC_IP_SET, CREATE, "responseElements.iPSet.iPSetId"),
    on(WAF, "UpdateIPSet", CLASSIC_IP_SET, UPDATE, "requestParameters.iPSetId"),
    on(WAF, "DeleteIPSet", CLASSIC_IP_SET, DELETE, "requestParameters.iPSetId"),
    on(WAF_REGIONAL, "CreateIPSet", REGIONAL_IP_SET, CREATE, "responseElements.iPSet.iPSetId"),
    on(WAF_REGIONAL, "UpdateIPSet", REGIONAL_IP_SET, UPDATE, "requestParameters.iPSetId"),
    on(WAF_REGIONAL, "DeleteIPSet", REGIONAL_IP_SET, DELETE, "requestParameters.iPSetId"),
    *_classic_sets(WAF, "AWS::WAF"),
    *_classic_sets(WAF_REGIONAL, "AWS::WAFRegional"),
    # Regional web ACLs protect a load balancer or API stage: keyed by that resource's ARN.
    on(
        WAF_REGIONAL,
        "AssociateWebACL",
        REGIONAL_ASSOCIATION,
        CREATE,
        "requestParameters.resourceArn",
    ),
    on(
        WAF_REGIONAL,
        "DisassociateWebACL",
        REGIONAL_ASSOCIATION,
        DELETE,
        "requestParameters.resourceArn",
    ),
    # Classic logging and rule group permission policies are parts of the web ACL / group;
    # tags name any of them by ARN.
    *(
        on(source, call, web_acl, UPDATE, "requestParameters.loggingConfiguration.resourceArn")
        for source, web_acl in ((WAF, CLASSIC_WEB_ACL), (WAF_REGIONAL, REGIONAL_WEB_ACL))
        for call in ("PutLoggingConfiguration",)
    ),
    *(
        on(source, "DeleteLoggingConfiguration", web_acl, UPDATE, "requestParameters.resourceArn")
        for source, web_acl in ((WAF, CLASSIC_WEB_ACL), (WAF_REGIONAL, REGIONAL_WEB_ACL))
    ),
    *(
        on(
            source,
            ("PutPermissionPolicy", "DeletePermissionPolicy"),
            f"{prefix}::RuleGroup",
            UPDATE,
            "requestParameters.resourceArn",
        )
        for source, prefix in ((WAF, "AWS::WAF"), (WAF_REGIONAL, "AWS::WAFRegional"))
    ),
    *(
        on(
            source,
            ("TagResource", "UntagResource"),
            rtype,
            UPDATE,
            _arn_of(kind, "requestParameters.resourceARN"),
        )
        for source, web_acl, rule in (
            (WAF, CLASSIC_WEB_ACL, CLASSIC_RULE),
            (WAF_REGIONAL, REGIONAL_WEB_ACL, REGIONAL_RULE),
        )
        for kind, rtype in (("webacl", web_acl), ("rule", rule))
    ),
    # WAFv2 regex pattern sets; rule group permission policies; Firewall Manager's rule
    # groups in a web ACL; tags by ARN.
    *_v2("RegexPatternSet", REGEX_PATTERN_SET),
    on(
        WAFV2,
        ("PutPermissionPolicy", "DeletePermissionPolicy"),
        RULE_GROUP,
        UPDATE,
        "requestParameters.resourceArn",
    ),
    on(WAFV2, "DeleteFirewallManagerRuleGroups", WEB_ACL, UPDATE, "requestParameters.webACLArn"),
    *(
        on(
            WAFV2,
            ("TagResource", "UntagResource"),
            rtype,
            UPDATE,
            _arn_of(kind, "requestParameters.resourceARN"),
        )
        for kind, rtype in (
            ("webacl", WEB_ACL),
            ("ipset", IP_SET),
            ("rulegroup", RULE_GROUP),
            ("regexpatternset", REGEX_PATTERN_SET),
        )
    ),
]

OPERATIONAL = [
    ops(
        WAFV2,
        "CAPTCHA API keys for client integrations, and the versions of managed rule sets that "
        "AWS Marketplace sellers publish",
        "CreateAPIKey DeleteAPIKey PutManagedRuleSetVersions UpdateManagedRuleSetVersionExpiryDate",
    ),
    *(
        ops(
            source,
            "the migration of a WAF Classic web ACL writes a CloudFormation template to S3; the "
            "stack made from it is read as its own calls",
            "CreateWebACLMigrationStack",
        )
        for source in (WAF, WAF_REGIONAL)
    ),
]

TERRAFORM = [
    tf("aws_wafv2_web_acl", WEB_ACL, "id"),
    tf("aws_wafv2_ip_set", IP_SET, "id"),
    tf("aws_wafv2_rule_group", RULE_GROUP, "id"),
    tf("aws_wafv2_web_acl_association", ASSOCIATION, "resource_arn"),
    tf("aws_wafv2_web_acl_logging_configuration", LOGGING, "resource_arn", "id"),
    tf("aws_wafv2_regex_pattern_set", REGEX_PATTERN_SET, "id"),
    # WAF Classic (provider v5 and before).
    tf("aws_waf_web_acl", CLASSIC_WEB_ACL, "id"),
    tf("aws_waf_rule", CLASSIC_RULE, "id"),
    tf("aws_waf_ipset", CLASSIC_IP_SET, "id"),
    tf("aws_wafregional_web_acl", REGIONAL_WEB_ACL, "id"),
    tf("aws_wafregional_rule", REGIONAL_RULE, "id"),
    tf("aws_wafregional_ipset", REGIONAL_IP_SET, "id"),
    tf("aws_wafregional_web_acl_association", REGIONAL_ASSOCIATION, "resource_arn"),
    *(
        tf(f"aws_waf{kind}_{snake}", f"{prefix}::{noun}", "id")
        for kind, prefix in (("", "AWS::WAF"), ("regional", "AWS::WAFRegional"))
        for noun, snake in (
            ("ByteMatchSet", "byte_match_set"),
            ("GeoMatchSet", "geo_match_set"),
            ("RateBasedRule", "rate_based_rule"),
            ("RegexMatchSet", "regex_match_set"),
            ("RegexPatternSet", "regex_pattern_set"),
            ("RuleGroup", "rule_group"),
            ("SizeConstraintSet", "size_constraint_set"),
            ("SqlInjectionMatchSet", "sql_injection_match_set"),
            ("XssMatchSet", "xss_match_set"),
        )
    ),
]

SERVICE = Service(
    TYPES,
    RULES,
    TERRAFORM,
    arn_ids={"waf": _last, "waf-regional": _last, "wafv2": _last},
    operational=OPERATIONAL,
    models=("waf", "waf-regional", "wafv2"),
)
