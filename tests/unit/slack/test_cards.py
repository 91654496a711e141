"""What the Slack app shows (bot/slack/): cards, buttons per state, escaping, Slack's limits,
modals, approvals, escalations, progress, digest, App Home and /drift replies. Pure; no Slack."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from bot import slack as cards
from bot.config.drift import EnvSlack
from bot.drift.findings import AttributeChange, EventSummary, Finding
from bot.lifecycle.approvals import approve, deny, new_request
from bot.lifecycle.digest import Digest, DigestItem, build_digest
from bot.lifecycle.transitions import (
    FindingRecord,
    Transition,
    accept,
    detect,
    escalate,
    start_reapply,
)
from bot.models import FindingKind
from bot.policy.runbook import Runbook
from bot.slack import (
    ActionId,
    CardMessage,
    InputId,
    Message,
    ViewId,
    allowed_actions,
    escape,
    parse_button_value,
    render_accept_modal,
    render_approval_request,
    render_audit,
    render_back_to_clean,
    render_card,
    render_digest,
    render_envs,
    render_escalate_modal,
    render_escalation,
    render_findings_list,
    render_help,
    render_history,
    render_home,
    render_progress,
    render_status,
    render_usage,
)

T0 = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)
EVIL = "<!channel> <@U123> <https://evil.example|click>"
RAW_TOKENS = ("<!channel>", "<@U123>", "<https://evil", "<!here>")


# ---- builders -----------------------------------------------------------------------------------


def runbook(reapply: bool = True, name: str = "sg-open-to-internet") -> Runbook:
    fix: dict[str, Any] = {"escalate": {"channel": "#security", "usergroup": "S0SECURITY"}}
    if reapply:
        fix["reapply"] = {"webhook": {"url": "https://ci.example.com/hooks/reapply",
                                      "secret_env": "REAPPLY_SECRET"}}  # fmt: skip
    return Runbook.model_validate(
        {"name": name, "description": "A security group was opened to the internet",
         "severity": "critical", "when": {"resource_types": ["AWS::EC2::SecurityGroup"]},
         "fix": fix}
    )  # fmt: skip


def event(i: int = 0, actor: str = "alice", name: str = "AuthorizeSecurityGroupIngress"):
    return EventSummary(event_id=f"e-{i:05d}", event_name=name,
                        event_time=(T0 + timedelta(minutes=i)).strftime("%Y-%m-%dT%H:%M:%SZ"),
                        actor=actor, role="AWSReservedSSO_Admin", via="console",
                        source_ip="198.51.100.7")  # fmt: skip


def finding(
    kind: FindingKind = "modified",
    rid: str = "sg-0a11b22c33d44e55f",
    events: list[EventSummary] | None = None,
    changes: list[AttributeChange] | None = None,
    confirmed: bool | None = True,
    reason: str | None = None,
    addresses: list[str] | None = None,
) -> Finding:
    return Finding(
        kind=kind, resource_type="AWS::EC2::SecurityGroup", resource_id=rid,
        account_id="111122223333", region="us-east-1",
        addresses=["module.network.aws_security_group.web"] if addresses is None else addresses,
        events=events if events is not None else [event()], confirmed=confirmed,
        changes=changes if changes is not None else [
            AttributeChange(path='ingress["tcp 22-22"].cidr_blocks', expected=["10.0.0.0/8"],
                            actual=["0.0.0.0/0", "10.0.0.0/8"])],
        reason=reason, runbook="sg-open-to-internet", severity="critical",
    )  # fmt: skip


def record(f: Finding | None = None, env: str = "prod") -> FindingRecord:
    r, _ = detect(None, f or finding(), env, T0, "job-1")
    return r


def in_state(state: str) -> FindingRecord:
    r = record()
    if state == "accepted":
        r, _ = accept(r, "U0ALICE01", "hotfix", T0 + timedelta(days=7), T0)
    elif state == "escalated":
        r, _ = escalate(r, "U0ALICE01", "S0SECURITY", "please look", T0)
    elif state == "reapplying":
        r, _ = start_reapply(r, "U0ALICE01", ["U0BOB0001", "U0CAROL01"], "webhook", T0)
    elif state == "resolved":
        r, _ = detect(r, finding(confirmed=False, reason="matches IaC again"), "prod", T0)
    assert r.state == state
    return r


def request(needed: int = 2, requester: str = "U0ALICE01"):
    return new_request("r-1", "prod", record().id, requester, needed, ["S0APPROVE"], False,
                       timedelta(hours=4), T0)  # fmt: skip


def dump(obj: object) -> str:
    if isinstance(obj, Message):
        obj = {"text": obj.text, "blocks": obj.blocks}
    return json.dumps(obj, ensure_ascii=False)


def texts(blocks: list[dict[str, Any]]) -> list[str]:
    """Every mrkdwn/plain text in the blocks."""
    out: list[str] = []

    def walk(node: object) -> None:
        if isinstance(node, dict):
            if node.get("type") in ("mrkdwn", "plain_text") and "text" in node:
                out.append(str(node["text"]))
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(blocks)
    return out


def buttons(blocks: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [e for b in blocks if b["type"] == "actions" for e in b["elements"]]


def action_ids(message: Message) -> list[str]:
    return [b["action_id"] for b in buttons(message.blocks)]


def assert_within_limits(message: Message) -> None:
    assert message.text.strip()
    assert len(message.text) <= 4000
    assert len(message.blocks) <= 50
    for block in message.blocks:
        if block["type"] == "section" and "text" in block:
            assert len(block["text"]["text"]) <= 3000
        if block["type"] == "header":
            assert len(block["text"]["text"]) <= 150
    for button in buttons(message.blocks):
        assert len(button["text"]["text"]) <= 75
        assert len(button.get("value", "")) <= 2000


# ---- card contents ------------------------------------------------------------------------------


def test_card_header_shows_severity_and_kind():
    """The header is the severity's emoji, the severity and the kind."""
    card = render_card(record(), runbook())

    assert card.blocks[0] == {"type": "header", "text": {"type": "plain_text",
                              "text": "🔴 critical · modified", "emoji": True}}  # fmt: skip


