"""AWS CodeBuild as a reapply target: `StartBuild` on the project with the runbook's `env` as
environment variables (PLAINTEXT: they hold placeholders, never secrets; a build takes its
secrets from Parameter Store or Secrets Manager itself), then `BatchGetBuilds` until the build
ends. Through the environment's AWS access (its role, if it has one), so errors are
bot/shell/aws/access.py's, which name the IAM action to grant (`codebuild:StartBuild`)."""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

from bot.errors import AwsError, IntegrationError
from bot.lifecycle.external import ReapplyRun, RunStatus
from bot.messages import integrations as say
from bot.policy.placeholders import render_map
from bot.policy.targets import Codebuild
from bot.shell.aws.access import AwsAccess
from bot.shell.reapply.base import ReapplyContext, RunPoll, RunRef

SERVICE = "codebuild"
QUEUED_PHASES = frozenset({"SUBMITTED", "QUEUED", "PROVISIONING"})
SUCCEEDED = "SUCCEEDED"


def console_link(region: str, project: str, build_id: str) -> str:
    return (
        f"https://{region}.console.aws.amazon.com/codesuite/codebuild/projects/{project}"
        f"/build/{quote(build_id, safe='')}/?region={region}"
    )


class CodebuildClient:
    """Start and follow a build."""

    def _aws(self, ctx: ReapplyContext) -> AwsAccess:
        if ctx.session_factory is not None:
            return AwsAccess(ctx.env, ctx.env_name, ctx.session_factory)
        return AwsAccess(ctx.env, ctx.env_name)

    async def dispatch(self, target: Codebuild, ctx: ReapplyContext) -> RunRef:
        variables = [
            {"name": name, "value": value, "type": "PLAINTEXT"}
            for name, value in render_map(target.env, ctx.values).items()
        ]
        try:
            answer = await self._aws(ctx).call(
                "codebuild",
                "StartBuild",
                region=target.region,
                resource=target.project,
                projectName=target.project,
                environmentVariablesOverride=variables,
                idempotencyToken=f"{ctx.request_id}-{ctx.attempt}",
            )
        except AwsError as exc:
            raise _translated(exc, target) from exc
        build: dict[str, Any] = answer.get("build") or {}
        build_id = str(build.get("id", ""))
        phase = str(build.get("currentPhase") or "QUEUED")
        return RunRef(
            _status(str(build.get("buildStatus") or "IN_PROGRESS"), phase),
            build_id,
            console_link(target.region, target.project, build_id),
            phase,
        )

    async def poll(self, target: Codebuild, run: ReapplyRun, ctx: ReapplyContext) -> RunPoll:
        try:
            answer = await self._aws(ctx).call(
                "codebuild",
                "BatchGetBuilds",
                region=target.region,
                resource=target.project,
                ids=[run.run_id],
            )
        except AwsError as exc:
            raise _translated(exc, target) from exc
        builds = answer.get("builds") or []
        if not builds:
            raise IntegrationError(
                *say.codebuild_build_missing(str(run.run_id), target.region), service=SERVICE
            )
        build = builds[0]
        status = str(build.get("buildStatus") or "IN_PROGRESS")
        phase = str(build.get("currentPhase") or "")
        detail = phase if status == "IN_PROGRESS" else status
        return RunPoll(_status(status, phase), detail)


def _translated(exc: AwsError, target: Codebuild) -> IntegrationError | AwsError:
    if exc.code == "ResourceNotFoundException":
        return IntegrationError(
            *say.codebuild_project_missing(target.project, target.region), service=SERVICE
        )
    if exc.code == "AccountLimitExceededException":
        return IntegrationError(
            *say.codebuild_limit(target.project), service=SERVICE, retryable=True
        )
    return exc


def _status(build_status: str, phase: str) -> RunStatus:
    if build_status == SUCCEEDED:
        return "succeeded"
    if build_status != "IN_PROGRESS":
        return "failed"
    return "queued" if phase in QUEUED_PHASES else "running"
