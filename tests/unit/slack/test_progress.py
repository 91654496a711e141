"""A check's progress message and the `/drift status` reply (bot/slack/progress.py). Pure;
no Slack."""

from __future__ import annotations

from bot.slack import render_progress, render_status
from tests.unit.slack.builders import dump


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
    progress = {
        "phase": "confirming",
        "records": 7127,
        "changes": 10,
        "confirmed": 3,
        "to_confirm": 8,
    }

    assert (
        "confirming 3/8 resources"
        in render_progress("prod", "j", "running", progress, None, None).text
    )


def test_progress_done_gives_the_counts():
    """Succeeded: modified, deleted, unmanaged and resolved counts, and the window."""
    result = {
        "modified": 5,
        "deleted": 1,
        "unmanaged": 2,
        "resolved": 0,
        "records": 7127,
        "changes": 10,
        "window_start": "2026-11-23T00:00:00Z",
        "window_end": "2026-11-24T00:00:00Z",
    }

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
