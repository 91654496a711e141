"""drift.yml: the environments driftbot checks. Parsing and validation only; no I/O.

Unknown keys are rejected, and every problem is reported with the file, the key path, what was
expected and, for misspelled keys, the closest valid name.
"""

from __future__ import annotations

import difflib
import re
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from bot.config_sources import (
    AthenaTrail,
    AwsSettings,
    CloudFormationState,
    FilesTrail,
    LookupEventsTrail,
    PulumiState,
    S3Trail,
    StateRef,
    StrictModel,
    TerraformState,
    Trail,
)
from bot.errors import ConfigError

_ACCOUNT = re.compile(r"^\d{12}$")
_REGION = re.compile(r"^[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-\d{1,2}$")
_ENV_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")
_ROLE_ARN = re.compile(r"^arn:aws[a-z-]*:iam::(\d{12}|\{account_id\}):role/[\w+=,.@/-]+$")
_TAG = re.compile(r"^(source|kind):")


class Environment(StrictModel):
    """One named environment: its accounts, regions, CloudTrail source and IaC state."""

    account_id: list[str] | None = Field(description="12-digit ids, or None for `*`")
    regions: list[str] | None = Field(description="region names, or None for `*`")
    cloudtrail: Trail
    state: list[StateRef] = Field(default_factory=list)
    iac_principals: list[str] = Field(default_factory=list)
    role_arn: str | None = Field(
        default=None, description="assumed through STS; `{account_id}` is filled in per account"
    )
    external_id: str | None = Field(default=None, min_length=2)
    aws: AwsSettings = Field(default_factory=AwsSettings)
    confirm: bool | Literal["auto"] = Field(
        default="auto",
        description="read changed resources live; auto: when the environment uses AWS at all",
    )

    @field_validator("role_arn", mode="after")
    @classmethod
    def _role(cls, value: str | None) -> str | None:
        if value is not None and not _ROLE_ARN.match(value):
            raise ValueError(
                "expected a role ARN such as arn:aws:iam::111122223333:role/driftbot-reader "
                f"(or with {{account_id}} in place of the account) (got {value!r})"
            )
        return value

    @property
    def uses_aws(self) -> bool:
        """Whether anything about this environment is read from AWS (not only local files)."""
        if self.cloudtrail.source != "files" or self.role_arn or self.aws.endpoint_url:
            return True
        return any(not isinstance(s, TerraformState) or s.terraform.startswith("s3://")
                   for s in self.state)  # fmt: skip

    @property
    def confirms(self) -> bool:
        """Whether findings are confirmed against live resources."""
        return self.uses_aws if self.confirm == "auto" else bool(self.confirm)

    @field_validator("account_id", mode="before")
    @classmethod
    def _accounts(cls, value: Any) -> list[str] | None:
        if value == "*":
            return None
        items = value if isinstance(value, list) else [value]
        out = []
        for item in items:
            # YAML reads an unquoted 111122223333 as a number; leading zeros would be lost.
            text = str(item).zfill(12) if isinstance(item, int) else item
            if not isinstance(text, str) or not _ACCOUNT.match(text):
                raise ValueError(
                    f'expected a 12-digit account id, a list of them, or "*" (got {item!r})'
                )
            out.append(text)
        if not out:
            raise ValueError('expected at least one account id, or "*"')
        return out

    @field_validator("regions", mode="before")
    @classmethod
    def _regions(cls, value: Any) -> list[str] | None:
        if value == "*":
            return None
        items = [value] if isinstance(value, str) else value
        if not isinstance(items, list) or not items:
            raise ValueError(f'expected a list of region names such as [us-east-1], or "*" '
                             f"(got {value!r})")  # fmt: skip
        for item in items:
            if not isinstance(item, str) or not _REGION.match(item):
                raise ValueError(f"expected a region name such as us-east-1 (got {item!r})")
        return list(items)

    @field_validator("iac_principals", mode="after")
    @classmethod
    def _principals(cls, value: list[str]) -> list[str]:
        for item in value:
            if not item.startswith("arn:"):
                raise ValueError(
                    "expected an ARN or ARN pattern such as "
                    f"arn:aws:iam::111122223333:role/terraform-ci (got {item!r})"
                )
        return value


class DriftConfig(StrictModel):
    """The whole drift.yml."""

    environments: dict[str, Environment] = Field(min_length=1)

    @field_validator("environments", mode="after")
    @classmethod
    def _names(cls, value: dict[str, Environment]) -> dict[str, Environment]:
        for name in value:
            if not _ENV_NAME.match(name):
                raise ValueError(
                    f"environment names are letters, digits, `-`, `_` and `.` (got {name!r})"
                )
        return value


