"""The states of a finding, apart from the transitions between them (bot/lifecycle/
transitions.py), so `drift findings --state` can list them without importing the models."""

from __future__ import annotations

from typing import Literal

State = Literal["open", "accepted", "reapplying", "escalated", "resolved"]
STATES: tuple[State, ...] = ("open", "accepted", "reapplying", "escalated", "resolved")
