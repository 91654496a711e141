"""`source: files`: CloudTrail log files on disk (a tree in the S3 layout, or one file)."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

from bot.errors import ConfigError, MalformedInput
from bot.messages import sources as say
from bot.shell.ports import Problem, Records, SourceContext, SourceReport
from bot.shell.sources.log_files import find_log_files, read_file_records
from bot.shell.sources.registry import TRAIL_SOURCES
from bot.trail.paths import PathScope
from bot.trail.payload import FileRecords


class FilesSource:
    """Streams the records of every file in scope, a file at a time."""

    def __init__(self, ctx: SourceContext) -> None:
        self.ctx = ctx
        self.root = ctx.resolve(ctx.env.cloudtrail.path)
        self.limit = int(ctx.env.cloudtrail.max_file_size)
        self.report = SourceReport("files")

    async def batches(self, scope: PathScope) -> AsyncIterator[Records]:
        if not self.root.exists():
            raise ConfigError(*say.files_path_missing(str(self.root), self.ctx.env_name))
        for path in find_log_files(self.root, scope):
            try:
                found = await asyncio.to_thread(read_file_records, path, self.limit)
            except MalformedInput as exc:
                self.report.problems.append(Problem(str(path), exc.user_message))
                continue
            self.report.files += 1
            note_file(self.report, str(path), found)
            records = found.records
            del found
            yield records
            del records


def note_file(report: SourceReport, where: str, found: FileRecords) -> None:
    """What a read file adds to the source's report besides its records: the items that are
    not records, and a warning when it broke off."""
    report.skipped_records.update(found.skipped)
    if found.note is not None:
        report.warnings.append(Problem(where, found.note))


TRAIL_SOURCES.add("files", FilesSource)
