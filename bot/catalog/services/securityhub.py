"""Security Hub: the hub (one per account and region) and custom insights.

Security Hub logs its PascalCase member names unchanged (`InsightArn`). Finding updates
(UpdateFindings, BatchUpdateFindings) are data, not configuration: no rules.
"""

from __future__ import annotations

from bot.catalog.operational import ops
from bot.catalog.resource_types import ResourceType
from bot.catalog.rules import BY_ARN, CREATE, DELETE, UPDATE, on
from bot.catalog.service import Service
from bot.catalog.terraform_types import STATE_ACCOUNT, part_of, tf

SH = "securityhub.amazonaws.com"

HUB = "AWS::SecurityHub::Hub"
INSIGHT = "AWS::SecurityHub::Insight"
ACTION_TARGET = "AWS::SecurityHub::ActionTarget"
AUTOMATION_RULE = "AWS::SecurityHub::AutomationRule"
AUTOMATION_RULE_V2 = "AWS::SecurityHub::AutomationRuleV2"
CONFIGURATION_POLICY = "AWS::SecurityHub::ConfigurationPolicy"
FINDING_AGGREGATOR = "AWS::SecurityHub::FindingAggregator"
AGGREGATOR_V2 = "AWS::SecurityHub::AggregatorV2"
STANDARD = "AWS::SecurityHub::Standard"
PRODUCT_SUBSCRIPTION = "AWS::SecurityHub::ProductSubscription"
MEMBER = "AWS::SecurityHub::Member"
DELEGATED_ADMIN = "AWS::SecurityHub::DelegatedAdmin"
ORGANIZATION_CONFIGURATION = "AWS::SecurityHub::OrganizationConfiguration"
HUB_V2 = "AWS::SecurityHub::HubV2"
CONNECTOR = "AWS::SecurityHub::ConnectorV2"

TYPES = (
    ResourceType(HUB, "arn"),
    ResourceType(INSIGHT, "arn"),
    ResourceType(ACTION_TARGET, "arn", cfn=False),
    ResourceType(AUTOMATION_RULE, "arn"),
    ResourceType(AUTOMATION_RULE_V2, "arn", cfn=False),
    ResourceType(CONFIGURATION_POLICY, "arn"),
    ResourceType(FINDING_AGGREGATOR, "arn"),
    ResourceType(AGGREGATOR_V2, "arn", cfn=False),
    ResourceType(STANDARD, "arn"),
    ResourceType(PRODUCT_SUBSCRIPTION, "arn", cfn=False),
    ResourceType(MEMBER, "id", cfn=False),
    ResourceType(DELEGATED_ADMIN, "id"),
    ResourceType(ORGANIZATION_CONFIGURATION, "account", cfn=False),
    ResourceType(HUB_V2, "account", cfn=False),
    ResourceType(CONNECTOR, "id", cfn=False),
)

ARN_KINDS = {
    ("securityhub", "hub"): HUB,
    ("securityhub", "automation-rule"): AUTOMATION_RULE,
    ("securityhub", "configuration-policy"): CONFIGURATION_POLICY,
    ("securityhub", "finding-aggregator"): FINDING_AGGREGATOR,
    ("securityhub", "subscription"): STANDARD,
}

