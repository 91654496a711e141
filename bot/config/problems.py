"""How validation problems in our own YAML files are worded (drift.yml, runbooks). Pure; no I/O.

Every problem names the key path as the user wrote it (`fix.approvals.count`,
`when.events[1]`), what was expected, and for a misspelled key or name the closest valid one.
pydantic's own location parts that the user never wrote (union member labels such as
`list[str]` or `date`, and our discriminator tags such as `source:athena`) are left out.
"""

from __future__ import annotations

import difflib
import types
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Annotated, Any, Union, get_args, get_origin

import yaml
from pydantic import BaseModel, ValidationError

from bot.config.yaml_text import UnsafeYaml
from bot.messages import config as say

Loc = list[int | str]
NO_TAGS: Mapping[str, type[BaseModel]] = {}
PROBLEM_LIMIT = 300  # characters of one problem: values quoted in it are clipped


def did_you_mean(word: str, options: Iterable[str], n: int = 1) -> str:
    """` Did you mean `x`?` (with a leading space) for the closest options, or ``."""
    return say.suggestion(difflib.get_close_matches(word, list(options), n=n))


def yaml_problem(path: Path, exc: yaml.YAMLError) -> str:
    """`FILE line L, column C: not valid YAML (problem).` for a YAML syntax error, and
    `FILE line L, column C: refused: …` for a file refused by bot/config/yaml_text.py."""
    if isinstance(exc, yaml.MarkedYAMLError):
        mark = exc.problem_mark
        where = say.yaml_position(mark.line + 1, mark.column + 1) if mark else ""
        if isinstance(exc, UnsafeYaml):
            return say.refused_yaml(path, where, exc.problem)
        return say.not_yaml(path, where, say.clip(str(exc.problem)))
    return say.not_yaml(path, "", say.clip(str(exc)))


def yaml_hint(exc: yaml.YAMLError) -> str:
    """What to do about a YAML error: fix the syntax, or write the file plainly."""
    if isinstance(exc, UnsafeYaml):
        return say.REFUSED_YAML_HINT
    return say.YAML_HINT if isinstance(exc, yaml.MarkedYAMLError) else ""


def describe_errors(
    exc: ValidationError,
    root: type[BaseModel],
    tagged: Mapping[str, type[BaseModel]] = NO_TAGS,
) -> list[tuple[str, str]]:
    """(key path, problem) for each error of `exc`, in order, without repeats.

    `tagged` maps the tags of discriminated unions (`source:athena`) to their models, so the
    keys allowed under them can be suggested.
    """
    out: list[tuple[str, str]] = []
    for err in exc.errors():
        raw = list(err["loc"])
        shown, _ = walk(root, raw, tagged)
        key = key_path(shown)
        kind = err["type"]
        if kind == "extra_forbidden":
            allowed = allowed_keys(root, raw[:-1], tagged)
            hint = did_you_mean(str(raw[-1]), allowed)
            text = say.unknown_key(hint, allowed)
        elif kind == "missing":
            text = say.missing_key()
        else:
            msg = err["msg"].removeprefix("Value error, ")
            value = err.get("input")
            if kind == "source" and isinstance(value, dict):
                value = value.get("source")
                key = f"{key}.source"
            # The value is left out when the message names it, or when it is long (SQL).
            names_value = "(got" in msg or (
                isinstance(value, str) and (f"`{value}`" in msg or len(value) > 80 or "\n" in value)
            )
            got = "" if names_value else say.got(value)
            end = "" if not got and msg.endswith((".", "?", "!")) else "."
            text = say.clip(f"{msg}{got}{end}", PROBLEM_LIMIT)
        if (key, text) not in out:
            out.append((key, text))
    return out


def key_path(loc: Loc) -> str:
    """`environments.prod.state[0].terraform` for ('environments', 'prod', 'state', 0, …)."""
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or say.top_level()


def allowed_keys(
    root: type[BaseModel], loc: Loc, tagged: Mapping[str, type[BaseModel]] = NO_TAGS
) -> list[str]:
    """The keys valid at `loc` in the schema of `root` (for close-match suggestions)."""
    _, at = walk(root, loc, tagged)
    at = _resolve(at)
    if isinstance(at, type) and issubclass(at, BaseModel):
        return list(at.model_fields)
    return []


def walk(root: type[BaseModel], loc: Loc, tagged: Mapping[str, type[BaseModel]]) -> tuple[Loc, Any]:
    """Follow pydantic's error location through the schema: the parts a user wrote, and the
    annotation found at the end (None when the schema could not be followed)."""
    shown: Loc = []
    at: Any = root
    for part in loc:
        at = _resolve(at)
        members = _union_members(at)
        if members and isinstance(part, str):
            # A label pydantic adds for a union's member: a tag, a class name, `list[str]`.
            at = tagged.get(part) or _member_named(members, part)
            continue
        shown.append(part)
        origin, args = get_origin(at), get_args(at)
        if isinstance(at, type) and issubclass(at, BaseModel):
            field = at.model_fields.get(str(part))
            at = field.annotation if field is not None else None
        elif origin in (dict, Mapping) and len(args) == 2:
            at = args[1]
        elif origin in (list, tuple, set, frozenset) and args:
            at = args[0]
        else:
            at = None
    return shown, at


def _resolve(annotation: Any) -> Any:
    """`Annotated[X, …]` → X, and `X | None` → X (pydantic adds no label for those)."""
    while True:
        if get_origin(annotation) is Annotated:
            annotation = get_args(annotation)[0]
            continue
        members = _union_members(annotation)
        if len(members) == 1:
            annotation = members[0]
            continue
        return annotation


def _union_members(annotation: Any) -> list[Any]:
    if get_origin(annotation) in (Union, types.UnionType):
        return [a for a in get_args(annotation) if a is not type(None)]
    return []


def _member_named(members: list[Any], label: str) -> Any:
    """The member pydantic labelled `label` (a model's class name), else the only model."""
    resolved = [_resolve(m) for m in members]
    for member in resolved:
        if getattr(member, "__name__", None) == label and get_origin(member) is None:
            return member
    models = [m for m in resolved if isinstance(m, type) and issubclass(m, BaseModel)]
    return models[0] if len(models) == 1 else None