def test_card_shows_resource_type_id_region_account_and_addresses():
    """The resource's type, id, region, account, environment and IaC addresses are on it."""
    text = "\n".join(texts(render_card(record(), runbook()).blocks))

    parts = ("AWS::EC2::SecurityGroup", "`sg-0a11b22c33d44e55f`", "`us-east-1`", "`111122223333`",
             "*prod*", "`module.network.aws_security_group.web`")  # fmt: skip
    for part in parts:
        assert part in text


def test_card_shows_who_when_how_and_from_where_of_the_last_event():
    """The last event's name, actor, role, channel, source IP and time, and the earlier count."""
    events = [event(0, "bob"), event(1, "carol"), event(2, "alice", "RevokeSecurityGroupEgress")]
    text = "\n".join(texts(render_card(record(finding(events=events)), runbook()).blocks))

    assert (
        "*Last change:* `RevokeSecurityGroupEgress` by *alice* (role `AWSReservedSSO_Admin`)"
        in (text)
    )
    assert "via console from `198.51.100.7`" in text
    assert "|2026-11-23 09:02 UTC>" in text
    assert "+2 earlier changes (by carol, bob)" in text


def test_card_shows_the_diff_as_compact_json():
    """Each change is `path`: expected → actual, values as compact JSON."""
    text = "\n".join(texts(render_card(record(), runbook()).blocks))

    assert (
        '`ingress["tcp 22-22"].cidr_blocks`: `["10.0.0.0/8"]` → `["0.0.0.0/0","10.0.0.0/8"]`'
        in (text)
    )


def test_deleted_card_says_it_was_deleted_by_hand():
    """A deleted finding says so, and that IaC manages it."""
    f = finding(kind="deleted", changes=[AttributeChange(path="(resource)", expected={"id": "x"},
                                                         actual=None)])  # fmt: skip
    card = render_card(record(f), runbook())

    assert card.blocks[0]["text"]["text"] == "🔴 critical · deleted"
    assert "deleted by hand; IaC manages it" in card.blocks[1]["text"]["text"]
    assert "✅ Confirmed: the live resource is gone." in dump(card)


def test_unmanaged_card_says_no_iac_manages_it():
    """An unmanaged finding has no IaC addresses and says no state of the env manages it."""
    card = render_card(record(finding(kind="unmanaged", addresses=[], changes=[])), runbook())

    assert "*IaC:* none: no IaC state of *prod* manages it" in card.blocks[1]["text"]["text"]
    assert "✅ Confirmed: the live resource exists." in dump(card)


def test_unconfirmed_card_gives_the_reason():
    """A finding that could not be confirmed says why."""
    f = finding(confirmed=None, changes=[], reason="AWS said AccessDenied to ec2:Describe…")
    card = render_card(record(f), runbook())

    assert "❔ Not confirmed: AWS said AccessDenied to ec2:Describe…" in dump(card)


def test_resolved_card_says_why_and_has_no_buttons():
    """A resolved card shows the resolution and no buttons."""
    card = render_card(in_state("resolved"), runbook())

    assert "🟩 *Resolved*" in dump(card)
    assert "matches IaC again" in dump(card)
    assert action_ids(card) == []


def test_card_names_its_runbook():
    """The matching runbook's name and description are on the card."""
    card = render_card(record(), runbook())

    assert "📘 Runbook `sg-open-to-internet`: A security group was opened to the internet" in (
        dump(card)
    )


def test_card_without_events_says_no_event_was_kept():
    """A finding with no events says so instead of naming an actor."""
    card = render_card(record(finding(events=[])), runbook())

    assert "no CloudTrail event was kept" in dump(card)


