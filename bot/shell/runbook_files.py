"""Reading runbook files: every `*.yml` / `*.yaml` of a folder (not its subfolders), or one
file. Validation is bot/policy/parse.py's; this only finds and reads the files, and collects every
problem of every file into one RunbookError, so a broken set of runbooks is fixed in one pass."""

from __future__ import annotations

import os
from collections.abc import Iterator, Mapping
from pathlib import Path

from bot.config.drift import LoadedConfig
from bot.errors import ConfigError, FileUnreadable, RunbookError
from bot.messages import files as say
from bot.messages import runbook as say_runbook
from bot.messages.runbook import RUNBOOK_HINT
from bot.policy.parse import parse_runbook
from bot.policy.runbook import Runbook
from bot.shell import runbook_cache, sql_cache
from bot.shell.files import read_text

SUFFIXES = (".yml", ".yaml")
BUNDLED_RUNBOOKS = Path(__file__).resolve().parents[2] / "runbooks"


def runbooks_dir(loaded: LoadedConfig) -> Path | None:
    """`runbooks:` from drift.yml, else $DRIFT_RUNBOOKS, else ./runbooks next to drift.yml,
    else the shipped runbooks."""
    if loaded.config.runbooks:
        return loaded.resolve(loaded.config.runbooks)
    if os.environ.get("DRIFT_RUNBOOKS"):
        return Path(os.environ["DRIFT_RUNBOOKS"])
    for candidate in (loaded.base_dir / "runbooks", BUNDLED_RUNBOOKS):
        if candidate.is_dir():
            return candidate
    return None


def runbooks_for(loaded: LoadedConfig) -> Mapping[str, Runbook]:
    """The runbooks a config uses (see runbooks_dir), by name; none when there is no folder.
    Files whose texts the cache (bot/shell/runbook_cache.py) knows valid are parsed at the first
    look only (a check that finds nothing never looks); any other text is validated now, so a
    bad runbook fails at start-up. Their Athena SQL is parsed only when bot/shell/sql_cache.py
    does not know it valid; `drift runbook validate` (load_runbooks alone) parses every text."""
    folder = runbooks_dir(loaded)
    if folder is None:
        return {}
    if not folder.exists():
        raise ConfigError(*say.runbooks_folder_missing(str(folder), str(loaded.path)))
    texts = read_runbooks(folder)
    digests = [runbook_cache.digest(text) for _, text in texts if text is not None]
    if len(digests) == len(texts) and runbook_cache.known_valid(digests):
        return LazyRunbooks(folder, texts)
    runbooks = _with_sql_cache(folder, texts)
    runbook_cache.remember(digests)
    return runbooks


def _with_sql_cache(path: Path, texts: list[tuple[Path, str | None]]) -> dict[str, Runbook]:
    sql_cache.load()
    runbooks = parse_runbooks(path, texts)
    sql_cache.save()
    return runbooks


class LazyRunbooks(Mapping[str, Runbook]):
    """Runbooks whose texts were all found valid before: parsed from the texts read at
    start-up (not read again) at the first look."""

    def __init__(self, path: Path, texts: list[tuple[Path, str | None]]) -> None:
        self._path = path
        self._texts = texts
        self._runbooks: dict[str, Runbook] | None = None

    def _parsed(self) -> dict[str, Runbook]:
        if self._runbooks is None:
            self._runbooks = _with_sql_cache(self._path, self._texts)
        return self._runbooks

    def __getitem__(self, name: str) -> Runbook:
        return self._parsed()[name]

    def __iter__(self) -> Iterator[str]:
        return iter(self._parsed())

    def __len__(self) -> int:
        return len(self._parsed())


def runbook_paths(path: Path) -> list[Path]:
    """The runbook files at `path` (a folder or one file), in name order."""
    if not path.exists():
        raise RunbookError(*say.runbook_path_missing(str(path)))
    if path.is_file():
        return [path]
    return sorted(
        p
        for p in path.iterdir()
        if p.suffix in SUFFIXES and p.is_file() and not p.name.startswith(".")
    )


def read_runbooks(path: Path) -> list[tuple[Path, str | None]]:
    """Each runbook file at `path` with its text; None for one that cannot be read."""
    out: list[tuple[Path, str | None]] = []
    for file in runbook_paths(path):
        try:
            out.append((file, read_text(file)))
        except FileUnreadable:
            out.append((file, None))
    return out


def load_runbooks(path: Path) -> dict[str, Runbook]:
    """Every runbook at `path` by name; RunbookError lists all the problems of all the files,
    a name given twice (`sg.yml` and `sg.yaml`) among them."""
    return parse_runbooks(path, [(file, None) for file in runbook_paths(path)], read=True)


def parse_runbooks(
    path: Path, texts: list[tuple[Path, str | None]], read: bool = False
) -> dict[str, Runbook]:
    """The runbooks of these (file, text) pairs by name (with `read`, each file read here);
    RunbookError lists all the problems of all the files."""
    runbooks: dict[str, Runbook] = {}
    origin: dict[str, Path] = {}
    problems: list[str] = []
    bad_files = 0
    for file, known in texts:
        try:
            text = read_text(file) if read or known is None else known
        except FileUnreadable as exc:
            problems.append(say.runbook_unreadable(str(file), exc.detail))
            bad_files += 1
            continue
        try:
            runbook = parse_runbook(text, file)
        except RunbookError as exc:
            problems += exc.problems or [exc.user_message]
            bad_files += 1
            continue
        if runbook.name in runbooks:
            problems.append(
                say.runbook_name_taken(str(file), runbook.name, str(origin[runbook.name]))
            )
            bad_files += 1
            continue
        runbooks[runbook.name] = runbook
        origin[runbook.name] = file
    if problems:
        raise RunbookError(
            say.runbooks_invalid(bad_files, str(path), problems), RUNBOOK_HINT, problems=problems
        )
    return runbooks


def unset_variables(
    path: Path, runbooks: Mapping[str, Runbook], environ: Mapping[str, str] = os.environ
) -> list[str]:
    """A problem line for every environment variable a runbook's targets name (tokens, keys,
    secrets) that is not set, naming the file and the key: `drift runbook validate` reports
    them, as the worker would fail on them only when a person presses the button."""
    files = {p.stem: p for p in runbook_paths(path)}
    problems = []
    for name, runbook in sorted(runbooks.items()):
        for key, variable in runbook.fix.env_vars().items():
            if not environ.get(variable):
                problems.append(say_runbook.env_not_set(files.get(name, path), key, variable))
    return problems
