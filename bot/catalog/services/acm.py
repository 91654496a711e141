"""ACM: certificates, by ARN. ResendValidationEmail only re-sends mail: no rule."""

from __future__ import annotations

from bot.catalog.resource_types import ResourceType
from bot.catalog.rules import CREATE, DELETE, UPDATE, on
from bot.catalog.service import Service
from bot.catalog.terraform_types import part_of, tf

ACM = "acm.amazonaws.com"

CERT = "AWS::CertificateManager::Certificate"

TYPES = (ResourceType(CERT, "arn"),)
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
]

TERRAFORM = [
    tf("aws_acm_certificate", CERT, "arn", "id"),
    part_of("aws_acm_certificate_validation", CERT, "certificate_arn"),
]

SERVICE = Service(TYPES, RULES, TERRAFORM, arn_kinds=ARN_KINDS, models=("acm",))
