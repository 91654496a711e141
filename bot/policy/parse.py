"""Reading one runbook file's text into a Runbook, or a RunbookError listing every problem, each
naming the file, the key path and what was expected. Pure; bot/shell/runbook_files.py reads the
files."""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

import yaml
from pydantic import ValidationError

from bot.config.problems import describe_errors, yaml_hint, yaml_problem
from bot.config.yaml_text import load_yaml
from bot.errors import RunbookError
from bot.messages import runbook as say
from bot.policy.runbook import Runbook, RunbookFile

NAME = re.compile(r"^[a-z0-9][a-z0-9_-]*$")


def parse_runbook(text: str, path: Path) -> Runbook:
    """Validate one runbook file's text; its name is the file's stem. RunbookError lists every
    problem, each naming the file, the key path and what was expected."""
    name = path.stem
    problems: list[str] = []
    if not NAME.match(name):
        problems.append(say.file_name(path, name))
    try:
        data = load_yaml(text)
    except yaml.YAMLError as exc:
        raise invalid_runbook(path, [yaml_problem(path, exc)], yaml_hint(exc)) from exc
    if not isinstance(data, dict):
        problems.append(say.not_a_mapping(path))
        raise invalid_runbook(path, problems)
    if "name" in data:
        data = {k: v for k, v in data.items() if k != "name"}
        problems.append(say.name_key(path, name))
    try:
        spec = RunbookFile.model_validate(data)
    except ValidationError as exc:
        problems += [say.key_problem(path, k, t) for k, t in describe_errors(exc, RunbookFile)]
        raise invalid_runbook(path, problems) from exc
    if problems:
        raise invalid_runbook(path, problems)
    return Runbook.model_validate({**dict(spec), "name": name})


def invalid_runbook(path: Path, problems: Sequence[str], hint: str = "") -> RunbookError:
    """The error for one file's problems."""
    return RunbookError(
        say.invalid_runbook(path, problems), hint or say.RUNBOOK_HINT, problems=problems
    )
