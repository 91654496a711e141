"""Why a suspected drift is (or is not) confirmed against the live resource: a finding's
`reason`, shown in the CLI's report, the JSON and the Slack card. One sentence each."""

from __future__ import annotations

from collections.abc import Sequence

# CloudFormation's StackResourceDriftStatus values that decide nothing, and what each means.
CFN_UNDECIDED = {
    "NOT_CHECKED": "CloudFormation has not checked it for drift",
    "UNKNOWN": "CloudFormation could not tell whether it drifted",
    "UNSUPPORTED": "CloudFormation's drift detection does not support its type",
}


def confirm_off() -> str:
    """Every finding's `reason` when its environment does not read resources live."""
    return "Not checked against AWS (`confirm` is off for this environment)."


def exists_again() -> str:
    return "It exists again (re-created since)."


def no_longer_exists() -> str:
    return "It no longer exists."


def nothing_to_compare(resource_type: str) -> str:
    return f"The state has no attributes driftbot compares for {resource_type}."


def no_stack_manages_it() -> str:
    return "No CloudFormation stack manages it."


def no_logical_id() -> str:
    return "Its stack records no logical id for it."


def cfn_detection_failed(error: str) -> str:
    return f"CloudFormation's drift detection failed: {error}"


def cfn_stack_detection_timeout(seconds: float) -> str:
    return (
        f"CloudFormation's drift detection of the stack did not finish within "
        f"{seconds:.0f} s; see its Drifts page in the console."
    )


def cfn_stack_detection_failed(why: str) -> str:
    return f"CloudFormation's drift detection of the stack failed: {why}."


def cfn_stack_in_sync(status: str) -> str:
    return (
        "CloudFormation finds the stack's resources as its template says "
        f"({status}); whether the template itself was "
        "changed by hand, only the IaC source can tell."
    )


def cfn_no_status() -> str:
    return "no status"


def cfn_stack_still_exists(status: str) -> str:
    return f"It still exists ({status})."


def cfn_undecided(status: str, address: str, why: str | None) -> str:
    detail = f": {why}" if why else ""
    return f"{CFN_UNDECIDED[status]} (`{address}`){detail}."


def cfn_exists_again(address: str, status: str) -> str:
    return f"It exists again (CloudFormation finds `{address}` {status})."


# The generic reader (AWS Cloud Control).


def not_in_cloud_control(resource_type: str) -> str:
    return (
        f"AWS Cloud Control does not know {resource_type} (no resource schema for it), and "
        "driftbot has no reader of its own for it."
    )


def cloud_control_cannot_read(resource_type: str) -> str:
    return f"AWS Cloud Control cannot read {resource_type} (its schema has no read handler)."


def no_identifier(resource_type: str, parts: tuple[str, ...]) -> str:
    return (
        f"Its Cloud Control identifier ({' | '.join(parts) or 'none'}) cannot be built from the "
        f"finding: the state records no {resource_type} with those attributes."
    )


def cloud_control_denied(action: str, resource_type: str, permissions: Sequence[str]) -> str:
    needed = ", ".join(f"`{p}`" for p in permissions)
    return (
        f"AWS denied `{action}` on {resource_type}: driftbot's role needs `{action}`"
        + (f" and the read permissions of the type ({needed})" if needed else "")
        + "."
    )


def cloud_control_unsupported(resource_type: str, code: str) -> str:
    return f"AWS Cloud Control does not read {resource_type} in this region ({code})."


def cloud_control_unreadable(action: str, identifier: str) -> str:
    return f"`{action}` for `{identifier}` answered properties that are not a JSON object."


def confirmation_failed(error: str, detail: str) -> str:
    return f"Reading it live failed: {error}" + (f" ({detail})" if detail else "") + "."


def type_per_id() -> str:
    """The `confirm_reason` of an event rule whose resource type is read off each id."""
    return "The type is worked out from each id; see that type's own line."
