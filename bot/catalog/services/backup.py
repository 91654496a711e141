"""AWS Backup: vaults (by name; logically air-gapped vaults are vaults too), plans (by the id
Backup makes), audit frameworks, report plans and restore-testing plans (by name).

A plan's selections and a restore-testing plan's selections are parts of their plan. What
Backup does with them (backup, copy and restore jobs, recovery points) is operational: the
resources a restore creates are AWS Backup's own calls (bot/trail/origin.py).
"""

from __future__ import annotations

from bot.catalog.operational import ops
from bot.catalog.resource_types import ResourceType
from bot.catalog.rules import BY_ARN, CREATE, DELETE, UPDATE, on
from bot.catalog.service import Service
from bot.catalog.terraform_types import STATE_ACCOUNT, children, part_of, tf

BACKUP = "backup.amazonaws.com"

BACKUP_VAULT = "AWS::Backup::BackupVault"
BACKUP_PLAN = "AWS::Backup::BackupPlan"
FRAMEWORK = "AWS::Backup::Framework"
REPORT_PLAN = "AWS::Backup::ReportPlan"
RESTORE_TESTING_PLAN = "AWS::Backup::RestoreTestingPlan"
SETTINGS = "AWS::Backup::AccountSettings"

TYPES = (
    ResourceType(BACKUP_VAULT, "name", "backup-vault:"),
    ResourceType(BACKUP_PLAN, "id", "backup-plan:"),
    ResourceType(FRAMEWORK, "name", "framework:"),
    ResourceType(REPORT_PLAN, "name", "report-plan:"),
    ResourceType(RESTORE_TESTING_PLAN, "name", "restore-testing-plan:"),
    ResourceType(SETTINGS, "account", cfn=False),
)
ARN_KINDS = {
    ("backup", "backup-vault"): BACKUP_VAULT,
    ("backup", "backup-plan"): BACKUP_PLAN,
    ("backup", "framework"): FRAMEWORK,
    ("backup", "report-plan"): REPORT_PLAN,
    ("backup", "restore-testing-plan"): RESTORE_TESTING_PLAN,
}

VAULT = "requestParameters.backupVaultName"
PLAN = "requestParameters.backupPlanId"
TESTING_PLAN = "requestParameters.restoreTestingPlanName"

# AWS Backup API reference (REST JSON; members logged lower-case first, as the developer
# guide's CloudTrail examples show `backupVaultName`).
RULES = [
    on(
        BACKUP,
        ("CreateBackupVault", "CreateLogicallyAirGappedBackupVault"),
        BACKUP_VAULT,
        CREATE,
        VAULT,
    ),
    on(
        BACKUP,
        (
            "PutBackupVaultAccessPolicy",
            "DeleteBackupVaultAccessPolicy",
            "PutBackupVaultNotifications",
            "DeleteBackupVaultNotifications",
            "PutBackupVaultLockConfiguration",
            "DeleteBackupVaultLockConfiguration",
            "AssociateBackupVaultMpaApprovalTeam",
            "DisassociateBackupVaultMpaApprovalTeam",
        ),
        BACKUP_VAULT,
        UPDATE,
        VAULT,
    ),
    on(BACKUP, "DeleteBackupVault", BACKUP_VAULT, DELETE, VAULT),
    on(BACKUP, "CreateBackupPlan", BACKUP_PLAN, CREATE, "responseElements.backupPlanId"),
    on(
        BACKUP,
        ("UpdateBackupPlan", "CreateBackupSelection", "DeleteBackupSelection"),
        BACKUP_PLAN,
        UPDATE,
        PLAN,
    ),
    on(BACKUP, "DeleteBackupPlan", BACKUP_PLAN, DELETE, PLAN),
    on(BACKUP, "CreateFramework", FRAMEWORK, CREATE, "requestParameters.frameworkName"),
    on(BACKUP, "UpdateFramework", FRAMEWORK, UPDATE, "requestParameters.frameworkName"),
    on(BACKUP, "DeleteFramework", FRAMEWORK, DELETE, "requestParameters.frameworkName"),
    on(BACKUP, "CreateReportPlan", REPORT_PLAN, CREATE, "requestParameters.reportPlanName"),
    on(BACKUP, "UpdateReportPlan", REPORT_PLAN, UPDATE, "requestParameters.reportPlanName"),
    on(BACKUP, "DeleteReportPlan", REPORT_PLAN, DELETE, "requestParameters.reportPlanName"),
    on(
        BACKUP,
        "CreateRestoreTestingPlan",
        RESTORE_TESTING_PLAN,
        CREATE,
        "responseElements.restoreTestingPlanName"
        " || requestParameters.restoreTestingPlan.restoreTestingPlanName",
    ),
    on(
        BACKUP,
        (
            "UpdateRestoreTestingPlan",
            "CreateRestoreTestingSelection",
            "UpdateRestoreTestingSelection",
            "DeleteRestoreTestingSelection",
        ),
        RESTORE_TESTING_PLAN,
        UPDATE,
        TESTING_PLAN,
    ),
    on(BACKUP, "DeleteRestoreTestingPlan", RESTORE_TESTING_PLAN, DELETE, TESTING_PLAN),
    # Account-wide settings of the region (opt-in per resource type, cross-account backup).
    on(
        BACKUP,
        ("UpdateGlobalSettings", "UpdateRegionSettings"),
        SETTINGS,
        UPDATE,
        "recipientAccountId",
    ),
    on(BACKUP, ("TagResource", "UntagResource"), BY_ARN, UPDATE, "requestParameters.resourceArn"),
]

OPERATIONAL = [
    ops(
        BACKUP,
        "backup, copy, restore, scan and report jobs, and the recovery points they make or "
        "retire: what a plan runs, not what IaC declares",
        """StartBackupJob StopBackupJob StartCopyJob StartRestoreJob StartReportJob
        StartScanJob PutRestoreValidationResult DeleteRecoveryPoint DisassociateRecoveryPoint
        DisassociateRecoveryPointFromParent UpdateRecoveryPointLifecycle
        UpdateRecoveryPointIndexSettings CreateLegalHold CancelLegalHold""",
    ),
]

TERRAFORM = [
    tf("aws_backup_vault", BACKUP_VAULT, "name", "id", "arn"),
    tf("aws_backup_logically_air_gapped_vault", BACKUP_VAULT, "name", "id", "arn"),
    *children(
        BACKUP_VAULT,
        "backup_vault_name",
        "aws_backup_vault_policy",
        "aws_backup_vault_notifications",
        "aws_backup_vault_lock_configuration",
    ),
    tf("aws_backup_plan", BACKUP_PLAN, "id", "arn"),
    part_of("aws_backup_selection", BACKUP_PLAN, "plan_id"),
    tf("aws_backup_framework", FRAMEWORK, "name", "id", "arn"),
    tf("aws_backup_report_plan", REPORT_PLAN, "name", "id", "arn"),
    tf("aws_backup_restore_testing_plan", RESTORE_TESTING_PLAN, "name", "id", "arn"),
    part_of(
        "aws_backup_restore_testing_selection", RESTORE_TESTING_PLAN, "restore_testing_plan_name"
    ),
    tf("aws_backup_global_settings", SETTINGS, STATE_ACCOUNT),
    tf("aws_backup_region_settings", SETTINGS, STATE_ACCOUNT),
]

SERVICE = Service(
    TYPES,
    RULES,
    TERRAFORM,
    arn_kinds=ARN_KINDS,
    operational=OPERATIONAL,
    models=("backup",),
    unreachable={SETTINGS: "account-wide settings: they always exist, nothing creates them"},
)
