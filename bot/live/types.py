"""Every live type's projections, registered in LIVE_TYPES on import (`bot/live/__init__.py`
imports this module last)."""

from __future__ import annotations

from bot.live import (  # noqa: F401  (imported to register)
    ec2_instance,
    elbv2_listener,
    iam_role,
    kms_key,
    lambda_function,
    rds_instance,
    s3_bucket,
    security_group,
)
