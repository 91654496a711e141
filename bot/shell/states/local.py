"""State files on disk (a Terraform state, a `pulumi stack export`): read off the event loop,
and a file that cannot be read is a StateUnavailable naming the file and the environment."""

from __future__ import annotations

import asyncio
from pathlib import Path

from bot.errors import FileUnreadable, StateUnavailable
from bot.messages import state as say
from bot.shell.files import read_bytes
from bot.shell.ports import SourceContext

# Where S3 calls for state objects start; botocore follows a bucket's region redirect.
S3_REGION = "us-east-1"


async def read_state_file(ctx: SourceContext, kind: str, path: Path) -> bytes:
    """The bytes of the `kind` (`terraform`, `pulumi`) state file at `path`."""
    try:
        return await asyncio.to_thread(read_bytes, path)
    except FileUnreadable as exc:
        raise StateUnavailable(
            *say.state_file(kind, str(path), ctx.env_name, exc.missing, exc.reason)
        ) from exc
