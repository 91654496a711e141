"""Write the documented-shape fixture of each catalog rule that has none.

    python -m tests.tools.rule_fixtures            # list the rules without a fixture
    python -m tests.tools.rule_fixtures --write    # write them under tests/data/cloudtrail/

A fixture is a CloudTrail record in the shape AWS documents, built from the operation's
botocore model: each rule target's id is planted at the target's path (which the model check,
tests/contract/test_botocore_models.py, has proven to be a member of the operation in
CloudTrail's spelling), the operation's other required members are filled in, and `expect`
is the planted value as the resource type normalises it (an ARN becomes a name where the type
is named), worked out apart from the rule's own extraction. Rules whose paths need more than a
field path (filters, joins) are listed for writing by hand. Real records, where a permissive
one exists, are copied by hand instead (see tests/data/cloudtrail/SOURCES.md).
"""

from __future__ import annotations

import argparse
import json
import re
import uuid
from pathlib import Path
from typing import Any

import jmespath
from botocore.model import ListShape, Shape, StructureShape

from bot.catalog.arns import ARN_KINDS, EC2_ID_PREFIXES
from bot.catalog.resource_types import RESOURCE_TYPES
from bot.catalog.rules import BY_ARN, BY_EC2_ID, TRAIL_RULES, EventRule, Target, find_rule
from bot.catalog.service import Service
from bot.catalog.services import SERVICES
from tests.botocore_models import (
    ITEMS,
    Operation,
    field_paths,
    lower_acronym,
    lower_first,
    operations,
    spellings,
)
from tests.fixtures import TRAIL_FIXTURES, trail_fixtures

ACCOUNT = "111122223333"
JOIN = re.compile(r"join\('(?P<sep>[^']*)', \[(?P<paths>[^\]]+)\]\)")
REGION = "us-east-1"
LICENSE = "Apache-2.0 (written for driftbot)"


def services_by_source() -> dict[str, Service]:
    out: dict[str, Service] = {}
    for module in SERVICES:
        for line in module.SERVICE.rules:
            out.setdefault(line.source, module.SERVICE)
    return out


def covered_targets() -> set[tuple[str, int]]:
    """(rule key, target index) pairs some fixture already yields an id (or name) for."""
    out = set()
    for fixture in trail_fixtures():
        rule = find_rule(fixture.record["eventSource"], fixture.record["eventName"])
        if rule is None:
            continue
        for i, target in enumerate(rule.targets):
            found = target.names if target.by_name else target.extract
            if found(fixture.record):
                out.add((rule.key, i))
    return out


def simple_path(expression: str, *, call: str = "", flat: bool = False) -> list[str] | None:
    """A plain field path of `a || b || …`: the first alternative, or for an EC2 `call` the one
    in that call's own `…Request` / `…Response` wrapper (with `flat`, the first outside any
    wrapper), when there is one."""
    alternatives = _alternatives(dict(jmespath.compile(expression).parsed))
    node = alternatives[0]
    if call:
        own = [n for n in alternatives if _wrapper(n) in (f"{call}Request", f"{call}Response")]
        bare = [n for n in alternatives if not _wrapper(n)]
        node = next(iter((bare + own) if flat else (own + bare)), node)
    if node["type"] not in ("field", "subexpression", "projection", "flatten", "index_expression"):
        return None
    paths = field_paths(_unparse(node))
    return (
        paths[0]
        if len(paths) == 1 and paths[0][0] in ("requestParameters", "responseElements")
        else None
    )


def _alternatives(node: dict[str, Any]) -> list[dict[str, Any]]:
    if node["type"] != "or_expression":
        return [node]
    return [alt for child in node["children"] for alt in _alternatives(child)]


def _wrapper(node: dict[str, Any]) -> str:
    """The EC2 `…Request` / `…Response` wrapper an alternative reads inside, or ""."""
    try:
        paths = field_paths(_unparse(node))
    except (KeyError, ValueError):
        return ""
    for p in paths:
        if len(p) > 1 and p[1].endswith(("Request", "Response")):
            return p[1]
    return ""


