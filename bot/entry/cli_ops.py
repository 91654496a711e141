"""The `drift` commands for running driftbot as a service: `drift listen` (only the real-time
consumer), `drift status realtime`, `drift iam-policy [ENV]`. Their parsers are added to the
CLI's by `add_parsers`; every sentence is in bot/messages/ops.py."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Any

from bot.errors import ConfigError
from bot.messages import ops as say

if TYPE_CHECKING:
    from bot.config.drift import LoadedConfig

MANAGED_POLICY_LIMIT = 6_144  # characters, whitespace not counted (IAM quotas)


def add_parsers(sub: Any) -> None:
    """`drift listen` and `drift iam-policy` (`status realtime` is `drift status`'s)."""
    listen = sub.add_parser("listen", help="run only the real-time consumer (realtime.sqs)")
    listen.add_argument("--config", metavar="FILE")
    listen.add_argument(
        "--metrics-port",
        type=int,
        metavar="PORT",
        help="serve GET /metrics, /healthz and /readyz on this port (0: any free port)",
    )
    listen.add_argument("--metrics-host", default="127.0.0.1", metavar="HOST")

    policy = sub.add_parser(
        "iam-policy", help="print the least-privilege IAM policy an environment needs"
    )
    policy.add_argument(
        "environment", metavar="ENV", nargs="?", help="one environment (default: all)"
    )
    policy.add_argument("--config", metavar="FILE")
    policy.add_argument(
        "--part",
        choices=("all", "reader", "driftbot"),
        default="all",
        help="reader: the role driftbot assumes in each account; driftbot: its own identity "
        "(assuming the role, the realtime queue); all (default): both",
    )


def policy(loaded: LoadedConfig, env_name: str | None, part: str) -> int:
    """`drift iam-policy [ENV]`: the policy document on stdout."""
    from bot.shell.aws.permissions import environment_grants, policy_document

    names = [env_name] if env_name else sorted(loaded.config.environments)
    grants = []
    for name in names:
        env = loaded.environment(name)
        grants += environment_grants(env, loaded.config.realtime)
    document = policy_document(_unique(grants), part)  # type: ignore[arg-type]
    import orjson

    text = orjson.dumps(document, option=orjson.OPT_INDENT_2).decode()
    sys.stdout.write(text + "\n")
    size = len("".join(text.split()))
    if size > MANAGED_POLICY_LIMIT:
        sys.stderr.write(say.policy_size(size, MANAGED_POLICY_LIMIT) + "\n")
    return 0


def _unique(grants: list[Any]) -> list[Any]:
    """Grants of several environments, each statement once (Sids kept unique)."""
    out: dict[str, Any] = {}
    for grant in grants:
        key = grant.sid
        n = 2
        while key in out and out[key] != grant:
            key = f"{grant.sid}{n}"
            n += 1
        out.setdefault(key, grant if key == grant.sid else _renamed(grant, key))
    return list(out.values())


def _renamed(grant: Any, sid: str) -> Any:
    from dataclasses import replace

    return replace(grant, sid=sid)


def listen(loaded: LoadedConfig, metrics_port: int | None, host: str, run: Any) -> int:
    """`drift listen`: only the consumer, on REDIS_URL or the embedded Redis (`run` is
    cli_state.with_redis)."""
    if loaded.config.realtime is None:
        raise ConfigError(*say.no_realtime(str(loaded.path)))
    from bot.entry.listen import run_listener
    from bot.shell.logs import configure_logging
    from bot.shell.runbook_files import runbooks_for

    runbooks = runbooks_for(loaded)
    configure_logging()
    run(lambda target: run_listener(loaded, runbooks, target, metrics_port=metrics_port, host=host))
    return 0


def status_realtime(loaded: LoadedConfig, fmt: str, run: Any) -> int:
    """`drift status realtime`: the counters, the queues' depths, what was given up."""
    if loaded.config.realtime is None:
        raise ConfigError(*say.no_realtime(str(loaded.path)))
    import orjson

    from bot.shell.realtime.status import realtime_status

    info = run(lambda target: realtime_status(loaded.config.realtime, target))
    if fmt == "json":
        sys.stdout.write(orjson.dumps(info, option=orjson.OPT_INDENT_2).decode() + "\n")
        return 0
    lines = [say.realtime_header(loaded.config.realtime.sqs.queue_url)]
    lines.append(say.realtime_counters(info["counters"]))
    lines.append(
        say.realtime_last(
            info["counters"].get("last_event_time"), info["counters"].get("last_stored_at")
        )
    )
    for which in ("queue", "dead_letter_queue"):
        depth = info.get(which)
        if isinstance(depth, dict) and "waiting" in depth:
            lines.append(say.queue_depth(which, depth["waiting"], depth["in_flight"]))
        elif isinstance(depth, dict) and "error" in depth:
            lines.append(say.queue_unreadable(which, depth["error"]))
    if info.get("dead_letter_queue") is None:
        lines.append(say.no_dead_letter_queue())
    if info["given_up"]:
        lines.append(say.given_up_header(len(info["given_up"])))
        lines += [say.given_up_line(e) for e in info["given_up"]]
    if info["ignored"]:
        lines.append(say.ignored_header(len(info["ignored"])))
        lines += [say.given_up_line(e) for e in info["ignored"]]
    sys.stdout.write("\n".join(lines) + "\n")
    return 0
