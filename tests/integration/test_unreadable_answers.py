"""A live read that fails without an AWS error answer: an endpoint that answers something
botocore cannot parse (a corporate proxy's HTML page: ResponseParserError) and a connection the
peer resets. Each leaves its own finding `confirmed: null` with a reason naming the call; the
other findings are confirmed and the check finishes. Servers on 127.0.0.1:0, nothing else."""

from __future__ import annotations

import asyncio
import socket
import struct
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from botocore.stub import Stubber

from bot.config.drift import Environment
from bot.drift.findings import Finding
from bot.errors import AwsError
from bot.iac.index import StateIndex
from bot.shell.aws.access import AwsAccess
from bot.shell.confirm import LiveConfirmer, confirm_findings

ACCOUNT = "123456789012"
REGION = "us-east-1"
HTML = (
    b"<!DOCTYPE html><html><head><title>407</title></head>"
    b"<body>Proxy authentication required<br></body></html>"
)
TOPIC = f"arn:aws:sns:{REGION}:{ACCOUNT}:alerts"


@pytest.fixture(autouse=True)
def credentials(monkeypatch):
    """Requests are signed for the local servers; no real credentials anywhere."""
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "testing")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "testing")
    monkeypatch.delenv("AWS_PROFILE", raising=False)


class _Proxy(BaseHTTPRequestHandler):
    """Answers every request with its own HTML page (407), as a corporate proxy does."""

    status = 407
    page = HTML

    def do_POST(self) -> None:
        self.rfile.read(int(self.headers.get("Content-Length") or 0))
        self.send_response(self.status)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", str(len(self.page)))
        self.end_headers()
        self.wfile.write(self.page)

    def log_message(self, *args: object) -> None:
        pass


class _Portal(_Proxy):
    """Answers every request with a well-formed HTML page and status 200, as a captive portal
    does: an XML parser reads it without error, and finds no answer in it."""

    status = 200
    page = (
        b"<!DOCTYPE html><html><head><title>Sign in</title></head>"
        b"<body><p>Sign in to continue.</p></body></html>"
    )


@pytest.fixture
def html_portal() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Portal)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


@pytest.fixture
def html_proxy() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Proxy)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


@pytest.fixture
def resetter() -> Iterator[str]:
    """Accepts connections and resets them (RST) before answering."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(8)
    stop = threading.Event()

    def serve() -> None:
        listener.settimeout(0.2)
        while not stop.is_set():
            try:
                conn, _ = listener.accept()
            except OSError:
                continue
            conn.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            conn.recv(65536)
            conn.close()

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{listener.getsockname()[1]}"
    stop.set()
    thread.join()
    listener.close()


def access(**endpoints: str) -> AwsAccess:
    env = Environment.model_validate(
        {
            "account_id": ACCOUNT,
            "regions": [REGION],
            "cloudtrail": {"source": "files", "path": "logs"},
            "aws": {"endpoints": endpoints, "max_attempts": 1},
        }
    )
    return AwsAccess(env, "test")


def finding(kind: str, resource_type: str, resource_id: str) -> Finding:
    return Finding(
        kind=kind,
        resource_type=resource_type,
        resource_id=resource_id,
        account_id=ACCOUNT,
        region=REGION,
        addresses=[],
        events=[],
    )


def test_an_html_answer_is_a_failed_call_naming_it(html_proxy):
    """botocore's ResponseParserError becomes an AwsError naming `ec2:DescribeSecurityGroups`."""
    aws = access(ec2=html_proxy)
    with pytest.raises(AwsError) as caught:
        asyncio.run(aws.call("ec2", "DescribeSecurityGroups", region=REGION, GroupIds=["sg-1"]))

    assert caught.value.operation == "ec2:DescribeSecurityGroups"
    assert caught.value.code == "ResponseParserError"
    assert "`ec2:DescribeSecurityGroups`" in caught.value.user_message


def test_a_web_page_with_status_200_is_not_an_empty_answer(html_portal):
    """An HTML page answered with 200 would parse as "no security group": a deleted group
    would be confirmed on nothing. It is a failed call naming `ec2:DescribeSecurityGroups`, and
    the finding stays `confirmed: null`."""
    aws = access(ec2=html_portal)
    findings = [finding("deleted", "AWS::EC2::SecurityGroup", "sg-0123456789abcdef0")]

    (sg,) = asyncio.run(confirm_findings(findings, StateIndex(), LiveConfirmer(aws)))

    assert sg.confirmed is None
    assert "`ec2:DescribeSecurityGroups`" in (sg.reason or "")


def test_one_unreadable_read_does_not_lose_the_check(html_proxy, resetter):
    """Three findings: the security group's read meets the HTML proxy, the function's a reset
    connection, the topic's is answered (Cloud Control, stubbed). The check finishes with all
    three: the first two `confirmed: null` naming their call, the topic confirmed."""
    aws = access(ec2=html_proxy, **{"lambda": resetter})
    stub = Stubber(aws.client("cloudcontrol", REGION, ACCOUNT))
    stub.add_response(
        "get_resource",
        {
            "TypeName": "AWS::SNS::Topic",
            "ResourceDescription": {"Identifier": TOPIC, "Properties": '{"TopicArn": "x"}'},
        },
        {"TypeName": "AWS::SNS::Topic", "Identifier": TOPIC},
    )
    findings = [
        finding("deleted", "AWS::EC2::SecurityGroup", "sg-0123456789abcdef0"),
        finding("deleted", "AWS::Lambda::Function", "thumbnailer"),
        finding("unmanaged", "AWS::SNS::Topic", TOPIC),
    ]
    with stub:
        done = asyncio.run(confirm_findings(findings, StateIndex(), LiveConfirmer(aws)))

    sg, fn, topic = done
    assert (sg.confirmed, fn.confirmed, topic.confirmed) == (None, None, True)
    assert "`ec2:DescribeSecurityGroups`" in (sg.reason or "")
    assert "ResponseParserError" in (sg.reason or "")
    assert "`lambda:GetFunction`" in (fn.reason or "")
    assert sg.api_calls == ["ec2:DescribeSecurityGroups"]
    assert topic.api_calls == ["cloudformation:GetResource"]
