"""Route 53: hosted zones, record sets, health checks, Resolver and registered domains.

Route 53 logs zone ids both bare (`Z1PA6795UKMFR9`) and as paths (`/hostedzone/Z1PA…`);
`_zone_id` keeps the last path segment, so either form works.
"""

from __future__ import annotations

from bot.catalog.resource_types import ResourceType
from bot.catalog.rules import BY_ARN, CREATE, DELETE, UPDATE, by_name, on
from bot.catalog.service import Service
from bot.catalog.terraform_types import children, part_of, tf

R53 = "route53.amazonaws.com"
RESOLVER = "route53resolver.amazonaws.com"
DOMAINS = "route53domains.amazonaws.com"

ZONE = "AWS::Route53::HostedZone"
HEALTH_CHECK = "AWS::Route53::HealthCheck"
KEY_SIGNING_KEY = "AWS::Route53::KeySigningKey"
DNSSEC = "AWS::Route53::DNSSEC"
CIDR_COLLECTION = "AWS::Route53::CidrCollection"
ENDPOINT = "AWS::Route53Resolver::ResolverEndpoint"
RULE = "AWS::Route53Resolver::ResolverRule"
QUERY_LOG = "AWS::Route53Resolver::ResolverQueryLoggingConfig"
FIREWALL = "AWS::Route53Resolver::FirewallRuleGroup"
DOMAIN = "AWS::Route53Domains::Domain"
TRAFFIC_POLICY = "AWS::Route53::TrafficPolicy"
TRAFFIC_POLICY_INSTANCE = "AWS::Route53::TrafficPolicyInstance"
DELEGATION_SET = "AWS::Route53::DelegationSet"
FIREWALL_DOMAIN_LIST = "AWS::Route53Resolver::FirewallDomainList"
FIREWALL_ASSOCIATION = "AWS::Route53Resolver::FirewallRuleGroupAssociation"
OUTPOST_RESOLVER = "AWS::Route53Resolver::OutpostResolver"
RESOLVER_CONFIG = "AWS::Route53Resolver::ResolverConfig"
DNSSEC_CONFIG = "AWS::Route53Resolver::ResolverDNSSECConfig"
FIREWALL_CONFIG = "AWS::Route53Resolver::FirewallConfig"


def _zone_id(value: str) -> str:
    """Requests name zones `/hostedzone/Z…`; the zone's id is the `Z…`."""
    return value.rsplit("/", 1)[-1]


# Route 53 is global; the resolver is regional.
TYPES = (
    ResourceType(ZONE, "id", "hostedzone/", is_global=True, id_from_value=_zone_id),
    ResourceType(HEALTH_CHECK, "id", "healthcheck/", is_global=True),
    ResourceType(KEY_SIGNING_KEY, "name", is_global=True),
    ResourceType(DNSSEC, "id", is_global=True),
    ResourceType(CIDR_COLLECTION, "id", "cidrcollection/", is_global=True),
    ResourceType(ENDPOINT, "id", "resolver-endpoint/"),
    ResourceType(RULE, "id", "resolver-rule/"),
    ResourceType(QUERY_LOG, "id", "resolver-query-log-config/"),
    ResourceType(FIREWALL, "id", "firewall-rule-group/"),
    ResourceType(DOMAIN, "name", is_global=True, cfn=False),
    ResourceType(TRAFFIC_POLICY, "id", "trafficpolicy/", is_global=True, cfn=False),
    ResourceType(
        TRAFFIC_POLICY_INSTANCE, "id", "trafficpolicyinstance/", is_global=True, cfn=False
    ),
    # `/delegationset/N…` in responses; the bare id elsewhere.
    ResourceType(
        DELEGATION_SET,
        "id",
        "delegationset/",
        is_global=True,
        cfn=False,
        id_from_value=lambda value: value.rsplit("/", 1)[-1],
    ),
    ResourceType(FIREWALL_DOMAIN_LIST, "id", "firewall-domain-list/"),
    ResourceType(FIREWALL_ASSOCIATION, "id", "firewall-rule-group-association/"),
    ResourceType(OUTPOST_RESOLVER, "id", "outpost-resolver/"),
    # Per-VPC settings, keyed by the VPC id (`resourceId`), as Terraform keys them.
    ResourceType(RESOLVER_CONFIG, "id"),
    ResourceType(DNSSEC_CONFIG, "id"),
    ResourceType(FIREWALL_CONFIG, "id"),
)
ARN_KINDS = {
    ("route53", "hostedzone"): ZONE,
    ("route53", "healthcheck"): HEALTH_CHECK,
    ("route53resolver", "resolver-rule"): RULE,
    ("route53resolver", "resolver-endpoint"): ENDPOINT,
    ("route53resolver", "resolver-query-log-config"): QUERY_LOG,
    ("route53resolver", "firewall-rule-group"): FIREWALL,
    ("route53resolver", "firewall-domain-list"): FIREWALL_DOMAIN_LIST,
}