# ---- state and buttons --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("state", "expected"),
    [
        ("open", [ActionId.ACCEPT, ActionId.REAPPLY, ActionId.ESCALATE]),
        ("escalated", [ActionId.ACCEPT, ActionId.REAPPLY]),
        ("accepted", [ActionId.REAPPLY, ActionId.ESCALATE]),
        ("reapplying", []),
        ("resolved", []),
    ],
)
def test_buttons_follow_the_state(state, expected):
    """Only the buttons that still make sense for the state are shown."""
    assert action_ids(render_card(in_state(state), runbook())) == expected


def test_accepted_card_shows_who_until_when_and_why():
    """Accepted: by whom (mentioned), until when, and the reason."""
    text = dump(render_card(in_state("accepted"), runbook()))

    assert "✅ *Accepted* by <@U0ALICE01> until <!date^" in text
    assert "|2026-11-30 09:00 UTC>: hotfix" in text


def test_escalated_card_shows_the_target_and_note():
    """Escalated: to whom (the group mentioned), by whom, and the note."""
    text = dump(render_card(in_state("escalated"), runbook()))

    assert "📣 *Escalated* to <!subteam^S0SECURITY> by <@U0ALICE01>: please look" in text


def test_reapplying_card_shows_who_asked_and_who_approved():
    """Reapplying: the target, the requester and the approvers."""
    text = dump(render_card(in_state("reapplying"), runbook()))

    assert "🔧 *Reapplying* via webhook" in text
    assert "asked by <@U0ALICE01>, approved by <@U0BOB0001>, <@U0CAROL01>" in text


def test_pending_approval_hides_reapply_and_shows_the_count():
    """While a reapply request is pending there is no second Reapply button."""
    pending = approve(request(), "U0BOB0001", {"S0APPROVE"}, T0)
    card = render_card(record(), runbook(), pending, T0 + timedelta(minutes=5))

    assert action_ids(card) == [ActionId.ACCEPT, ActionId.ESCALATE]
    assert "⏳ Reapply asked by <@U0ALICE01>: 1 of 2 approvals (<@U0BOB0001>)" in dump(card)


def test_denied_request_brings_reapply_back():
    """After a denial, Reapply can be asked for again, and the card says who turned it down."""
    denied = deny(request(), "U0BOB0001", {"S0APPROVE"}, T0)
    card = render_card(record(), runbook(), denied, T0)

    assert ActionId.REAPPLY in action_ids(card)
    assert "🚫 *Turned down* by <@U0BOB0001>" in dump(card)


def test_request_past_its_expiry_no_longer_blocks_reapply():
    """A pending request past its expiry (by `now`) counts as expired."""
    card = render_card(record(), runbook(), request(), T0 + timedelta(hours=5))

    assert ActionId.REAPPLY in action_ids(card)
    assert "⌛ *Expired*" in dump(card)


def test_runbook_without_reapply_target_has_no_reapply_button():
    """No `fix.reapply` in the runbook: no Reapply, and the card says to escalate."""
    card = render_card(record(), runbook(reapply=False))

    assert action_ids(card) == [ActionId.ACCEPT, ActionId.ESCALATE]
    assert "Reapply is not set up" in dump(card)


def test_button_values_are_env_and_finding_id():
    """Every card button's value is `env|finding_id`."""
    r = record()

    values = {b["value"] for b in buttons(render_card(r, runbook()).blocks)}

    assert values == {f"prod|{r.id}"}
    assert parse_button_value(f"prod|{r.id}") == ("prod", r.id)


def test_reapply_is_danger_with_a_confirm_naming_resource_and_env():
    """Reapply is a danger button whose confirmation names the resource and environment."""
    reapply = next(b for b in buttons(render_card(record(), runbook()).blocks)
                   if b["action_id"] == ActionId.REAPPLY)  # fmt: skip

    assert reapply["style"] == "danger"
    assert "`sg-0a11b22c33d44e55f`" in reapply["confirm"]["text"]["text"]
    assert "*prod*" in reapply["confirm"]["text"]["text"]


def test_actions_block_id_carries_the_record_version():
    """The buttons' block_id names the finding and the version they were drawn for."""
    r = in_state("accepted")
    block = next(b for b in render_card(r, runbook()).blocks if b["type"] == "actions")

    assert block["block_id"] == f"{cards.CARD_BLOCK}:{r.id}:{r.version}"
    assert r.version > 1


def test_allowed_actions_is_what_the_card_draws():
    """allowed_actions (for handlers re-checking a click) matches the card's buttons."""
    r = in_state("escalated")

    assert list(allowed_actions(r, runbook())) == action_ids(render_card(r, runbook()))


# ---- escaping -----------------------------------------------------------------------------------


def test_escape_replaces_only_ampersand_and_angle_brackets():
    """Slack's three escapes, nothing else."""
    assert escape("a & <b> 'c' \"d\"") == "a &amp; &lt;b&gt; 'c' \"d\""


