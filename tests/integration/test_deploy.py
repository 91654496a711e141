"""What a platform team deploys (issue 13), checked without a cloud or a container engine:
- deploy/*.yaml pass cfn-lint (offline: its PyPI wheel bundles the schemas);
- deploy/reader-role.yaml is what the code generates, and central.yaml's policy for driftbot's
  own identity is the `driftbot` part of `drift iam-policy`;
- the Grafana dashboard queries only metrics driftbot exposes;
- the Dockerfile passes hadolint; docker-compose.yml validates against the Compose spec's JSON
  schema (vendored in tests/data/compose-spec with its source and license);
- the image's own commands run in a fresh virtualenv installed from the built wheel, as the
  Dockerfile installs it (dependencies first, then the wheel with --no-deps)."""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import jsonschema  # type: ignore[import-untyped]
import pytest
import yaml

from bot.config.drift import parse_config
from bot.shell.aws.permissions import environment_grants, granted, policy_document
from bot.shell.aws.templates import render

ROOT = Path(__file__).resolve().parents[2]
DEPLOY = ROOT / "deploy"
BIN = Path(sys.executable).parent
TEMPLATES = sorted(DEPLOY.glob("*.yaml"))


class CfnLoader(yaml.SafeLoader):
    """YAML with CloudFormation's short tags (`!Ref`, `!GetAtt`, …) read as plain values."""


