"""Every sentence driftbot shows a person, as small functions. Pure.

Errors return (message, hint); the Slack app's sentences return one mrkdwn string.
"""

from __future__ import annotations

Message = tuple[str, str]


def state_not_json(source: str, detail: str) -> Message:
    return (
        f"I couldn't read the Terraform state `{source}`: it is not JSON ({detail}).",
        "Point `state:` at the file `terraform state pull` writes.",
    )


def state_not_terraform(source: str) -> Message:
    return (
        f"`{source}` is JSON but not a Terraform state (it has no `version`).",
        "Point `state:` at the file `terraform state pull` writes.",
    )


def state_version(source: str, version: object) -> Message:
    return (
        f"The Terraform state `{source}` has format version {version!r}; "
        "driftbot reads format version 4 (Terraform 0.12 and later).",
        "Run `terraform state pull > terraform.tfstate` with Terraform 0.12 or later "
        "to get a version 4 state.",
    )


def confirm_off() -> str:
    """A finding's `reason` when its environment does not read resources live."""
    return "Not checked against AWS (`confirm` is off for this environment)."
