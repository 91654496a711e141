"""IAM Roles Anywhere: trust anchors and profiles, by their server-made ids."""

from bot.catalog.rules import CREATE, DELETE, UPDATE, on

RA = "rolesanywhere.amazonaws.com"

# stratus-red-team rolesanywhere-create-trust-anchor records; Roles Anywhere API reference.
for noun, rtype, key, id_name in (
    ("TrustAnchor", "AWS::RolesAnywhere::TrustAnchor", "trustAnchor", "trustAnchorId"),
    ("Profile", "AWS::RolesAnywhere::Profile", "profile", "profileId"),
):
    on(RA, f"Create{noun}", rtype, CREATE, f"responseElements.{key}.{id_name}")
    on(
        RA,
        (f"Update{noun}", f"Enable{noun}", f"Disable{noun}"),
        rtype,
        UPDATE,
        f"requestParameters.{id_name}",
    )
    on(RA, f"Delete{noun}", rtype, DELETE, f"requestParameters.{id_name}")
