"""ACM: certificates, by ARN. ResendValidationEmail only re-sends mail: no rule."""

from __future__ import annotations

from bot.catalog.operational import ops
from bot.catalog.resource_types import ResourceType
from bot.catalog.rules import CREATE, DELETE, UPDATE, on
from bot.catalog.service import Service
from bot.catalog.terraform_types import part_of, tf

ACM = "acm.amazonaws.com"

CERT = "AWS::CertificateManager::Certificate"
ACCOUNT_CONFIGURATION = "AWS::CertificateManager::Account"

TYPES = (
    ResourceType(CERT, "arn"),
    ResourceType(ACCOUNT_CONFIGURATION, "account"),
)
ARN_KINDS = {
    ("acm", "certificate"): CERT,
}

# awsdocs aws-certificate-user-guide acm-supported-actions-in-cloudtrail records.
RULES = [
    on(
        ACM,
        ("RequestCertificate", "ImportCertificate"),
        CERT,
        CREATE,
        "responseElements.certificateArn",
    ),
    on(
        ACM,
        (
            "AddTagsToCertificate",
            "RemoveTagsFromCertificate",
            "UpdateCertificateOptions",
            "RenewCertificate",
        ),
        CERT,
        UPDATE,
        "requestParameters.certificateArn",
    ),
    on(ACM, "DeleteCertificate", CERT, DELETE, "requestParameters.certificateArn"),
    on(ACM, "RevokeCertificate", CERT, UPDATE, "requestParameters.certificateArn"),
    on(
        ACM,
        ("TagResource", "UntagResource"),
        CERT,
        UPDATE,
        "requestParameters.resourceArn && contains(requestParameters.resourceArn, ':certificate/')"
        " && requestParameters.resourceArn",
    ),
    on(ACM, "PutAccountConfiguration", ACCOUNT_CONFIGURATION, UPDATE, "recipientAccountId"),
]

TERRAFORM = [
    tf("aws_acm_certificate", CERT, "arn", "id"),
    part_of("aws_acm_certificate_validation", CERT, "certificate_arn"),
]

OPERATIONAL = [
    ops(
        ACM,
        "ACME endpoints, their domain validations and account bindings (2025) have no IaC type yet",
        """CreateAcmeEndpoint UpdateAcmeEndpoint DeleteAcmeEndpoint CreateAcmeDomainValidation
        UpdateAcmeDomainValidation DeleteAcmeDomainValidation CreateAcmeExternalAccountBinding
        DeleteAcmeExternalAccountBinding RevokeAcmeExternalAccountBinding RevokeAcmeAccount""",
    ),
]

SERVICE = Service(
    TYPES, RULES, TERRAFORM, arn_kinds=ARN_KINDS, operational=OPERATIONAL, models=("acm",)
)
