"""Live confirmation, the pure half: normalising helpers, each type's projections of the state
and of a live read, and compare(). No AWS: live reads are written in the shape AWS answers."""

from __future__ import annotations

import json
from typing import Any

import orjson
from hypothesis import given
from hypothesis import strategies as st

from bot.drift.findings import AttributeChange
from bot.drift.live import LIVE_TYPES, compare
from bot.drift.live.normalize import (
    UNMANAGED,
    desired_tags,
    normalize_policy,
    percent_decode,
    tag_map,
)
from bot.drift.live.security_group import rule_key
from bot.iac.index import DesiredResource, build_index
from bot.iac.terraform import parse_state

ACCOUNT = "111122223333"
OWNER_ID = "75aa57f09aa0c8caeab4f8c24e99d10f8e7faeebf76c078efc7c6caea54ba06a"


def owners(
    resource_type: str, resource_id: str, *resources: tuple[str, dict[str, Any]]
) -> list[DesiredResource]:
    """The owners of one resource, from a Terraform state holding `(type, attributes)` pairs."""
    state = {
        "version": 4,
        "terraform_version": "1.9.5",
        "resources": [
            {
                "mode": "managed",
                "type": tf_type,
                "name": f"r{i}",
                "provider": 'provider["registry.terraform.io/hashicorp/aws"]',
                "instances": [{"schema_version": 0, "attributes": attrs}],
            }
            for i, (tf_type, attrs) in enumerate(resources)
        ],
    }
    index = build_index([parse_state(orjson.dumps(state), "test.tfstate")])
    return index.owners(resource_type, resource_id)


def check(resource_type: str, found: list[DesiredResource], raw: dict[str, Any]):
    spec = LIVE_TYPES.get(resource_type)
    desired = spec.desired(found)
    assert desired is not None
    return compare(desired, spec.actual(raw))


def change(path: str, expected: Any, actual: Any) -> AttributeChange:
    return AttributeChange(path=path, expected=expected, actual=actual)


# normalize


def test_policy_forms_that_mean_the_same_normalise_alike():
    """Lone strings vs lists, one statement vs a list, `*` principals, account ids, key order."""
    written = json.dumps(
        {
            "Statement": {
                "Effect": "Allow",
                "Principal": {"AWS": "111122223333"},
                "Action": "s3:GetObject",
                "Resource": ["arn:aws:s3:::b/*"],
                "Sid": "",
            },
        }
    )
    stored = {
        "Version": "2008-10-17",
        "Statement": [
            {
                "Resource": "arn:aws:s3:::b/*",
                "Action": ["s3:GetObject"],
                "Effect": "Allow",
                "Principal": {"AWS": ["arn:aws:iam::111122223333:root"]},
            }
        ],
    }

    assert normalize_policy(written) == normalize_policy(stored)


def test_statement_order_and_condition_scalars_do_not_matter():
    """Statements are sorted by content; `true` and "true" in a condition are the same value."""
    a = {
        "Sid": "A",
        "Effect": "Deny",
        "Principal": "*",
        "Action": "s3:*",
        "Resource": "*",
        "Condition": {"Bool": {"aws:SecureTransport": False}},
    }
    b = {
        "Sid": "B",
        "Effect": "Allow",
        "Principal": {"Service": "ec2.amazonaws.com"},
        "Action": "sts:AssumeRole",
    }
    a2 = dict(a, Principal={"AWS": "*"}, Condition={"Bool": {"aws:SecureTransport": "false"}})

    left = normalize_policy({"Version": "2012-10-17", "Statement": [a, b]})
    right = normalize_policy(json.dumps({"Version": "2012-10-17", "Statement": [b, a2]}))

    assert left == right


def test_url_encoded_policy_text_is_parsed():
    """IAM's raw API answers URL-encoded JSON; it reads as the document it encodes."""
    encoded = "%7B%22Version%22%3A%222012-10-17%22%2C%22Statement%22%3A%5B%5D%7D"

    assert normalize_policy(encoded) == {"Version": "2012-10-17", "Statement": []}


