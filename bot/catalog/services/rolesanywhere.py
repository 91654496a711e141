"""IAM Roles Anywhere: trust anchors and profiles, by their server-made ids."""

from __future__ import annotations

from bot.catalog.resource_types import ResourceType
from bot.catalog.rules import CREATE, DELETE, UPDATE, on
from bot.catalog.service import Service

RA = "rolesanywhere.amazonaws.com"

TRUST_ANCHOR = "AWS::RolesAnywhere::TrustAnchor"
PROFILE = "AWS::RolesAnywhere::Profile"

TYPES = (
    ResourceType(TRUST_ANCHOR, "id", "trust-anchor/"),
    ResourceType(PROFILE, "id", "profile/"),
)
ARN_KINDS = {
    ("rolesanywhere", "trust-anchor"): TRUST_ANCHOR,
    ("rolesanywhere", "profile"): PROFILE,
}

# stratus-red-team rolesanywhere-create-trust-anchor records; Roles Anywhere API reference.
RULES = [
    on(RA, "CreateTrustAnchor", TRUST_ANCHOR, CREATE, "responseElements.trustAnchor.trustAnchorId"),
    on(
        RA,
        ("UpdateTrustAnchor", "EnableTrustAnchor", "DisableTrustAnchor"),
        TRUST_ANCHOR,
        UPDATE,
        "requestParameters.trustAnchorId",
    ),
    on(RA, "DeleteTrustAnchor", TRUST_ANCHOR, DELETE, "requestParameters.trustAnchorId"),
    on(RA, "CreateProfile", PROFILE, CREATE, "responseElements.profile.profileId"),
    on(
        RA,
        ("UpdateProfile", "EnableProfile", "DisableProfile"),
        PROFILE,
        UPDATE,
        "requestParameters.profileId",
    ),
    on(RA, "DeleteProfile", PROFILE, DELETE, "requestParameters.profileId"),
]

SERVICE = Service(TYPES, RULES, arn_kinds=ARN_KINDS, models=("rolesanywhere",))
