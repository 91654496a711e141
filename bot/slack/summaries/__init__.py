"""A change in words, from the CloudTrail call that made it: one summariser per common call
(security group rules, bucket policies and public access blocks, ACLs, encryption and
versioning, IAM policies and trust, instance type and security groups, deletion protection,
public access, Lambda code, configuration and environment, KMS policy and rotation, listener
rules and certificates, tags), keyed by the call's name (Lambda's versioned names map to their
base name), and a generic fallback from the call's name. Pure.

`summarise(event, kind)` returns a `Said`: the headline's phrase and the diff lines.
SUMMARISERS is filled from the explicit list of modules below.
"""

from __future__ import annotations

import re

from bot.catalog.rules import base_event_name
from bot.drift.findings import EventSummary
from bot.messages.slack import changes as say
from bot.slack.summaries import balancers_tags, databases, ec2, functions_keys, iam, s3
from bot.slack.summaries.base import Said, Summariser

SUMMARISERS: dict[str, Summariser] = {}
for _module in (ec2, s3, iam, databases, functions_keys, balancers_tags):
    SUMMARISERS.update(_module.SUMMARISERS)

_WORDS = re.compile(r"[A-Z]+(?![a-z])|[A-Z]?[a-z]+|\d+")


def event_words(event_name: str) -> str:
    """`UpdateFunctionConfiguration20150331v2` → `update function configuration`."""
    base = base_event_name(event_name)
    return " ".join(w.lower() for w in _WORDS.findall(base)) or event_name


def summarise(event: EventSummary, kind: str) -> Said:
    """What `event` did, in words: its summariser's, else for a deleted resource "deleted",
    for an unmanaged one created by the call "created", else the call's name in words."""
    summariser = SUMMARISERS.get(base_event_name(event.event_name))
    if summariser is not None and event.request is not None:
        try:
            said = summariser(event.request)
        except (AttributeError, KeyError, TypeError, ValueError, IndexError):
            said = None  # a shape we did not expect: the generic words are still true
        if said is not None:
            return said
    if summariser is not None and event.request is None:
        said = _without_request(summariser)
        if said is not None:
            return said
    words = event_words(event.event_name)
    if kind == "deleted":
        return Said(say.deleted() if not words.startswith(("delete", "terminate")) else words)
    if kind == "unmanaged" and words.startswith(("create", "run", "launch")):
        return Said(say.created() if words.startswith("create") else words)
    return Said(say.generic(words))


def _without_request(summariser: Summariser) -> Said | None:
    """Calls whose words need no parameters (TerminateInstances, DeleteBucketPolicy)."""
    try:
        return summariser({})
    except (AttributeError, KeyError, TypeError, ValueError, IndexError):
        return None


__all__ = ["SUMMARISERS", "Said", "event_words", "summarise"]