def classic_ec2(op: Operation) -> bool:
    """An EC2 call of the classic Query API (its members have lowerCamel XML names), which
    CloudTrail logs flat, not inside a `…Request` wrapper."""
    shape = op.op.input_shape
    return (
        op.model.service_name == "ec2"
        and shape is not None
        and any(str(m.serialization.get("name", "A"))[:1].islower() for m in shape.members.values())
    )


def _unparse(node: dict[str, Any]) -> str:
    kind = node["type"]
    if kind == "field":
        return str(node["value"])
    if kind == "subexpression":
        return ".".join(_unparse(c) for c in node["children"])
    if kind == "projection":
        left, right = node["children"]
        text = _unparse(left)
        if not text.endswith("[]"):
            text += "[*]"
        return text if right["type"] == "identity" else f"{text}.{_unparse(right)}"
    if kind == "flatten":
        return _unparse(node["children"][0]) + "[]"
    if kind == "index_expression":
        return _unparse(node["children"][0]) + "[0]"
    raise ValueError(kind)


def example_value(rule: EventRule, target: Target, path: list[str], op: Operation) -> str:
    """A value of the right form for the target's id at `path`."""
    leaf = next((p for p in reversed(path) if p != ITEMS and p not in ("items", "content")), "")
    rtype = target.resource_type
    if rtype == BY_EC2_ID:
        return "i-0a1b2c3d4e5f60718"
    if rtype == BY_ARN:
        service = _arn_service(rule.source)
        kinds = [
            (k, t) for k, t in ARN_KINDS if k.startswith(service + ":") and not k.endswith(":")
        ]
        if not kinds:
            return _arn(service, "thing/example-resource")
        kind, found = kinds[0]
        prefix = RESOURCE_TYPES.get(found).arn_prefix or kind.split(":", 1)[1] + "/"
        return _arn(service, prefix + "example-resource")
    spec = RESOURCE_TYPES.get(rtype)
    noun = "example-" + _kebab(rtype.rsplit("::", 1)[-1])
    wants_arn = leaf.lower().endswith("arn") or spec.id_form == "arn"
    if wants_arn:
        service = next(
            (k.split(":")[0] for k, t in ARN_KINDS if t == rtype), _arn_service(rule.source)
        )
        return _arn(service, f"{spec.arn_prefix or _kebab(rtype.rsplit('::', 1)[-1]) + '/'}{noun}")
    if spec.id_form == "url":
        return f"https://sqs.{REGION}.amazonaws.com/{ACCOUNT}/{noun}"
    if spec.id_form == "account":
        return ACCOUNT
    if spec.id_form == "id":
        prefix = next((p for p, t in EC2_ID_PREFIXES if t == rtype), "")
        return (
            f"{prefix}0a1b2c3d4e5f60718" if prefix else str(uuid.uuid5(uuid.NAMESPACE_URL, rtype))
        )
    return noun


def _arn_service(source: str) -> str:
    return source.removesuffix(".amazonaws.com")


def _arn(service: str, resource: str) -> str:
    return f"arn:aws:{service}:{REGION}:{ACCOUNT}:{resource}"


def _kebab(name: str) -> str:
    out = []
    for i, ch in enumerate(name):
        if (
            ch.isupper()
            and i
            and (not name[i - 1].isupper() or (i + 1 < len(name) and name[i + 1].islower()))
        ):
            out.append("-")
        out.append(ch.lower())
    return "".join(out)


def plant(doc: dict[str, Any], path: list[str], value: str) -> None:
    """Set `value` at a field path (ITEMS: a list of one element)."""
    node: Any = doc.setdefault(path[0], {})
    steps = path[1:]
    for i, step in enumerate(steps):
        last = i == len(steps) - 1
        nxt = steps[i + 1] if not last else None
        if step == ITEMS:
            if not node:
                node.append({} if nxt not in (None, ITEMS) else ([] if nxt == ITEMS else value))
            if last:
                node[0] = value
                return
            node = node[0]
            continue
        if last:
            node[step] = value
            return
        node = node.setdefault(step, [] if nxt == ITEMS else {})


