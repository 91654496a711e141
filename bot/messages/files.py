"""The files a person names: finding drift.yml, reading it and the runbook files, naming a
runbook. Errors return (message, hint); a runbook file's problem is one line."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from bot.messages import Message


def file_unreadable(path: str, reason: str) -> Message:
    return (f"I couldn't read `{path}`: {reason}.", "")


def config_missing(path: str, origin: str) -> Message:
    """`origin`: where the path came from, `--config` or `$DRIFT_CONFIG`."""
    return (f"Config file `{path}` (from {origin}) does not exist.", "")


KINDS = {
    "directory": "a directory",
    "fifo": "a named pipe (FIFO)",
    "char": "a character device",
    "block": "a block device",
    "socket": "a socket",
}


def config_not_a_file(path: str, origin: str, kind: str) -> Message:
    """`kind`: a key of KINDS (what the path is instead of a regular file)."""
    what = KINDS.get(kind, "not a regular file")
    hint = "Give the drift.yml inside it." if kind == "directory" else "Give a regular YAML file."
    return (f"Config file `{path}` (from {origin}) is {what}, not a file.", hint)


def no_config(default: str) -> Message:
    return (
        f"No config file: there is no ./{default} and $DRIFT_CONFIG is not set.",
        "Pass --config FILE, or create drift.yml (see the README's Configuration section).",
    )


def config_unreadable(path: str, detail: str) -> Message:
    return (f"I couldn't read the config file `{path}`: {detail}.", "")


def runbooks_folder_missing(folder: str, config: str) -> Message:
    return (
        f"The runbooks folder `{folder}` (from `runbooks:` in {config}, or "
        "$DRIFT_RUNBOOKS) does not exist.",
        "Fix the path, or remove it to use the shipped runbooks.",
    )


def runbook_path_missing(path: str) -> Message:
    return (
        f"The runbook path {path} does not exist.",
        "Point it at a folder of runbooks (`*.yml`) or at one runbook file.",
    )


def runbook_unreadable(file: str, detail: str) -> str:
    return f"{file}: cannot be read ({detail})."


def runbook_name_taken(file: str, name: str, first: str) -> str:
    return (
        f"{file}: a runbook named `{name}` is already defined in "
        f"{first}; runbook names (file names without the extension) "
        "must be unique."
    )


def runbooks_invalid(bad_files: int, path: str, problems: Sequence[str]) -> str:
    files = "1 runbook file is" if bad_files == 1 else f"{bad_files} runbook files are"
    return f"{files} not valid in {path}:\n" + "\n".join(f"  - {p}" for p in problems)


def unknown_runbook(name: str, suggestion: str, known: Iterable[str]) -> Message:
    """`drift check ENV --runbook NAME` with a name no runbook has; `suggestion` is the
    "Did you mean …?" of close names, or empty."""
    listed = f" Known runbooks: {', '.join(sorted(known)) or 'none'}."
    return (f"No runbook named `{name}`.", (suggestion + listed).lstrip())
