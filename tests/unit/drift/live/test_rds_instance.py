"""AWS::RDS::DBInstance against DescribeDBInstances."""

from __future__ import annotations

from tests.live_state import ACCOUNT, change, check, owners


def test_pending_db_modifications_count_as_made():
    """A class change held for the maintenance window is already a change."""
    db = {
        "identifier": "orders-db",
        "id": "db-ABC",
        "arn": f"arn:aws:rds:us-east-1:{ACCOUNT}:db:orders-db",
        "instance_class": "db.t3.micro",
        "engine_version": "15",
        "engine_version_actual": "15.4",
        "allocated_storage": 20,
        "storage_type": "gp3",
        "multi_az": False,
        "publicly_accessible": False,
        "backup_retention_period": 7,
        "deletion_protection": True,
        "auto_minor_version_upgrade": True,
        "vpc_security_group_ids": ["sg-1"],
        "parameter_group_name": "default.postgres15",
        "tags": {},
        "tags_all": {},
    }
    found = owners("AWS::RDS::DBInstance", "orders-db", ("aws_db_instance", db))
    live = {
        "DBInstanceClass": "db.t3.micro",
        "EngineVersion": "15.4",
        "AllocatedStorage": 20,
        "StorageType": "gp3",
        "MultiAZ": False,
        "PubliclyAccessible": False,
        "BackupRetentionPeriod": 7,
        "DeletionProtection": True,
        "AutoMinorVersionUpgrade": True,
        "VpcSecurityGroups": [{"VpcSecurityGroupId": "sg-1", "Status": "active"}],
        "DBParameterGroups": [{"DBParameterGroupName": "default.postgres15"}],
        "TagList": [],
        "PendingModifiedValues": {"DBInstanceClass": "db.r6g.large"},
    }

    changes = check("AWS::RDS::DBInstance", found, live)

    assert changes == [change("instance_class", "db.t3.micro", "db.r6g.large")]
