"""Amazon SES (v1 and v2 APIs, both logged as `ses.amazonaws.com`): email identities (an
address or a domain, by itself; DKIM, MAIL FROM, notification topics, policies and feedback
settings are parts of it), configuration sets (with their event destinations and options),
templates, receipt rule sets (with their rules) and receipt filters, contact lists and
dedicated IP pools (by name), and the account's sending settings. Sending, suppression-list
entries, contacts and import/export jobs are operational."""

from __future__ import annotations

from bot.catalog.operational import ops
from bot.catalog.resource_types import ResourceType
from bot.catalog.rules import BY_ARN, CREATE, DELETE, UPDATE, on
from bot.catalog.service import Service
from bot.catalog.terraform_types import STATE_ACCOUNT, children, tf

SES = "ses.amazonaws.com"

EMAIL_IDENTITY = "AWS::SES::EmailIdentity"
CONFIGURATION_SET = "AWS::SES::ConfigurationSet"
TEMPLATE = "AWS::SES::Template"
RULE_SET = "AWS::SES::ReceiptRuleSet"
RECEIPT_FILTER = "AWS::SES::ReceiptFilter"
CONTACT_LIST = "AWS::SES::ContactList"
IP_POOL = "AWS::SES::DedicatedIpPool"
ACCOUNT = "AWS::SES::AccountSettings"

TYPES = (
    ResourceType(EMAIL_IDENTITY, "name", "identity/"),
    ResourceType(CONFIGURATION_SET, "name", "configuration-set/"),
    ResourceType(TEMPLATE, "name", "template/"),
    ResourceType(RULE_SET, "name", "receipt-rule-set/"),
    ResourceType(RECEIPT_FILTER, "name", "receipt-filter/"),
    ResourceType(CONTACT_LIST, "name", "contact-list/"),
    ResourceType(IP_POOL, "name", "dedicated-ip-pool/"),
    ResourceType(ACCOUNT, "account", cfn=False),
)
ARN_KINDS = {
    ("ses", "identity"): EMAIL_IDENTITY,
    ("ses", "configuration-set"): CONFIGURATION_SET,
    ("ses", "template"): TEMPLATE,
    ("ses", "contact-list"): CONTACT_LIST,
    ("ses", "dedicated-ip-pool"): IP_POOL,
}

CONFIG_SET = "requestParameters.configurationSetName"
TEMPLATE_NAME = "requestParameters.templateName"

