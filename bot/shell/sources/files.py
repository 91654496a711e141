"""`source: files`: CloudTrail log files on disk (a tree in the S3 layout, or one file).

Files are read one after another in a thread (a few small ones per trip, HOP_BYTES on disk),
or, with `jobs` > 1 (`drift check --jobs`), by that many worker processes, a few files ahead;
either way their records are handed on in the files' order, so the check's result is the same
whatever the number of jobs.
"""

from __future__ import annotations

import asyncio
import signal
import threading
from collections import deque
from collections.abc import AsyncIterator, Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from bot.errors import ConfigError
from bot.messages import sources as say
from bot.shell.heap import reuse_freed_memory
from bot.shell.ports import Problem, Records, SourceContext, SourceReport
from bot.shell.sources.log_files import fast_reading, find_log_files, read_outcome
from bot.shell.sources.registry import TRAIL_SOURCES
from bot.trail.paths import PathScope
from bot.trail.payload import FileRecords

if TYPE_CHECKING:
    from multiprocessing.context import BaseContext

Outcome = tuple[FileRecords | None, str | None]
AHEAD = 4  # files in flight per worker process
HOP_BYTES = 256 << 10  # files read per trip to the reading thread, by their size on disk
HOP_RECORDS = 500  # or by the records they keep (the fast read keeps few)


class FilesSource:
    """Streams the records of every file in scope, a file at a time."""

    def __init__(self, ctx: SourceContext) -> None:
        self.ctx = ctx
        self.root = ctx.resolve(ctx.env.cloudtrail.path)
        self.limit = int(ctx.env.cloudtrail.max_file_size)
        self.fast = fast_reading()
        self.report = SourceReport("files")

    async def batches(self, scope: PathScope) -> AsyncIterator[Records]:
        if not self.root.exists():
            raise ConfigError(*say.files_path_missing(str(self.root), self.ctx.env_name))
        paths = list(find_log_files(self.root, scope))
        reuse_freed_memory()
        jobs = min(self.ctx.jobs, len(paths))
        reads = self._parallel(paths, jobs) if jobs > 1 else self._serial(paths)
        async for path, (found, problem) in reads:
            if found is None:
                self.report.problems.append(Problem(str(path), problem or ""))
                continue
            self.report.files += 1
            note_file(self.report, str(path), found)
            self.report.dropped.update(found.dropped)
            records = found.records
            del found
            yield records
            del records

    async def _serial(self, paths: list[Path]) -> AsyncIterator[tuple[Path, Outcome]]:
        done = 0
        while done < len(paths):
            outcomes = await asyncio.to_thread(self._read_some, paths, done)
            for outcome in outcomes:
                yield paths[done], outcome
                done += 1

    def _read_some(self, paths: list[Path], start: int) -> list[Outcome]:
        """The files from `start` on (at least one), until HOP_BYTES of them on disk are read
        or HOP_RECORDS records are kept: a trip to the thread and back costs about a tenth of
        reading a small file, and many built records held at once cost more than that."""
        outcomes: list[Outcome] = []
        size = kept = 0
        for path in paths[start:]:
            outcome = read_outcome(path, self.limit, self.fast)
            outcomes.append(outcome)
            size += _size(path)
            kept += len(outcome[0].records) if outcome[0] is not None else 0
            if size >= HOP_BYTES or kept >= HOP_RECORDS:
                break
        return outcomes

    async def _parallel(
        self, paths: Iterable[Path], jobs: int
    ) -> AsyncIterator[tuple[Path, Outcome]]:
        from concurrent.futures import ProcessPoolExecutor  # only with jobs (3 ms to import)

        loop = asyncio.get_running_loop()
        pool = ProcessPoolExecutor(max_workers=jobs, mp_context=_context(), initializer=_worker)
        pending: deque[tuple[Path, asyncio.Future[Outcome]]] = deque()
        try:
            for path in paths:
                future = loop.run_in_executor(pool, read_outcome, path, self.limit, self.fast)
                pending.append((path, future))
                if len(pending) >= jobs * AHEAD:
                    first, done = pending.popleft()
                    yield first, await self._outcome(first, done)
            while pending:
                first, done = pending.popleft()
                yield first, await self._outcome(first, done)
        finally:
            pool.shutdown(wait=True, cancel_futures=True)

    async def _outcome(self, path: Path, done: asyncio.Future[Outcome]) -> Outcome:
        """A worker's outcome; a file whose records could not come back from the worker
        (nested too deep to pickle, a worker that died) is read here, as with one job."""
        try:
            return await done
        except Exception:
            return await asyncio.to_thread(read_outcome, path, self.limit, self.fast)


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def _worker() -> None:
    """A reading process: Ctrl-C is the check's to handle (it stops the pool), and freed
    buffers are kept for the next file."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    reuse_freed_memory()


def _context() -> BaseContext:
    """fork while this process has one thread (a fork copies no other thread's held lock);
    else forkserver (its workers are forked from a clean process)."""
    import multiprocessing

    method = "fork" if threading.active_count() == 1 else "forkserver"
    return multiprocessing.get_context(method)


def note_file(report: SourceReport, where: str, found: FileRecords) -> None:
    """What a read file adds to the source's report besides its records: the items that are
    not records, and a warning when it broke off."""
    report.skipped_records.update(found.skipped)
    if found.note is not None:
        report.warnings.append(Problem(where, found.note))


TRAIL_SOURCES.add("files", FilesSource)
