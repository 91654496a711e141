"""An environment's `codify:` key: where driftbot opens pull requests (GitHub) or merge
requests (GitLab) that bring unmanaged resources under Terraform, and files notes asking for
the IaC to catch up with an accepted change. Pure.

    codify:
      github: {repo: acme/infra, base: main, path: imports/, token_env: DRIFT_GITHUB_TOKEN}
      # or
      gitlab: {project: acme/infra, base: main, path: imports/, token_env: DRIFT_GITLAB_TOKEN}

`api_url` overrides the forge's address (GitHub Enterprise Server: https://HOST/api/v3; a
self-managed GitLab: https://HOST). The token is read from the variable `token_env` names.
"""

from __future__ import annotations

import re

from pydantic import Field, field_validator, model_validator

from bot.config.model import StrictModel
from bot.config.remotes import ApiUrl, EnvName, Project, Ref, Repo
from bot.messages import config as say

_PATH = re.compile(r"^([A-Za-z0-9_.-]+/)*([A-Za-z0-9_.-]+/?)?$")
FORGES: tuple[str, ...] = ("github", "gitlab")


class Forge(StrictModel):
    """What both forges take: the base branch, the folder for import files, the token."""

    base: Ref = "main"
    path: str = "imports/"
    token_env: EnvName
    api_url: ApiUrl

    @field_validator("path")
    @classmethod
    def _path(cls, value: str) -> str:
        if value.startswith("/") or ".." in value.split("/") or not _PATH.match(value):
            raise ValueError(say.expected_repo_path(value))
        return value if not value or value.endswith("/") else value + "/"


class CodifyGithub(Forge):
    """Pull requests and issues in a GitHub repository."""

    repo: Repo = Field(description="owner/name")
    api_url: ApiUrl = "https://api.github.com"


class CodifyGitlab(Forge):
    """Merge requests and issues in a GitLab project."""

    project: Project = Field(description="group/project, or the numeric project id")
    api_url: ApiUrl = "https://gitlab.com"


class Codify(StrictModel):
    """Where codify pull requests and IaC notes go: one forge."""

    github: CodifyGithub | None = None
    gitlab: CodifyGitlab | None = None

    @model_validator(mode="after")
    def _one(self) -> Codify:
        if (self.github is None) == (self.gitlab is None):
            raise ValueError(say.expected_one_forge())
        return self

    @property
    def forge(self) -> str:
        """`github` or `gitlab`."""
        return "github" if self.github is not None else "gitlab"

    @property
    def target(self) -> CodifyGithub | CodifyGitlab:
        if self.github is not None:
            return self.github
        if self.gitlab is not None:
            return self.gitlab
        raise ValueError(say.expected_one_forge())
