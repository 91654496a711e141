"""Every sentence a person reads comes from bot/messages. Checked on the source of every
module under bot/ and handlers/ outside bot/messages, so a sentence written inline fails CI.

A *user-facing literal* is a string literal or f-string with words in it (two words of two
letters or more with a space and no letter between them; an f-string's `{…}` fields are not
words) given to:
- an exception's constructor, positionally or as `hint=`: `raise ConfigError("…")`, or any
  call of a class named like an exception (`…Error`, `…Exception`, `Refused`, `Stale`, …);
- `print`, `exit`/`sys.exit`, or `.write()` on sys.stdout, sys.stderr or a `stream`;
- argparse: `parser.error()` and `parser.exit()` (a receiver named `parser`, `…_parser`,
  `sub` or `self`);
- Slack: `ack`, `respond` and `say` (first argument, `text=`, and the values of a modal's
  `errors={…}`), the Web API's `chat_*`/`views_*` (`text=`), and the gateway's
  `slack.post/update/ephemeral` (positional arguments, `text=`).
An argument is followed through `+`, `%`, conditionals, tuples, lists, dict values,
`*`-unpacking, a string literal's own methods (`", ".join`, `"…".format`) and a name assigned
in the same function or at module level; it is not followed into any other call (a function of
bot/messages, a renderer).

Not user-facing: log messages (`log.*`, `logger.*`: for operators, in English, greppable),
argparse's `help=`, `description=` and `metavar=`, dict keys and JSON field names, keyword
arguments that carry codes (`code=`, `operation=`), and the column headers of tables
(`RESOURCE TYPE`): they label a format, as JSON keys do, and stay next to their renderer
(bot/drift/report.py, bot/entry/terminal.py).
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
MESSAGES = ROOT / "bot" / "messages"
MODULES = sorted(
    p
    for p in [*(ROOT / "bot").rglob("*.py"), *(ROOT / "handlers").rglob("*.py")]
    if MESSAGES not in p.parents
)

WORD = r"[A-Za-z][A-Za-z']*[A-Za-z]"  # two letters or more: `id`, `can't`
SENTENCE = re.compile(rf"{WORD}[^A-Za-z]*\s[^A-Za-z]*{WORD}")
EXCEPTION = re.compile(
    r"(Error|Exception|Refused|Stale|Unavailable|MalformedInput|DuplicateKey|UnknownKey|"
    r"AwsAccessDenied|AwsThrottled|SystemExit|Interrupt)$"
)
SENTENCE_KEYWORDS = {"hint", "text", "errors", "user_message", "message"}
SLACK_REPLIES = {"ack", "respond", "say"}
SLACK_GATEWAY = {"post", "update", "ephemeral"}
STREAMS = {"stdout", "stderr", "stream"}
PARSERS = {"parser", "sub", "self"}


def _name(func: ast.expr) -> str:
    """`f` for `f(…)`, `attr` for `x.attr(…)`."""
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        return func.attr
    return ""


def _receiver(func: ast.expr) -> str:
    """`x` for `x.attr(…)` and `a.x.attr(…)`; empty for a plain call."""
    return _name(func.value) if isinstance(func, ast.Attribute) else ""


def _said_by(call: ast.Call) -> list[ast.expr]:
    """The arguments of `call` that a person reads, when `call` shows them to a person."""
    name, receiver = _name(call.func), _receiver(call.func)
    keywords = [k.value for k in call.keywords if k.arg in SENTENCE_KEYWORDS]
    parser = receiver in PARSERS or receiver.endswith("parser")
    if EXCEPTION.search(name) or (name in ("print", "exit") and receiver in ("", "sys")):
        return [*call.args, *keywords]
    if (name == "write" and receiver in STREAMS) or (name in ("error", "exit") and parser):
        return list(call.args)
    if name in SLACK_REPLIES:
        return [*call.args[:1], *keywords]
    if name.startswith(("chat_", "views_")):
        return keywords
    if name in SLACK_GATEWAY and receiver == "slack":
        return [*call.args, *keywords]
    return []


Bindings = dict[str, list[ast.expr]]


def _literals(node: ast.expr, scopes: list[Bindings], seen: frozenset[str]) -> list[str]:
    """The text of the string literals `node` is built from (an f-string's fields as `{}`)."""
    if isinstance(node, ast.Constant):
        return [node.value] if isinstance(node.value, str) else []
    if isinstance(node, ast.JoinedStr):
        pieces = [v.value if isinstance(v, ast.Constant) else "{}" for v in node.values]
        return ["".join(str(piece) for piece in pieces)]
    if isinstance(node, ast.Name):
        values = next((s[node.id] for s in scopes if node.id in s), [])
        if node.id in seen:
            return []
        return [t for v in values for t in _literals(v, scopes, seen | {node.id})]
    if isinstance(node, ast.Call):
        func = node.func
        if isinstance(func, ast.Attribute) and isinstance(func.value, ast.Constant | ast.JoinedStr):
            parts = [func.value, *node.args, *(k.value for k in node.keywords)]
            return [t for p in parts for t in _literals(p, scopes, seen)]
        return []
    if isinstance(node, ast.Lambda):
        return []
    children = node.values if isinstance(node, ast.Dict) else list(ast.iter_child_nodes(node))
    return [t for c in children if isinstance(c, ast.expr) for t in _literals(c, scopes, seen)]


def _own_nodes(scope: ast.AST) -> list[ast.AST]:
    """The nodes of `scope`, not descending into the functions and classes defined in it."""
    found, todo = [], list(ast.iter_child_nodes(scope))
    while todo:
        node = todo.pop()
        found.append(node)
        if not isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            todo.extend(ast.iter_child_nodes(node))
    return found


def _bindings(nodes: list[ast.AST]) -> Bindings:
    """The names assigned among `nodes`, with every value assigned to each."""
    found: Bindings = {}
    for node in nodes:
        if isinstance(node, ast.Assign | ast.AnnAssign | ast.AugAssign) and node.value:
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            for target in targets:
                if isinstance(target, ast.Name):
                    found.setdefault(target.id, []).append(node.value)
    return found


def violations(source: str, filename: str = "<module>") -> list[str]:
    """The user-facing literals in `source`, as `line N: 'text'`."""
    tree = ast.parse(source, filename=filename)
    module = _own_nodes(tree)
    found: set[tuple[int, str]] = set()
    functions = [n for n in ast.walk(tree) if isinstance(n, ast.FunctionDef | ast.AsyncFunctionDef)]
    for scope in [tree, *functions]:
        nodes = _own_nodes(scope)
        scopes = [_bindings(nodes), _bindings(module)]
        for call in (n for n in nodes if isinstance(n, ast.Call)):
            for arg in _said_by(call):
                texts = _literals(arg, scopes, frozenset())
                found |= {(call.lineno, t) for t in texts if SENTENCE.search(t)}
    return [f"line {line}: {text!r}" for line, text in sorted(found)]


def _rel(path: Path) -> str:
    return path.relative_to(ROOT).as_posix()


@pytest.mark.parametrize("path", MODULES, ids=[_rel(p) for p in MODULES])
def test_no_sentence_outside_messages(path):
    """A sentence a person reads is a function of bot/messages, not a literal here."""
    assert violations(path.read_text(), str(path)) == []


@pytest.mark.parametrize(
    "source",
    [
        'raise ConfigError("No such environment here.")',
        'raise ConfigError(f"Config `{p}` does not exist.", "Pass --config FILE.")',
        'raise StateUnavailable(message, hint="Run terraform state pull first.")',
        'raise ValueError("it is already resolved" if done else "the expiry is past")',
        'errors.append(RunbookError("the runbook is broken"))',
        'raise Refused("You can\'t approve your own request.")',
        'print(f"{count} findings in {env}")',
        'sys.stderr.write(f"drift: error: {text}\\n")',
        'self.stream.write("Checking the environment")',
        'sys.exit("cannot start the worker")',
        'parser.error("expected a duration such as 15m")',
        'self.exit(1, f"drift: error: {message}\\n")',
        'respond(text="You may not check this environment.")',
        'say("Check of prod done.")',
        'ack(response_action="errors", errors={"until": "Pick a day in the future."})',
        'client.chat_postMessage(channel=c, text=f"Checked {env} now.")',
        'deps.slack.post(channel, "Reapply failed: no answer", thread_ts=ts)',
        'raise ConfigError(", ".join(["Fix the path", name]))',
        'raise ConfigError("Can\'t accept {}: {}.".format(r, exc))',
        'def f(r):\n    text = f"Can\'t accept {r}."\n    raise ConfigError(text)',
        'def f(r):\n    text = "Known: "\n    text += f"{r} and more"\n    print(text)',
        'HINT = "Check the file\'s permissions."\ndef f():\n    raise ConfigError("x", HINT)',
    ],
)
def test_an_inline_sentence_fails(source):
    """The check itself bites: each of these outside bot/messages is a violation."""
    assert violations(source) != []


@pytest.mark.parametrize(
    "source",
    [
        "raise ConfigError(*say.no_config(DEFAULT_CONFIG))",
        'raise AwsError(*say.throttled(a, t, c), code="ThrottlingException", operation=op)',
        'log.error("could not read %s: %s", path, exc)',
        'logger.warning("heartbeat of the job failed")',
        'parser.add_argument("--since", help="window start: a duration back from --until")',
        'sys.stdout.write("\\t".join(columns) + "\\n")',
        'sys.stderr.write(say.skipped(where, reason) + "\\n")',
        'rows = [["RESOURCE TYPE", "RESOURCE ID", "LAST CHANGE"]]',
        'doc = {"event source": source, "event name": name}',
        "raise KeyError(key)",
        'print(f"{job_id} ({env}): {state}")',
        'raise ValueError(f"{a}: {b}")',
        'out.write("not a terminal stream")',
    ],
)
def test_what_is_not_a_sentence_passes(source):
    """Messages called, logs, help texts, headers and data pass the check."""
    assert violations(source) == []
