"""WAF: WAFv2 web ACLs, IP sets, rule groups, associations and logging; WAF Classic (global,
waf.amazonaws.com) and WAF Classic Regional (waf-regional.amazonaws.com) web ACLs and rules.

WAFv2 resources are keyed by their id (a UUID); calls carry it as `id` with the name and scope.
"""

from __future__ import annotations

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
)


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
]

TERRAFORM = [
    tf("aws_wafv2_web_acl", WEB_ACL, "id"),
    tf("aws_wafv2_ip_set", IP_SET, "id"),
    tf("aws_wafv2_rule_group", RULE_GROUP, "id"),
    tf("aws_wafv2_web_acl_association", ASSOCIATION, "resource_arn"),
    tf("aws_wafv2_web_acl_logging_configuration", LOGGING, "resource_arn", "id"),
]

SERVICE = Service(TYPES, RULES, TERRAFORM, models=("waf", "waf-regional", "wafv2"))
