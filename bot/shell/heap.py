"""How this process's C heap hands memory back: kept for reuse while a check reads files.

A check inflates and scans thousands of log files of about half a megabyte each, one after
another. glibc's malloc maps each such buffer afresh and unmaps it when freed, so every file
pays the page faults of its buffers again (about a third of the read time here). Raising the
mmap and trim thresholds keeps freed buffers in the heap for the next file: the peak memory
is the same (one file's buffers), only the churn goes. Elsewhere (musl, macOS) nothing happens.
"""

from __future__ import annotations

import ctypes
import sys

_M_TRIM_THRESHOLD = -1
_M_MMAP_THRESHOLD = -3
MMAP_THRESHOLD = 32 << 20  # blocks above this (a huge file's buffer) are mapped as before
TRIM_THRESHOLD = 64 << 20  # free memory above this at the top of the heap is given back


def reuse_freed_memory() -> bool:
    """Keep freed blocks of up to MMAP_THRESHOLD for reuse; True when glibc took it."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        mallopt = ctypes.CDLL(None).mallopt  # the C library this process already has
    except (OSError, AttributeError):
        return False
    mallopt.argtypes = (ctypes.c_int, ctypes.c_int)
    mallopt.restype = ctypes.c_int
    return bool(
        mallopt(_M_MMAP_THRESHOLD, MMAP_THRESHOLD) and mallopt(_M_TRIM_THRESHOLD, TRIM_THRESHOLD)
    )
