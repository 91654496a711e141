"""Elastic Load Balancing: Classic (API 2012-06-01) and v2 (ALB/NLB/GWLB, API 2015-12-01).

Both APIs log under the same eventSource and share some event names (CreateLoadBalancer,
DeleteLoadBalancer, ModifyLoadBalancerAttributes, AddTags, RemoveTags). They differ in their
request keys: v2 names resources by ARN (`loadBalancerArn`, `resourceArns`), Classic by name
(`loadBalancerName`, `loadBalancerNames`), so a shared name gets one target per API and only the
one whose keys are present yields an id.
"""

from __future__ import annotations

from bot.catalog.resource_types import ResourceType
from bot.catalog.rules import BY_ARN, CREATE, DELETE, UPDATE, on
from bot.catalog.service import Service
from bot.catalog.terraform_types import children, part_of, tf

ELB = "elasticloadbalancing.amazonaws.com"

LB_V2 = "AWS::ElasticLoadBalancingV2::LoadBalancer"
LISTENER = "AWS::ElasticLoadBalancingV2::Listener"
LISTENER_RULE = "AWS::ElasticLoadBalancingV2::ListenerRule"
TARGET_GROUP = "AWS::ElasticLoadBalancingV2::TargetGroup"
TRUST_STORE = "AWS::ElasticLoadBalancingV2::TrustStore"
LB_CLASSIC = "AWS::ElasticLoadBalancing::LoadBalancer"

TYPES = (
    # Load balancing: ELBv2 by ARN, Classic ELB by name
    ResourceType(LB_V2, "arn"),
    ResourceType(LISTENER, "arn"),
    ResourceType(LISTENER_RULE, "arn"),
    ResourceType(TARGET_GROUP, "arn"),
    ResourceType(TRUST_STORE, "arn"),
    ResourceType(LB_CLASSIC, "name", "loadbalancer/"),
)
ARN_KINDS = {
    ("elasticloadbalancing", "loadbalancer/app"): LB_V2,
    ("elasticloadbalancing", "loadbalancer/net"): LB_V2,
    ("elasticloadbalancing", "loadbalancer/gwy"): LB_V2,
    ("elasticloadbalancing", "loadbalancer"): LB_CLASSIC,
    ("elasticloadbalancing", "listener"): LISTENER,
    ("elasticloadbalancing", "listener-rule"): LISTENER_RULE,
    ("elasticloadbalancing", "targetgroup"): TARGET_GROUP,
}

