"""The base of the models of our own files (drift.yml, runbooks): unknown keys are errors, values
are frozen. Pure."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict


class StrictModel(BaseModel):
    """Our own files: unknown keys are errors, values are frozen."""

    model_config = ConfigDict(extra="forbid", frozen=True)
