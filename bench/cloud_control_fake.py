"""The mixed-type run of bench_confirm: findings of many resource types confirmed through the
generic reader (AWS Cloud Control's GetResource), against a full scan that reads every managed
resource the same way.

moto does not serve Cloud Control, so a fake of its JSON API (`CloudApiService.GetResource`,
`ResourceNotFoundException`) answers on 127.0.0.1:0 from an in-memory estate; real botocore
clients reach it through the environment's endpoint override. Resources and their Terraform
state are made from the same values by the round-trip test's generator
(tests/cloudcontrol_values.py), for TYPES Terraform types of as many services.
"""

from __future__ import annotations

import asyncio
import json
import os
import random
import threading
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from bot.config.drift import Environment
from bot.drift.findings import Finding
from bot.drift.live.cloudcontrol.identifiers import build_identifier
from bot.iac.index import DesiredResource, StateIndex
from bot.shell.aws.access import AwsAccess
from bot.shell.aws.schemas import SchemaStore
from bot.shell.confirm import LiveConfirmer, confirm_findings
from tests.cloudcontrol_values import changed
from tests.unit.drift.live.test_cloudcontrol_roundtrip import GENERIC, build

ACCOUNT = "123456789012"
REGION = "us-east-1"
TYPES = 12


class _Estate:
    def __init__(self) -> None:
        self.props: dict[tuple[str, str], dict[str, Any]] = {}
        self.calls = 0


def _handler(estate: _Estate) -> type[BaseHTTPRequestHandler]:
    class CloudControl(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            body = json.loads(self.rfile.read(int(self.headers.get("Content-Length") or 0)))
            estate.calls += 1
            target = self.headers.get("X-Amz-Target", "")
            key = (body.get("TypeName"), body.get("Identifier"))
            if target != "CloudApiService.GetResource":
                self._send(400, {"__type": "InvalidRequestException", "Message": target})
            elif key not in estate.props:
                self._send(404, {"__type": "ResourceNotFoundException", "Message": "not found"})
            else:
                description = {"Identifier": key[1], "Properties": json.dumps(estate.props[key])}
                self._send(200, {"TypeName": key[0], "ResourceDescription": description})

        def _send(self, status: int, doc: dict[str, Any]) -> None:
            raw = json.dumps(doc).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/x-amz-json-1.0")
            self.send_header("Content-Length", str(len(raw)))
            self.end_headers()
            self.wfile.write(raw)

        def log_message(self, *args: object) -> None:
            pass

    return CloudControl


@contextmanager
def serving(estate: _Estate) -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(estate))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def _types(store: SchemaStore) -> list[tuple[str, str]]:
    """One Terraform type per service, with a one-part identifier driftbot's id is."""
    picked: dict[str, tuple[str, str]] = {}
    for tf_type, rtype in GENERIC:
        schema = store.get(rtype, REGION)
        service = rtype.split("::")[1]
        if schema is None or service in picked or len(schema.primary) != 1:
            continue
        if build_identifier(schema, "x-1", ACCOUNT, REGION) == "x-1":
            picked[service] = (tf_type, rtype)
    return list(picked.values())[:TYPES]


def _finding(rtype: str, rid: str) -> Finding:
    return Finding(
        kind="modified",
        resource_type=rtype,
        resource_id=rid,
        account_id=ACCOUNT,
        region=REGION,
        addresses=[],
        events=[],
    )


def run(resources: int, changes: int, rng: random.Random) -> None:
    """Build the estate, change `changes` resources, time the check's confirmation against a
    full scan, and print the figures."""
    for name in ("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY"):
        os.environ.setdefault(name, "bench")  # requests are signed for the local fake only
    store = SchemaStore()
    kinds = _types(store)
    estate = _Estate()
    index_items: list[DesiredResource] = []
    ids: list[tuple[str, str, str]] = []
    for i in range(resources):
        tf_type, rtype = kinds[i % len(kinds)]
        schema = store.get(rtype, REGION)
        assert schema is not None
        state, live, where = build(tf_type, schema)
        rid = f"{tf_type.replace('_', '-')}-{i:05d}"
        estate.props[(rtype, rid)] = live
        index_items.append(
            DesiredResource(
                address=f"{tf_type}.r{i}",
                backend="terraform",
                source="bench.tfstate",
                iac_type=tf_type,
                resource_type=rtype,
                resource_id=rid,
                owns=((rtype, rid),),
                attributes=state,
            )
        )
        ids.append((tf_type, rtype, rid))
    index = StateIndex.build(index_items)
    changed_ids = rng.sample(ids, changes)
    for tf_type, rtype, rid in changed_ids:
        schema = store.get(rtype, REGION)
        assert schema is not None
        _, live, where = build(tf_type, schema)
        attribute, prop = sorted(where.items())[0]
        node = schema.property_schema(prop) or {}
        target = estate.props[(rtype, rid)]
        for step in prop[:-1]:
            target = target[step]
        if attribute == "tags":
            target[prop[-1]] = {"changed": "by-hand"}
        else:
            target[prop[-1]] = changed(schema, node, target[prop[-1]])
    with serving(estate) as url:
        env = Environment.model_validate(
            {
                "account_id": ACCOUNT,
                "regions": [REGION],
                "cloudtrail": {"source": "files", "path": "logs"},
                "aws": {"endpoints": {"cloudcontrol": url}},
            }
        )
        confirmer = LiveConfirmer(AwsAccess(env, "bench"), schemas=store)
        findings = [_finding(rtype, rid) for _, rtype, rid in changed_ids]
        started = time.perf_counter()
        done = asyncio.run(confirm_findings(findings, index, confirmer))
        check_s = time.perf_counter() - started
        check_calls = Counter(c for f in done for c in f.api_calls)
        confirmed = sum(1 for f in done if f.confirmed)
        everything = [_finding(rtype, rid) for _, rtype, rid in ids]
        started = time.perf_counter()
        scanned = asyncio.run(confirm_findings(everything, index, confirmer))
        scan_s = time.perf_counter() - started
        scan_calls = sum(len(f.api_calls) for f in scanned)
        differ = sum(1 for f in scanned if f.confirmed)
    print(
        f"generic: {resources:,} managed resources of {len(kinds)} types "
        f"({', '.join(sorted(r for _, r in kinds))}), {changes} changed"
    )
    total = sum(check_calls.values())
    print(
        f"confirm     : {total:>7,} Cloud Control calls  {check_s:7.2f}s  ({len(done)} findings, "
        f"{confirmed} confirmed; {total / max(1, len(done)):.2f} calls per changed resource)"
    )
    print(
        f"full scan   : {scan_calls:>7,} Cloud Control calls  {scan_s:7.2f}s  "
        f"({differ} resources differ from the state)"
    )
    print(
        f"ratio       : full scan / confirm = {scan_calls / max(1, total):.0f}x the calls, "
        f"{scan_s / max(check_s, 1e-9):.0f}x the time"
    )