def fill_required(body: dict[str, Any], shape: Shape | None, casing: str, depth: int = 0) -> None:
    """The operation's required members, as CloudTrail spells them, where not set (scalars,
    lists of strings, and required structures two levels down)."""
    if not isinstance(shape, StructureShape) or depth > 2:
        return
    for name in shape.required_members:
        member = shape.members[name]
        if member.serialization.get("location") == "header":
            continue
        present = [k for k in spellings(name, member, casing, depth == 0) if k in body]
        key = present[0] if present else spell(name, member, casing)
        if isinstance(member, StructureShape):
            sub = body.setdefault(key, {})
            if isinstance(sub, dict):
                fill_required(sub, member, casing, depth + 1)
            continue
        if present:
            continue
        if member.type_name == "string":
            body[key] = member.metadata.get("enum", [f"example-{_kebab(name)}"])[0]
        elif member.type_name in ("integer", "long"):
            body[key] = 1
        elif member.type_name == "boolean":
            body[key] = True
        elif isinstance(member, ListShape) and member.member.type_name == "string":
            body[key] = [f"example-{_kebab(name)}"]


def spell(name: str, member: Shape, casing: str) -> str:
    """The one spelling CloudTrail gives a member, by the service's casing."""
    ser = member.serialization
    wire = ser.get("name") or name
    located = ser.get("location") in ("uri", "querystring", "header", "headers")
    if casing == "wire":
        return lower_first(wire) if located else wire
    if casing == "s3":
        return "bucketName" if name == "Bucket" else lower_first(name) if located else wire
    if casing == "ec2":
        return lower_first(ser.get("locationName") or ser.get("name") or name)
    return lower_acronym(name)


def record(
    rule: EventRule, request: dict[str, Any], response: dict[str, Any] | None
) -> dict[str, Any]:
    ident = uuid.uuid5(uuid.NAMESPACE_URL, rule.key)
    return {
        "eventVersion": "1.09",
        "userIdentity": {
            "type": "AssumedRole",
            "principalId": "AROAEXAMPLEPLATFORM01:alice",
            "arn": f"arn:aws:sts::{ACCOUNT}:assumed-role/PlatformAdmin/alice",
            "accountId": ACCOUNT,
            "accessKeyId": "ASIAEXAMPLEKEY000001",
            "sessionContext": {
                "sessionIssuer": {
                    "type": "Role",
                    "principalId": "AROAEXAMPLEPLATFORM01",
                    "arn": f"arn:aws:iam::{ACCOUNT}:role/PlatformAdmin",
                    "accountId": ACCOUNT,
                    "userName": "PlatformAdmin",
                },
                "attributes": {"creationDate": "2024-05-14T09:58:02Z", "mfaAuthenticated": "false"},
            },
        },
        "eventTime": "2024-05-14T10:12:33Z",
        "eventSource": rule.source,
        "eventName": rule.name,
        "awsRegion": REGION,
        "sourceIPAddress": "198.51.100.23",
        "userAgent": "aws-cli/2.15.40 Python/3.11.8 Linux/6.1.84 exe/x86_64.amzn.2 prompt/off",
        "requestParameters": request,
        "responseElements": response,
        "requestID": str(uuid.uuid5(ident, "request")),
        "eventID": str(ident),
        "readOnly": False,
        "eventType": "AwsApiCall",
        "managementEvent": True,
        "recipientAccountId": ACCOUNT,
        "eventCategory": "Management",
    }