DOMAIN_NAME = "requestParameters.domainName.name || requestParameters.domainName"

# Hosted zones. Record sets are managed with their zone: a record change is a zone update.
# Checked against awsdocs amazon-route53-docs logging-using-cloudtrail (ChangeResourceRecordSets,
# DeleteHostedZone) and the Route 53 API reference for the others.
RULES = [
    on(R53, "CreateHostedZone", ZONE, CREATE, "responseElements.hostedZone.id"),
    on(R53, "DeleteHostedZone", ZONE, DELETE, "requestParameters.id"),
    on(R53, "UpdateHostedZoneComment", ZONE, UPDATE, "requestParameters.id"),
    on(
        R53,
        (
            "ChangeResourceRecordSets",
            "AssociateVPCWithHostedZone",
            "DisassociateVPCFromHostedZone",
        ),
        ZONE,
        UPDATE,
        "requestParameters.hostedZoneId",
    ),
    # DNSSEC signing is its own CloudFormation resource, keyed by the zone id.
    on(R53, "EnableHostedZoneDNSSEC", DNSSEC, CREATE, "requestParameters.hostedZoneId"),
    on(R53, "DisableHostedZoneDNSSEC", DNSSEC, DELETE, "requestParameters.hostedZoneId"),
    # Health checks: awsdocs logging-using-cloudtrail (CreateHealthCheck), API reference for the
    # rest.
    on(R53, "CreateHealthCheck", HEALTH_CHECK, CREATE, "responseElements.healthCheck.id"),
    on(R53, "UpdateHealthCheck", HEALTH_CHECK, UPDATE, "requestParameters.healthCheckId"),
    on(R53, "DeleteHealthCheck", HEALTH_CHECK, DELETE, "requestParameters.healthCheckId"),
    # Tags name the kind of resource in `resourceType` (hostedzone | healthcheck).
    on(
        R53,
        "ChangeTagsForResource",
        ZONE,
        UPDATE,
        "requestParameters.resourceType == 'hostedzone' && requestParameters.resourceId",
    ),
    on(
        R53,
        "ChangeTagsForResource",
        HEALTH_CHECK,
        UPDATE,
        "requestParameters.resourceType == 'healthcheck' && requestParameters.resourceId",
    ),
    # Route 53 Resolver: awsdocs logging-using-cloudtrail (CreateResolverEndpoint), panther and
    # stratus-red-team records (DeleteResolverQueryLogConfig), API reference for the rest.
    on(
        RESOLVER, "CreateResolverEndpoint", ENDPOINT, CREATE, "responseElements.resolverEndpoint.id"
    ),
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
    ),
    on(
        RESOLVER, "DeleteResolverEndpoint", ENDPOINT, DELETE, "requestParameters.resolverEndpointId"
    ),
    on(RESOLVER, "CreateResolverRule", RULE, CREATE, "responseElements.resolverRule.id"),
    # A rule's VPC associations are changes of the rule.
    on(
        RESOLVER,
        ("UpdateResolverRule", "AssociateResolverRule", "DisassociateResolverRule"),
        RULE,
        UPDATE,
        "requestParameters.resolverRuleId",
    ),
    on(RESOLVER, "DeleteResolverRule", RULE, DELETE, "requestParameters.resolverRuleId"),
    on(
        RESOLVER,
        "CreateResolverQueryLogConfig",
        QUERY_LOG,
        CREATE,
        "responseElements.resolverQueryLogConfig.id",
    ),
    on(
        RESOLVER,
        ("AssociateResolverQueryLogConfig", "DisassociateResolverQueryLogConfig"),
        QUERY_LOG,
        UPDATE,
        "requestParameters.resolverQueryLogConfigId",
    ),
    on(
        RESOLVER,
        "DeleteResolverQueryLogConfig",
        QUERY_LOG,
        DELETE,
        "requestParameters.resolverQueryLogConfigId",
    ),
    on(
        RESOLVER,
        "CreateFirewallRuleGroup",
        FIREWALL,
        CREATE,
        "responseElements.firewallRuleGroup.id",
    ),
    # Firewall rules live inside their rule group.
    on(
        RESOLVER,
        ("CreateFirewallRule", "UpdateFirewallRule", "DeleteFirewallRule"),
        FIREWALL,
        UPDATE,
        "requestParameters.firewallRuleGroupId",
    ),
    on(
        RESOLVER,
        "DeleteFirewallRuleGroup",
        FIREWALL,
        DELETE,
        "requestParameters.firewallRuleGroupId",
    ),
    # Registered domains. The awsdocs record logs `updateDomainContact` (lower-case u) with the name
    # wrapped as `domainName.name`; the API reference shape is a plain `domainName` string.
    on(DOMAINS, "RegisterDomain", DOMAIN, CREATE, DOMAIN_NAME),
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
    ),
    on(DOMAINS, "DeleteDomain", DOMAIN, DELETE, DOMAIN_NAME),
    # CIDR collections (for IP-based routing), by the id Route 53 makes.
    on(R53, "CreateCidrCollection", CIDR_COLLECTION, CREATE, "responseElements.collection.id"),
    on(R53, "ChangeCidrCollection", CIDR_COLLECTION, UPDATE, "requestParameters.id"),
    on(R53, "DeleteCidrCollection", CIDR_COLLECTION, DELETE, "requestParameters.id"),
    # Key-signing keys, VPC association authorizations and record protections are parts of
    # the zone; a query logging configuration is deleted by its own id, learned from its
    # creation or the state's aws_route53_query_log (API reference).
    on(
        R53,
        (
            "CreateKeySigningKey",
            "ActivateKeySigningKey",
            "DeactivateKeySigningKey",
            "DeleteKeySigningKey",
            "CreateVPCAssociationAuthorization",
            "DeleteVPCAssociationAuthorization",
            "CreateResourceRecordSetProtections",
            "DeleteResourceRecordSetProtections",
            "UpdateHostedZoneFeatures",
        ),
        ZONE,
        UPDATE,
        "requestParameters.hostedZoneId",
    ),
    on(
        R53,
        "CreateQueryLoggingConfig",
        ZONE,
        UPDATE,
        "requestParameters.hostedZoneId",
        name="responseElements.queryLoggingConfig.id",
    ),
    by_name(R53, "DeleteQueryLoggingConfig", ZONE, UPDATE, "requestParameters.id"),
    # Traffic policies (versioned documents) and the records their instances make.
    on(R53, "CreateTrafficPolicy", TRAFFIC_POLICY, CREATE, "responseElements.trafficPolicy.id"),
    on(
        R53,
        ("CreateTrafficPolicyVersion", "UpdateTrafficPolicyComment"),
        TRAFFIC_POLICY,
        UPDATE,
        "requestParameters.id",
    ),
    on(R53, "DeleteTrafficPolicy", TRAFFIC_POLICY, DELETE, "requestParameters.id"),
    on(
        R53,
        "CreateTrafficPolicyInstance",
        TRAFFIC_POLICY_INSTANCE,
        CREATE,
        "responseElements.trafficPolicyInstance.id",
    ),
    on(
        R53,
        "UpdateTrafficPolicyInstance",
        TRAFFIC_POLICY_INSTANCE,
        UPDATE,
        "requestParameters.id",
    ),
    on(
        R53,
        "DeleteTrafficPolicyInstance",
        TRAFFIC_POLICY_INSTANCE,
        DELETE,
        "requestParameters.id",
    ),
    on(
        R53,
        "CreateReusableDelegationSet",
        DELEGATION_SET,
        CREATE,
        "responseElements.delegationSet.id",
    ),
    on(R53, "DeleteReusableDelegationSet", DELEGATION_SET, DELETE, "requestParameters.id"),
    # DNS Firewall domain lists and rule group associations with VPCs, Outpost resolvers,
    # sharing policies, per-VPC settings (API reference).
    on(
        RESOLVER,
        "CreateFirewallDomainList",
        FIREWALL_DOMAIN_LIST,
        CREATE,
        "responseElements.firewallDomainList.id",
    ),
    on(
        RESOLVER,
        ("UpdateFirewallDomains", "ImportFirewallDomains"),
        FIREWALL_DOMAIN_LIST,
        UPDATE,
        "requestParameters.firewallDomainListId",
    ),
    on(
        RESOLVER,
        "DeleteFirewallDomainList",
        FIREWALL_DOMAIN_LIST,
        DELETE,
        "requestParameters.firewallDomainListId",
    ),
    on(
        RESOLVER,
        "AssociateFirewallRuleGroup",
        FIREWALL_ASSOCIATION,
        CREATE,
        "responseElements.firewallRuleGroupAssociation.id",
    ),
    on(
        RESOLVER,
        "UpdateFirewallRuleGroupAssociation",
        FIREWALL_ASSOCIATION,
        UPDATE,
        "requestParameters.firewallRuleGroupAssociationId",
    ),
    on(
        RESOLVER,
        "DisassociateFirewallRuleGroup",
        FIREWALL_ASSOCIATION,
        DELETE,
        "requestParameters.firewallRuleGroupAssociationId",
    ),
    on(
        RESOLVER,
        "CreateOutpostResolver",
        OUTPOST_RESOLVER,
        CREATE,
        "responseElements.outpostResolver.id",
    ),
    on(RESOLVER, "UpdateOutpostResolver", OUTPOST_RESOLVER, UPDATE, "requestParameters.id"),
    on(RESOLVER, "DeleteOutpostResolver", OUTPOST_RESOLVER, DELETE, "requestParameters.id"),
    on(RESOLVER, "PutFirewallRuleGroupPolicy", FIREWALL, UPDATE, "requestParameters.arn"),
    on(RESOLVER, "PutResolverRulePolicy", RULE, UPDATE, "requestParameters.arn"),
    on(RESOLVER, "PutResolverQueryLogConfigPolicy", QUERY_LOG, UPDATE, "requestParameters.arn"),
    on(RESOLVER, "UpdateResolverConfig", RESOLVER_CONFIG, UPDATE, "requestParameters.resourceId"),
    on(
        RESOLVER,
        "UpdateResolverDnssecConfig",
        DNSSEC_CONFIG,
        UPDATE,
        "requestParameters.resourceId",
    ),
    on(RESOLVER, "UpdateFirewallConfig", FIREWALL_CONFIG, UPDATE, "requestParameters.resourceId"),
    on(RESOLVER, ("TagResource", "UntagResource"), BY_ARN, UPDATE, "requestParameters.resourceArn"),
    on(DOMAINS, "RenewDomain", DOMAIN, UPDATE, DOMAIN_NAME),
]