_names = st.sampled_from(["s3:GetObject", "s3:*", "kms:Decrypt", "*", "arn:aws:s3:::b/*"])
_one_or_many = _names | st.lists(_names, max_size=3)
_statements = st.fixed_dictionaries(
    {"Effect": st.sampled_from(["Allow", "Deny"]), "Action": _one_or_many},
    optional={
        "Sid": st.sampled_from(["", "A", "B"]),
        "Resource": _one_or_many,
        "Principal": st.sampled_from(["*", {"AWS": "111122223333"}, {"Service": ["a", "b"]}]),
        "Condition": st.fixed_dictionaries(
            {"Bool": st.fixed_dictionaries({"aws:SecureTransport": st.booleans()})}
        ),
    },
)
_policies = st.fixed_dictionaries(
    {"Statement": _statements | st.lists(_statements, max_size=3)},
    optional={"Version": st.sampled_from(["2012-10-17", "2008-10-17"])},
)


@given(_policies)
def test_normalising_a_policy_twice_changes_nothing(policy):
    """normalize_policy is idempotent, and JSON text reads like the parsed document."""
    once = normalize_policy(policy)

    assert normalize_policy(once) == once
    assert normalize_policy(json.dumps(policy)) == once


@given(_policies)
def test_statement_order_never_matters(policy):
    """Reversing the statements gives the same canonical document."""
    statements = policy["Statement"]
    statements = statements if isinstance(statements, list) else [statements]

    assert normalize_policy({**policy, "Statement": statements[::-1]}) == normalize_policy(policy)


def test_percent_decoding_reads_utf8():
    """Non-ASCII text in an encoded document survives the decoding."""
    assert percent_decode("%7B%22Sid%22%3A%22caf%C3%A9%22%7D") == '{"Sid":"café"}'


def test_no_policy_is_none():
    """ "" and null both mean no policy."""
    assert (normalize_policy(""), normalize_policy(None)) == (None, None)


def test_tag_lists_and_maps_are_one_map_without_aws_tags():
    """`[{Key, Value}]`, `[{TagKey, TagValue}]` and maps read the same; `aws:` tags are left out."""
    listed = [
        {"Key": "team", "Value": "web"},
        {"Key": "aws:cloudformation:stack-name", "Value": "x"},
    ]

    assert tag_map(listed) == tag_map([{"TagKey": "team", "TagValue": "web"}]) == {"team": "web"}


def test_tags_all_wins_over_tags():
    """`tags_all` holds the provider's default tags too, so it is what AWS should carry."""
    attrs = {"tags": {"Name": "web"}, "tags_all": {"Name": "web", "env": "prod"}}

    assert desired_tags(attrs) == {"Name": "web", "env": "prod"}


# compare: properties

_scalars = st.none() | st.booleans() | st.integers() | st.text(max_size=5)
_values = st.recursive(
    _scalars,
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=4), inner, max_size=3)
    ),
    max_leaves=12,
)
_projections = st.dictionaries(st.text(max_size=6), _values, max_size=5)


@given(_projections)
def test_identical_inputs_never_drift(projection):
    """compare(x, x) is empty whatever x holds."""
    assert compare(projection, projection) == []


@given(_projections, _projections)
def test_swapping_sides_mirrors_the_changes(desired, actual):
    """compare(b, a) reports the same paths as compare(a, b), with expected and actual swapped."""
    forward = {
        (c.path, json.dumps(c.expected), json.dumps(c.actual)) for c in compare(desired, actual)
    }
    backward = {
        (c.path, json.dumps(c.actual), json.dumps(c.expected)) for c in compare(actual, desired)
    }

    assert forward == backward


@given(_projections, st.text(max_size=6), _values)
def test_unmanaged_facets_never_drift(actual, key, value):
    """A facet the state does not manage matches whatever AWS answers."""
    actual = {**actual, key: value}
    desired = {**actual, key: UNMANAGED}

    assert compare(desired, actual) == []
    assert compare(actual, desired) == []


# security groups

SG = "sg-0a11b22c33d44e55f"
SG_TYPE = "AWS::EC2::SecurityGroup"


def _group(**over: Any) -> dict[str, Any]:
    attrs = {
        "arn": f"arn:aws:ec2:us-east-1:{ACCOUNT}:security-group/{SG}",
        "id": SG,
        "name": "web",
        "description": "Web",
        "owner_id": ACCOUNT,
        "vpc_id": "vpc-1",
        "tags": {"Name": "web"},
        "tags_all": {"Name": "web"},
        "revoke_rules_on_delete": False,
        "name_prefix": "",
        "ingress": [
            {
                "cidr_blocks": ["10.0.0.0/8"],
                "description": "ssh",
                "from_port": 22,
                "ipv6_cidr_blocks": [],
                "prefix_list_ids": [],
                "protocol": "tcp",
                "security_groups": [],
                "self": False,
                "to_port": 22,
            }
        ],
        "egress": [
            {
                "cidr_blocks": ["0.0.0.0/0"],
                "description": "",
                "from_port": 0,
                "ipv6_cidr_blocks": [],
                "prefix_list_ids": [],
                "protocol": "-1",
                "security_groups": [],
                "self": False,
                "to_port": 0,
            }
        ],
    }
    return attrs | over


