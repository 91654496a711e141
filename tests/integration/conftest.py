"""Fixtures of the integration tests."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.slack_world import World, slack_world


@pytest.fixture
def world(redis_target, tmp_path, monkeypatch) -> Iterator[World]:
    """The Slack app, a fake Slack, a real Redis, the worker and the notifier (slack_world.py)."""
    with slack_world(redis_target, tmp_path, monkeypatch) as w:
        yield w
