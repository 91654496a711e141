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
from bot.messages import config as say

_ENV = re.compile(r"^[A-Z_][A-Z0-9_]*$")
_REPO = re.compile(r"^[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+$")
_PROJECT = re.compile(r"^([A-Za-z0-9_.-]+(/[A-Za-z0-9_.-]+)+|\d+)$")
_BRANCH = re.compile(r"^[^\s~^:?*\[\\]+$")
_PATH = re.compile(r"^([A-Za-z0-9_.-]+/)*([A-Za-z0-9_.-]+/?)?$")
_URL = re.compile(
    r"^(https://[A-Za-z0-9.-]+|http://(127\.0\.0\.1|localhost))(:\d{1,5})?(/[^\s?#@]*)?$"
)
FORGES: tuple[str, ...] = ("github", "gitlab")


class Forge(StrictModel):
    """What both forges take: the base branch, the folder for import files, the token."""

    base: str = "main"
    path: str = "imports/"
    token_env: str
    api_url: str

    @field_validator("base")
    @classmethod
    def _base(cls, value: str) -> str:
        if not _BRANCH.match(value):
            raise ValueError(say.expected_branch(value))
        return value

    @field_validator("path")
    @classmethod
    def _path(cls, value: str) -> str:
        if value.startswith("/") or ".." in value.split("/") or not _PATH.match(value):
            raise ValueError(say.expected_repo_path(value))
        return value if not value or value.endswith("/") else value + "/"

    @field_validator("token_env")
    @classmethod
    def _env(cls, value: str) -> str:
        if not _ENV.match(value):
            raise ValueError(say.expected_env_name(value))
        return value

    @field_validator("api_url")
    @classmethod
    def _url(cls, value: str) -> str:
        if not _URL.match(value):
            raise ValueError(say.expected_api_url(value))
        return value.rstrip("/")


class CodifyGithub(Forge):
    """Pull requests and issues in a GitHub repository."""

    repo: str = Field(description="owner/name")
    api_url: str = "https://api.github.com"

    @field_validator("repo")
    @classmethod
    def _repo(cls, value: str) -> str:
        if not _REPO.match(value):
            raise ValueError(say.expected_repo(value))
        return value


class CodifyGitlab(Forge):
    """Merge requests and issues in a GitLab project."""

    project: str = Field(description="group/project, or the numeric project id")
    api_url: str = "https://gitlab.com"

    @field_validator("project")
    @classmethod
    def _project(cls, value: str) -> str:
        if not _PROJECT.match(value):
            raise ValueError(say.expected_gitlab_project(value))
        return value


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