def _live_group(ingress: list[dict[str, Any]], egress: list[dict[str, Any]] | None = None):
    return {
        "GroupId": SG,
        "GroupName": "web",
        "Description": "Web",
        "OwnerId": ACCOUNT,
        "Tags": [{"Key": "Name", "Value": "web"}],
        "IpPermissions": ingress,
        "IpPermissionsEgress": egress
        if egress is not None
        else [{"IpProtocol": "-1", "IpRanges": [{"CidrIp": "0.0.0.0/0"}]}],
    }


SSH: dict[str, Any] = {
    "IpProtocol": "tcp",
    "FromPort": 22,
    "ToPort": 22,
    "IpRanges": [{"CidrIp": "10.0.0.0/8", "Description": "ssh"}],
}


def test_rule_keys_name_protocols_and_keep_ports_where_they_apply():
    """-1/all, 6/tcp and 58/icmpv6 read alike; ports only for tcp, udp, icmp and icmpv6."""
    keys = [
        rule_key("-1", 0, 0),
        rule_key("all", None, None),
        rule_key("6", 22, 22),
        rule_key("58", -1, -1),
        rule_key("50", 10, 55),
    ]

    assert keys == ["all", "all", "tcp 22-22", "icmpv6 -1--1", "50"]


def test_security_group_matching_the_state_has_no_changes():
    """The inline rules of the state against the same rules read live."""
    found = owners(SG_TYPE, SG, ("aws_security_group", _group()))

    assert check(SG_TYPE, found, _live_group([SSH])) == []


def test_added_source_and_rule_are_reported_by_rule_key():
    """A CIDR added to the SSH rule and a new HTTPS rule, as paths under `ingress`."""
    found = owners(SG_TYPE, SG, ("aws_security_group", _group()))
    ssh = dict(SSH, IpRanges=[*SSH["IpRanges"], {"CidrIp": "0.0.0.0/0"}])
    https = {
        "IpProtocol": "6",
        "FromPort": 443,
        "ToPort": 443,
        "IpRanges": [{"CidrIp": "0.0.0.0/0"}],
    }

    changes = check(SG_TYPE, found, _live_group([ssh, https]))

    assert changes == [
        change('ingress["tcp 22-22"].cidr_blocks', ["10.0.0.0/8"], ["0.0.0.0/0", "10.0.0.0/8"]),
        change(
            'ingress["tcp 443-443"]',
            None,
            {
                "cidr_blocks": ["0.0.0.0/0"],
                "ipv6_cidr_blocks": [],
                "prefix_list_ids": [],
                "security_groups": [],
                "descriptions": {},
            },
        ),
    ]


def test_child_rules_of_every_kind_join_the_group_rules():
    """`aws_security_group_rule` (self) and `aws_vpc_security_group_ingress_rule` add rules."""
    rule = {
        "type": "ingress",
        "protocol": "-1",
        "from_port": 0,
        "to_port": 0,
        "self": True,
        "security_group_id": SG,
        "cidr_blocks": None,
        "ipv6_cidr_blocks": None,
        "prefix_list_ids": None,
        "source_security_group_id": SG,
        "description": "",
    }
    vpc_rule = {
        "security_group_id": SG,
        "ip_protocol": "tcp",
        "from_port": 443,
        "to_port": 443,
        "cidr_ipv6": "::/0",
        "cidr_ipv4": None,
        "description": "web",
        "security_group_rule_id": "sgr-1",
        "tags": None,
        "tags_all": {},
    }
    found = owners(
        SG_TYPE,
        SG,
        ("aws_security_group", _group(ingress=[])),
        ("aws_security_group_rule", rule),
        ("aws_vpc_security_group_ingress_rule", vpc_rule),
    )
    live = _live_group(
        [
            {"IpProtocol": "-1", "UserIdGroupPairs": [{"GroupId": SG, "UserId": ACCOUNT}]},
            {
                "IpProtocol": "tcp",
                "FromPort": 443,
                "ToPort": 443,
                "Ipv6Ranges": [{"CidrIpv6": "::/0", "Description": "web"}],
            },
        ]
    )

    assert check(SG_TYPE, found, live) == []


