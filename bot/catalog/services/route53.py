"""Route 53: hosted zones, record sets, health checks, Resolver and registered domains.

Route 53 logs zone ids both bare (`Z1PA6795UKMFR9`) and as paths (`/hostedzone/Z1PA…`);
`ResourceType.normalize_id` keeps the last path segment, so either form works.
"""

from bot.catalog.rules import CREATE, DELETE, UPDATE, on

R53 = "route53.amazonaws.com"
RESOLVER = "route53resolver.amazonaws.com"
DOMAINS = "route53domains.amazonaws.com"

ZONE = "AWS::Route53::HostedZone"
HEALTH_CHECK = "AWS::Route53::HealthCheck"
DNSSEC = "AWS::Route53::DNSSEC"

# Hosted zones. Record sets are managed with their zone: a record change is a zone update.
# Checked against awsdocs amazon-route53-docs logging-using-cloudtrail (ChangeResourceRecordSets,
# DeleteHostedZone) and the Route 53 API reference for the others.
on(R53, "CreateHostedZone", ZONE, CREATE, "responseElements.hostedZone.id")
on(R53, "DeleteHostedZone", ZONE, DELETE, "requestParameters.id")
on(R53, "UpdateHostedZoneComment", ZONE, UPDATE, "requestParameters.id")
on(
    R53,
    (
        "ChangeResourceRecordSets",
        "AssociateVPCWithHostedZone",
        "DisassociateVPCFromHostedZone",
        "CreateQueryLoggingConfig",
    ),
    ZONE,
    UPDATE,
    "requestParameters.hostedZoneId",
)
# DNSSEC signing is its own CloudFormation resource, keyed by the zone id.
on(R53, "EnableHostedZoneDNSSEC", DNSSEC, CREATE, "requestParameters.hostedZoneId")
on(R53, "DisableHostedZoneDNSSEC", DNSSEC, DELETE, "requestParameters.hostedZoneId")

# Health checks: awsdocs logging-using-cloudtrail (CreateHealthCheck), API reference for the rest.
on(R53, "CreateHealthCheck", HEALTH_CHECK, CREATE, "responseElements.healthCheck.id")
on(R53, "UpdateHealthCheck", HEALTH_CHECK, UPDATE, "requestParameters.healthCheckId")
on(R53, "DeleteHealthCheck", HEALTH_CHECK, DELETE, "requestParameters.healthCheckId")

# Tags name the kind of resource in `resourceType` (hostedzone | healthcheck).
on(
    R53,
    "ChangeTagsForResource",
    ZONE,
    UPDATE,
    "requestParameters.resourceType == 'hostedzone' && requestParameters.resourceId",
)
on(
    R53,
    "ChangeTagsForResource",
    HEALTH_CHECK,
    UPDATE,
    "requestParameters.resourceType == 'healthcheck' && requestParameters.resourceId",
)

# Route 53 Resolver: awsdocs logging-using-cloudtrail (CreateResolverEndpoint), panther and
# stratus-red-team records (DeleteResolverQueryLogConfig), API reference for the rest.
ENDPOINT = "AWS::Route53Resolver::ResolverEndpoint"
on(RESOLVER, "CreateResolverEndpoint", ENDPOINT, CREATE, "responseElements.resolverEndpoint.id")
on(
    RESOLVER,
    (
        "UpdateResolverEndpoint",
        "AssociateResolverEndpointIpAddress",
        "DisassociateResolverEndpointIpAddress",
    ),
    ENDPOINT,
    UPDATE,
    "requestParameters.resolverEndpointId",
)
on(RESOLVER, "DeleteResolverEndpoint", ENDPOINT, DELETE, "requestParameters.resolverEndpointId")

RULE = "AWS::Route53Resolver::ResolverRule"
on(RESOLVER, "CreateResolverRule", RULE, CREATE, "responseElements.resolverRule.id")
# A rule's VPC associations are changes of the rule.
on(
    RESOLVER,
    ("UpdateResolverRule", "AssociateResolverRule", "DisassociateResolverRule"),
    RULE,
    UPDATE,
    "requestParameters.resolverRuleId",
)
on(RESOLVER, "DeleteResolverRule", RULE, DELETE, "requestParameters.resolverRuleId")

QUERY_LOG = "AWS::Route53Resolver::ResolverQueryLoggingConfig"
on(
    RESOLVER,
    "CreateResolverQueryLogConfig",
    QUERY_LOG,
    CREATE,
    "responseElements.resolverQueryLogConfig.id",
)
on(
    RESOLVER,
    ("AssociateResolverQueryLogConfig", "DisassociateResolverQueryLogConfig"),
    QUERY_LOG,
    UPDATE,
    "requestParameters.resolverQueryLogConfigId",
)
on(
    RESOLVER,
    "DeleteResolverQueryLogConfig",
    QUERY_LOG,
    DELETE,
    "requestParameters.resolverQueryLogConfigId",
)

FIREWALL = "AWS::Route53Resolver::FirewallRuleGroup"
on(RESOLVER, "CreateFirewallRuleGroup", FIREWALL, CREATE, "responseElements.firewallRuleGroup.id")
# Firewall rules live inside their rule group.
on(
    RESOLVER,
    ("CreateFirewallRule", "UpdateFirewallRule", "DeleteFirewallRule"),
    FIREWALL,
    UPDATE,
    "requestParameters.firewallRuleGroupId",
)
on(RESOLVER, "DeleteFirewallRuleGroup", FIREWALL, DELETE, "requestParameters.firewallRuleGroupId")

# Registered domains. The awsdocs record logs `updateDomainContact` (lower-case u) with the name
# wrapped as `domainName.name`; the API reference shape is a plain `domainName` string.
DOMAIN = "AWS::Route53Domains::Domain"
DOMAIN_NAME = "requestParameters.domainName.name || requestParameters.domainName"
on(DOMAINS, "RegisterDomain", DOMAIN, CREATE, DOMAIN_NAME)
on(
    DOMAINS,
    (
        "updateDomainContact",
        "UpdateDomainContact",
        "UpdateDomainContactPrivacy",
        "UpdateDomainNameservers",
        "EnableDomainAutoRenew",
        "DisableDomainAutoRenew",
        "EnableDomainTransferLock",
        "DisableDomainTransferLock",
    ),
    DOMAIN,
    UPDATE,
    DOMAIN_NAME,
)
on(DOMAINS, "DeleteDomain", DOMAIN, DELETE, DOMAIN_NAME)
