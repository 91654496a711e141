"""CloudSearch domains, by name; index fields and policies are domain settings."""

from bot.catalog.rules import CREATE, DELETE, UPDATE, on

CS = "cloudsearch.amazonaws.com"
DOMAIN = "AWS::CloudSearch::Domain"

# cloud-custodian event-cloudsearch record (CreateDomain); CloudSearch configuration API.
on(CS, "CreateDomain", DOMAIN, CREATE, "requestParameters.domainName")
on(
    CS,
    (
        "UpdateServiceAccessPolicies",
        "UpdateScalingParameters",
        "UpdateAvailabilityOptions",
        "UpdateDomainEndpointOptions",
        "DefineIndexField",
        "DeleteIndexField",
    ),
    DOMAIN,
    UPDATE,
    "requestParameters.domainName",
)
on(CS, "DeleteDomain", DOMAIN, DELETE, "requestParameters.domainName")
