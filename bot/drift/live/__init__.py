"""Live confirmation, the pure half: per resource type, the projections of IaC state and live
reads onto the same normalised attributes (one module per type), and their comparison
(`compare.py`). Importing the package registers every type in LIVE_TYPES."""

from __future__ import annotations

from bot.drift.live import (  # noqa: F401  (each module registers its type)
    ec2_instance,
    elbv2_listener,
    iam_role,
    kms_key,
    lambda_function,
    rds_instance,
    s3_bucket,
    security_group,
)
from bot.drift.live.compare import GONE, LIVE_TYPES, Attrs, LiveType, compare

__all__ = ["GONE", "LIVE_TYPES", "Attrs", "LiveType", "compare"]