def test_mentions_in_aws_strings_render_inert():
    """A resource id, actor, reason and attribute value holding mentions or links stay text."""
    change = AttributeChange(path=f"tags.{EVIL}", expected=EVIL, actual="<!here>")
    f = finding(rid=f"sg-{EVIL}", events=[event(0, actor=EVIL)], confirmed=None,
                reason=f"why {EVIL}", addresses=[f"aws_x.{EVIL}"], changes=[change])  # fmt: skip
    card = render_card(record(f), runbook())
    out = dump(card) + "".join(card.thread_overflow)

    for token in RAW_TOKENS:
        assert token not in out
    assert "&lt;!channel&gt;" in out


def test_mentions_in_user_reasons_render_inert():
    """An acceptance reason, escalation note and audit reason holding mentions stay text."""
    r, made = accept(record(), "U0ALICE01", EVIL, None, T0)
    esc = render_escalation(record(), "S0SECURITY", EVIL, "U0ALICE01", None)
    out = dump(render_card(r, runbook())) + render_audit(made[0]) + dump(esc)

    for token in RAW_TOKENS:
        assert token not in out


def test_aws_actor_that_looks_like_a_slack_id_is_not_mentioned():
    """Only people who acted in Slack are mentioned; an AWS actor is always plain text."""
    _, made = detect(None, finding(events=[event(0, actor="U0ADMIN99")]), "prod", T0)

    assert "<@U0ADMIN99>" not in render_audit(made[0])
    assert "<@U0ADMIN99>" not in dump(render_card(record(finding(events=[event(0, "U0ADMIN99")])),
                                                  runbook()))  # fmt: skip


def test_references_stored_by_handlers_are_kept():
    """`<@U…>`, `<#C…>` and `<!subteam^S…>` stored as actor or target stay references."""
    r, _ = escalate(record(), "<@U0ALICE01>", "<#C0SECURITY> <!subteam^S0SECURITY>", "", T0)

    assert "to <#C0SECURITY> <!subteam^S0SECURITY> by <@U0ALICE01>" in dump(
        render_card(r, runbook())
    )


def test_broadcasts_stored_as_actor_are_still_escaped():
    """Only user, channel and group references are kept: a stored `<!channel>` stays text."""
    r, made = accept(record(), "<!channel> <@U0ALICE01>", "ok", None, T0)
    out = dump(render_card(r, runbook())) + render_audit(made[0])

    assert "<!channel>" not in out
    assert "&lt;!channel&gt; &lt;@U0ALICE01&gt;" in out


def test_backticks_in_values_cannot_break_out_of_code():
    """A backtick in an AWS string is replaced inside a code span."""
    f = finding(rid="sg-`*bold*`")

    assert "`sg-'*bold*'`" in dump(render_card(record(f), runbook()))


# ---- limits -------------------------------------------------------------------------------------


def huge_finding(value_size: int = 40) -> Finding:
    changes = [AttributeChange(path=f"ingress[{i}].cidr_blocks", expected=["x" * value_size],
                               actual=[f"10.{i}.0.0/16"]) for i in range(200)]  # fmt: skip
    events = [event(i, actor=f"user{i % 7}") for i in range(300)]
    return finding(events=events, changes=changes)


def test_huge_finding_stays_within_slack_limits():
    """200 changes and 300 events: ≤ 50 blocks, sections ≤ 3,000 characters, a text."""
    card = render_card(record(huge_finding()), runbook())

    assert_within_limits(card)
    assert "+299 earlier changes" in dump(card)


def test_huge_diff_continues_in_the_thread():
    """The first changes are on the card; every other one is in thread_overflow, in order."""
    card = render_card(record(huge_finding()), runbook())
    on_card = dump(card).count("ingress[")
    in_thread = "\n".join(card.thread_overflow)

    assert on_card == cards.DIFF_ON_CARD
    assert "_+195 more in the thread_" in dump(card)
    assert all(len(t) <= 3000 for t in card.thread_overflow)
    assert in_thread.count("ingress[") == 200 - on_card
    assert in_thread.index("ingress[5]") < in_thread.index("ingress[199]")
    assert card.thread_overflow[0].startswith("*Diff of `sg-0a11b22c33d44e55f`, continued* (6 to")


def test_giant_attribute_values_are_cut_to_fit():
    """Values of 50,000 characters (worst case for escaping) are cut; limits still hold."""
    change = AttributeChange(path="policy", expected="&" * 50_000, actual="<" * 50_000)
    card = render_card(record(finding(changes=[change] * 12)), runbook())

    assert_within_limits(card)
    assert all(len(t) <= 3000 for t in card.thread_overflow)
    assert len(card.thread_overflow) >= 1


def every_message() -> list[Message]:
    r = record()
    req = request()
    digest = build_digest("prod", [r], None, T0 + timedelta(hours=1))
    summary, thread = render_digest(digest)
    return [
        render_card(r, runbook()),
        render_approval_request(r, req, runbook()),
        render_escalation(
            r, "S0SECURITY", "note", "U0ALICE01", "https://x.slack.com/archives/C1/p1"
        ),
        render_progress("prod", "job-1", "queued", None, None, None),
        summary,
        *thread,
        render_back_to_clean("prod", in_state("resolved")),
        render_help(),
        render_usage("Unknown command `chek`."),
        render_envs({"prod": None}),
        render_findings_list("prod", [r]),
        render_history("prod", []),
        render_status("job-9", None),
    ]


