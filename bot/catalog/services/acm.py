"""ACM: certificates, by ARN. ResendValidationEmail only re-sends mail: no rule."""

from bot.catalog.rules import CREATE, DELETE, UPDATE, on

ACM = "acm.amazonaws.com"
CERT = "AWS::CertificateManager::Certificate"

# awsdocs aws-certificate-user-guide acm-supported-actions-in-cloudtrail records.
on(
    ACM,
    ("RequestCertificate", "ImportCertificate"),
    CERT,
    CREATE,
    "responseElements.certificateArn",
)
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
)
on(ACM, "DeleteCertificate", CERT, DELETE, "requestParameters.certificateArn")
