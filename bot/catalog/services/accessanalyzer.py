"""IAM Access Analyzer: analyzers, by ARN. No CloudTrail rules yet."""

from __future__ import annotations

from bot.catalog.resource_types import ResourceType
from bot.catalog.service import Service
from bot.catalog.terraform_types import tf

ANALYZER = "AWS::AccessAnalyzer::Analyzer"

TYPES = (ResourceType(ANALYZER, "arn"),)

TERRAFORM = [
    tf("aws_accessanalyzer_analyzer", ANALYZER, "arn"),
]

SERVICE = Service(TYPES, terraform=TERRAFORM, models=("accessanalyzer",))
