"""Changes folded into findings and their kinds (fold, Detector)."""

from __future__ import annotations

from bot.drift.detector import Detector
from bot.drift.findings import Change, fold
from bot.iac.index import DesiredResource, StateIndex
from bot.models import ResourceRef
from bot.trail.attribution import Attribution
from bot.trail.filter import TrailFilter
from tests.records import make_record

SG = "AWS::EC2::SecurityGroup"
WHO = Attribution("dev@example.com", "AWSReservedSSO_Admin", "console", "203.0.113.7")


def change(event_id, time, name, *refs, region="us-east-1", account="111122223333"):
    return Change(event_id, "ec2.amazonaws.com", name, time, account, region, WHO, tuple(refs))


def managed(address, rtype, rid, owns=None):
    return DesiredResource(
        address, "terraform", "t.tfstate", "x", rtype, rid, owns or ((rtype, rid),)
    )


INDEX = StateIndex.build(
    [
        managed("module.network.aws_security_group.web", SG, "sg-1"),
        managed("aws_security_group_rule.ssh", SG, "sg-1"),
        managed("aws_instance.app[1]", "AWS::EC2::Instance", "i-1"),
    ]
)


def test_change_to_managed_resource_is_modified_with_every_owner():
    """A managed resource changed by hand is `modified` and names each IaC address."""
    ref = ResourceRef(SG, "sg-1", "update")
    [finding] = fold(
        [change("e1", "2026-11-24T05:00:00Z", "AuthorizeSecurityGroupIngress", ref)], INDEX
    )

    assert finding.kind == "modified"
    assert finding.addresses == [
        "aws_security_group_rule.ssh",
        "module.network.aws_security_group.web",
    ]


def test_deleting_a_managed_resource_is_deleted():
    """The last change deleted it: `deleted`."""
    ref = ResourceRef("AWS::EC2::Instance", "i-1", "delete")
    [finding] = fold([change("e1", "2026-11-24T05:00:00Z", "TerminateInstances", ref)], INDEX)

    assert finding.kind == "deleted"


def test_resource_nobody_manages_is_unmanaged_without_addresses():
    """Created by hand and still there: `unmanaged`, with no addresses."""
    [finding] = fold(
        [
            change(
                "e1",
                "2026-11-24T05:00:00Z",
                "CreateSecurityGroup",
                ResourceRef(SG, "sg-9", "create"),
            )
        ],
        INDEX,
    )

    assert (finding.kind, finding.addresses) == ("unmanaged", [])


def test_created_and_deleted_by_hand_in_the_window_is_not_reported():
    """Nothing is left to fix when a hand-made resource is gone again."""
    changes = [
        change(
            "e1", "2026-11-24T05:00:00Z", "CreateSecurityGroup", ResourceRef(SG, "sg-9", "create")
        ),
        change(
            "e2", "2026-11-24T05:10:00Z", "DeleteSecurityGroup", ResourceRef(SG, "sg-9", "delete")
        ),
    ]

    assert fold(changes, INDEX) == []


def test_events_of_one_resource_fold_into_one_finding_in_time_order():
    """Several calls on one resource: one finding, events sorted by time."""
    changes = [
        change(
            "late",
            "2026-11-24T07:00:00Z",
            "RevokeSecurityGroupIngress",
            ResourceRef(SG, "sg-1", "update"),
        ),
        change(
            "early",
            "2026-11-24T05:00:00Z",
            "AuthorizeSecurityGroupIngress",
            ResourceRef(SG, "sg-1", "update"),
        ),
    ]

    [finding] = fold(changes, INDEX)

    assert [e.event_id for e in finding.events] == ["early", "late"]


def test_same_id_in_two_regions_are_two_findings_but_global_types_are_one():
    """Regional resources are per region; IAM roles are one per account."""
    role = "AWS::IAM::Role"
    changes = [
        change(
            "a", "2026-11-24T05:00:00Z", "X", ResourceRef("AWS::RDS::DBInstance", "db", "update")
        ),
        change(
            "b",
            "2026-11-24T05:00:00Z",
            "X",
            ResourceRef("AWS::RDS::DBInstance", "db", "update"),
            region="eu-west-1",
        ),
        change("c", "2026-11-24T05:00:00Z", "X", ResourceRef(role, "app", "update")),
        change(
            "d", "2026-11-24T06:00:00Z", "X", ResourceRef(role, "app", "update"), region="eu-west-1"
        ),
    ]

    kinds = sorted((f.resource_type, f.region, len(f.events)) for f in fold(changes, INDEX))

    assert kinds == [
        ("AWS::IAM::Role", "eu-west-1", 2),
        ("AWS::RDS::DBInstance", "eu-west-1", 1),
        ("AWS::RDS::DBInstance", "us-east-1", 1),
    ]


def test_kms_alias_in_an_event_resolves_to_the_managed_key():
    """`alias/data` in a KMS call is the key the state's alias points at."""
    index = StateIndex.build([managed("aws_kms_key.data", "AWS::KMS::Key", "k-1")])
    index.add_alias("AWS::KMS::Key", "alias/data", "k-1")

    [finding] = fold(
        [
            change(
                "e",
                "2026-11-24T05:00:00Z",
                "PutKeyPolicy",
                ResourceRef("AWS::KMS::Key", "alias/data", "update"),
            )
        ],
        index,
    )

    assert (finding.resource_id, finding.kind, finding.addresses) == (
        "k-1",
        "modified",
        ["aws_kms_key.data"],
    )


def test_detector_counts_records_and_keeps_each_event_once():
    """The same event read from two files is one change; unknown calls are counted."""
    detector = Detector(TrailFilter(start="2026-11-23T00:00:00Z", end="2026-11-25T00:00:00Z"))
    unknown = make_record(eventSource="example.amazonaws.com", eventName="FrobnicateWidget")

    detector.feed_many([unknown])  # one file
    detector.feed_many([unknown, make_record(readOnly=True)])  # another, with the same event

    assert detector.records == 3
    assert len(detector.changes) == 1
    assert detector.unknown_events == 1
    assert detector.dropped["read_only"] == 1
