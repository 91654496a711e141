"""AWS Backup: vaults (by name) and plans (by the id Backup makes). No CloudTrail rules yet."""

from __future__ import annotations

from bot.catalog.resource_types import ResourceType
from bot.catalog.service import Service
from bot.catalog.terraform_types import children, part_of, tf

BACKUP_VAULT = "AWS::Backup::BackupVault"
BACKUP_PLAN = "AWS::Backup::BackupPlan"

TYPES = (
    ResourceType(BACKUP_VAULT, "name", "backup-vault:"),
    ResourceType(BACKUP_PLAN, "id", "backup-plan:"),
)
ARN_KINDS = {
    ("backup", "backup-vault"): BACKUP_VAULT,
}

TERRAFORM = [
    tf("aws_backup_vault", BACKUP_VAULT, "name", "id", "arn"),
    *children(
        BACKUP_VAULT,
        "backup_vault_name",
        "aws_backup_vault_policy",
        "aws_backup_vault_notifications",
        "aws_backup_vault_lock_configuration",
    ),
    tf("aws_backup_plan", BACKUP_PLAN, "id", "arn"),
    part_of("aws_backup_selection", BACKUP_PLAN, "plan_id"),
]

SERVICE = Service(TYPES, terraform=TERRAFORM, arn_kinds=ARN_KINDS, models=("backup",))