def test_a_group_whose_state_records_no_egress_expects_the_default_rule():
    """No `egress` at all in the state: AWS's allow-all egress is what it should have."""
    attrs = _group()
    del attrs["egress"]
    found = owners(SG_TYPE, SG, ("aws_security_group", attrs))

    assert check(SG_TYPE, found, _live_group([SSH])) == []


def test_revoked_default_egress_is_a_change_when_the_state_keeps_it():
    """The state's allow-all egress rule, gone live."""
    found = owners(SG_TYPE, SG, ("aws_security_group", _group()))

    changes = check(SG_TYPE, found, _live_group([SSH], egress=[]))

    assert [c.path for c in changes] == ["egress.all"]


def test_only_child_rules_in_the_state_leave_name_and_tags_unmanaged():
    """A group known only through its rules: rules are compared, its tags are not."""
    rule = {
        "type": "ingress",
        "protocol": "tcp",
        "from_port": 22,
        "to_port": 22,
        "self": False,
        "cidr_blocks": ["10.0.0.0/8"],
        "security_group_id": SG,
        "description": "ssh",
    }
    found = owners(SG_TYPE, SG, ("aws_security_group_rule", rule))
    live = _live_group([SSH], egress=[]) | {"Tags": [{"Key": "x", "Value": "y"}]}

    assert check(SG_TYPE, found, live) == []


# S3 buckets

BUCKET = "logs-111122223333"
S3_TYPE = "AWS::S3::Bucket"
POLICY = {
    "Version": "2012-10-17",
    "Statement": [
        {
            "Sid": "Logs",
            "Effect": "Allow",
            "Principal": {"Service": "logging.s3.amazonaws.com"},
            "Action": "s3:PutObject",
            "Resource": f"arn:aws:s3:::{BUCKET}/*",
        }
    ],
}


def _bucket(**over: Any) -> dict[str, Any]:
    """`aws_s3_bucket` as provider v5 records it after a refresh."""
    attrs = {
        "bucket": BUCKET,
        "id": BUCKET,
        "arn": f"arn:aws:s3:::{BUCKET}",
        "acl": None,
        "grant": [
            {"id": OWNER_ID, "permissions": ["FULL_CONTROL"], "type": "CanonicalUser", "uri": ""}
        ],
        "policy": "",
        "versioning": [{"enabled": False, "mfa_delete": False}],
        "server_side_encryption_configuration": [
            {
                "rule": [
                    {
                        "apply_server_side_encryption_by_default": [
                            {"kms_master_key_id": "", "sse_algorithm": "AES256"}
                        ],
                        "bucket_key_enabled": False,
                    }
                ]
            }
        ],
        "tags": {"team": "data"},
        "tags_all": {"team": "data"},
    }
    return attrs | over


def _live_bucket(**over: Any) -> dict[str, Any]:
    raw = {
        "name": BUCKET,
        "policy": None,
        "public_access_block": None,
        "acl": {
            "Owner": {"ID": OWNER_ID},
            "Grants": [
                {"Grantee": {"ID": OWNER_ID, "Type": "CanonicalUser"}, "Permission": "FULL_CONTROL"}
            ],
        },
        "versioning": {},
        "encryption": None,
        "tags": [{"Key": "team", "Value": "data"}],
    }
    return raw | over


def test_bucket_matching_the_state_has_no_changes():
    """A v5 bucket's recorded grant, policy, versioning, encryption and tags against AWS's."""
    found = owners(S3_TYPE, BUCKET, ("aws_s3_bucket", _bucket()))

    assert check(S3_TYPE, found, _live_bucket()) == []


