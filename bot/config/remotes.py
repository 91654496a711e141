"""What identifies a remote service in our files (drift.yml's `codify:`, a runbook's reapply and
escalation targets): its API address, the environment variable holding its token, a repository,
a project, a branch. Annotated types whose validators say what was expected. Pure."""

from __future__ import annotations

import re
from typing import Annotated

from pydantic import AfterValidator

from bot.messages import config as say

_ENV = re.compile(r"^[A-Z_][A-Z0-9_]*$")
_HTTPS = re.compile(r"^https://[A-Za-z0-9.-]+(:\d{1,5})?(/[^\s?#]*)?$")
_LOOPBACK = re.compile(r"^http://(127\.0\.0\.1|localhost)(:\d{1,5})?(/[^\s?#]*)?$")
_REPO = re.compile(r"^[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+$")
_PROJECT = re.compile(r"^([A-Za-z0-9_.-]+(/[A-Za-z0-9_.-]+)+|\d+)$")
_REF = re.compile(r"^[^\s~^:?*\[\\]+$")


def check_api_url(value: str) -> str:
    """An https:// base URL without credentials, query or fragment (http:// only on loopback,
    for a local stand-in); the trailing slash is dropped."""
    host = value.split("/", 3)[2] if value.count("/") >= 2 else ""
    if "@" in host:
        raise ValueError(say.url_with_credentials())
    if not (_HTTPS.match(value) or _LOOPBACK.match(value)):
        raise ValueError(say.expected_api_url(value))
    return value.rstrip("/")


def check_env_name(value: str) -> str:
    if not _ENV.match(value):
        raise ValueError(say.expected_env_name(value))
    return value


def check_repo(value: str) -> str:
    if not _REPO.match(value):
        raise ValueError(say.expected_repo(value))
    return value


def check_project(value: str) -> str:
    if not _PROJECT.match(value):
        raise ValueError(say.expected_gitlab_project(value))
    return value


def check_ref(value: str) -> str:
    if not _REF.match(value):
        raise ValueError(say.expected_branch(value))
    return value


ApiUrl = Annotated[str, AfterValidator(check_api_url)]
EnvName = Annotated[str, AfterValidator(check_env_name)]
Repo = Annotated[str, AfterValidator(check_repo)]
Project = Annotated[str, AfterValidator(check_project)]
Ref = Annotated[str, AfterValidator(check_ref)]
