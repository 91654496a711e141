"""AWS Private CA (acm-pca): certificate authorities, by ARN. No CloudTrail rules yet."""

from __future__ import annotations

from bot.catalog.resource_types import ResourceType
from bot.catalog.service import Service
from bot.catalog.terraform_types import tf

CERTIFICATE_AUTHORITY = "AWS::ACMPCA::CertificateAuthority"

TYPES = (ResourceType(CERTIFICATE_AUTHORITY, "arn"),)

TERRAFORM = [
    tf("aws_acmpca_certificate_authority", CERTIFICATE_AUTHORITY, "arn", "id"),
]

SERVICE = Service(TYPES, terraform=TERRAFORM, models=("acm-pca",))