def test_child_resources_win_over_the_bucket_attributes():
    """`aws_s3_bucket_policy`, `_versioning`, `_public_access_block` and a canned `_acl`."""
    found = owners(
        S3_TYPE,
        BUCKET,
        ("aws_s3_bucket", _bucket()),
        ("aws_s3_bucket_policy", {"bucket": BUCKET, "id": BUCKET, "policy": json.dumps(POLICY)}),
        (
            "aws_s3_bucket_versioning",
            {
                "bucket": BUCKET,
                "id": BUCKET,
                "mfa": None,
                "versioning_configuration": [{"mfa_delete": "", "status": "Enabled"}],
            },
        ),
        (
            "aws_s3_bucket_public_access_block",
            {
                "bucket": BUCKET,
                "id": BUCKET,
                "block_public_acls": True,
                "block_public_policy": True,
                "ignore_public_acls": True,
                "restrict_public_buckets": True,
            },
        ),
        (
            "aws_s3_bucket_acl",
            {
                "bucket": BUCKET,
                "id": f"{BUCKET},private",
                "acl": "private",
                "access_control_policy": [],
            },
        ),
    )
    pab = dict.fromkeys(
        ("BlockPublicAcls", "BlockPublicPolicy", "IgnorePublicAcls", "RestrictPublicBuckets"), True
    )
    live = _live_bucket(
        policy=json.dumps(POLICY), versioning={"Status": "Enabled"}, public_access_block=pab
    )

    assert check(S3_TYPE, found, live) == []


def test_public_read_acl_and_suspended_versioning_are_changes():
    """A canned ACL made public by hand, and versioning suspended."""
    found = owners(
        S3_TYPE,
        BUCKET,
        (
            "aws_s3_bucket",
            _bucket(acl="private", grant=[], versioning=[{"enabled": True, "mfa_delete": False}]),
        ),
    )
    live = _live_bucket(versioning={"Status": "Suspended"})
    live["acl"]["Grants"].append(
        {
            "Grantee": {"Type": "Group", "URI": "http://acs.amazonaws.com/groups/global/AllUsers"},
            "Permission": "READ",
        }
    )

    changes = check(S3_TYPE, found, live)

    assert changes == [
        change("acl", ["owner FULL_CONTROL"], ["group:AllUsers READ", "owner FULL_CONTROL"]),
        change("versioning.enabled", True, False),
    ]


def test_only_a_policy_in_the_state_compares_only_the_policy():
    """Only `aws_s3_bucket_policy` owns the bucket: its tags and versioning are not compared."""
    found = owners(
        S3_TYPE,
        BUCKET,
        ("aws_s3_bucket_policy", {"bucket": BUCKET, "id": BUCKET, "policy": json.dumps(POLICY)}),
    )
    live = _live_bucket(policy=json.dumps(POLICY), versioning={"Status": "Enabled"}, tags=[])

    assert check(S3_TYPE, found, live) == []


def test_only_a_lifecycle_rule_in_the_state_has_nothing_to_compare():
    """An owner that manages no compared facet gives no projection (confirmed: null)."""
    found = owners(
        S3_TYPE,
        BUCKET,
        ("aws_s3_bucket_lifecycle_configuration", {"bucket": BUCKET, "id": BUCKET, "rule": []}),
    )

    assert LIVE_TYPES.get(S3_TYPE).desired(found) is None


def test_kms_default_encryption_changed_by_hand():
    """SSE-S3 in the state, SSE-KMS live."""
    found = owners(S3_TYPE, BUCKET, ("aws_s3_bucket", _bucket()))
    kms = {
        "Rules": [
            {
                "ApplyServerSideEncryptionByDefault": {
                    "SSEAlgorithm": "aws:kms",
                    "KMSMasterKeyID": "alias/logs",
                },
                "BucketKeyEnabled": True,
            }
        ]
    }

    changes = check(S3_TYPE, found, _live_bucket(encryption=kms))

    assert changes == [
        change("encryption.bucket_key_enabled", False, True),
        change("encryption.kms_master_key_id", None, "alias/logs"),
        change("encryption.sse_algorithm", "AES256", "aws:kms"),
    ]


# IAM roles

ROLE = "app-runtime"
ROLE_TYPE = "AWS::IAM::Role"
TRUST = {
    "Version": "2012-10-17",
    "Statement": [
        {
            "Effect": "Allow",
            "Action": "sts:AssumeRole",
            "Principal": {"Service": "ecs-tasks.amazonaws.com"},
        }
    ],
}
READ = {
    "Version": "2012-10-17",
    "Statement": [{"Effect": "Allow", "Action": ["s3:GetObject"], "Resource": "*"}],
}
READONLY = "arn:aws:iam::aws:policy/ReadOnlyAccess"


