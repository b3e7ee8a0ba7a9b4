"""Pausing the cyclic garbage collector while hled builds structures that live as long as a dataset."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

__all__ = ["paused"]


@contextmanager
def paused() -> Iterator[None]:
    """Run the block with the cyclic garbage collector off, then restore it as it was.

    Building records or indexes allocates many objects and frees almost none: the
    collections that allocation would trigger find nothing, yet walk every object
    built so far (at 1000 times the bundled data they doubled the time). Reference
    counting still frees everything as usual; only the cycle search waits. The
    switch is process-wide: another thread's cyclic garbage waits too, and a collector
    another thread turned off meanwhile is turned back on at the end.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