def test_every_message_has_a_fallback_text():
    """Every message carries a non-empty top-level text within 4,000 characters."""
    for message in every_message():
        assert_within_limits(message)


# ---- audit trail --------------------------------------------------------------------------------


def test_audit_reply_says_what_who_when_and_why():
    """The thread reply names the move, the resource, the actor, the time and the reason."""
    t = Transition(at=T0, env="prod", finding_id="f-1", resource="AWS::S3::Bucket logs",
                   from_state="open", to_state="accepted", actor="U0ALICE01",
                   reason="migration", job_id=None)  # fmt: skip

    text = render_audit(t)

    assert text.startswith("✅ *open → accepted* · `AWS::S3::Bucket logs` by <@U0ALICE01>, <!date^")
    assert text.endswith("|2026-11-23 09:00 UTC>: migration")


def test_audit_of_a_detection_names_the_check():
    """A detection is recorded with the AWS actor and the check's job id."""
    _, made = detect(None, finding(), "prod", T0, "job-7")

    text = render_audit(made[0])

    assert text.startswith("🟥 *detected* · ")
    assert "by alice" in text
    assert text.endswith("(check `job-7`)")


# ---- modals -------------------------------------------------------------------------------------


def test_accept_modal_has_a_required_reason_and_an_optional_expiry():
    """Accept: a required multiline reason and an optional date picker, routed by ViewId."""
    view = render_accept_modal(record(), "prod|f-1")
    inputs = {b["block_id"]: b for b in view["blocks"] if b["type"] == "input"}

    assert view["callback_id"] == ViewId.ACCEPT
    assert inputs[InputId.REASON]["element"]["action_id"] == "reason"
    assert inputs[InputId.REASON]["element"]["type"] == "plain_text_input"
    assert not inputs[InputId.REASON].get("optional", False)
    assert inputs[InputId.UNTIL]["element"] == {"type": "datepicker", "action_id": "until",
        "placeholder": {"type": "plain_text", "text": "No expiry", "emoji": True}}  # fmt: skip
    assert inputs[InputId.UNTIL]["optional"] is True


def test_accept_modal_passes_private_metadata_through():
    """private_metadata comes back unchanged."""
    meta = json.dumps({"env": "prod", "finding": "f-1", "channel": "C1", "ts": "1.2"})

    assert render_accept_modal(record(), meta)["private_metadata"] == meta


def test_escalate_modal_preselects_the_default_target():
    """Escalate: a select of the targets with the default chosen, and an optional note."""
    targets = [("#security", "C0SECURITY"), ("Data platform", "S0DATA001")]
    view = render_escalate_modal(record(), targets, "S0DATA001", "m")
    inputs = {b["block_id"]: b for b in view["blocks"] if b["type"] == "input"}
    select = inputs[InputId.TARGET]["element"]

    assert view["callback_id"] == ViewId.ESCALATE
    assert select["type"] == "static_select"
    assert select["action_id"] == "target"
    assert [o["value"] for o in select["options"]] == ["C0SECURITY", "S0DATA001"]
    assert select["initial_option"]["value"] == "S0DATA001"
    assert inputs[InputId.NOTE]["optional"] is True
    assert inputs[InputId.NOTE]["element"]["action_id"] == "note"


def test_escalate_modal_without_targets_explains_and_cannot_submit():
    """No targets: the modal says how to set one up and has no submit button."""
    view = render_escalate_modal(record(), [], None, "m")

    assert "submit" not in view
    assert "No escalation target is set up for *prod*" in dump(view)


def test_modals_stay_within_view_limits():
    """Modals have ≤ 100 blocks and titles of ≤ 24 characters, even with 300 targets."""
    targets = [(f"team {i} " + "x" * 100, f"S0TEAM{i:04d}") for i in range(300)]
    for view in (render_accept_modal(record(), "m"),
                 render_escalate_modal(record(), targets, None, "m")):  # fmt: skip
        assert len(view["blocks"]) <= 100
        assert len(view["title"]["text"]) <= 24


# ---- approvals and escalations ------------------------------------------------------------------


def test_approval_request_asks_the_approver_groups():
    """Pending: the approver groups are mentioned, the requester named, and the buttons shown."""
    msg = render_approval_request(record(), request(), runbook())
    button_list = buttons(msg.blocks)

    assert "<!subteam^S0APPROVE>: <@U0ALICE01> asks to reapply IaC over a drift in *prod*" in (
        dump(msg)
    )
    assert "<!subteam^S0APPROVE>" in msg.text
    assert [b["action_id"] for b in button_list] == [ActionId.APPROVE, ActionId.DENY]
    assert {b["value"] for b in button_list} == {"prod|r-1"}