# The hub's ARN is arn:aws:securityhub:REGION:ACCOUNT:hub/default; the calls carry no id.
HUB_ARN = (
    "awsRegion && recipientAccountId && "
    "join('', ['arn:aws:securityhub:', awsRegion, ':', recipientAccountId, ':hub/default'])"
)
RULES = [
    on(SH, "EnableSecurityHub", HUB, CREATE, HUB_ARN),
    on(SH, "UpdateSecurityHubConfiguration", HUB, UPDATE, HUB_ARN),
    on(SH, "DisableSecurityHub", HUB, DELETE, HUB_ARN),
    # panther-analysis aws_securityhub_finding_evasion records (CreateInsight, DeleteInsight).
    on(SH, "CreateInsight", INSIGHT, CREATE, "responseElements.InsightArn"),
    on(SH, "UpdateInsight", INSIGHT, UPDATE, "requestParameters.InsightArn"),
    on(
        SH,
        "DeleteInsight",
        INSIGHT,
        DELETE,
        "requestParameters.InsightArn || responseElements.InsightArn",
    ),
    # Custom actions, automation rules (v1 and v2), central configuration policies, finding
    # aggregators, standards subscriptions, product integrations (API reference; bodies keyed
    # as on the wire, path parameters in lowerCamel).
    on(SH, "CreateActionTarget", ACTION_TARGET, CREATE, "responseElements.ActionTargetArn"),
    on(SH, "UpdateActionTarget", ACTION_TARGET, UPDATE, "requestParameters.actionTargetArn"),
    on(SH, "DeleteActionTarget", ACTION_TARGET, DELETE, "requestParameters.actionTargetArn"),
    on(SH, "CreateAutomationRule", AUTOMATION_RULE, CREATE, "responseElements.RuleArn"),
    on(
        SH,
        "BatchUpdateAutomationRules",
        AUTOMATION_RULE,
        UPDATE,
        "requestParameters.UpdateAutomationRulesRequestItems[].RuleArn",
    ),
    on(
        SH,
        "BatchDeleteAutomationRules",
        AUTOMATION_RULE,
        DELETE,
        "requestParameters.AutomationRulesArns",
    ),
    on(SH, "CreateAutomationRuleV2", AUTOMATION_RULE_V2, CREATE, "responseElements.RuleArn"),
    on(SH, "UpdateAutomationRuleV2", AUTOMATION_RULE_V2, UPDATE, "requestParameters.identifier"),
    on(SH, "DeleteAutomationRuleV2", AUTOMATION_RULE_V2, DELETE, "requestParameters.identifier"),
    on(SH, "CreateConfigurationPolicy", CONFIGURATION_POLICY, CREATE, "responseElements.Arn"),
    on(
        SH,
        "UpdateConfigurationPolicy",
        CONFIGURATION_POLICY,
        UPDATE,
        "responseElements.Arn || requestParameters.identifier",
    ),
    on(
        SH,
        ("StartConfigurationPolicyAssociation", "StartConfigurationPolicyDisassociation"),
        CONFIGURATION_POLICY,
        UPDATE,
        "requestParameters.ConfigurationPolicyIdentifier",
    ),
    on(
        SH,
        "DeleteConfigurationPolicy",
        CONFIGURATION_POLICY,
        DELETE,
        "requestParameters.identifier",
    ),
    on(
        SH,
        "CreateFindingAggregator",
        FINDING_AGGREGATOR,
        CREATE,
        "responseElements.FindingAggregatorArn",
    ),
    on(
        SH,
        "UpdateFindingAggregator",
        FINDING_AGGREGATOR,
        UPDATE,
        "requestParameters.FindingAggregatorArn",
    ),
    on(
        SH,
        "DeleteFindingAggregator",
        FINDING_AGGREGATOR,
        DELETE,
        "requestParameters.findingAggregatorArn",
    ),
    on(SH, "CreateAggregatorV2", AGGREGATOR_V2, CREATE, "responseElements.AggregatorV2Arn"),
    on(SH, "UpdateAggregatorV2", AGGREGATOR_V2, UPDATE, "requestParameters.aggregatorV2Arn"),
    on(SH, "DeleteAggregatorV2", AGGREGATOR_V2, DELETE, "requestParameters.aggregatorV2Arn"),
    on(
        SH,
        "BatchEnableStandards",
        STANDARD,
        CREATE,
        "responseElements.StandardsSubscriptions[].StandardsSubscriptionArn",
    ),
    on(
        SH,
        "BatchDisableStandards",
        STANDARD,
        DELETE,
        "requestParameters.StandardsSubscriptionArns",
    ),
    on(
        SH,
        "EnableImportFindingsForProduct",
        PRODUCT_SUBSCRIPTION,
        CREATE,
        "responseElements.ProductSubscriptionArn",
    ),
    on(
        SH,
        "DisableImportFindingsForProduct",
        PRODUCT_SUBSCRIPTION,
        DELETE,
        "requestParameters.productSubscriptionArn",
    ),
    # Controls turned on or off, and administrator/member links: changes of the hub.
    on(
        SH,
        (
            "UpdateStandardsControl",
            "UpdateSecurityControl",
            "BatchUpdateStandardsControlAssociations",
            "AcceptAdministratorInvitation",
            "AcceptInvitation",
            "DisassociateFromAdministratorAccount",
            "DisassociateFromMasterAccount",
        ),
        HUB,
        UPDATE,
        HUB_ARN,
    ),
    on(SH, "CreateMembers", MEMBER, CREATE, "requestParameters.AccountDetails[].AccountId"),
    on(
        SH,
        ("DeleteMembers", "DisassociateMembers"),
        MEMBER,
        DELETE,
        "requestParameters.AccountIds",
    ),
    on(
        SH,
        "EnableOrganizationAdminAccount",
        DELEGATED_ADMIN,
        CREATE,
        "requestParameters.AdminAccountId",
    ),
    on(
        SH,
        "DisableOrganizationAdminAccount",
        DELEGATED_ADMIN,
        DELETE,
        "requestParameters.AdminAccountId",
    ),
    on(
        SH,
        "UpdateOrganizationConfiguration",
        ORGANIZATION_CONFIGURATION,
        UPDATE,
        "recipientAccountId",
    ),
    # Security Hub's 2025 edition: the hub, its features, ticketing connectors.
    on(SH, "EnableSecurityHubV2", HUB_V2, CREATE, "recipientAccountId"),
    on(
        SH,
        ("EnableSecurityHubFeatureV2", "DisableSecurityHubFeatureV2"),
        HUB_V2,
        UPDATE,
        "recipientAccountId",
    ),
    on(SH, "DisableSecurityHubV2", HUB_V2, DELETE, "recipientAccountId"),
    on(
        SH,
        ("CreateConnectorV2", "RegisterConnectorV2", "CreateConnector"),
        CONNECTOR,
        CREATE,
        "responseElements.ConnectorId",
    ),
    on(
        SH,
        ("UpdateConnectorV2", "UpdateConnector"),
        CONNECTOR,
        UPDATE,
        "requestParameters.connectorId",
    ),
    on(
        SH,
        ("DeleteConnectorV2", "DeleteConnector"),
        CONNECTOR,
        DELETE,
        "requestParameters.connectorId",
    ),
    on(SH, ("TagResource", "UntagResource"), BY_ARN, UPDATE, "requestParameters.resourceArn"),
]

