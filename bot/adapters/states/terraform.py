"""`terraform:` state entries: a local state file (S3 support below)."""

from __future__ import annotations

import asyncio
from typing import Any

from bot.adapters.states import STATE_SOURCES
from bot.config_sources import TerraformState
from bot.errors import StateUnavailable
from bot.iac import ParsedState
from bot.iac.terraform import parse_state
from bot.ports import SourceContext


class TerraformFileState:
    """A state file on disk."""

    def __init__(self, ctx: SourceContext, entry: TerraformState) -> None:
        self.ctx = ctx
        self.entry = entry

    async def load(self) -> list[ParsedState]:
        path = self.ctx.resolve(self.entry.terraform)
        try:
            data = await asyncio.to_thread(path.read_bytes)
        except FileNotFoundError as exc:
            raise StateUnavailable(
                f"The Terraform state `{path}` (environment `{self.ctx.env_name}`) does not exist.",
                "Fix the path (relative paths start at the config file's folder), or write the "
                "file with `terraform state pull > FILE`.",
            ) from exc
        except OSError as exc:
            raise StateUnavailable(
                f"I couldn't read the Terraform state `{path}`: {exc.strerror or exc}.",
                "Check the file's permissions.",
            ) from exc
        return [parse_state(data, str(path))]


def terraform_state(ctx: SourceContext, entry: Any) -> TerraformFileState:
    return TerraformFileState(ctx, entry)


STATE_SOURCES.add("terraform", terraform_state)