def test_approval_request_shows_what_where_how_many_and_until_when():
    """The resource, where, the IaC to reapply, the target, approvals given/needed, expiry."""
    pending = approve(request(needed=2), "U0BOB0001", {"S0APPROVE"}, T0)
    text = dump(render_approval_request(record(), pending, runbook()))

    for part in ("`sg-0a11b22c33d44e55f`", "account `111122223333`", "`us-east-1`",
                 "`module.network.aws_security_group.web`", "webhook `ci.example.com`",
                 "1 of 2: <@U0BOB0001>", "*Expires*", "|2026-11-23 13:00 UTC>",
                 "The requester can't approve their own request."):  # fmt: skip
        assert part in text


@pytest.mark.parametrize("outcome", ["approved", "denied"])
def test_approval_buttons_disappear_once_decided(outcome):
    """Approved or denied: the outcome is shown and there are no buttons."""
    req = request(needed=1)
    decided = (approve if outcome == "approved" else deny)(req, "U0BOB0001", {"S0APPROVE"}, T0)
    msg = render_approval_request(record(), decided, runbook())

    assert buttons(msg.blocks) == []
    assert ("✅ *Approved* by <@U0BOB0001>" if outcome == "approved"
            else "🚫 *Turned down* by <@U0BOB0001>") in dump(msg)  # fmt: skip
    assert "<!subteam^" not in dump(msg)


def test_approval_request_past_expiry_shows_expired_without_buttons():
    """A pending request rendered after its expiry shows as expired, with no buttons."""
    msg = render_approval_request(record(), request(), runbook(), now=T0 + timedelta(hours=4))

    assert buttons(msg.blocks) == []
    assert "⌛ *Expired*" in dump(msg)


def test_escalation_mentions_the_owning_group_and_links_the_card():
    """Posted to the escalation channel: the group mentioned, who escalated, the note, a link."""
    link = "https://acme.slack.com/archives/C1/p1?thread_ts=1&cid=C1"
    msg = render_escalation(record(), "S0SECURITY", "look at port 22", "U0ALICE01", link)
    text = dump(msg)

    assert msg.text.startswith("<!subteam^S0SECURITY> ")
    assert "<@U0ALICE01> escalated a drift in *prod* to <!subteam^S0SECURITY>." in text
    assert "> look at port 22" in text
    assert "<https://acme.slack.com/archives/C1/p1?thread_ts=1&amp;cid=C1|Open the drift card>" in (
        text
    )


def test_escalation_without_a_group_mentions_no_one():
    """No group to bring in: the message is for the channel, with no mention."""
    msg = render_escalation(record(), None, "", "U0ALICE01", None)

    assert msg.blocks[0]["text"]["text"] == (
        "<@U0ALICE01> escalated a drift in *prod* to this channel."
    )
    assert "<!subteam^" not in dump(msg)


def test_escalation_to_a_channel_mentions_the_runbook_group():
    """A channel target links the channel and mentions the given owning group."""
    msg = render_escalation(record(), "C0SECURITY", None, "U0ALICE01", None, "S0SECURITY")

    assert "<!subteam^S0SECURITY>: <@U0ALICE01> escalated a drift in *prod* to <#C0SECURITY>." in (
        dump(msg)
    )


# ---- progress and status ------------------------------------------------------------------------


def test_progress_queued_names_the_job():
    """Queued: says so, with the job id."""
    msg = render_progress("prod", "job-1", "queued", None, None, None)

    assert "⏳ Check of *prod* queued (`job-1`)" in msg.text


def test_progress_reading_counts_records_and_changes():
    """Running, reading: records read and changes found so far."""
    progress = {"phase": "reading", "records": 12345, "changes": 10}

    msg = render_progress("prod", "job-1", "running", progress, None, None)

    assert "read 12,345 records, 10 changes so far" in msg.text


def test_progress_confirming_counts_resources():
    """Running, confirming: n/m resources."""
    progress = {"phase": "confirming", "records": 7127, "changes": 10, "confirmed": 3,
                "to_confirm": 8}  # fmt: skip

    assert "confirming 3/8 resources" in render_progress("prod", "j", "running", progress,
                                                         None, None).text  # fmt: skip


def test_progress_done_gives_the_counts():
    """Succeeded: modified, deleted, unmanaged and resolved counts, and the window."""
    result = {"modified": 5, "deleted": 1, "unmanaged": 2, "resolved": 0, "records": 7127,
              "changes": 10, "window_start": "2026-11-23T00:00:00Z",
              "window_end": "2026-11-24T00:00:00Z"}  # fmt: skip

    msg = render_progress("prod", "j", "succeeded", None, result, None)

    assert "5 modified, 1 deleted, 2 unmanaged, 0 resolved" in msg.text
    assert "7,127 records, 10 changes" in dump(msg)


def test_progress_done_without_drift_says_so():
    """Succeeded with nothing found: no drift."""
    msg = render_progress("prod", "j", "succeeded", None, {"resolved": 1}, None)

    assert msg.text == "✅ Check of *prod* done: no drift; 1 resolved."


