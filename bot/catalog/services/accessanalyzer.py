"""IAM Access Analyzer: analyzers, by name (their archive rules are parts of them). Policy
generation, previews, scans and findings are operational."""

from __future__ import annotations

from bot.catalog.operational import ops
from bot.catalog.resource_types import ResourceType
from bot.catalog.rules import BY_ARN, CREATE, DELETE, UPDATE, on
from bot.catalog.service import Service
from bot.catalog.terraform_types import children, tf

AA = "access-analyzer.amazonaws.com"

ANALYZER = "AWS::AccessAnalyzer::Analyzer"

TYPES = (ResourceType(ANALYZER, "name", "analyzer/"),)
ARN_KINDS = {("access-analyzer", "analyzer"): ANALYZER}

NAME = "requestParameters.analyzerName"

# Access Analyzer API reference (REST JSON; the analyzer is a path parameter, `analyzerName`).
RULES = [
    on(AA, "CreateAnalyzer", ANALYZER, CREATE, NAME),
    on(
        AA,
        ("UpdateAnalyzer", "CreateArchiveRule", "UpdateArchiveRule", "DeleteArchiveRule"),
        ANALYZER,
        UPDATE,
        NAME,
    ),
    on(AA, "DeleteAnalyzer", ANALYZER, DELETE, NAME),
    on(AA, ("TagResource", "UntagResource"), BY_ARN, UPDATE, "requestParameters.resourceArn"),
]

OPERATIONAL = [
    ops(
        AA,
        "analysis runs and their findings: policy generation, access previews, scans, "
        "archiving findings",
        """StartPolicyGeneration CancelPolicyGeneration CreateAccessPreview StartResourceScan
        UpdateFindings ApplyArchiveRule""",
    ),
]

TERRAFORM = [
    tf("aws_accessanalyzer_analyzer", ANALYZER, "analyzer_name", "id", "arn"),
    *children(ANALYZER, "analyzer_name", "aws_accessanalyzer_archive_rule"),
]

SERVICE = Service(
    TYPES,
    RULES,
    TERRAFORM,
    arn_kinds=ARN_KINDS,
    operational=OPERATIONAL,
    models=("accessanalyzer",),
)
