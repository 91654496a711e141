"""A service's rule lines become one rule per call, with the targets of all its lines."""

from __future__ import annotations

import pytest

from bot.catalog.arns import Arn
from bot.catalog.rules import CREATE, UPDATE, event_rules, on
from bot.errors import DuplicateKey

EC2 = "ec2.amazonaws.com"
VOLUME = "AWS::EC2::Volume"
INSTANCE = "AWS::EC2::Instance"


def test_a_line_may_name_one_call_or_several() -> None:
    one = on(EC2, "CreateVolume", VOLUME, CREATE, "responseElements.volumeId")
    two = on(EC2, ("AttachVolume", "DetachVolume"), VOLUME, UPDATE, "requestParameters.volumeId")

    assert one.names == ("CreateVolume",)
    assert two.names == ("AttachVolume", "DetachVolume")
    assert two.target.resource_type == VOLUME
    assert two.target.change == UPDATE


def test_lines_of_one_call_join_into_one_rule_in_their_order() -> None:
    rules = event_rules(
        [
            on(EC2, "CreateVolume", VOLUME, CREATE, "responseElements.volumeId"),
            on(EC2, ("AttachVolume", "DetachVolume"), VOLUME, UPDATE, "requestParameters.volumeId"),
            on(EC2, "AttachVolume", INSTANCE, UPDATE, "requestParameters.instanceId"),
        ]
    )

    assert [r.key for r in rules] == [
        f"{EC2}:CreateVolume",
        f"{EC2}:AttachVolume",
        f"{EC2}:DetachVolume",
    ]
    attach = rules[1]
    assert [t.resource_type for t in attach.targets] == [VOLUME, INSTANCE]
    record = {"requestParameters": {"volumeId": "vol-1", "instanceId": "i-1"}}
    assert [(r.resource_type, r.resource_id, r.change) for r in attach.resolve(record)] == [
        (VOLUME, "vol-1", UPDATE),
        (INSTANCE, "i-1", UPDATE),
    ]


def test_the_same_call_in_other_services_stays_apart() -> None:
    rules = event_rules(
        [
            on("eks.amazonaws.com", "CreateCluster", "AWS::EKS::Cluster", CREATE, "a"),
            on("ecs.amazonaws.com", "CreateCluster", "AWS::ECS::Cluster", CREATE, "b"),
        ]
    )

    assert [r.key for r in rules] == [
        "eks.amazonaws.com:CreateCluster",
        "ecs.amazonaws.com:CreateCluster",
    ]


def test_the_same_target_twice_is_a_mistake() -> None:
    line = on(EC2, ("AttachVolume", "DetachVolume"), VOLUME, UPDATE, "requestParameters.volumeId")
    again = on(EC2, "DetachVolume", VOLUME, CREATE, "requestParameters.volumeId")

    with pytest.raises(DuplicateKey, match=f"`{EC2}:DetachVolume` declares {VOLUME} twice"):
        event_rules([line, again])


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (
            "arn:aws:iam::111122223333:role/a/b",
            Arn("aws", "iam", "", "111122223333", "role/a/b"),
        ),
        (
            "arn:aws-cn:lambda:cn-north-1:1:function:f:live",
            Arn("aws-cn", "lambda", "cn-north-1", "1", "function:f:live"),
        ),
        ("arn:aws:s3", None),
        ("sg-0abc", None),
        ("urn:a:b:c:d:e", None),
    ],
)
def test_arns_parse_into_their_parts(value: str, expected: Arn | None) -> None:
    assert Arn.parse(value) == expected


def test_an_arn_loses_its_type_prefix() -> None:
    arn = Arn.parse("arn:aws:eks:eu-west-1:1:nodegroup/prod/workers/8abc")

    assert arn is not None
    assert arn.after("nodegroup/").resource == "prod/workers/8abc"


def test_versioned_event_names_find_their_rule():
    """Lambda logs `…20150331v2`, CloudFront (newer SDKs) `…2020_05_31`: the same calls."""
    from bot.catalog.rules import base_event_name, find_rule

    assert base_event_name("UpdateFunctionConfiguration20150331v2") == (
        "UpdateFunctionConfiguration"
    )
    assert base_event_name("UpdateDistribution2020_05_31") == "UpdateDistribution"
    assert base_event_name("CreateBucket") == "CreateBucket"
    rule = find_rule("cloudfront.amazonaws.com", "CreateDistribution2020_05_31")
    assert rule is not None
    assert rule.name == "CreateDistribution"