def test_progress_failed_shows_the_error_and_hint():
    """Failed: the error (escaped) and what to do."""
    msg = render_progress("prod", "j", "failed", None, None, "AWS said <AccessDenied>", "Grant it.")

    assert msg.text == "❌ Check of *prod* failed: AWS said &lt;AccessDenied&gt;"
    assert "Grant it." in dump(msg)


def test_status_of_an_unknown_job_says_so():
    """`/drift status` of a job Redis no longer knows."""
    assert "No job `job-9`" in render_status("job-9", None).text


def test_status_renders_the_stored_job():
    """`/drift status` of a running job shows its progress."""
    info = {"state": "running", "env": "prod", "progress": {"phase": "reading", "records": 5}}

    assert "read 5 records" in render_status("job-1", info).text


# ---- digest -------------------------------------------------------------------------------------


def digest_item(i: int, note: str | None = None) -> DigestItem:
    return DigestItem(finding_id=f"f-{i:016x}", kind="modified", state="open",
                      resource_type="AWS::S3::Bucket", resource_id=f"bucket-{i:05d}",
                      region="us-east-1", severity="high", runbook="catch-all",
                      first_seen=T0, age_hours=30.0, actor="alice", note=note)  # fmt: skip


def test_digest_summary_gives_the_counts_and_mean_time_to_resolve():
    """One summary message: new, open, accepted, resolved and the mean time to resolve."""
    d = Digest(environment="prod", at=T0, since=T0 - timedelta(days=1), new=[digest_item(1)],
               open=[digest_item(1), digest_item(2)], accepted=[], resolved=[digest_item(3)],
               mean_time_to_resolve_hours=5.25)  # fmt: skip

    summary, thread = render_digest(d)

    for part in ("New *1*", "Open *2*", "Accepted *0*", "Resolved *1*"):
        assert part in summary.text
    assert "Mean time to resolve *5.2 h*" in summary.text
    assert len(thread) == 1
    assert "*Still open (2)*" in dump(thread[0])


def test_clean_digest_has_no_breakdown():
    """A clean environment gets a short summary and no thread."""
    d = Digest(environment="prod", at=T0, since=None, new=[], open=[], accepted=[], resolved=[],
               mean_time_to_resolve_hours=None)  # fmt: skip

    summary, thread = render_digest(d)

    assert thread == []
    assert "is clean" in summary.text


def test_digest_breakdown_is_chunked_within_limits():
    """1,500 items: several thread messages, each ≤ 50 blocks with sections ≤ 3,000 chars."""
    items = [digest_item(i, note="x" * 100) for i in range(1500)]
    d = Digest(environment="prod", at=T0, since=None, new=[], open=items, accepted=[],
               resolved=[], mean_time_to_resolve_hours=None)  # fmt: skip

    _, thread = render_digest(d)

    assert len(thread) > 1
    for message in thread:
        assert_within_limits(message)
        assert len(dump(message)) <= 40_000
    assert sum(dump(m).count("bucket-") for m in thread) == 1500
    assert thread[0].text == f"Drift digest for prod, breakdown (part 1 of {len(thread)})"


def test_back_to_clean_names_the_last_resolved_resource():
    """The notice names the environment and the finding that resolved last."""
    msg = render_back_to_clean("prod", in_state("resolved"))

    assert msg.text.startswith("✨ *prod* is back to clean: the last open finding, ")
    assert "`sg-0a11b22c33d44e55f`" in msg.text


def test_back_to_clean_takes_the_resource_of_the_last_transition():
    """Given the resource (`TYPE ID`) instead of the record, it names that."""
    msg = render_back_to_clean("prod", "AWS::S3::Bucket logs")

    assert msg.text == (
        "✨ *prod* is back to clean: the last open finding, `AWS::S3::Bucket logs`, resolved."
    )


# ---- App Home -----------------------------------------------------------------------------------


def many_records(n: int, env: str = "prod") -> list[FindingRecord]:
    return [record(finding(rid=f"sg-{i:05d}"), env) for i in range(n)]


def test_home_lists_open_findings_with_the_cards_buttons():
    """Each environment's open findings, with the same buttons and values as their cards."""
    r = record()
    view = render_home([("prod", [r, in_state("resolved")])], {"sg-open-to-internet": runbook()},
                       T0)  # fmt: skip

    assert view["type"] == "home"
    assert "prod · 1 open" in dump(view)
    assert [b["action_id"] for b in buttons(view["blocks"])] == action_ids(
        render_card(r, runbook())
    )
    assert {b["value"] for b in buttons(view["blocks"])} == {f"prod|{r.id}"}


def test_home_says_when_an_environment_is_clean():
    """An environment without open findings gets a short line."""
    view = render_home([("dev", [])], {}, T0)

    assert "No open drift in *dev*" in dump(view)


def test_home_with_no_visible_environment_explains():
    """A viewer who may see no environment is told how to get access."""
    assert "You can't see any environment yet" in dump(render_home([], {}, T0))


