"""build_index: one ownership index over every state of an environment."""

from __future__ import annotations

from bot.iac.index import build_index
from tests.unit.iac.tfstate import (
    block,
    inline,
    instance,
    real,
)


def test_build_index_merges_states() -> None:
    """One index over several states knows every source and every unknown type."""
    unknown = inline(block("aws_made_up_thing", "x", instance(id="x-1")))
    states = [real("driftctl/aws_vpc.tfstate"), unknown]
    index = build_index(states)
    assert index.unknown_types == {"aws_made_up_thing": 1}
    owners = index.owners("AWS::EC2::VPC", "vpc-0a5666c0cfc366714")
    assert [o.source for o in owners] == ["driftctl/aws_vpc.tfstate"]
    assert len(index) == 2  # both resources of aws_vpc.tfstate