TERRAFORM = [
    tf("aws_securityhub_account", HUB, "arn"),
    tf("aws_securityhub_action_target", ACTION_TARGET, "arn", "id"),
    tf("aws_securityhub_automation_rule", AUTOMATION_RULE, "arn", "id"),
    tf("aws_securityhub_configuration_policy", CONFIGURATION_POLICY, "arn", "id"),
    part_of("aws_securityhub_configuration_policy_association", CONFIGURATION_POLICY, "policy_id"),
    tf("aws_securityhub_finding_aggregator", FINDING_AGGREGATOR, "id"),
    tf("aws_securityhub_standards_subscription", STANDARD, "id"),
    tf("aws_securityhub_product_subscription", PRODUCT_SUBSCRIPTION, "arn"),
    tf("aws_securityhub_member", MEMBER, "account_id", "id"),
    tf("aws_securityhub_organization_admin_account", DELEGATED_ADMIN, "admin_account_id", "id"),
    tf(
        "aws_securityhub_organization_configuration",
        ORGANIZATION_CONFIGURATION,
        STATE_ACCOUNT,
    ),
]

OPERATIONAL = [
    ops(
        SH,
        "invitations deleted, tickets opened for findings, finding exports: work on findings, "
        "not the hub's configuration",
        "DeleteInvitations CreateTicketV2 StartExportJobV2 CancelExportJobV2",
    ),
    ops(SH, "invitations declined: nothing joins", "DeclineInvitations"),
]

SERVICE = Service(
    TYPES,
    RULES,
    TERRAFORM,
    arn_kinds=ARN_KINDS,
    operational=OPERATIONAL,
    models=("securityhub",),
    casing="wire",
    unreachable={
        ORGANIZATION_CONFIGURATION: "the organization's Security Hub configuration: a setting of "
        "the administrator account, changed by UpdateOrganizationConfiguration",
    },
)
