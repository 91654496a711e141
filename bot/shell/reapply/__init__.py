"""Reapply targets: what a Reapply triggers once approved. `CLIENTS` holds the followed targets'
API clients by runbook key, filled from this explicit list; the webhook (webhook.py) is
triggered by bot/shell/jobs.py as it always was. runner.py dispatches and follows runs."""

from __future__ import annotations

from bot.shell.reapply.base import ReapplyClient
from bot.shell.reapply.codebuild import CodebuildClient
from bot.shell.reapply.github_actions import GithubActionsClient
from bot.shell.reapply.gitlab import GitlabClient
from bot.shell.reapply.spacelift import SpaceliftClient
from bot.shell.reapply.terraform_cloud import TerraformCloudClient

CLIENTS: dict[str, ReapplyClient] = {
    "github_actions": GithubActionsClient(),
    "gitlab": GitlabClient(),
    "terraform_cloud": TerraformCloudClient(),
    "spacelift": SpaceliftClient(),
    "codebuild": CodebuildClient(),
}
