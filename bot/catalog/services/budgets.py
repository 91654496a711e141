"""AWS Budgets (global): budgets, by name within the account (their notifications,
subscribers and actions are parts of them)."""

from __future__ import annotations

from bot.catalog.resource_types import ResourceType
from bot.catalog.rules import BY_ARN, CREATE, DELETE, UPDATE, on
from bot.catalog.service import Service
from bot.catalog.terraform_types import children, tf

BUDGETS = "budgets.amazonaws.com"

BUDGET = "AWS::Budgets::Budget"

TYPES = (ResourceType(BUDGET, "name", "budget/", is_global=True),)
ARN_KINDS = {("budgets", "budget"): BUDGET}

NAME = "requestParameters.budgetName"

# AWS Budgets API reference (JSON: members lower-case first).
RULES = [
    on(BUDGETS, "CreateBudget", BUDGET, CREATE, "requestParameters.budget.budgetName"),
    on(BUDGETS, "UpdateBudget", BUDGET, UPDATE, "requestParameters.newBudget.budgetName"),
    on(
        BUDGETS,
        (
            "CreateNotification",
            "UpdateNotification",
            "DeleteNotification",
            "CreateSubscriber",
            "UpdateSubscriber",
            "DeleteSubscriber",
            "CreateBudgetAction",
            "UpdateBudgetAction",
            "DeleteBudgetAction",
        ),
        BUDGET,
        UPDATE,
        NAME,
    ),
    on(BUDGETS, "DeleteBudget", BUDGET, DELETE, NAME),
    on(BUDGETS, ("TagResource", "UntagResource"), BY_ARN, UPDATE, "requestParameters.resourceARN"),
]

TERRAFORM = [
    tf("aws_budgets_budget", BUDGET, "name", "arn"),
    *children(BUDGET, "budget_name", "aws_budgets_budget_action"),
]

SERVICE = Service(TYPES, RULES, TERRAFORM, arn_kinds=ARN_KINDS, models=("budgets",))
