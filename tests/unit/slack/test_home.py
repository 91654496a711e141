"""The App Home view (bot/slack/home.py): open findings with their buttons, within 100
blocks. Pure; no Slack."""

from __future__ import annotations

from bot.slack import ActionId, render_card, render_home
from tests.unit.slack.builders import (
    T0,
    action_ids,
    buttons,
    dump,
    in_state,
    many_records,
    record,
    request,
    runbook,
)


def test_home_lists_open_findings_with_the_cards_buttons():
    """Each environment's open findings, with the same buttons and values as their cards."""
    r = record()
    view = render_home(
        [("prod", [r, in_state("resolved")])], {"sg-open-to-internet": runbook()}, T0
    )

    assert view["type"] == "home"
    assert "prod · 1 not resolved" in dump(view)
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
    assert "more — see `/drift findings prod`" in text
    assert "staging · 80 not resolved" in text
    assert "more — see `/drift findings staging`" in text


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
    view = render_home(
        [("prod", [r])], {"sg-open-to-internet": runbook()}, T0, approvals={r.id: request()}
    )

    assert ActionId.REAPPLY not in [b["action_id"] for b in buttons(view["blocks"])]
