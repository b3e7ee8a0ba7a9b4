"""Module-level functions of the public API, re-exported from `hled`."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Any

from hled._dataset import Dataset, default
from hled._dataset import load as _load
from hled._model import Record

if TYPE_CHECKING:
    from hled._crosswalk import Crosswalk

__all__ = ["compare_editions", "dataset", "load", "search", "to_dict"]


def dataset(*, official_only: bool = False) -> Dataset:
    """Return the bundled dataset, loading it on first call (once, thread-safe).

    Args:
        official_only: keep only records supported by official sources (government
            documents, or copies of them): the same as
            ``hled.dataset().supported_by("official", "mirror")``. It filters
            records and citations, not the text of a field a kept record holds
            (see `Dataset.supported_by`).

    Raises:
        TypeError: *official_only* is not a bool.

    Examples:
        >>> import hled
        >>> hled.dataset() is hled.dataset()
        True
        >>> official = hled.dataset(official_only=True)
        >>> {s.quality for s in official.sources} <= {"official", "mirror"}
        True
    """
    if not isinstance(official_only, bool):
        msg = f"official_only must be True or False, got {type(official_only).__name__} {official_only!r}"
        raise TypeError(msg)
    if official_only:
        return default().supported_by("official", "mirror")
    return default()


def load(path: str | os.PathLike[str]) -> Dataset:
    """Load and validate a data directory in the bundled format (for corrected or extended data).

    The default dataset is never touched, whether the load succeeds or fails.

    Raises:
        DataError: the directory, a file or a record is missing or invalid; the message
            names the file, record id, field path and value of every problem.
        TypeError: *path* is not a str or path.
    """
    return _load(path)


def search(text: str, limit: int = 10) -> list[Record]:
    """Search every registry of the bundled dataset; return records of any type, best first.

    Examples:
        >>> import hled
        >>> type(hled.search("supply chains")[0]).__name__ in {"Workstream", "Action", "Program"}
        True
    """
    return default().search(text, limit)


def compare_editions() -> Crosswalk:
    """Return the editorial crosswalk between the 2013 and 2021 pillars and workstreams."""
    return default().compare_editions()


def to_dict(record: Record) -> dict[str, Any]:
    """Return *record* as JSON-ready data (references as ids), round-trippable through the loader.

    Raises:
        TypeError: *record* is not an hled record.
    """
    if not isinstance(record, Record):
        msg = f"to_dict expects an hled record, got {type(record).__name__} {record!r}"
        raise TypeError(msg)
    from hled._convert import unstructure_record

    return unstructure_record(record)