TERRAFORM = [
    tf("aws_route53_zone", ZONE, "zone_id", "id", "arn"),
    *children(
        ZONE,
        "zone_id",
        "aws_route53_record",
        "aws_route53_zone_association",
        "aws_route53_vpc_association_authorization",
    ),
    *children(
        ZONE, "hosted_zone_id", "aws_route53_key_signing_key", "aws_route53_hosted_zone_dnssec"
    ),
    tf("aws_route53_health_check", HEALTH_CHECK, "id", "arn"),
    tf("aws_route53_cidr_collection", CIDR_COLLECTION, "id", "arn"),
    tf("aws_route53domains_registered_domain", DOMAIN, "domain_name"),
    tf("aws_route53_resolver_endpoint", ENDPOINT, "id", "arn"),
    tf("aws_route53_resolver_rule", RULE, "id", "arn"),
    part_of("aws_route53_resolver_rule_association", RULE, "resolver_rule_id"),
    tf("aws_route53_resolver_query_log_config", QUERY_LOG, "id", "arn"),
    tf("aws_route53_resolver_firewall_rule_group", FIREWALL, "id", "arn"),
    part_of("aws_route53_query_log", ZONE, "zone_id", name="id"),
    tf("aws_route53_traffic_policy", TRAFFIC_POLICY, "id"),
    tf("aws_route53_traffic_policy_instance", TRAFFIC_POLICY_INSTANCE, "id"),
    tf("aws_route53_delegation_set", DELEGATION_SET, "id", "arn"),
    tf("aws_route53_resolver_firewall_domain_list", FIREWALL_DOMAIN_LIST, "id", "arn"),
    part_of("aws_route53_resolver_firewall_rule", FIREWALL, "firewall_rule_group_id"),
    tf("aws_route53_resolver_firewall_rule_group_association", FIREWALL_ASSOCIATION, "id", "arn"),
    tf("aws_route53_resolver_config", RESOLVER_CONFIG, "resource_id"),
    tf("aws_route53_resolver_dnssec_config", DNSSEC_CONFIG, "resource_id"),
    tf("aws_route53_resolver_firewall_config", FIREWALL_CONFIG, "resource_id"),
]

SERVICE = Service(
    TYPES,
    RULES,
    TERRAFORM,
    arn_kinds=ARN_KINDS,
    models=("route53", "route53domains", "route53resolver"),
    unreachable={
        setting: "a per-VPC setting of Route 53 Resolver: it always exists, the Update… call "
        "changes it"
        for setting in (RESOLVER_CONFIG, DNSSEC_CONFIG, FIREWALL_CONFIG)
    },
    not_in_models={
        "updateDomainContact": "the spelling of AWS's own example record "
        "(amazon-route53-docs, logging-using-cloudtrail)",
    },
    model_exceptions={
        "requestParameters.domainName.name": "AWS's example record wraps the domain name as "
        "`domainName.name` (amazon-route53-docs, logging-using-cloudtrail)",
    },
)
