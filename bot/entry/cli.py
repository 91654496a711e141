"""`drift`: the command line's parser, `main`, and the commands that need no Redis (check,
athena ddl, query, catalog). Exit codes: 0 no drift, 2 drift, 1 error (like
`terraform plan -detailed-exitcode`). The Redis-backed commands are in cli_state.py, what is
drawn on the terminal in terminal.py, every sentence in bot/messages/cli.py."""

from __future__ import annotations

import argparse
import gc
import os
import stat
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

from bot import __version__
from bot.entry import cli_ops
from bot.errors import ConfigError, DriftBotError, FileUnreadable
from bot.lifecycle.states import STATES
from bot.messages import cli as say
from bot.messages import files as say_files
from bot.shell.files import read_text

if TYPE_CHECKING:
    from bot.config.drift import LoadedConfig

# What a command needs is imported when it runs (`drift --version`, a check of local files and
# the argument parser start without boto3, sqlglot, Redis or Slack: tests/unit/entry/
# test_lazy_imports.py).

EXIT_OK, EXIT_ERROR, EXIT_DRIFT = 0, 1, 2
DEFAULT_CONFIG = "drift.yml"


class _Parser(argparse.ArgumentParser):
    """argparse, but a usage error exits 1 (2 means drift here)."""

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(EXIT_ERROR, say.error(message) + "\n")