# SES v1 (query) and v2 (REST JSON) API references: both log members lower-case first; where
# the two name the thing differently both paths are given.
RULES = [
    # Identities: v1 verifies an address or a domain, v2 creates an email identity.
    on(SES, "CreateEmailIdentity", EMAIL_IDENTITY, CREATE, "requestParameters.emailIdentity"),
    on(SES, "VerifyEmailIdentity", EMAIL_IDENTITY, CREATE, "requestParameters.emailAddress"),
    on(SES, "VerifyEmailAddress", EMAIL_IDENTITY, CREATE, "requestParameters.emailAddress"),
    on(SES, "VerifyDomainIdentity", EMAIL_IDENTITY, CREATE, "requestParameters.domain"),
    on(SES, "VerifyDomainDkim", EMAIL_IDENTITY, UPDATE, "requestParameters.domain"),
    on(
        SES,
        (
            "PutEmailIdentityDkimAttributes",
            "PutEmailIdentityDkimSigningAttributes",
            "PutEmailIdentityFeedbackAttributes",
            "PutEmailIdentityMailFromAttributes",
            "PutEmailIdentityConfigurationSetAttributes",
            "CreateEmailIdentityPolicy",
            "UpdateEmailIdentityPolicy",
            "DeleteEmailIdentityPolicy",
            "AssociateEmailIdentityCertificate",
            "DisassociateEmailIdentityCertificate",
        ),
        EMAIL_IDENTITY,
        UPDATE,
        "requestParameters.emailIdentity",
    ),
    on(
        SES,
        (
            "SetIdentityDkimEnabled",
            "SetIdentityFeedbackForwardingEnabled",
            "SetIdentityHeadersInNotificationsEnabled",
            "SetIdentityMailFromDomain",
            "SetIdentityNotificationTopic",
            "PutIdentityPolicy",
            "DeleteIdentityPolicy",
        ),
        EMAIL_IDENTITY,
        UPDATE,
        "requestParameters.identity",
    ),
    on(SES, "DeleteEmailIdentity", EMAIL_IDENTITY, DELETE, "requestParameters.emailIdentity"),
    on(SES, "DeleteIdentity", EMAIL_IDENTITY, DELETE, "requestParameters.identity"),
    on(
        SES,
        "DeleteVerifiedEmailAddress",
        EMAIL_IDENTITY,
        DELETE,
        "requestParameters.emailAddress",
    ),
    # Configuration sets: v1 nests the name in `configurationSet`.
    on(
        SES,
        "CreateConfigurationSet",
        CONFIGURATION_SET,
        CREATE,
        "requestParameters.configurationSetName || requestParameters.configurationSet.name",
    ),
    on(
        SES,
        (
            "UpdateConfigurationSet",
            "CreateConfigurationSetEventDestination",
            "UpdateConfigurationSetEventDestination",
            "DeleteConfigurationSetEventDestination",
            "CreateConfigurationSetTrackingOptions",
            "UpdateConfigurationSetTrackingOptions",
            "DeleteConfigurationSetTrackingOptions",
            "UpdateConfigurationSetReputationMetricsEnabled",
            "UpdateConfigurationSetSendingEnabled",
            "PutConfigurationSetArchivingOptions",
            "PutConfigurationSetDeliveryOptions",
            "PutConfigurationSetReputationOptions",
            "PutConfigurationSetSendingOptions",
            "PutConfigurationSetSuppressionOptions",
            "PutConfigurationSetTrackingOptions",
            "PutConfigurationSetVdmOptions",
        ),
        CONFIGURATION_SET,
        UPDATE,
        CONFIG_SET,
    ),
    on(SES, "DeleteConfigurationSet", CONFIGURATION_SET, DELETE, CONFIG_SET),
    # Templates: v1 nests the name in `template`.
    on(SES, "CreateTemplate", TEMPLATE, CREATE, "requestParameters.template.templateName"),
    on(SES, "UpdateTemplate", TEMPLATE, UPDATE, "requestParameters.template.templateName"),
    on(SES, "CreateEmailTemplate", TEMPLATE, CREATE, TEMPLATE_NAME),
    on(SES, "UpdateEmailTemplate", TEMPLATE, UPDATE, TEMPLATE_NAME),
    on(SES, ("DeleteTemplate", "DeleteEmailTemplate"), TEMPLATE, DELETE, TEMPLATE_NAME),
    on(
        SES,
        ("CreateReceiptRuleSet", "CloneReceiptRuleSet"),
        RULE_SET,
        CREATE,
        "requestParameters.ruleSetName",
    ),
    on(
        SES,
        (
            "CreateReceiptRule",
            "UpdateReceiptRule",
            "DeleteReceiptRule",
            "SetReceiptRulePosition",
            "ReorderReceiptRuleSet",
            "SetActiveReceiptRuleSet",
        ),
        RULE_SET,
        UPDATE,
        "requestParameters.ruleSetName",
    ),
    on(SES, "DeleteReceiptRuleSet", RULE_SET, DELETE, "requestParameters.ruleSetName"),
    on(SES, "CreateReceiptFilter", RECEIPT_FILTER, CREATE, "requestParameters.filter.name"),
    on(SES, "DeleteReceiptFilter", RECEIPT_FILTER, DELETE, "requestParameters.filterName"),
    on(SES, "CreateContactList", CONTACT_LIST, CREATE, "requestParameters.contactListName"),
    on(SES, "UpdateContactList", CONTACT_LIST, UPDATE, "requestParameters.contactListName"),
    on(SES, "DeleteContactList", CONTACT_LIST, DELETE, "requestParameters.contactListName"),
    on(SES, "CreateDedicatedIpPool", IP_POOL, CREATE, "requestParameters.poolName"),
    on(SES, "PutDedicatedIpPoolScalingAttributes", IP_POOL, UPDATE, "requestParameters.poolName"),
    on(SES, "DeleteDedicatedIpPool", IP_POOL, DELETE, "requestParameters.poolName"),
    on(
        SES,
        (
            "UpdateAccountSendingEnabled",
            "PutAccountDetails",
            "PutAccountSendingAttributes",
            "PutAccountSuppressionAttributes",
            "PutAccountVdmAttributes",
            "PutAccountDedicatedIpWarmupAttributes",
            "PutDeliverabilityDashboardOption",
        ),
        ACCOUNT,
        UPDATE,
        "recipientAccountId",
    ),
    on(SES, ("TagResource", "UntagResource"), BY_ARN, UPDATE, "requestParameters.resourceArn"),
]

