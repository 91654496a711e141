"""Spacelift as a reapply target, through its GraphQL API (`POST {api_url}/graphql`): an API
key's id and secret are exchanged for a token (`apiKeyUser`, unauthenticated), kept until
shortly before it expires and exchanged again when refused; a tracked run is triggered
(`runTrigger`) and followed (`stack { run { state } }`). A run that planned and waits for a
confirmation (`UNCONFIRMED`) is confirmed (`runConfirm`): its approvals were given in Slack.
GraphQL errors come back as `errors[]`, usually with HTTP 200."""

from __future__ import annotations

import time
from typing import Any

from bot.errors import IntegrationError
from bot.lifecycle.external import ReapplyRun, RunStatus
from bot.messages import integrations as say
from bot.policy.targets import Spacelift
from bot.shell.http import Http, asked_wait
from bot.shell.reapply.base import ReapplyContext, RunPoll, RunRef
from bot.shell.secrets import secret

SERVICE = "spacelift"
LOGIN = (
    "mutation($id: ID!, $secret: String!) "
    "{ apiKeyUser(id: $id, secret: $secret) { id jwt validUntil } }"
)
TRIGGER = "mutation($stack: ID!) { runTrigger(stack: $stack, runType: TRACKED) { id state type } }"
READ = (
    "query($stack: ID!, $run: ID!) "
    "{ stack(id: $stack) { id run(id: $run) { id state history { state terminal } } } }"
)
CONFIRM = "mutation($stack: ID!, $run: ID!) { runConfirm(stack: $stack, run: $run) { id state } }"
QUEUED = frozenset({"QUEUED", "READY", "PENDING"})
FAILED = frozenset({"FAILED", "STOPPED", "CANCELED", "DISCARDED", "SKIPPED"})
EARLY = 60.0  # seconds before a token's expiry when it is exchanged again
_tokens: dict[tuple[str, str], tuple[str, float]] = {}


class SpaceliftClient:
    """Trigger, confirm and follow a tracked run."""

    async def _token(self, http: Http, target: Spacelift, key_id: str, key: str) -> str:
        cached = _tokens.get((target.api_url, key_id))
        if cached is not None and cached[1] - EARLY > time.time():
            return cached[0]
        body = await self._graphql(http, target, LOGIN, {"id": key_id, "secret": key}, None)
        user = (body.get("data") or {}).get("apiKeyUser")
        if not user or not user.get("jwt"):
            _tokens.pop((target.api_url, key_id), None)
            raise IntegrationError(
                *say.spacelift_key_refused(target.key_id_env, target.key_secret_env),
                service=SERVICE,
            )
        until = user.get("validUntil")
        expires = (
            float(until)
            if isinstance(until, int | float | str) and str(until).isdigit()
            else time.time() + 3000
        )
        _tokens[(target.api_url, key_id)] = (str(user["jwt"]), expires)
        return str(user["jwt"])

    async def _graphql(
        self,
        http: Http,
        target: Spacelift,
        query: str,
        variables: dict[str, Any],
        token: str | None,
    ) -> dict[str, Any]:
        headers = {"Authorization": f"Bearer {token}"} if token else {}
        answer = await http.request(
            "POST",
            f"{target.api_url}/graphql",
            headers=headers,
            json={"query": query, "variables": variables},
        )
        if answer.status == 401:
            raise IntegrationError(
                *say.spacelift_key_refused(target.key_id_env, target.key_secret_env),
                service=SERVICE,
                status=401,
            )
        if answer.status != 200:
            retryable = answer.status == 429 or answer.status >= 500
            words = (
                say.kept_failing(say.SPACELIFT, answer.status)
                if retryable
                else say.failed_with(SERVICE, answer.status, answer.text())
            )
            raise IntegrationError(
                *words,
                service=SERVICE,
                status=answer.status,
                retryable=retryable,
                retry_after=asked_wait(answer),
            )
        body = answer.json()
        return body if isinstance(body, dict) else {}

    async def _call(
        self, target: Spacelift, ctx: ReapplyContext, query: str, variables: dict[str, Any]
    ) -> dict[str, Any]:
        """A query with a token, exchanged again once if Spacelift refuses it."""
        key_id = secret(ctx.environ, target.key_id_env, "fix.reapply.spacelift.key_id_env")
        key = secret(ctx.environ, target.key_secret_env, "fix.reapply.spacelift.key_secret_env")
        http = Http(SERVICE, secrets=[key], sleep=ctx.sleep)
        for attempt in (1, 2):
            token = await self._token(http, target, key_id, key)
            try:
                return await self._graphql(http, target, query, variables, token)
            except IntegrationError as exc:
                if exc.status != 401 or attempt == 2:
                    raise
                _tokens.pop((target.api_url, key_id), None)
        raise AssertionError("unreachable")

    async def dispatch(self, target: Spacelift, ctx: ReapplyContext) -> RunRef:
        body = await self._call(target, ctx, TRIGGER, {"stack": target.stack})
        run = (body.get("data") or {}).get("runTrigger")
        if not run:
            raise IntegrationError(*_graphql_error(body, target), service=SERVICE)
        state = str(run.get("state") or "QUEUED")
        run_id = str(run["id"])
        return RunRef(_status(state), run_id, self.link(target, run_id), state)

    def link(self, target: Spacelift, run_id: str) -> str:
        return f"{target.api_url}/stack/{target.stack}/run/{run_id}"

    async def poll(self, target: Spacelift, run: ReapplyRun, ctx: ReapplyContext) -> RunPoll:
        variables = {"stack": target.stack, "run": run.run_id}
        body = await self._call(target, ctx, READ, variables)
        stack = (body.get("data") or {}).get("stack")
        found = (stack or {}).get("run")
        if not found:
            raise IntegrationError(*_graphql_error(body, target, run.run_id), service=SERVICE)
        state = str(found.get("state") or "QUEUED")
        if state == "UNCONFIRMED":
            confirmed = await self._call(target, ctx, CONFIRM, variables)
            if not (confirmed.get("data") or {}).get("runConfirm"):
                raise IntegrationError(*_graphql_error(confirmed, target), service=SERVICE)
            return RunPoll("running", say.spacelift_confirmed())
        return RunPoll(_status(state), state)


def _graphql_error(
    body: dict[str, Any], target: Spacelift, run_id: str | None = None
) -> tuple[str, str]:
    errors = body.get("errors") or []
    said = str(errors[0].get("message", "")) if errors and isinstance(errors[0], dict) else ""
    if not said and (body.get("data") or {}).get("stack") is None:
        return say.spacelift_stack_not_found(target.stack)
    if not said and run_id is not None:
        return say.spacelift_run_gone(target.stack, run_id)
    return say.spacelift_refused(target.stack, said)


def _status(state: str) -> RunStatus:
    if state == "FINISHED":
        return "succeeded"
    if state in FAILED:
        return "failed"
    if state in QUEUED:
        return "queued"
    return "running"
