"""WAF: WAFv2 web ACLs, IP sets, rule groups, associations and logging; WAF Classic (global,
waf.amazonaws.com) and WAF Classic Regional (waf-regional.amazonaws.com) web ACLs and rules.

WAFv2 resources are keyed by their id (a UUID); calls carry it as `id` with the name and scope.
"""

from bot.catalog.rules import CREATE, DELETE, UPDATE, on

WAFV2 = "wafv2.amazonaws.com"
WAF = "waf.amazonaws.com"
WAF_REGIONAL = "waf-regional.amazonaws.com"

# WAFv2: awsdocs aws-waf-and-shield-advanced-developer-guide logging-using-cloudtrail records
# (Create/Update/DeleteWebACL), panther-analysis aws_waf_disassociation; API reference.
for noun, rtype in (
    ("WebACL", "AWS::WAFv2::WebACL"),
    ("IPSet", "AWS::WAFv2::IPSet"),
    ("RuleGroup", "AWS::WAFv2::RuleGroup"),
):
    on(WAFV2, f"Create{noun}", rtype, CREATE, "responseElements.summary.id")
    on(WAFV2, f"Update{noun}", rtype, UPDATE, "requestParameters.id")
    on(WAFV2, f"Delete{noun}", rtype, DELETE, "requestParameters.id")

# An association is keyed by the protected resource's ARN (it has one web ACL at most).
ASSOCIATION = "AWS::WAFv2::WebACLAssociation"
on(WAFV2, "AssociateWebACL", ASSOCIATION, CREATE, "requestParameters.resourceArn")
on(WAFV2, "DisassociateWebACL", ASSOCIATION, DELETE, "requestParameters.resourceArn")

# Logging configurations are keyed by the web ACL's ARN.
LOGGING = "AWS::WAFv2::LoggingConfiguration"
on(
    WAFV2,
    "PutLoggingConfiguration",
    LOGGING,
    UPDATE,
    "requestParameters.loggingConfiguration.resourceArn",
)
on(WAFV2, "DeleteLoggingConfiguration", LOGGING, DELETE, "requestParameters.resourceArn")

# WAF Classic: the same awsdocs page (CreateRule, UpdateRule, DeleteRule); classic API reference.
# CloudTrail lower-cases only the first letter of member names: `iPSetId`, `webACLId`.
for source, acl_type, rule_type in (
    (WAF, "AWS::WAF::WebACL", "AWS::WAF::Rule"),
    (WAF_REGIONAL, "AWS::WAFRegional::WebACL", "AWS::WAFRegional::Rule"),
):
    on(source, "CreateWebACL", acl_type, CREATE, "responseElements.webACL.webACLId")
    on(source, "UpdateWebACL", acl_type, UPDATE, "requestParameters.webACLId")
    on(source, "DeleteWebACL", acl_type, DELETE, "requestParameters.webACLId")
    on(source, "CreateRule", rule_type, CREATE, "responseElements.rule.ruleId")
    on(source, "UpdateRule", rule_type, UPDATE, "requestParameters.ruleId")
    on(source, "DeleteRule", rule_type, DELETE, "requestParameters.ruleId")

IP_SET = "AWS::WAF::IPSet"
on(WAF, "CreateIPSet", IP_SET, CREATE, "responseElements.iPSet.iPSetId")
on(WAF, "UpdateIPSet", IP_SET, UPDATE, "requestParameters.iPSetId")
on(WAF, "DeleteIPSet", IP_SET, DELETE, "requestParameters.iPSetId")