# Calls of both APIs
# CreateLoadBalancer: real records of both kinds (awsdocs ALB and Classic guides); v2 requests
# carry `name`, so the Classic target only fires on Classic calls. DeleteLoadBalancer: real v2
# record (awsdocs ALB guide). ModifyLoadBalancerAttributes: both API references.
RULES = [
    on(
        ELB, "CreateLoadBalancer", LB_V2, CREATE, "responseElements.loadBalancers[].loadBalancerArn"
    ),
    on(ELB, "CreateLoadBalancer", LB_CLASSIC, CREATE, "requestParameters.loadBalancerName"),
    on(ELB, "DeleteLoadBalancer", LB_V2, DELETE, "requestParameters.loadBalancerArn"),
    on(ELB, "DeleteLoadBalancer", LB_CLASSIC, DELETE, "requestParameters.loadBalancerName"),
    on(ELB, "ModifyLoadBalancerAttributes", LB_V2, UPDATE, "requestParameters.loadBalancerArn"),
    on(
        ELB,
        "ModifyLoadBalancerAttributes",
        LB_CLASSIC,
        UPDATE,
        "requestParameters.loadBalancerName",
    ),
    # Tags: v2 tags any ELB ARN (load balancer, target group, listener, rule); Classic tags load
    # balancers by name. AddTags v2: real record (cloud-custodian).
    on(ELB, ("AddTags", "RemoveTags"), BY_ARN, UPDATE, "requestParameters.resourceArns[]"),
    on(ELB, ("AddTags", "RemoveTags"), LB_CLASSIC, UPDATE, "requestParameters.loadBalancerNames[]"),
    # v2 load balancers, listeners, rules, target groups (ELBv2 API reference)
    on(
        ELB,
        ("SetSecurityGroups", "SetSubnets", "SetIpAddressType"),
        LB_V2,
        UPDATE,
        "requestParameters.loadBalancerArn",
    ),
    on(ELB, "CreateListener", LISTENER, CREATE, "responseElements.listeners[].listenerArn"),
    on(
        ELB,
        ("ModifyListener", "AddListenerCertificates", "RemoveListenerCertificates"),
        LISTENER,
        UPDATE,
        "requestParameters.listenerArn",
    ),
    on(ELB, "DeleteListener", LISTENER, DELETE, "requestParameters.listenerArn"),
    on(ELB, "CreateRule", LISTENER_RULE, CREATE, "responseElements.rules[].ruleArn"),
    on(ELB, "ModifyRule", LISTENER_RULE, UPDATE, "requestParameters.ruleArn"),
    on(
        ELB,
        "SetRulePriorities",
        LISTENER_RULE,
        UPDATE,
        "requestParameters.rulePriorities[].ruleArn",
    ),
    on(ELB, "DeleteRule", LISTENER_RULE, DELETE, "requestParameters.ruleArn"),
    on(
        ELB,
        "CreateTargetGroup",
        TARGET_GROUP,
        CREATE,
        "responseElements.targetGroups[].targetGroupArn",
    ),
    # Registered targets are part of the target group (aws_lb_target_group_attachment).
    on(
        ELB,
        (
            "ModifyTargetGroup",
            "ModifyTargetGroupAttributes",
            "RegisterTargets",
            "DeregisterTargets",
        ),
        TARGET_GROUP,
        UPDATE,
        "requestParameters.targetGroupArn",
    ),
    on(ELB, "DeleteTargetGroup", TARGET_GROUP, DELETE, "requestParameters.targetGroupArn"),
    # Classic load balancers: every call names the balancer
    # CreateLoadBalancerPolicy (cloud-custodian) and RegisterInstancesWithLoadBalancer (awsdocs ACM
    # guide): real records. The rest: the Classic ELB API reference (2012-06-01).
    on(
        ELB,
        (
            "CreateLoadBalancerListeners",
            "DeleteLoadBalancerListeners",
            "SetLoadBalancerListenerSSLCertificate",
            "CreateLoadBalancerPolicy",
            "DeleteLoadBalancerPolicy",
            "CreateAppCookieStickinessPolicy",
            "CreateLBCookieStickinessPolicy",
            "SetLoadBalancerPoliciesOfListener",
            "SetLoadBalancerPoliciesForBackendServer",
            "RegisterInstancesWithLoadBalancer",
            "DeregisterInstancesFromLoadBalancer",
            "ConfigureHealthCheck",
            "EnableAvailabilityZonesForLoadBalancer",
            "DisableAvailabilityZonesForLoadBalancer",
            "ApplySecurityGroupsToLoadBalancer",
            "AttachLoadBalancerToSubnets",
            "DetachLoadBalancerFromSubnets",
        ),
        LB_CLASSIC,
        UPDATE,
        "requestParameters.loadBalancerName",
    ),
    # Trust stores (mutual TLS), by ARN; their revocation lists are parts of them.
    on(
        ELB,
        "CreateTrustStore",
        TRUST_STORE,
        CREATE,
        "responseElements.trustStores[].trustStoreArn",
    ),
    on(
        ELB,
        ("ModifyTrustStore", "AddTrustStoreRevocations", "RemoveTrustStoreRevocations"),
        TRUST_STORE,
        UPDATE,
        "requestParameters.trustStoreArn",
    ),
    on(ELB, "DeleteTrustStore", TRUST_STORE, DELETE, "requestParameters.trustStoreArn"),
]

# ELBv2 by ARN (`aws_alb*` are the old names of `aws_lb*`), Classic ELB by name.
TERRAFORM = [
    tf("aws_lb", LB_V2, "arn", "id"),
    tf("aws_lb_listener", LISTENER, "arn", "id"),
    tf("aws_lb_listener_rule", LISTENER_RULE, "arn", "id"),
    tf("aws_lb_target_group", TARGET_GROUP, "arn", "id"),
    part_of("aws_lb_target_group_attachment", TARGET_GROUP, "target_group_arn"),
    tf("aws_alb", LB_V2, "arn", "id"),
    tf("aws_alb_listener", LISTENER, "arn", "id"),
    tf("aws_alb_listener_rule", LISTENER_RULE, "arn", "id"),
    tf("aws_alb_target_group", TARGET_GROUP, "arn", "id"),
    part_of("aws_alb_target_group_attachment", TARGET_GROUP, "target_group_arn"),
    part_of("aws_lb_listener_certificate", LISTENER, "listener_arn"),
    tf("aws_lb_trust_store", TRUST_STORE, "arn", "id"),
    tf("aws_elb", LB_CLASSIC, "name", "id", "arn"),
    part_of("aws_elb_attachment", LB_CLASSIC, "elb"),
    *children(
        LB_CLASSIC,
        "load_balancer_name",
        "aws_load_balancer_policy",
        "aws_load_balancer_listener_policy",
        "aws_load_balancer_backend_server_policy",
    ),
    *children(
        LB_CLASSIC, "load_balancer", "aws_lb_cookie_stickiness_policy", "aws_proxy_protocol_policy"
    ),
    part_of("aws_app_cookie_stickiness_policy", LB_CLASSIC, "load_balancer"),
]

SERVICE = Service(TYPES, RULES, TERRAFORM, arn_kinds=ARN_KINDS, models=("elb", "elbv2"))
