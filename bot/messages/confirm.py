"""Why a suspected drift is (or is not) confirmed against the live resource: a finding's
`reason`, shown in the CLI's report, the JSON and the Slack card. One sentence each."""

from __future__ import annotations

# CloudFormation's StackResourceDriftStatus values that decide nothing, and what each means.
CFN_UNDECIDED = {
    "NOT_CHECKED": "CloudFormation has not checked it for drift",
    "UNKNOWN": "CloudFormation could not tell whether it drifted",
    "UNSUPPORTED": "CloudFormation's drift detection does not support its type",
}


def confirm_off() -> str:
    """Every finding's `reason` when its environment does not read resources live."""
    return "Not checked against AWS (`confirm` is off for this environment)."


def no_live_reader(resource_type: str) -> str:
    return f"driftbot cannot read {resource_type} live yet."


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