class Planted:
    """A fixture being built: the record's request and response, and what it must yield."""

    def __init__(self, rule: EventRule, op: Operation) -> None:
        self.rule = rule
        self.op = op
        self.doc: dict[str, Any] = {"requestParameters": {}, "responseElements": {}}
        self.expect: list[dict[str, str]] = []
        self.expect_names: list[dict[str, str]] = []
        self.values: dict[str, str] = {}

    def add(self, index: int, target: Target) -> str | None:
        """Plant one target's id; why it cannot be done, or None."""
        if target.ids == "recipientAccountId":  # the record's own account
            self._expect(target.resource_type, ACCOUNT, target.change)
            return None
        joined = JOIN.fullmatch(target.ids)
        if joined is not None:
            return self._joined(target, joined)
        call = self.op.op.name if self.op.model.service_name == "ec2" else ""
        path = simple_path(target.ids, call=call, flat=classic_ec2(self.op))
        if path is None:
            return f"the path `{target.ids}` needs writing by hand"
        value = self._value(index, target, path)
        if target.by_name:
            self.expect_names.append(
                {"resource_type": target.resource_type, "name": value, "change": target.change}
            )
            return None
        rtype = target.resource_type
        if rtype in (BY_ARN, BY_EC2_ID):
            refs = target.extract(self.doc)
            if not refs:
                return "no known type for the planted id"
            rtype = refs[0].resource_type
        self._expect(rtype, RESOURCE_TYPES.get(rtype).normalize_id(value), target.change)
        return None

    def _value(self, index: int, target: Target, path: list[str]) -> str:
        key = ".".join(path)
        if key in self.values:  # two types named by one member (a v1 or a v2 VPC link)
            return self.values[key]
        value = example_value(self.rule, target, path, self.op)
        if index and not value.startswith(("i-", "arn:")) and target.resource_type != BY_ARN:
            value += f"-{index + 1}"  # two targets of one type stay two resources
        self.values[key] = value
        plant(self.doc, path, value)
        return value

    def _joined(self, target: Target, joined: re.Match[str]) -> str | None:
        """`join('/', [a, b])`: a composite id of plain fields."""
        values = []
        for i, text in enumerate(joined["paths"].split(",")):
            part = simple_path(text.strip())
            if part is None:
                return f"the path `{target.ids}` needs writing by hand"
            value = f"example-{part[-1].lower()}-{i + 1}"
            plant(self.doc, part, value)
            values.append(value)
        rid = RESOURCE_TYPES.get(target.resource_type).normalize_id(joined["sep"].join(values))
        self._expect(target.resource_type, rid, target.change)
        return None

    def _expect(self, rtype: str, rid: str, change: str) -> None:
        self.expect.append({"resource_type": rtype, "resource_id": rid, "change": change})


def build(rule: EventRule, service: Service) -> tuple[dict[str, Any] | None, str]:
    """The fixture document for a rule, or None and why it must be written by hand."""
    found = operations(service, rule.source, rule.name)
    if not found:
        return None, "no operation in the models"
    op = found[0]
    planted = Planted(rule, op)
    for index, target in enumerate(rule.targets):
        why = planted.add(index, target)
        if why:
            return None, why
    request = planted.doc["requestParameters"]
    wrappers = [k for k in request if k.endswith("Request")]
    if service.casing == "ec2" and not request and not classic_ec2(op):
        wrappers = [f"{op.op.name}Request"]
        request[wrappers[0]] = {}
    if service.casing == "ec2" and len(wrappers) == 1 and len(request) == 1:
        fill_required(request[wrappers[0]], op.op.input_shape, "wire")  # PascalCase inside
    else:
        fill_required(request, op.op.input_shape, service.casing)
    rec = record(rule, request, planted.doc["responseElements"] or None)
    uid = op.model.metadata.get("uid", op.model.service_name)
    source = (
        f"documented shape: https://docs.aws.amazon.com/goto/WebAPI/{uid}/{op.op.name}; "
        f"members checked against botocore's {op.model.service_name} model"
    )
    out: dict[str, Any] = {"source": source, "license": LICENSE, "expect": planted.expect}
    if planted.expect_names:
        out["expect_names"] = planted.expect_names
    out["record"] = rec
    return out, ""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true")
    parser.add_argument("sources", nargs="*", help="only these eventSources")
    args = parser.parse_args()
    services = services_by_source()
    covered = covered_targets()
    by_hand = []
    written = 0
    for key, rule in TRAIL_RULES:
        if args.sources and rule.source not in args.sources:
            continue
        if all((key, i) in covered for i in range(len(rule.targets))):
            continue
        doc, why = build(rule, services[rule.source])
        if doc is None:
            by_hand.append(f"{key}: {why}")
            continue
        path = TRAIL_FIXTURES / rule.source / f"{rule.name}.json"
        if path.exists():
            by_hand.append(f"{key}: {path.name} exists but does not cover every target")
            continue
        if args.write:
            path.parent.mkdir(exist_ok=True)
            path.write_text(json.dumps(doc, indent=2) + "\n")
        written += 1
        print(("wrote " if args.write else "would write ") + str(Path(rule.source) / path.name))
    for line in by_hand:
        print("by hand: " + line)
    print(f"{written} fixtures {'written' if args.write else 'to write'}, {len(by_hand)} by hand")


if __name__ == "__main__":
    main()
