"""AWS Support, Trusted Advisor and AWS Health: cases, recommendations and event settings of
the people who run the account, none of which IaC holds."""

from __future__ import annotations

from bot.catalog.operational import ops
from bot.catalog.service import Service

SUPPORT = "support.amazonaws.com"
TRUSTED_ADVISOR = "trustedadvisor.amazonaws.com"
HEALTH = "health.amazonaws.com"

OPERATIONAL = [
    ops(
        SUPPORT,
        "support cases and their messages and attachments, Trusted Advisor refreshes",
        """CreateCase AddCommunicationToCase AddAttachmentsToSet ResolveCase
        RefreshTrustedAdvisorCheck""",
    ),
    ops(
        TRUSTED_ADVISOR,
        "a recommendation marked in progress, dismissed or resolved",
        "UpdateRecommendationLifecycle UpdateOrganizationRecommendationLifecycle",
    ),
    ops(
        HEALTH,
        "which AWS Health events an account or the organization sees",
        """EnableHealthServiceAccessForOrganization DisableHealthServiceAccessForOrganization
        EnableTags DisableTags EnableTagsForOrganization DisableTagsForOrganization""",
    ),
]

SERVICE = Service(operational=OPERATIONAL, models=("support", "trustedadvisor", "health"))
