"""Compute Optimizer and Cost Optimization Hub: whether the account is enrolled, and its
recommendation preferences. Account-wide settings, keyed by the account."""

from __future__ import annotations

from bot.catalog.resource_types import ResourceType
from bot.catalog.rules import UPDATE, on
from bot.catalog.service import Service
from bot.catalog.terraform_types import STATE_ACCOUNT, tf

COMPUTE_OPTIMIZER = "compute-optimizer.amazonaws.com"
COST_HUB = "cost-optimization-hub.amazonaws.com"

CO_ENROLLMENT = "AWS::ComputeOptimizer::EnrollmentStatus"
CO_PREFERENCES = "AWS::ComputeOptimizer::RecommendationPreferences"
HUB_ENROLLMENT = "AWS::CostOptimizationHub::EnrollmentStatus"
HUB_PREFERENCES = "AWS::CostOptimizationHub::Preferences"

TYPES = tuple(
    ResourceType(t, "account", cfn=False)
    for t in (CO_ENROLLMENT, CO_PREFERENCES, HUB_ENROLLMENT, HUB_PREFERENCES)
)

ACCOUNT = "recipientAccountId"

# Both API references (JSON protocol).
RULES = [
    on(COMPUTE_OPTIMIZER, "UpdateEnrollmentStatus", CO_ENROLLMENT, UPDATE, ACCOUNT),
    on(
        COMPUTE_OPTIMIZER,
        ("PutRecommendationPreferences", "DeleteRecommendationPreferences"),
        CO_PREFERENCES,
        UPDATE,
        ACCOUNT,
    ),
    on(COST_HUB, "UpdateEnrollmentStatus", HUB_ENROLLMENT, UPDATE, ACCOUNT),
    on(COST_HUB, "UpdatePreferences", HUB_PREFERENCES, UPDATE, ACCOUNT),
]

TERRAFORM = [
    tf("aws_computeoptimizer_enrollment_status", CO_ENROLLMENT, STATE_ACCOUNT),
    tf("aws_computeoptimizer_recommendation_preferences", CO_PREFERENCES, STATE_ACCOUNT),
    tf("aws_costoptimizationhub_enrollment_status", HUB_ENROLLMENT, STATE_ACCOUNT),
    tf("aws_costoptimizationhub_preferences", HUB_PREFERENCES, STATE_ACCOUNT),
]

SERVICE = Service(
    TYPES,
    RULES,
    TERRAFORM,
    models=("compute-optimizer", "cost-optimization-hub"),
    unreachable={
        setting: "an account-wide setting: it always exists, the Update/Put calls change it"
        for setting in (CO_ENROLLMENT, CO_PREFERENCES, HUB_ENROLLMENT, HUB_PREFERENCES)
    },
)
