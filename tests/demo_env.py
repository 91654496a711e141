"""The bundled demo environment (examples/demo) as the source tests configure it: its Terraform
state and pipeline role, with the CloudTrail source under test."""

from __future__ import annotations

import asyncio
from datetime import datetime
from pathlib import Path

from bot.config.drift import LoadedConfig, parse_config
from bot.shell.check import CheckOptions, CheckOutcome, run_check_async

DEMO = Path(__file__).resolve().parents[1] / "examples" / "demo"


def demo_config(tmp_path: Path, cloudtrail: str) -> LoadedConfig:
    """drift.yml for the demo environment reading CloudTrail from `cloudtrail` (a YAML flow
    mapping such as `{source: s3, bucket: demo-trail}`), written under `tmp_path`."""
    text = f"""
environments:
  demo:
    account_id: "111122223333"
    regions: [us-east-1, eu-west-1]
    cloudtrail: {cloudtrail}
    state:
      - terraform: {DEMO / "terraform.tfstate"}
    iac_principals:
      - arn:aws:iam::111122223333:role/terraform-ci
"""
    path = tmp_path / "drift.yml"
    path.write_text(text)
    return parse_config(text, path)


def check_demo(
    tmp_path: Path, cloudtrail: str, start: datetime, end: datetime, **options: object
) -> CheckOutcome:
    """A whole check of the demo environment over [start, end], without live confirmation."""
    loaded = demo_config(tmp_path, cloudtrail)
    opts = CheckOptions(confirm=False, **options)  # type: ignore[arg-type]
    return asyncio.run(run_check_async(loaded, "demo", start, end, opts))
