"""The words of codify: the comment over an import id with parts to fill in, the header of an
import file, and the title and description of a codify pull request or IaC note. Pure."""

from __future__ import annotations

from collections.abc import Sequence


def fill_in(placeholders: Sequence[str]) -> str:
    parts = ", ".join(placeholders)
    return f"Fill in {parts} before planning: the finding does not say it."


def file_header(resource: str, env: str, finding_id: str, actor: str, when: str, how: str) -> str:
    return (
        f"{resource} in {env}, created outside IaC ({finding_id}).\n"
        f"Last change: {how} by {actor} at {when}.\n"
        "Plan with `terraform plan -generate-config-out=generated.tf` to write its resource "
        "block, then review it."
    )


def pr_title(address: str, finding_id: str) -> str:
    return f"driftbot: import {address} ({finding_id})"


def pr_body(
    resource: str,
    env: str,
    finding_id: str,
    who: str,
    when: str,
    why: str,
    path: str,
    card_url: str | None,
    requested_by: str,
) -> str:
    card = f"\n\nThe drift card: {card_url}" if card_url else ""
    return (
        f"This adds a Terraform `import` block for `{resource}` in `{env}` "
        f"(finding `{finding_id}`), which is not managed by any IaC state.\n\n"
        f"- Who: {who}\n- When: {when}\n- Why: {why}\n- File: `{path}`\n\n"
        "Run `terraform plan -generate-config-out=generated.tf` to write the resource block, "
        "review it, and merge both; the import block can stay as a record.\n\n"
        f"Asked for by {requested_by} from Slack.{card}"
    )


def commit_message(address: str, finding_id: str) -> str:
    return f"driftbot: import {address} ({finding_id})"


def note_title(resource: str, env: str) -> str:
    return f"driftbot: update the IaC for {resource} in {env} (accepted drift)"


def note_body(
    resource: str,
    env: str,
    finding_id: str,
    addresses: Sequence[str],
    accepted_by: str,
    reason: str,
    rows: Sequence[tuple[str, str, str]],
    card_url: str | None,
) -> str:
    table = "\n".join(f"| `{p}` | `{iac}` | `{live}` |" for p, iac, live in rows)
    where = ", ".join(f"`{a}`" for a in addresses) or "(no address)"
    card = f"\n\nThe drift card: {card_url}" if card_url else ""
    return (
        f"{accepted_by} accepted the drift of `{resource}` in `{env}` (finding `{finding_id}`): "
        f"{reason}\n\nUpdate the IaC at {where} so it matches the live resource:\n\n"
        "| attribute | IaC value | live value |\n|---|---|---|\n"
        f"{table}{card}"
    )