def test_home_truncates_at_100_blocks_with_a_pointer():
    """Too many findings: ≤ 100 blocks, ending with "+N more — see `drift findings ENV`"."""
    sections = [("prod", many_records(120)), ("staging", many_records(80, "staging"))]

    view = render_home(sections, {"sg-open-to-internet": runbook()}, T0)
    text = dump(view)

    assert len(view["blocks"]) <= 100
    assert "more — see `drift findings prod`" in text
    assert "staging · 80 open" in text
    assert "more — see `drift findings staging`" in text


def test_home_shows_a_small_environment_in_full_after_a_big_one():
    """The 100 blocks are shared fairly: a big environment does not crowd out a small one."""
    sections = [("prod", many_records(200)), ("dev", many_records(3, "dev"))]

    view = render_home(sections, {"sg-open-to-internet": runbook()}, T0)
    dev_values = [b["value"] for b in buttons(view["blocks"]) if b["value"].startswith("dev|")]

    assert len(view["blocks"]) <= 100
    assert len(set(dev_values)) == 3
    assert "drift findings dev" not in dump(view)


def test_home_with_many_environments_still_fits():
    """60 environments: ≤ 100 blocks, and each one is at least named with its pointer."""
    sections = [(f"env{i:02d}", many_records(5, f"env{i:02d}")) for i in range(60)]

    view = render_home(sections, {"sg-open-to-internet": runbook()}, T0)

    assert len(view["blocks"]) <= 100
    for i in range(60):
        assert f"env{i:02d}" in dump(view)


def test_home_hides_reapply_while_a_request_is_pending():
    """A finding with a pending reapply request has no Reapply on Home either."""
    r = record()
    view = render_home([("prod", [r])], {"sg-open-to-internet": runbook()}, T0,
                       approvals={r.id: request()})  # fmt: skip

    assert ActionId.REAPPLY not in [b["action_id"] for b in buttons(view["blocks"])]


# ---- /drift replies -----------------------------------------------------------------------------


def test_help_lists_every_command():
    """`/drift help` names each command."""
    text = render_help().text

    for command in ("check ENV", "status", "findings ENV", "history ENV", "envs", "help"):
        assert f"/drift {command}" in text


def test_usage_escapes_what_was_typed():
    """The problem (which may quote the user's input) is escaped, then the usage follows."""
    msg = render_usage("Unknown command `<!channel>`.")

    assert msg.text.startswith("Unknown command `&lt;!channel&gt;`.\nUsage: `/drift ")


def test_usage_takes_a_problem_with_a_suggestion():
    """A parsed problem (problem and suggestion, as bot.slack.commands.Usage) is shown, escaped."""

    @dataclass
    class Usage:
        problem: str
        suggestion: str | None = None

    msg = render_usage(Usage("Unknown command `chek`.", "Did you mean `check`?"))

    assert msg.text.startswith("Unknown command `chek`. Did you mean `check`?\nUsage: ")


def test_envs_from_names_lists_them():
    """Given only names, /drift envs lists them."""
    assert render_envs(["staging", "prod"]).text == "*Environments* (2):\n• `prod`\n• `staging`"


def test_envs_lists_channels_and_approvers_without_pinging_them():
    """Each environment with its channel; approver groups as ids, never mentioned."""
    slack = EnvSlack(channel="C0PROD0001", approvers=["S0APPROVE"], protected=True, approvals=2)

    text = render_envs({"prod": slack, "dev": None}).text

    assert "• `prod` → <#C0PROD0001> · protected (2 approvers) · approvers `S0APPROVE`" in text
    assert "• `dev`: not set up for Slack" in text
    assert "<!subteam^" not in text


def test_findings_list_truncates_with_a_pointer():
    """Over 100 findings: the first 100, then a pointer to `drift findings ENV`."""
    msg = render_findings_list("prod", many_records(130), now=T0)

    assert_within_limits(msg)
    assert dump(msg).count("sg-0") == 100
    assert "+30 more — see `drift findings prod`" in dump(msg)


def test_history_shows_checks_and_transitions():
    """Check entries and transitions, each with time, who and why."""
    entries = [
        {"type": "check", "at": "2026-11-23T09:00:00Z", "job_id": "j", "trigger": "slack",
         "requested_by": "U0ALICE01", "window_start": "2026-11-22T09:00:00Z",
         "window_end": "2026-11-23T09:00:00Z", "findings": "8", "changes": "10"},
        {"type": "transition", "at": "2026-11-23T09:05:00Z", "resource": "AWS::S3::Bucket logs",
         "from_state": "open", "to_state": "accepted", "actor": "U0ALICE01", "reason": "ok"},
    ]  # fmt: skip

    text = dump(render_history("prod", entries))

    assert "check <!date^" in text
    assert "8 findings, 10 changes (slack by <@U0ALICE01>)" in text
    assert "*open → accepted* `AWS::S3::Bucket logs` by <@U0ALICE01>: ok" in text


def test_card_message_is_a_message():
    """A card can be sent wherever a Message can (text and blocks)."""
    card = render_card(record(), runbook())

    assert isinstance(card, CardMessage)
    assert isinstance(card, Message)