class LoadedConfig(BaseModel):
    """A validated config and the file it came from (relative paths resolve against it)."""

    model_config = ConfigDict(frozen=True)

    path: Path
    config: DriftConfig

    @property
    def base_dir(self) -> Path:
        return self.path.parent

    def resolve(self, value: str) -> Path:
        """A path from the config: `~` expanded, relative paths against the config's folder."""
        path = Path(value).expanduser()
        return path if path.is_absolute() else (self.base_dir / path)

    def environment(self, name: str) -> Environment:
        """The environment `name`, or a ConfigError listing the known ones."""
        envs = self.config.environments
        if name in envs:
            return envs[name]
        close = difflib.get_close_matches(name, envs, n=1)
        hint = f"Did you mean `{close[0]}`? " if close else ""
        raise ConfigError(
            f"No environment named `{name}` in {self.path}.",
            f"{hint}Known environments: {', '.join(sorted(envs))}.",
        )


def parse_config(text: str, path: Path) -> LoadedConfig:
    """Validate drift.yml's text; ConfigError names the file, each bad key and the fix."""
    try:
        data = yaml.safe_load(text)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark
        where = f" line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        raise ConfigError(
            f"{path}{where}: not valid YAML ({exc.problem}).",
            "Fix the YAML syntax there (indentation, quotes, a missing `:`).",
        ) from exc
    except yaml.YAMLError as exc:
        raise ConfigError(f"{path}: not valid YAML ({exc}).") from exc
    if not isinstance(data, dict):
        raise ConfigError(
            f"{path}: expected a mapping with an `environments:` key at the top.",
            "See the README's Configuration section for an example.",
        )
    try:
        config = DriftConfig.model_validate(data)
    except ValidationError as exc:
        raise ConfigError(
            f"{path} is not a valid driftbot config:\n" + "\n".join(_describe(exc, DriftConfig)),
            "See the README's Configuration section for every key.",
        ) from exc
    return LoadedConfig(path=path, config=config)


def _describe(exc: ValidationError, root: type[BaseModel]) -> list[str]:
    lines = []
    for err in exc.errors():
        # Drop what pydantic adds for unions (`list[str]`, our `source:athena` tags).
        loc = [p for p in err["loc"] if not (isinstance(p, str) and ("[" in p or _TAG.match(p)))]
        key = _key_path(loc)
        kind = err["type"]
        if kind == "extra_forbidden":
            allowed = _allowed_keys(root, list(err["loc"])[:-1])
            close = difflib.get_close_matches(str(loc[-1]), allowed, n=1)
            hint = f" Did you mean `{close[0]}`?" if close else ""
            lines.append(
                f"  - `{key}`: unknown key.{hint} Allowed here: {', '.join(allowed) or 'none'}."
            )
        elif kind == "missing":
            lines.append(f"  - `{key}`: required key is missing.")
        else:
            msg = err["msg"].removeprefix("Value error, ")
            value = err.get("input")
            if kind == "source" and isinstance(value, dict):
                value = value.get("source")
                key = f"{key}.source"
            got = "" if "(got" in msg else f" (got {value!r})"
            lines.append(f"  - `{key}`: {msg}{got}.")
    return lines


def _key_path(loc: list[int | str]) -> str:
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "(top level)"


def _allowed_keys(root: type[BaseModel], loc: list[int | str]) -> list[str]:
    """The keys valid at `loc` in the config schema (for close-match suggestions)."""
    model: Any = root
    for part in loc:
        if isinstance(part, int):
            continue
        if part in TAGGED_MODELS:
            model = TAGGED_MODELS[part]
            continue
        if model is DriftConfig and part == "environments":
            model = dict
            continue
        if model is dict:
            model = Environment
            continue
        is_model = isinstance(model, type) and issubclass(model, BaseModel)
        field = model.model_fields.get(str(part)) if is_model else None
        if field is None:
            return []
        model = _model_of(field.annotation)
    if isinstance(model, type) and issubclass(model, BaseModel):
        return list(model.model_fields)
    return []


TAGGED_MODELS: dict[str, type[BaseModel]] = {
    "source:files": FilesTrail,
    "source:lookup_events": LookupEventsTrail,
    "source:athena": AthenaTrail,
    "source:s3": S3Trail,
    "kind:terraform": TerraformState,
    "kind:cloudformation": CloudFormationState,
    "kind:pulumi": PulumiState,
}


def _model_of(annotation: Any) -> Any:
    args = getattr(annotation, "__args__", ())
    for candidate in (annotation, *args):
        if isinstance(candidate, type) and issubclass(candidate, BaseModel):
            return candidate
    return None
