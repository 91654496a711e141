"""What the Detector keeps and counts: every record explained once, each event once,
AWS services' and CloudFormation's own calls counted apart, calls by name resolved."""

from __future__ import annotations

from bot.drift.detector import Detector
from bot.drift.findings import fold
from bot.drift.names import NameBook
from bot.iac.index import build_index
from bot.trail.filter import DROP_REASONS, TrailFilter
from tests.records import (
    backup_restore_record,
    cloudformation_call,
    insights_record,
    make_record,
    numbered_records,
)
from tests.unit.iac.tfstate import block, inline, instance

WIDE = TrailFilter("2000-01-01T00:00:00Z", "2100-01-01T00:00:00Z")
SG = "AWS::EC2::SecurityGroup"


def fed(*records, report_aws_service=False) -> Detector:
    detector = Detector(WIDE, report_aws_service=report_aws_service)
    detector.feed_many(list(records))
    detector.resolve_names()
    return detector


def create_group(name: str, group_id: str, event_id: str) -> dict:
    return make_record(
        eventName="CreateSecurityGroup",
        eventTime="2026-11-24T05:00:00Z",
        requestParameters={"groupName": name, "groupDescription": "x", "vpcId": "vpc-0a1b2c3d"},
        responseElements={"_return": True, "groupId": group_id},
        eventID=event_id,
    )


def delete_by_name(name: str, event_id: str) -> dict:
    return make_record(
        eventName="DeleteSecurityGroup",
        eventTime="2026-11-24T06:00:00Z",
        requestParameters={"groupName": name},
        responseElements={"_return": True},
        eventID=event_id,
    )


def test_every_record_is_explained_once():
    """The drop counters and the changes add up to the records read."""
    records = [
        *numbered_records(3),
        make_record(readOnly=True),
        make_record(errorCode="AccessDenied"),
        make_record(eventTime="2001-01-01T00:00:00Z", eventID="x"),
        insights_record(),
        make_record(eventTime="yesterday", eventID="bad-time"),
        make_record(requestParameters="groupId=sg-1", eventID="bad-body"),
        backup_restore_record(),
        cloudformation_call(),
        numbered_records(1)[0],
    ]
    detector = Detector(TrailFilter("2026-01-01T00:00:00Z", "2027-01-01T00:00:00Z"))
    detector.feed_many(records)
    detector.count_skipped({"malformed": 2, "not_api_call": 1})

    counts = detector.drop_counts()
    assert list(counts) == list(DROP_REASONS)
    assert len(detector.changes) + sum(counts.values()) == detector.records == len(records) + 3
    assert {k: v for k, v in counts.items() if v} == {
        "read_only": 1,
        "failed": 1,
        "out_of_window": 1,
        "not_api_call": 2,
        "malformed": 4,
        "aws_service": 1,
        "iac_principal": 1,
        "duplicate": 1,
    }
    assert len(detector.malformed) == 2
    assert "eventTime 'yesterday' is not a time" in detector.malformed[0]
    assert "requestParameters is not a JSON object" in detector.malformed[1]


def test_the_same_record_twice_is_one_event_but_a_shared_event_id_is_not():
    """Org and account trails deliver one record twice: one change, one duplicate. Two calls
    that carry the same eventID (different name or time) are two changes."""
    rec = numbered_records(1)[0]
    other_call = {**rec, "eventName": "RevokeSecurityGroupIngress"}
    other_time = {**rec, "eventTime": "2026-11-24T05:12:10Z"}

    detector = fed(rec, dict(rec), other_call, other_time)

    assert len(detector.changes) == 3
    assert detector.dropped["duplicate"] == 1


def test_a_known_call_that_names_nothing_is_unresolved_with_an_example():
    rec = make_record(requestParameters={"ipPermissions": {}}, eventID="no-id-1")

    detector = fed(rec, {**rec, "eventID": "no-id-2"})

    [call] = detector.unresolved()
    assert call.model_dump() == {
        "event_source": "ec2.amazonaws.com",
        "event_name": "AuthorizeSecurityGroupIngress",
        "count": 2,
        "event_id": "no-id-1",
    }
    assert detector.unknown_events == 0


def test_aws_backup_restore_is_counted_and_listed_not_a_change():
    detector = fed(backup_restore_record(), backup_restore_record())

    assert detector.changes == {}
    assert detector.dropped["aws_service"] == 1
    assert detector.dropped["duplicate"] == 1
    [call] = detector.service_calls()
    assert (call.event_name, call.service, call.count) == (
        "RestoreDBInstanceFromDBSnapshot",
        "AWS Backup",
        1,
    )


def test_report_aws_service_changes_makes_them_changes():
    detector = fed(backup_restore_record(), report_aws_service=True)

    [change] = detector.changes.values()
    assert (change.who.actor, change.who.via) == ("AWS Backup", "aws_service")
    assert [(r.resource_type, r.resource_id) for r in change.refs] == [
        ("AWS::RDS::DBInstance", "orders-restored")
    ]