OPERATIONAL = [
    ops(
        SES,
        "sending mail, the suppression list, contacts, custom verification mail, import and "
        "export jobs, and warming up dedicated IPs: use, not configuration",
        """SendEmail SendRawEmail SendTemplatedEmail SendBulkEmail SendBulkTemplatedEmail
        SendBounce SendCustomVerificationEmail TestRenderTemplate TestRenderEmailTemplate
        PutSuppressedDestination DeleteSuppressedDestination CreateContact UpdateContact
        DeleteContact CreateExportJob CreateImportJob CancelExportJob
        CreateCustomVerificationEmailTemplate UpdateCustomVerificationEmailTemplate
        DeleteCustomVerificationEmailTemplate PutDedicatedIpInPool PutDedicatedIpWarmupAttributes
        PutAccountPricingAttributes""",
    ),
]

TERRAFORM = [
    tf("aws_sesv2_email_identity", EMAIL_IDENTITY, "email_identity", "arn", "id"),
    tf("aws_ses_domain_identity", EMAIL_IDENTITY, "domain", "id", "arn"),
    tf("aws_ses_email_identity", EMAIL_IDENTITY, "email", "id", "arn"),
    *children(EMAIL_IDENTITY, "domain", "aws_ses_domain_dkim", "aws_ses_domain_mail_from"),
    *children(
        EMAIL_IDENTITY,
        "identity",
        "aws_ses_identity_notification_topic",
        "aws_ses_identity_policy",
        "aws_ses_identity_feedback_forwarding_enabled",
    ),
    *children(
        EMAIL_IDENTITY,
        "email_identity",
        "aws_sesv2_email_identity_feedback_attributes",
        "aws_sesv2_email_identity_mail_from_attributes",
        "aws_sesv2_email_identity_policy",
    ),
    tf("aws_sesv2_configuration_set", CONFIGURATION_SET, "configuration_set_name", "arn", "id"),
    tf("aws_ses_configuration_set", CONFIGURATION_SET, "name", "id", "arn"),
    *children(
        CONFIGURATION_SET,
        "configuration_set_name",
        "aws_sesv2_configuration_set_event_destination",
        "aws_ses_event_destination",
    ),
    tf("aws_ses_template", TEMPLATE, "name", "id", "arn"),
    tf("aws_ses_receipt_rule_set", RULE_SET, "rule_set_name", "id", "arn"),
    *children(RULE_SET, "rule_set_name", "aws_ses_receipt_rule", "aws_ses_active_receipt_rule_set"),
    tf("aws_ses_receipt_filter", RECEIPT_FILTER, "name", "id", "arn"),
    tf("aws_sesv2_contact_list", CONTACT_LIST, "contact_list_name", "id", "arn"),
    tf("aws_sesv2_dedicated_ip_pool", IP_POOL, "pool_name", "id", "arn"),
    tf("aws_sesv2_account_vdm_attributes", ACCOUNT, STATE_ACCOUNT),
    tf("aws_sesv2_account_suppression_attributes", ACCOUNT, STATE_ACCOUNT),
]

SERVICE = Service(
    TYPES,
    RULES,
    TERRAFORM,
    arn_kinds=ARN_KINDS,
    operational=OPERATIONAL,
    models=("ses", "sesv2"),
    unreachable={
        ACCOUNT: "account-wide sending settings: they always exist, nothing creates them",
    },
)