def _cores() -> int:
    """The cores this process may run on (fewer than the machine's in a container)."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0)) or 1
    return os.cpu_count() or 1


def _jobs(text: str) -> int:
    """`--jobs N`: a whole number of at least 1."""
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(say.jobs_not_a_count(text))
    return value


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="drift",
        description="Find AWS infrastructure drift: CloudTrail changes checked against IaC state.",
    )
    parser.add_argument("--version", action="version", version=f"driftbot {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)

    check = sub.add_parser("check", help="check one environment for drift")
    check.add_argument("environment", metavar="ENV", help="environment name from drift.yml")
    check.add_argument(
        "--config",
        metavar="FILE",
        help=f"config file (default: ./{DEFAULT_CONFIG}, then $DRIFT_CONFIG)",
    )
    check.add_argument(
        "--since",
        default="24h",
        metavar="WHEN",
        help="window start: a duration back from --until (24h, 90m, 7d) or a time "
        "(2026-11-23T10:00:00Z); default 24h",
    )
    check.add_argument(
        "--until", metavar="WHEN", help="window end, a time (default: now); for past periods"
    )
    check.add_argument("--format", choices=("text", "json"), default="text")
    check.add_argument(
        "--show-unknown",
        action="store_true",
        help="list the changing calls the event catalog does not know",
    )
    check.add_argument(
        "--no-confirm",
        dest="confirm",
        action="store_false",
        default=None,
        help="do not read changed resources live (overrides the environment's `confirm`)",
    )
    check.add_argument("--quiet", action="store_true", help="no progress or warnings on stderr")
    check.add_argument(
        "--async",
        dest="run_async",
        action="store_true",
        help="queue the check for the worker and print its job id (REDIS_URL, or embedded)",
    )
    check.add_argument("--runbook", metavar="NAME", help="check only what this runbook covers")
    check.add_argument(
        "--jobs",
        type=_jobs,
        default=_cores(),
        metavar="N",
        help="processes that read local log files (default: the number of cores; 1: none "
        "besides this one); the result is the same",
    )

    status = sub.add_parser(
        "status", help="the state of a queued check, or of the real-time path (`realtime`)"
    )
    status.add_argument("job_id", metavar="JOB", help="a job id, or `realtime`")
    status.add_argument("--format", choices=("text", "json"), default="text")
    status.add_argument("--config", metavar="FILE", help="for `realtime`: the queue to read")

    worker = sub.add_parser("worker", help="run the background worker (checks, schedules)")
    worker.add_argument("--config", metavar="FILE")
    worker.add_argument("--burst", action="store_true", help="stop when the queue is empty")
    worker.add_argument(
        "--job-lease",
        type=float,
        default=30.0,
        metavar="SECONDS",
        help="a killed worker's job is picked up by another after this long (default 30)",
    )
    worker.add_argument(
        "--health-port",
        type=int,
        metavar="PORT",
        help="serve GET /healthz (alive) and /readyz (Redis up, polling) on this port "
        "(0: any free port, logged); off by default",
    )
    worker.add_argument(
        "--health-host",
        default="127.0.0.1",
        metavar="HOST",
        help="the health server's address (default 127.0.0.1; 0.0.0.0 in a container)",
    )
    worker.add_argument(
        "--metrics-port",
        type=int,
        metavar="PORT",
        help="serve GET /metrics (Prometheus), /healthz and /readyz on this port (0: any free "
        "port, logged), at --health-host",
    )

    serve = sub.add_parser("serve", help="run the Slack app (Socket Mode, or --http)")
    serve.add_argument("--config", metavar="FILE")
    serve.add_argument("--http", action="store_true", help="serve Slack requests over HTTP")
    serve.add_argument("--port", type=int, default=3000)
    serve.add_argument("--host", default="0.0.0.0")  # noqa: S104  (a server's default)
    serve.add_argument(
        "--metrics-port",
        type=int,
        metavar="PORT",
        help="serve GET /metrics, /healthz and /readyz on this port too (with --http they are "
        "also on --port)",
    )

    findings = sub.add_parser("findings", help="an environment's findings and their state")
    findings.add_argument("environment", metavar="ENV")
    findings.add_argument("--config", metavar="FILE")
    findings.add_argument("--state", choices=STATES)
    findings.add_argument("--format", choices=("text", "json"), default="text")

    accept = sub.add_parser("accept", help="mark a drift as intentional")
    accept.add_argument("environment", metavar="ENV")
    accept.add_argument("resource", metavar="RESOURCE", help="finding id, resource id or address")
    accept.add_argument("--reason", required=True, help="why it is intentional")
    accept.add_argument("--until", metavar="DATE", help="when the acceptance expires")
    accept.add_argument("--by", help="who accepts (default: user@host)")
    accept.add_argument("--config", metavar="FILE")

    history = sub.add_parser("history", help="transitions and checks of an environment")
    history.add_argument("environment", metavar="ENV")
    history.add_argument("resource", metavar="RESOURCE", nargs="?")
    history.add_argument("--limit", type=int, default=200)
    history.add_argument("--config", metavar="FILE")
    history.add_argument("--format", choices=("text", "json"), default="text")

    digest = sub.add_parser("digest", help="the digest of an environment since the last one")
    digest.add_argument("environment", metavar="ENV")
    digest.add_argument("--config", metavar="FILE")
    digest.add_argument("--format", choices=("text", "json"), default="text")

    runbook = sub.add_parser("runbook", help="runbook tools")
    runbook_sub = runbook.add_subparsers(
        dest="runbook_command", required=True, parser_class=_Parser
    )
    validate = runbook_sub.add_parser("validate", help="check runbook files without starting")
    validate.add_argument("path", metavar="PATH", nargs="?", default="runbooks")
    validate.add_argument(
        "--config",
        metavar="FILE",
        help="also say where nobody may approve a reapply (default: ./drift.yml, "
        "then $DRIFT_CONFIG, when there is one)",
    )

    athena = sub.add_parser("athena", help="Athena helpers")
    athena_sub = athena.add_subparsers(dest="athena_command", required=True, parser_class=_Parser)
    ddl = athena_sub.add_parser("ddl", help="print the CREATE EXTERNAL TABLE for an environment")
    ddl.add_argument("environment", metavar="ENV")
    ddl.add_argument("--config", metavar="FILE")

    query = sub.add_parser("query", help="run Athena/Trino SQL over CloudTrail logs")
    query.add_argument(
        "--local",
        metavar="PATH",
        required=True,
        help="log files (a folder or a file) to query in DuckDB instead of Athena",
    )
    query.add_argument("sql", metavar="SQL", help="the query; the table is `cloudtrail_logs`")
    query.add_argument("--format", choices=("text", "json"), default="text")

    cli_ops.add_parsers(sub)

    catalog = sub.add_parser("catalog", help="list what driftbot knows")
    catalog.add_argument("which", choices=("events", "terraform"))
    catalog.add_argument("--format", choices=("text", "json"), default="text")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        if args.command == "check":
            if args.run_async:
                from bot.entry import cli_state

                return cli_state.check_async(
                    load_config(args.config), args.environment, args.since, args.until, args.runbook
                )
            return _check(args, own_process=argv is None)
        if args.command in STATE_COMMANDS:
            return _state(args)
        if args.command == "athena":
            return _athena_ddl(args)
        if args.command == "query":
            return _query(args)
        if args.command == "iam-policy":
            return cli_ops.policy(load_config(args.config), args.environment, args.part)
        return _catalog(args)
    except DriftBotError as exc:
        _error(str(exc))
        return EXIT_ERROR
    except KeyboardInterrupt:
        _error(say.interrupted())
        return EXIT_ERROR
    except BrokenPipeError:
        return EXIT_ERROR


def _error(text: str) -> None:
    sys.stderr.write(say.error(text) + "\n")


def find_config(flag: str | None) -> Path:
    """--config, else ./drift.yml, else $DRIFT_CONFIG; ConfigError says where it looked, and
    what a path is when it is not a regular file (a FIFO would hang the read)."""
    if flag:
        return _config_file(Path(flag).expanduser(), "--config")
    local = Path(DEFAULT_CONFIG)
    if local.is_file():
        return local
    env_value = os.environ.get("DRIFT_CONFIG")
    if env_value:
        return _config_file(Path(env_value).expanduser(), "$DRIFT_CONFIG")
    raise ConfigError(*say_files.no_config(DEFAULT_CONFIG))


def _config_file(path: Path, origin: str) -> Path:
    try:
        mode = path.stat().st_mode
    except OSError:
        raise ConfigError(*say_files.config_missing(str(path), origin)) from None
    if stat.S_ISREG(mode):
        return path
    kinds = (
        (stat.S_ISDIR, "directory"),
        (stat.S_ISFIFO, "fifo"),
        (stat.S_ISCHR, "char"),
        (stat.S_ISBLK, "block"),
        (stat.S_ISSOCK, "socket"),
    )
    kind = next((name for test, name in kinds if test(mode)), "other")
    raise ConfigError(*say_files.config_not_a_file(str(path), origin, kind))


def load_config(flag: str | None) -> LoadedConfig:
    from bot.config.drift import parse_config

    path = find_config(flag)
    try:
        text = read_text(path)
    except FileUnreadable as exc:
        raise ConfigError(*say_files.config_unreadable(str(path), exc.detail)) from exc
    return parse_config(text, path.resolve())


@contextmanager
def _starting(freeze: bool) -> Iterator[None]:
    """Start-up without the cyclic collector: importing the models and the catalog and reading
    the config and runbooks made it collect about 130 times (a tenth of a check's start-up).
    What start-up made lives as long as the process, so with `freeze` (`drift` is the process:
    not for a caller of `main` in its own process, whose garbage would be frozen too) it is
    then kept out of the collector's sight (gc.freeze); collection goes on for the check."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if freeze:
            gc.freeze()
        if collecting:
            gc.enable()


def _check(args: argparse.Namespace, own_process: bool = False) -> int:
    with _starting(freeze=own_process):
        from bot.config.window import LOOKUP_DAYS, OLDER, beyond_lookup, resolve_window
        from bot.drift.report import render_json, render_text
        from bot.entry.terminal import Progress
        from bot.messages import ops as say_ops
        from bot.shell.check import CheckOptions, run_check
        from bot.shell.runbook_files import runbooks_for

        loaded = load_config(args.config)
        loaded.environment(args.environment)  # fail fast on a typo, before any reading
        now = datetime.now(UTC)
        start, end = resolve_window(args.since, args.until, now)
        env = loaded.environment(args.environment)
        if (
            not args.quiet
            and env.cloudtrail.source == "lookup_events"
            and beyond_lookup(start, now)
        ):
            sys.stderr.write(
                say_ops.lookup_events_reach(LOOKUP_DAYS, args.environment, OLDER) + "\n"
            )
        progress = None if args.quiet else Progress.for_stream(sys.stderr)
        options = CheckOptions(
            progress=progress,
            confirm=args.confirm,
            runbooks=runbooks_for(loaded),
            runbook=args.runbook,
            jobs=args.jobs,
        )
    outcome = run_check(loaded, args.environment, start, end, options)
    # What the check made stays until the report is out: the cyclic collector need not walk
    # it again while the report is drawn (0.2 s at 1,000,000 records). Thawed once written.
    gc.freeze()
    try:
        if progress is not None:
            progress.done()
        if not args.quiet:
            for problem in outcome.problems:
                sys.stderr.write(say.skipped(problem.where, problem.reason) + "\n")
            for warning in outcome.warnings:
                sys.stderr.write(say.warning(warning.where, warning.reason) + "\n")
            if outcome.unknown_tf_types:
                names = ", ".join(sorted(outcome.unknown_tf_types))
                sys.stderr.write(say.unmapped_types(names) + "\n")
        unknown = outcome.unknown if args.show_unknown else None
        if args.format == "json":
            sys.stdout.write(render_json(outcome.report, unknown))
        else:
            sys.stdout.write(render_text(outcome.report, unknown))
    finally:
        gc.unfreeze()
    return EXIT_DRIFT if outcome.report.has_drift else EXIT_OK


STATE_COMMANDS = frozenset(
    {"status", "worker", "findings", "accept", "history", "digest", "runbook", "serve", "listen"}
)


def _state(args: argparse.Namespace) -> int:
    from bot.entry import cli_state

    if args.command == "status":
        if args.job_id == "realtime":
            return cli_ops.status_realtime(
                load_config(args.config), args.format, cli_state.with_redis
            )
        return cli_state.status(args.job_id, args.format)
    if args.command == "runbook":
        found = args.config or Path(DEFAULT_CONFIG).is_file() or os.environ.get("DRIFT_CONFIG")
        loaded = load_config(args.config) if found else None
        return cli_state.runbook_validate(Path(args.path), loaded)
    loaded = load_config(args.config)
    if args.command == "listen":
        return cli_ops.listen(loaded, args.metrics_port, args.metrics_host, cli_state.with_redis)
    if args.command == "worker":
        return cli_state.worker(
            loaded,
            args.burst,
            args.job_lease,
            args.health_port,
            args.health_host,
            args.metrics_port,
        )
    if args.command == "serve":
        return cli_state.serve(loaded, args.http, args.port, args.host, args.metrics_port)
    if args.command == "findings":
        return cli_state.findings(loaded, args.environment, args.state, args.format)
    if args.command == "accept":
        return cli_state.accept_cmd(
            loaded, args.environment, args.resource, args.reason, args.until, args.by
        )
    if args.command == "history":
        return cli_state.history(loaded, args.environment, args.resource, args.limit, args.format)
    return cli_state.digest(loaded, args.environment, args.format)


def _athena_ddl(args: argparse.Namespace) -> int:
    from bot.trail.athena.ddl import render_ddl

    loaded = load_config(args.config)
    sys.stdout.write(render_ddl(args.environment, loaded.environment(args.environment)))
    return EXIT_OK


def _query(args: argparse.Namespace) -> int:
    import orjson

    from bot.shell.sources.local_query import run_local_query

    columns, rows = run_local_query(Path(args.local), args.sql)
    if args.format == "json":
        doc = [dict(zip(columns, row, strict=True)) for row in rows]
        sys.stdout.write(orjson.dumps(doc, option=orjson.OPT_INDENT_2, default=str).decode())
        sys.stdout.write("\n")
        return EXIT_OK
    sys.stdout.write("\t".join(columns) + "\n")
    for row in rows:
        sys.stdout.write("\t".join("" if v is None else str(v) for v in row) + "\n")
    sys.stderr.write(say.rows(len(rows)) + "\n")
    return EXIT_OK


def _catalog(args: argparse.Namespace) -> int:
    import orjson

    from bot.catalog.listing import event_entries, terraform_entries
    from bot.entry.terminal import cell
    from bot.shell.confirm import confirm_column

    of_type, of_terraform = confirm_column()
    entries = event_entries(of_type) if args.which == "events" else terraform_entries(of_terraform)
    if args.format == "json":
        sys.stdout.write(orjson.dumps(entries, option=orjson.OPT_INDENT_2).decode() + "\n")
        return EXIT_OK
    for entry in entries:
        sys.stdout.write("  ".join(cell(v) for v in entry.values()) + "\n")
    sys.stdout.write(say.entries(len(entries)) + "\n")
    return EXIT_OK
