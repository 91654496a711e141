"""AWS Private CA: certificate authorities, by ARN. Their CA certificate, permissions and
resource policy are parts of them; issuing and revoking certificates and audit reports are
operational."""

from __future__ import annotations

from bot.catalog.operational import ops
from bot.catalog.resource_types import ResourceType
from bot.catalog.rules import CREATE, DELETE, UPDATE, on
from bot.catalog.service import Service
from bot.catalog.terraform_types import children, part_of, tf

PCA = "acm-pca.amazonaws.com"

CERTIFICATE_AUTHORITY = "AWS::ACMPCA::CertificateAuthority"

TYPES = (ResourceType(CERTIFICATE_AUTHORITY, "arn"),)
ARN_KINDS = {("acm-pca", "certificate-authority"): CERTIFICATE_AUTHORITY}

CA = "requestParameters.certificateAuthorityArn"

# AWS Private CA API reference (members lower-case first).
RULES = [
    on(
        PCA,
        "CreateCertificateAuthority",
        CERTIFICATE_AUTHORITY,
        CREATE,
        "responseElements.certificateAuthorityArn",
    ),
    on(
        PCA,
        (
            "UpdateCertificateAuthority",
            "ImportCertificateAuthorityCertificate",
            "CreatePermission",
            "DeletePermission",
            "TagCertificateAuthority",
            "UntagCertificateAuthority",
            "RestoreCertificateAuthority",
        ),
        CERTIFICATE_AUTHORITY,
        UPDATE,
        CA,
    ),
    on(
        PCA,
        ("PutPolicy", "DeletePolicy"),
        CERTIFICATE_AUTHORITY,
        UPDATE,
        "requestParameters.resourceArn",
    ),
    on(PCA, "DeleteCertificateAuthority", CERTIFICATE_AUTHORITY, DELETE, CA),
]

OPERATIONAL = [
    ops(
        PCA,
        "certificates a CA issues or revokes, and audit reports: its use, not its setup",
        "IssueCertificate RevokeCertificate CreateCertificateAuthorityAuditReport",
    ),
]

TERRAFORM = [
    tf("aws_acmpca_certificate_authority", CERTIFICATE_AUTHORITY, "arn", "id"),
    *children(
        CERTIFICATE_AUTHORITY,
        "certificate_authority_arn",
        "aws_acmpca_certificate_authority_certificate",
        "aws_acmpca_permission",
    ),
    part_of("aws_acmpca_policy", CERTIFICATE_AUTHORITY, "resource_arn"),
]

SERVICE = Service(
    TYPES,
    RULES,
    TERRAFORM,
    arn_kinds=ARN_KINDS,
    operational=OPERATIONAL,
    models=("acm-pca",),
)