def test_cloudformation_stack_calls_are_iac():
    detector = fed(cloudformation_call())

    assert detector.changes == {}
    assert detector.dropped["iac_principal"] == 1


def test_a_group_created_and_deleted_by_name_is_no_finding():
    """CreateSecurityGroup logs name and id; DeleteSecurityGroup by `groupName` resolves to
    that id, so a group made and removed by hand leaves nothing to report."""
    detector = fed(create_group("web", "sg-0aaa1111bbbb2222c", "c1"), delete_by_name("web", "d1"))

    delete = next(c for c in detector.changes.values() if c.event_name == "DeleteSecurityGroup")
    assert [(r.resource_id, r.change) for r in delete.refs] == [("sg-0aaa1111bbbb2222c", "delete")]
    assert detector.unresolved() == []
    assert fold(detector.changes.values(), build_index([])) == []


def test_a_delete_by_name_resolves_through_the_state():
    """A managed group deleted by its name is the managed group, deleted."""
    state = inline(
        block(
            "aws_security_group",
            "web",
            instance(id="sg-0ccc3333dddd4444e", name="web", vpc_id="vpc-0a1b2c3d"),
        ),
        block(
            "aws_security_group",
            "db",
            instance(id="sg-0eee5555ffff6666a", name="db", vpc_id="vpc-0a1b2c3d"),
        ),
    )
    names = NameBook()
    names.add_state(state.resources)
    detector = Detector(WIDE)
    detector.feed_many([delete_by_name("web", "d1")])
    detector.resolve_names(names)

    [finding] = fold(detector.changes.values(), build_index([state]))
    assert (finding.kind, finding.resource_id) == ("deleted", "sg-0ccc3333dddd4444e")
    assert finding.addresses == ["aws_security_group.web"]


def test_an_ambiguous_name_stays_unresolved():
    """Two groups of one name in two VPCs: the call cannot say which, and is reported."""
    detector = fed(
        create_group("web", "sg-0aaa1111bbbb2222c", "c1"),
        {
            **create_group("web", "sg-0bbb1111bbbb2222c", "c2"),
            "requestParameters": {
                "groupName": "web",
                "groupDescription": "x",
                "vpcId": "vpc-0ffff",
            },
        },
        delete_by_name("web", "d1"),
    )

    [call] = detector.unresolved()
    assert (call.event_name, call.event_id) == ("DeleteSecurityGroup", "d1")


def test_a_route_table_disassociated_by_association_id_resolves_through_the_state():
    """DisassociateRouteTable names only `rtbassoc-…`; the state's association (a child of the
    table) knows which table that is, so the change lands on the managed table."""
    state = inline(
        block(
            "aws_route_table",
            "private",
            instance(id="rtb-0aaa1111bbbb2222c", vpc_id="vpc-0a1b2c3d"),
        ),
        block(
            "aws_route_table_association",
            "private_a",
            instance(
                id="rtbassoc-0123456789abcdef0",
                route_table_id="rtb-0aaa1111bbbb2222c",
                subnet_id="subnet-0a1b2c3d",
            ),
        ),
    )
    names = NameBook()
    names.add_state(state.resources)
    detector = Detector(WIDE)
    detector.feed_many(
        [
            make_record(
                eventName="DisassociateRouteTable",
                requestParameters={"associationId": "rtbassoc-0123456789abcdef0"},
                responseElements={"_return": True},
                eventID="d1",
            )
        ]
    )
    detector.resolve_names(names)

    [change] = detector.changes.values()
    assert [(r.resource_type, r.resource_id) for r in change.refs] == [
        ("AWS::EC2::RouteTable", "rtb-0aaa1111bbbb2222c")
    ]
    assert detector.unresolved() == []


def test_a_network_interface_detached_by_attachment_id_resolves_through_the_trail():
    """AttachNetworkInterface logs the attachment id it made; a later DetachNetworkInterface
    naming only that id is a change of the same interface."""
    detector = fed(
        make_record(
            eventName="AttachNetworkInterface",
            eventTime="2026-11-24T05:00:00Z",
            requestParameters={
                "networkInterfaceId": "eni-0aaa1111bbbb2222c",
                "instanceId": "i-0a1b2c3d4e5f60718",
                "deviceIndex": 1,
            },
            responseElements={"attachmentId": "eni-attach-0123456789abcdef0"},
            eventID="a1",
        ),
        make_record(
            eventName="DetachNetworkInterface",
            eventTime="2026-11-24T06:00:00Z",
            requestParameters={"attachmentId": "eni-attach-0123456789abcdef0"},
            responseElements={"_return": True},
            eventID="d1",
        ),
    )

    detach = next(c for c in detector.changes.values() if c.event_name == "DetachNetworkInterface")
    assert [r.resource_id for r in detach.refs] == ["eni-0aaa1111bbbb2222c"]
