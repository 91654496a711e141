"""The card at a glance (issue 11): its resource line, its change line (the CloudTrail event
linked), its links (the console, the runbook's title, the IaC source), the note next to the
buttons, the diff's JSON form in the thread, and the run waiting to be triggered."""

from __future__ import annotations


def resource_line(rtype: str, rid: str, account: str, region: str, iac: str) -> str:
    return f"{rtype} {rid} · account {account} · {region} · {iac}"


def iac_managed(addresses: str, sources: str) -> str:
    return f"IaC {addresses}" + (f" ({sources})" if sources else "")


def iac_unmanaged() -> str:
    return "no IaC manages it"


def change_line_ctx(event: str, actor: str, role: str | None, via: str, ip: str, at: str) -> str:
    as_role = f" as {role}" if role else ""
    return f"{event} by {actor}{as_role} via {via} from {ip} · {at}"


def event_ref(link: str) -> str:
    return f"event {link}"


def link_label(url: str, label: str) -> str:
    return f"<{url}|{label}>"


CONSOLE = "Open in the AWS console"
EVENT_HISTORY = "Its CloudTrail history"
IAC_SOURCE = "IaC source"


def runbook_title(name: str, title: str) -> str:
    return f"📘 {name}: {title}"


def escalate_note(note: str) -> str:
    return f"💡 {note}"


def diff_more(count: int) -> str:
    return f"_+{count:,} more in the thread_"


def diff_json_title(resource: str, first: int, last: int, total: int) -> str:
    return f"*Diff of {resource} as JSON* ({first:,} to {last:,} of {total:,}, IaC → live):"


def finding_ref(finding: str) -> str:
    return f"finding {finding}"


def run_waiting(status: str, target: str, approvers: str) -> str:
    """A reapply approved (`approved`) or being handed to its target (`dispatching`)."""
    by = f" by {approvers}" if approvers else ""
    if status == "approved":
        return f"⏳ Reapply *approved*{by}: waiting for the worker to trigger {target}."
    return f"⏳ Reapply approved{by}: *triggering* {target}…"