def _tag(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> object:
    if isinstance(node, yaml.ScalarNode):
        return {suffix: loader.construct_scalar(node)}
    if isinstance(node, yaml.SequenceNode):
        return {suffix: loader.construct_sequence(node)}
    return {suffix: loader.construct_mapping(node)}  # type: ignore[arg-type]


CfnLoader.add_multi_constructor("!", _tag)


def test_every_template_passes_cfn_lint(tmp_path):
    assert len(TEMPLATES) == 4
    env = {**os.environ, "HOME": str(tmp_path), "XDG_CACHE_HOME": str(tmp_path)}
    done = subprocess.run(
        [str(BIN / "cfn-lint"), "--format", "parseable", *map(str, TEMPLATES)],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_cfn_lint_fails_a_broken_template(tmp_path):
    """The lint can fail: an action IAM does not have and a property the type lacks."""
    broken = (DEPLOY / "member-forward.yaml").read_text()
    broken = broken.replace("events:PutEvents", "events:PutEventz").replace(
        "State: ENABLED", "State: ENABLED\n      Colour: blue"
    )
    path = tmp_path / "broken.yaml"
    path.write_text(broken)
    env = {**os.environ, "HOME": str(tmp_path)}
    done = subprocess.run(
        [str(BIN / "cfn-lint"), str(path)],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
        check=False,
    )
    assert done.returncode & 2  # an error
    assert "Colour" in done.stdout
    assert "puteventz" in done.stdout.lower()


def test_reader_role_template_is_generated_from_the_code():
    assert (DEPLOY / "reader-role.yaml").read_text() == render(), (
        "deploy/reader-role.yaml is stale: python -m bot.shell.aws.templates > "
        "deploy/reader-role.yaml"
    )


def test_central_policy_is_the_driftbot_part_of_the_generated_policy(tmp_path):
    loaded = parse_config(
        """
environments:
  org:
    account_id: "*"
    regions: "*"
    cloudtrail: {source: lookup_events}
    role_arn: arn:aws:iam::{account_id}:role/driftbot-read
realtime:
  sqs: {queue_url: "https://sqs.us-east-1.amazonaws.com/111122223333/driftbot-events",
        region: us-east-1}
""",
        tmp_path / "drift.yml",
    )
    grants = environment_grants(loaded.config.environments["org"], loaded.config.realtime)
    wanted = granted(policy_document(grants, "driftbot"))
    central = yaml.load((DEPLOY / "central.yaml").read_text(), Loader=CfnLoader)  # noqa: S506
    statements = central["Resources"]["DriftbotPolicy"]["Properties"]["PolicyDocument"]
    have = {
        a
        for s in statements["Statement"]
        for a in (s["Action"] if isinstance(s["Action"], list) else [s["Action"]])
    }
    assert have == wanted


def test_forward_rule_keeps_writes_only_and_us_east_1_is_a_default_region():
    forward = yaml.load((DEPLOY / "member-forward.yaml").read_text(), Loader=CfnLoader)  # noqa: S506
    pattern = forward["Resources"]["ForwardRule"]["Properties"]["EventPattern"]
    assert pattern["detail"] == {"readOnly": [False], "errorCode": [{"exists": False}]}
    sets = yaml.load((DEPLOY / "stacksets.yaml").read_text(), Loader=CfnLoader)  # noqa: S506
    assert "us-east-1" in sets["Parameters"]["Regions"]["Default"].split(",")


def test_the_dashboard_queries_only_metrics_driftbot_exposes():
    from prometheus_client import REGISTRY

    import bot.shell.metrics  # noqa: F401  (registers driftbot's metrics)

    exposed = {m.name for m in REGISTRY.collect()}
    dashboard = json.loads((DEPLOY / "grafana-dashboard.json").read_text())
    names = set()
    for panel in dashboard["panels"]:
        for target in panel["targets"]:
            names |= set(re.findall(r"driftbot_[a-z_]+", target["expr"]))
    base = {re.sub(r"_(total|bucket|count|sum)$", "", n) for n in names}
    assert base <= exposed, base - exposed
    assert len(base) >= 12


def test_the_dockerfile_passes_hadolint():
    done = subprocess.run(
        [str(BIN / "hadolint"), "--no-color", str(ROOT / "Dockerfile")],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_hadolint_fails_a_bad_dockerfile(tmp_path):
    bad = tmp_path / "Dockerfile"
    bad.write_text("FROM python\nRUN cd /tmp && pip install driftbot\n")
    done = subprocess.run(
        [str(BIN / "hadolint"), "--no-color", str(bad)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode != 0
    assert "DL3006" in done.stdout  # an untagged base image


def compose_schema() -> dict:
    return json.loads((ROOT / "tests" / "data" / "compose-spec" / "compose-spec.json").read_text())


def test_the_compose_file_matches_the_compose_spec():
    compose = yaml.safe_load((ROOT / "docker-compose.yml").read_text())
    jsonschema.Draft7Validator(compose_schema()).validate(compose)
    assert set(compose["services"]) == {"redis", "serve", "worker"}
    for name in ("serve", "worker"):
        service = compose["services"][name]
        assert service["environment"]["REDIS_URL"] == "redis://redis:6379/0"
        assert any("/etc/driftbot/drift.yml" in v for v in service["volumes"])
    assert compose["services"]["serve"]["build"] == "."


def test_the_compose_schema_refuses_a_wrong_file():
    wrong = {"services": {"worker": {"image": "driftbot", "restart": "sometimes", "ports": {}}}}
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.Draft7Validator(compose_schema()).validate(wrong)


def test_every_compose_variable_is_documented():
    text = (ROOT / "docker-compose.yml").read_text()
    header = "\n".join(line for line in text.splitlines() if line.startswith("#"))
    used = set(re.findall(r"\$\{([A-Z_]+)", text))
    assert used
    assert {v for v in used if v not in header} == set()


def dockerfile_commands() -> tuple[list[list[str]], list[str]]:
    """The Dockerfile's pip installs (as argument lists) and its CMD."""
    text = (ROOT / "Dockerfile").read_text().replace("\\\n", " ")
    installs = [
        part.strip().split()
        for line in text.splitlines()
        if line.startswith("RUN ")
        for part in line[4:].split("&&")
        if "pip install" in part
    ]
    cmd = json.loads(next(line for line in text.splitlines() if line.startswith("CMD "))[4:])
    return installs, cmd


@pytest.fixture(scope="module")
def image_venv(tmp_path_factory):
    """A fresh virtualenv with driftbot installed from its wheel as the image installs it:
    the dependencies (here: this environment's, pinned by constraints.txt, since the tests
    have no network) and then the wheel with `--no-deps`."""
    installs, _ = dockerfile_commands()
    assert any("--no-deps" in args for args in installs)  # the image's last install
    base = tmp_path_factory.mktemp("image")
    dist = base / "dist"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "--quiet",
            "-w",
            str(dist),
            str(ROOT),
        ],
        check=True,
        timeout=300,
    )
    wheel = next(dist.glob("driftbot-*.whl"))
    venv = base / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, timeout=120)
    site = next((venv / "lib").glob("python3*/site-packages"))
    deps = next(Path(p) for p in sys.path if p.endswith("site-packages"))
    (site / "_image_dependencies.pth").write_text(str(deps) + "\n")
    subprocess.run(
        [str(venv / "bin" / "pip"), "install", "--no-deps", "--no-index", "--quiet", str(wheel)],
        check=True,
        timeout=300,
    )
    return venv


def image_env(venv: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("VIRTUAL_ENV", "PYTHON"))}
    return {
        **env,
        "PATH": f"{venv / 'bin'}:/usr/bin:/bin",
        "DRIFT_RUNBOOKS": str(ROOT / "runbooks"),
        "PYTHONUNBUFFERED": "1",
        **extra,
    }


def test_the_wheel_holds_the_code_not_the_checkout(image_venv, tmp_path):
    done = subprocess.run(
        [str(image_venv / "bin" / "python"), "-c", "import bot; print(bot.__file__)"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=image_env(image_venv),
        timeout=60,
        check=True,
    )
    assert str(image_venv) in done.stdout
    assert str(ROOT / "bot") not in done.stdout


def test_the_images_commands_run_from_the_wheel(image_venv, tmp_path, redis_target):
    demo = tmp_path / "demo"
    shutil.copytree(ROOT / "examples" / "demo", demo)
    config = demo / "drift.yml"
    url = redis_target.url or f"unix://{redis_target.unix_socket}"
    env = image_env(image_venv, DRIFT_CONFIG=str(config), REDIS_URL=url)
    drift = str(image_venv / "bin" / "drift")

    def run(*args: str, check_rc: int | None = 0) -> subprocess.CompletedProcess[str]:
        done = subprocess.run(
            [drift, *args],
            capture_output=True,
            text=True,
            cwd=tmp_path,
            env=env,
            timeout=120,
            check=False,
        )
        if check_rc is not None:
            assert done.returncode == check_rc, done.stdout + done.stderr
        return done

    assert "driftbot" in run("--version").stdout
    checked = run("check", "demo", "--since", "24h", "--until", "2026-11-24T00:00:00Z", check_rc=2)
    assert "sg-0a11b22c33d44e55f" in checked.stdout
    assert json.loads(run("iam-policy", "demo").stdout)["Statement"] == []
    _, cmd = dockerfile_commands()
    assert cmd == ["drift", "worker"]
    run(*cmd[1:], "--burst")  # the image's CMD, once through the queue

    # docker-compose.yml's worker command, until SIGTERM.
    compose = yaml.safe_load((ROOT / "docker-compose.yml").read_text())
    command = compose["services"]["worker"]["command"]
    command = [("0" if part == "9100" else part) for part in command]  # any free port here
    log = (tmp_path / "worker.log").open("w")
    worker = subprocess.Popen(
        [str(image_venv / "bin" / command[0]), *command[1:]],
        stdout=log,
        stderr=subprocess.STDOUT,
        cwd=tmp_path,
        env=env,
    )
    try:
        deadline = time.monotonic() + 60
        while "driftbot worker ready" not in (tmp_path / "worker.log").read_text():
            assert worker.poll() is None, (tmp_path / "worker.log").read_text()
            assert time.monotonic() < deadline
            time.sleep(0.1)
        worker.send_signal(signal.SIGTERM)
        assert worker.wait(timeout=30) == 0
    finally:
        if worker.poll() is None:
            worker.kill()
        log.close()
    text = (tmp_path / "worker.log").read_text()
    assert "/metrics" in text
    assert "Traceback" not in text
