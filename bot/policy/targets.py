"""Reapply targets: the CI/CD systems a runbook's `fix.reapply` can ask to apply the IaC again.
Pure; the HTTP clients are bot/shell/reapply/<target>.py.

`fix.reapply` names exactly one target (bot/policy/runbook.py's `Reapply`, which also holds the
`webhook` target). Secrets are never values here: keys ending in `_env` name the environment
variables that hold them at run time, and `drift runbook validate` checks that they are set.
String values under `inputs`, `variables` and `env` may use placeholders (placeholders.py).

    github_actions:   {repo, workflow, ref, inputs, token_env, api_url}
    gitlab:           {project, ref, variables, token_env, read_token_env, api_url}
    terraform_cloud:  {organization, workspace, token_env, api_url}
    spacelift:        {stack, api_url, key_id_env, key_secret_env}
    codebuild:        {project, region, env}
"""

from __future__ import annotations

import re
from typing import Annotated, ClassVar

from pydantic import AfterValidator, Field, field_validator

from bot.config.model import StrictModel
from bot.config.remotes import ApiUrl, EnvName, Project, Ref, Repo
from bot.messages import runbook as say
from bot.policy.placeholders import fields_of

_INPUT_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_-]*$")
_VARIABLE = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
_WORKFLOW = re.compile(r"^([A-Za-z0-9_.-]+\.ya?ml|\d+)$")
_TFC_NAME = re.compile(r"^[A-Za-z0-9_-]+$")
_SLUG = re.compile(r"^[a-z0-9][a-z0-9_-]*$")
_CODEBUILD_PROJECT = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]{1,254}$")
_REGION = re.compile(r"^[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-\d{1,2}$")
GITHUB_MAX_INPUTS = 25
GITHUB_MAX_INPUT_CHARS = 65_535


def check_template(value: str) -> str:
    fields_of(value)
    return value


Template = Annotated[str, AfterValidator(check_template)]


def _names(values: dict[str, str], pattern: re.Pattern[str]) -> dict[str, str]:
    for key in values:
        if not pattern.match(key):
            raise ValueError(say.expected_input_name(key))
    return values


class Target(StrictModel):
    """What every target has: the environment variables it reads (key → variable name)."""

    ENV_KEYS: ClassVar[tuple[str, ...]] = ()

    def env_vars(self) -> dict[str, str]:
        """`{key: VARIABLE}` for every `*_env` key that is set."""
        out = {}
        for key in self.ENV_KEYS:
            value = getattr(self, key)
            if value:
                out[key] = value
        return out


class GithubActions(Target):
    """A GitHub Actions workflow run through `workflow_dispatch`."""

    ENV_KEYS: ClassVar[tuple[str, ...]] = ("token_env",)

    repo: Repo = Field(description="owner/name")
    workflow: str = Field(description="the workflow's file name, or its numeric id")
    ref: Ref = "main"
    inputs: dict[str, Template] = Field(default_factory=dict)
    token_env: EnvName
    api_url: ApiUrl = "https://api.github.com"

    @field_validator("workflow")
    @classmethod
    def _workflow(cls, value: str) -> str:
        if not _WORKFLOW.match(value):
            raise ValueError(say.expected_workflow(value))
        return value

    @field_validator("inputs")
    @classmethod
    def _inputs(cls, value: dict[str, str]) -> dict[str, str]:
        if len(value) > GITHUB_MAX_INPUTS:
            raise ValueError(say.too_many_inputs(len(value), GITHUB_MAX_INPUTS))
        return _names(value, _INPUT_NAME)


class Gitlab(Target):
    """A GitLab pipeline started with a pipeline trigger token; followed with a token that may
    read pipelines (`read_token_env`, scope `read_api`: a trigger token cannot)."""

    ENV_KEYS: ClassVar[tuple[str, ...]] = ("token_env", "read_token_env")

    project: Project = Field(description="group/project, or the numeric project id")
    ref: Ref = "main"
    variables: dict[str, Template] = Field(default_factory=dict)
    token_env: EnvName
    read_token_env: EnvName | None = None
    api_url: ApiUrl = "https://gitlab.com"

    @field_validator("variables")
    @classmethod
    def _variables(cls, value: dict[str, str]) -> dict[str, str]:
        return _names(value, _VARIABLE)


class TerraformCloud(Target):
    """An HCP Terraform / Terraform Enterprise run of a workspace, targeted at the finding's
    addresses (`target-addrs`)."""

    ENV_KEYS: ClassVar[tuple[str, ...]] = ("token_env",)

    organization: str
    workspace: str
    token_env: EnvName
    api_url: ApiUrl = "https://app.terraform.io"

    @field_validator("organization", "workspace")
    @classmethod
    def _name(cls, value: str) -> str:
        if not _TFC_NAME.match(value):
            raise ValueError(say.expected_tfc_name(value))
        return value


class Spacelift(Target):
    """A tracked run of a Spacelift stack, through its GraphQL API (an API key's id and secret
    are exchanged for a token)."""

    ENV_KEYS: ClassVar[tuple[str, ...]] = ("key_id_env", "key_secret_env")

    stack: str
    api_url: ApiUrl = Field(description="the account's address, https://ACCOUNT.app.spacelift.io")
    key_id_env: EnvName
    key_secret_env: EnvName

    @field_validator("stack")
    @classmethod
    def _stack(cls, value: str) -> str:
        if not _SLUG.match(value):
            raise ValueError(say.expected_stack(value))
        return value


class Codebuild(Target):
    """An AWS CodeBuild build of a project, with environment variables (AWS credentials are the
    environment's own: its role, or the worker's)."""

    project: str
    region: str
    env: dict[str, Template] = Field(default_factory=dict)

    @field_validator("region")
    @classmethod
    def _region(cls, value: str) -> str:
        if not _REGION.match(value):
            raise ValueError(say.expected_region(value))
        return value

    @field_validator("env")
    @classmethod
    def _env(cls, value: dict[str, str]) -> dict[str, str]:
        return _names(value, _VARIABLE)
