"""Load balancer calls in words (listener rules, certificates, attributes such as deletion
protection) and tags set or removed on any resource. Pure."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from bot.messages.slack import changes as say
from bot.slack.summaries.base import Said, Summariser, items, listed, text


def _conditions(request: Mapping[str, Any]) -> str:
    parts = []
    for condition in items(request.get("conditions")):
        if isinstance(condition, Mapping):
            field = text(condition.get("field") or "?")
            values = condition.get("values") or []
            parts.append(f"{field} {listed(values)}".strip())
    return "; ".join(parts)


def _rule(verb: str) -> Summariser:
    def summarise(request: Mapping[str, Any]) -> Said | None:
        return Said(say.listener_rule(verb, _conditions(request)))

    return summarise


def _listener(request: Mapping[str, Any]) -> Said | None:
    what = [
        k
        for k in ("protocol", "port", "certificates", "defaultActions", "sslPolicy")
        if k in request
    ]
    lines = tuple(say.value_line(k, text(request[k])) for k in what)
    return Said(say.listener_changed(", ".join(what) or "?"), lines)


def _certificates(added: bool) -> Summariser:
    def summarise(request: Mapping[str, Any]) -> Said | None:
        return Said(say.certificates(added, len(items(request.get("certificates")))))

    return summarise


def _attributes(request: Mapping[str, Any]) -> Said | None:
    attrs = [a for a in items(request.get("attributes")) if isinstance(a, Mapping)]
    for a in attrs:
        if a.get("key") == "deletion_protection.enabled" and str(a.get("value")).lower() == "false":
            return Said(say.deletion_protection_off())
    if not attrs:
        return None
    first = attrs[0]
    lines = tuple(say.value_line(text(a.get("key")), text(a.get("value"))) for a in attrs)
    return Said(say.lb_attribute(text(first.get("key")), text(first.get("value"))), lines)


def _pairs(value: Any) -> list[tuple[str, str | None]]:
    """Tags as (key, value) from every shape AWS logs them in."""
    if isinstance(value, Mapping) and "TagSet" in value:
        value = value["TagSet"]
    if isinstance(value, Mapping) and "items" not in value and "Tag" not in value:
        return [(str(k), text(v)) for k, v in value.items()]
    if isinstance(value, Mapping) and "Tag" in value:
        value = value["Tag"]
    out: list[tuple[str, str | None]] = []
    for tag in items(value):
        if isinstance(tag, Mapping):
            key = tag.get("key") or tag.get("Key")
            val = tag.get("value", tag.get("Value"))
            out.append((text(key), None if val is None else text(val)))
        elif tag is not None:
            out.append((text(tag), None))
    return out


def _tagged(*keys: str) -> Summariser:
    def summarise(request: Mapping[str, Any]) -> Said | None:
        tags = next((_pairs(request[k]) for k in keys if request.get(k) is not None), [])
        if not tags:
            return None
        shown = listed([f"{k}={v}" if v is not None else k for k, v in tags])
        return Said(say.tags_set(shown), tuple(say.tag_line(True, k, v) for k, v in tags))

    return summarise


def _untagged(*keys: str) -> Summariser:
    def summarise(request: Mapping[str, Any]) -> Said | None:
        tags = next((_pairs(request[k]) for k in keys if request.get(k) is not None), [])
        if not tags:
            return None
        return Said(
            say.tags_removed(listed([k for k, _ in tags])),
            tuple(say.tag_line(False, k, None) for k, _ in tags),
        )

    return summarise


SUMMARISERS: dict[str, Summariser] = {
    "CreateRule": _rule("added"),
    "ModifyRule": _rule("changed"),
    "DeleteRule": _rule("deleted"),
    "ModifyListener": _listener,
    "AddListenerCertificates": _certificates(True),
    "RemoveListenerCertificates": _certificates(False),
    "ModifyLoadBalancerAttributes": _attributes,
    "CreateTags": _tagged("tagSet", "tags"),
    "DeleteTags": _untagged("tagSet", "tags"),
    "TagResource": _tagged("tags", "Tags", "tagList"),
    "UntagResource": _untagged("tagKeys", "TagKeys"),
    "AddTags": _tagged("tags"),
    "RemoveTags": _untagged("tagKeys"),
    "AddTagsToResource": _tagged("tagList", "tags"),
    "RemoveTagsFromResource": _untagged("tagKeys"),
    **{f"Tag{k}": _tagged("tags") for k in ("Role", "User", "Policy", "InstanceProfile")},
    **{f"Untag{k}": _untagged("tagKeys") for k in ("Role", "User", "Policy", "InstanceProfile")},
    "PutBucketTagging": _tagged("Tagging"),
    "DeleteBucketTagging": _untagged("Tagging"),
}