def _role(**over: Any) -> dict[str, Any]:
    attrs = {
        "name": ROLE,
        "id": ROLE,
        "arn": f"arn:aws:iam::{ACCOUNT}:role/{ROLE}",
        "path": "/",
        "assume_role_policy": json.dumps(TRUST),
        "description": "",
        "max_session_duration": 3600,
        "permissions_boundary": "",
        "tags": {},
        "tags_all": {},
        "inline_policy": [{"name": "read", "policy": json.dumps(READ)}],
        "managed_policy_arns": [],
    }
    return attrs | over


def _live_role(**over: Any) -> dict[str, Any]:
    role = {
        "RoleName": ROLE,
        "Path": "/",
        "AssumeRolePolicyDocument": TRUST,
        "MaxSessionDuration": 3600,
    }
    return {"role": role, "inline_policies": {"read": READ}, "attached_policy_arns": []} | over


def test_role_matching_the_state_has_no_changes():
    """Trust policy (JSON text vs parsed), unset description, inline policy."""
    found = owners(ROLE_TYPE, ROLE, ("aws_iam_role", _role()))

    assert check(ROLE_TYPE, found, _live_role()) == []


def test_attachments_of_children_are_expected_and_extra_ones_reported():
    """An `aws_iam_role_policy_attachment` is expected; a hand-attached policy is a change."""
    found = owners(
        ROLE_TYPE,
        ROLE,
        ("aws_iam_role", _role()),
        (
            "aws_iam_role_policy_attachment",
            {"role": ROLE, "policy_arn": READONLY, "id": f"{ROLE}-1"},
        ),
    )
    admin = "arn:aws:iam::aws:policy/AdministratorAccess"

    changes = check(ROLE_TYPE, found, _live_role(attached_policy_arns=[admin, READONLY]))

    assert changes == [change("managed_policy_arns", [READONLY], [admin, READONLY])]


def test_inline_policy_child_wins_and_extra_inline_policy_is_reported():
    """`aws_iam_role_policy` declares `read`; a hand-put `debug` policy shows under its name."""
    found = owners(
        ROLE_TYPE,
        ROLE,
        ("aws_iam_role", _role(inline_policy=[])),
        (
            "aws_iam_role_policy",
            {"role": ROLE, "name": "read", "id": f"{ROLE}:read", "policy": json.dumps(READ)},
        ),
    )
    debug = {
        "Version": "2012-10-17",
        "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}],
    }

    changes = check(ROLE_TYPE, found, _live_role(inline_policies={"read": READ, "debug": debug}))

    assert changes == [change("inline_policies.debug", None, normalize_policy(debug))]


def test_role_known_only_by_an_attachment_compares_only_attachments():
    """No `aws_iam_role` in the state: trust policy and tags are not compared."""
    found = owners(
        ROLE_TYPE,
        ROLE,
        ("aws_iam_role_policy_attachment", {"role": ROLE, "policy_arn": READONLY, "id": "x"}),
    )
    live = _live_role(attached_policy_arns=[READONLY])
    live["role"]["Description"] = "changed"

    assert check(ROLE_TYPE, found, live) == []


# RDS, EC2, Lambda, KMS, ELBv2


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


def test_instance_profile_name_matches_its_arn():
    """Terraform records the profile's name; AWS answers its ARN (with a path)."""
    attrs: dict[str, Any] = {
        "id": "i-1",
        "arn": f"arn:aws:ec2:us-east-1:{ACCOUNT}:instance/i-1",
        "instance_type": "t3.micro",
        "vpc_security_group_ids": ["sg-1"],
        "iam_instance_profile": "app",
        "tags": None,
        "tags_all": {},
    }
    found = owners("AWS::EC2::Instance", "i-1", ("aws_instance", attrs))
    live = {
        "InstanceType": "t3.micro",
        "SecurityGroups": [{"GroupId": "sg-1", "GroupName": "x"}],
        "IamInstanceProfile": {"Arn": f"arn:aws:iam::{ACCOUNT}:instance-profile/ops/app"},
    }

    assert check("AWS::EC2::Instance", found, live) == []


