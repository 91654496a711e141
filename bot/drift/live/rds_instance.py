"""AWS::RDS::DBInstance: class, engine version, storage, multi-AZ, public access, backups,
deletion protection, security groups, parameter group and tags, from `aws_db_instance` against
`DescribeDBInstances`.

The engine version compared is `engine_version_actual` when the state records it (a state may
ask for `15` and run `15.4`). Changes AWS holds for the next maintenance window
(`PendingModifiedValues`) count as made: a hand change is drift whether or not it was applied
immediately, and a pending change that was taken back no longer shows.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from bot.drift.live.compare import LIVE_TYPES, Attrs, LiveType
from bot.drift.live.normalize import (
    blocks,
    desired_tags,
    first_attrs,
    flag,
    number,
    string_set,
    tag_map,
    text,
)
from bot.iac.index import DesiredResource

RESOURCE_TYPE = "AWS::RDS::DBInstance"
INSTANCE = "aws_db_instance"
PENDING = (
    "DBInstanceClass",
    "AllocatedStorage",
    "MultiAZ",
    "EngineVersion",
    "BackupRetentionPeriod",
    "StorageType",
)


def project_desired(owners: Sequence[DesiredResource]) -> Attrs | None:
    db = first_attrs(owners, INSTANCE)
    if db is None:
        return None
    return {
        "instance_class": text(db.get("instance_class")),
        "engine_version": text(db.get("engine_version_actual")) or text(db.get("engine_version")),
        "allocated_storage": number(db.get("allocated_storage")),
        "storage_type": text(db.get("storage_type")),
        "multi_az": flag(db.get("multi_az")),
        "publicly_accessible": flag(db.get("publicly_accessible")),
        "backup_retention_period": number(db.get("backup_retention_period"), 0),
        "deletion_protection": flag(db.get("deletion_protection")),
        "auto_minor_version_upgrade": flag(db.get("auto_minor_version_upgrade"), default=True),
        "vpc_security_group_ids": string_set(db.get("vpc_security_group_ids")),
        "parameter_group_name": text(db.get("parameter_group_name")),
        "tags": desired_tags(db),
    }


def project_actual(raw: Mapping[str, Any]) -> Attrs:
    """`raw`: one DBInstances item of DescribeDBInstances."""
    pending = raw.get("PendingModifiedValues") or {}
    db = {**raw, **{k: pending[k] for k in PENDING if pending.get(k) is not None}}
    groups = [g.get("DBParameterGroupName") for g in blocks(db.get("DBParameterGroups"))]
    return {
        "instance_class": text(db.get("DBInstanceClass")),
        "engine_version": text(db.get("EngineVersion")),
        "allocated_storage": number(db.get("AllocatedStorage")),
        "storage_type": text(db.get("StorageType")),
        "multi_az": flag(db.get("MultiAZ")),
        "publicly_accessible": flag(db.get("PubliclyAccessible")),
        "backup_retention_period": number(db.get("BackupRetentionPeriod"), 0),
        "deletion_protection": flag(db.get("DeletionProtection")),
        "auto_minor_version_upgrade": flag(db.get("AutoMinorVersionUpgrade"), default=True),
        "vpc_security_group_ids": string_set(
            g.get("VpcSecurityGroupId")
            for g in blocks(db.get("VpcSecurityGroups"))
            if g.get("Status") != "removing"
        ),
        "parameter_group_name": text(groups[0]) if groups else None,
        "tags": tag_map(db.get("TagList")),
    }


IAC_TYPES = (INSTANCE,)
LIVE_TYPES.add(RESOURCE_TYPE, LiveType(RESOURCE_TYPE, project_desired, project_actual, IAC_TYPES))
