"""A fake incident.io HTTP alert source, written from incident.io's API reference ("Alert
Events V2 → CreateHTTP", and the introduction's authentication, errors and rate limits):
`POST /v2/alert_events/http/{alert_source_config_id}`.

`Authorization: Bearer <token>` (the alert source's token; a `?token=` query parameter is also
accepted, as documented). No or a wrong token: 401 `authentication_error`; a token of another
source: 403; an unknown source: 404. The body needs `title` and `status` ∈ {firing, resolved};
`deduplication_key`, `description`, `source_url` and `metadata` (an object) are optional; a
violation is 422 `validation_error` with `errors[].source.field`. 202 `{deduplication_key,
message: "Event accepted for processing", status: "success"}`. Alerts are kept per key: firing
then resolved. 429 `too_many_requests` carries `rate_limit.retry_after` (an HTTP date) in the
body."""

from __future__ import annotations

import json
import uuid
from typing import Any

from aiohttp import web

from tests.fakes.server import FakeServer


def problem(
    status: int, kind: str, code: str, message: str, field: str | None = None
) -> web.Response:
    error: dict[str, Any] = {"code": code, "message": message}
    if field:
        error["source"] = {"field": field}
    body = {"type": kind, "status": status, "request_id": str(uuid.uuid4()), "errors": [error]}
    return web.json_response(body, status=status)


class FakeIncidentIo(FakeServer):
    def __init__(self) -> None:
        super().__init__()
        self.sources: dict[str, str] = {}  # config id -> token
        self.alerts: dict[tuple[str, str], dict[str, Any]] = {}

    def routes(self, app: web.Application) -> None:
        app.router.add_post("/v2/alert_events/http/{source}", self.event)

    async def event(self, request: web.Request) -> web.Response:
        auth = request.headers.get("Authorization", "")
        token = (
            auth.removeprefix("Bearer ")
            if auth.startswith("Bearer ")
            else request.query.get("token")
        )
        if not token:
            return problem(
                401,
                "authentication_error",
                "missing_authorization_material",
                "No authorization material provided in request",
            )
        source = request.match_info["source"]
        if token not in self.sources.values():
            return problem(
                401,
                "authentication_error",
                "invalid_authorization_material",
                "The API key provided is not valid",
            )
        if source not in self.sources:
            return problem(404, "not_found", "not_found", "Alert source config not found")
        if self.sources[source] != token:
            return problem(
                403, "forbidden", "forbidden", "This token cannot send events to this alert source"
            )
        try:
            body = json.loads(await request.read())
        except ValueError:
            return problem(400, "bad_request", "invalid_json", "The body is not valid JSON")
        if not isinstance(body.get("title"), str) or not body["title"]:
            return problem(422, "validation_error", "is_required", "title is required", "title")
        if body.get("status") not in ("firing", "resolved"):
            return problem(
                422, "validation_error", "is_invalid", "status must be firing or resolved", "status"
            )
        if "metadata" in body and not isinstance(body["metadata"], dict):
            return problem(
                422, "validation_error", "is_invalid", "metadata must be an object", "metadata"
            )
        key = str(body.get("deduplication_key") or uuid.uuid4())
        alert = self.alerts.setdefault((source, key), {"events": []})
        alert["events"].append(body)
        alert["status"] = body["status"]
        return web.json_response(
            {
                "deduplication_key": key,
                "message": "Event accepted for processing",
                "status": "success",
            },
            status=202,
        )

    def rate_limit_body(self, retry_after: str) -> dict[str, Any]:
        return {
            "type": "too_many_requests",
            "status": 429,
            "request_id": str(uuid.uuid4()),
            "rate_limit": {
                "name": "api_key_name",
                "limit": 1200,
                "remaining": 0,
                "retry_after": retry_after,
            },
            "errors": [
                {
                    "code": "too_many_requests",
                    "message": "Too many requests. We recommend exponential backoff.",
                }
            ],
        }