def test_lambda_defaults_fill_what_the_state_leaves_unset():
    """An old state without architectures, storage or tracing reads like AWS's defaults."""
    attrs = {
        "function_name": "thumb",
        "id": "thumb",
        "runtime": "python3.12",
        "handler": "index.handler",
        "role": f"arn:aws:iam::{ACCOUNT}:role/lr",
        "timeout": 3,
        "memory_size": 128,
        "environment": [],
        "layers": [],
        "vpc_config": [],
        "description": "",
        "tags": {},
    }
    found = owners("AWS::Lambda::Function", "thumb", ("aws_lambda_function", attrs))
    live = {
        "Configuration": {
            "Runtime": "python3.12",
            "Handler": "index.handler",
            "Role": f"arn:aws:iam::{ACCOUNT}:role/lr",
            "Timeout": 3,
            "MemorySize": 128,
            "Description": "",
            "Architectures": ["x86_64"],
            "EphemeralStorage": {"Size": 512},
            "TracingConfig": {"Mode": "PassThrough"},
            "VpcConfig": {"SubnetIds": [], "SecurityGroupIds": [], "VpcId": ""},
        },
        "Tags": {},
    }

    assert check("AWS::Lambda::Function", found, live) == []


def test_kms_key_policy_resource_wins_over_the_key_policy():
    """`aws_kms_key_policy` is the policy to expect; the key's recorded one is older."""
    key_id = "1234abcd-12ab-34cd-56ef-1234567890ab"
    old = {"Version": "2012-10-17", "Statement": []}
    new = {
        "Version": "2012-10-17",
        "Statement": [
            {"Effect": "Allow", "Principal": {"AWS": ACCOUNT}, "Action": "kms:*", "Resource": "*"}
        ],
    }
    key = {
        "key_id": key_id,
        "id": key_id,
        "arn": f"arn:aws:kms:us-east-1:{ACCOUNT}:key/{key_id}",
        "description": "k",
        "is_enabled": True,
        "enable_key_rotation": True,
        "key_usage": "ENCRYPT_DECRYPT",
        "customer_master_key_spec": "SYMMETRIC_DEFAULT",
        "policy": json.dumps(old),
        "tags": {},
        "tags_all": {},
    }
    found = owners(
        "AWS::KMS::Key",
        key_id,
        ("aws_kms_key", key),
        ("aws_kms_key_policy", {"key_id": key_id, "policy": json.dumps(new)}),
    )
    live = {
        "metadata": {
            "Description": "k",
            "Enabled": True,
            "KeyUsage": "ENCRYPT_DECRYPT",
            "KeySpec": "SYMMETRIC_DEFAULT",
        },
        "policy": json.dumps(new),
        "rotation_enabled": False,
        "tags": [],
    }

    assert check("AWS::KMS::Key", found, live) == [change("rotation_enabled", True, False)]


def test_listener_forward_forms_redirect_defaults_and_http_tls_policy():
    """A one-group forward block equals `TargetGroupArn`; redirect `#{…}` defaults fill in."""
    tg = f"arn:aws:elasticloadbalancing:us-east-1:{ACCOUNT}:targetgroup/tg/1"
    arn = f"arn:aws:elasticloadbalancing:us-east-1:{ACCOUNT}:listener/app/web/1/2"
    listener = {
        "arn": arn,
        "id": arn,
        "port": 80,
        "protocol": "HTTP",
        "ssl_policy": "",
        "certificate_arn": None,
        "default_action": [
            {
                "type": "forward",
                "order": 1,
                "target_group_arn": "",
                "forward": [
                    {
                        "target_group": [{"arn": tg, "weight": 1}],
                        "stickiness": [{"enabled": False, "duration": 1}],
                    }
                ],
            },
            {
                "type": "redirect",
                "order": 2,
                "redirect": [
                    {
                        "protocol": "HTTPS",
                        "port": "443",
                        "status_code": "HTTP_301",
                        "host": "#{host}",
                        "path": "/#{path}",
                        "query": "#{query}",
                    }
                ],
            },
        ],
    }
    found = owners("AWS::ElasticLoadBalancingV2::Listener", arn, ("aws_lb_listener", listener))
    live = {
        "listener": {
            "Port": 80,
            "Protocol": "HTTP",
            "SslPolicy": "ELBSecurityPolicy-2016-08",
            "DefaultActions": [
                {"Type": "forward", "TargetGroupArn": tg},
                {
                    "Type": "redirect",
                    "RedirectConfig": {
                        "Protocol": "HTTPS",
                        "Port": "443",
                        "StatusCode": "HTTP_301",
                    },
                },
            ],
        },
        "certificates": [],
    }

    assert check("AWS::ElasticLoadBalancingV2::Listener", found, live) == []
