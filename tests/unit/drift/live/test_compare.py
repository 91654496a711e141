"""Live confirmation, the pure half, what every type shares: the normalising helpers and
compare()."""

from __future__ import annotations

import json

from hypothesis import given
from hypothesis import strategies as st

from bot.drift.live import compare
from bot.drift.live.normalize import (
    UNMANAGED,
    desired_tags,
    normalize_policy,
    percent_decode,
    tag_map,
)

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
