"""The public API that `hled` re-exports: the module-level functions, and every public class."""

from __future__ import annotations

import os
from typing import Any

from hled._activities import Accomplishment, Event
from hled._agenda import Action, Crosswalk, CrosswalkLink, Edition, Pillar, Program, Workstream
from hled._dataset import KINDS, Dataset, default
from hled._dataset import load as _load
from hled._dates import DateRange, PartialDate
from hled._diff import Change, DataDiff, diff
from hled._money import Count, Money
from hled._organizations import Dissolution, Name, Organization, Role
from hled._people import Person, Position
from hled._record import Record
from hled._registry import Registry, Selection
from hled._sources import Citation, Source, Variant
from hled._structure import unstructure
from hled._total import LeftOut, Total

__all__ = [
    "KINDS",
    "Accomplishment",
    "Action",
    "Change",
    "Citation",
    "Count",
    "Crosswalk",
    "CrosswalkLink",
    "DataDiff",
    "Dataset",
    "DateRange",
    "Dissolution",
    "Edition",
    "Event",
    "LeftOut",
    "Money",
    "Name",
    "Organization",
    "PartialDate",
    "Person",
    "Pillar",
    "Position",
    "Program",
    "Record",
    "Registry",
    "Role",
    "Selection",
    "Source",
    "Total",
    "Variant",
    "Workstream",
    "compare_editions",
    "dataset",
    "default",
    "diff",
    "load",
    "search",
    "tables",
    "to_dict",
]


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


def tables(lang: str = "en") -> dict[str, Any]:
    """Return every table of the bundled dataset as a pandas DataFrame, by name: see `Dataset.tables`.

    Examples:
        >>> import hled
        >>> t = hled.tables()
        >>> float(t["accomplishments_amounts"].groupby(["kind"], observed=True)["value"].sum()["grant"])
        30038000.0
    """
    return default().tables(lang)


def to_dict(value: Any) -> dict[str, Any]:
    """Return a record or value as JSON-ready data, round-trippable through the loader.

    A record comes as its data file holds it (references as ids); a value (a `Citation`,
    `Money`, `Count`, `Position`, `Role`, `Name`, `Dissolution`, `Variant`, `CrosswalkLink`) as a record's file
    holds it inside the record, leaving out fields that hold their default; a
    `PartialDate` or `DateRange` as its parts.

    Raises:
        TypeError: *value* is none of those types.
    """
    if not isinstance(value, _CONVERTIBLE):
        names = ", ".join(t.__name__ for t in _CONVERTIBLE)
        msg = f"to_dict expects an hled record or value ({names}), got {type(value).__name__} {value!r}"
        raise TypeError(msg)
    return unstructure(value, omit_defaults=not isinstance(value, Record))


_CONVERTIBLE = (
    Record,
    Citation,
    Money,
    Count,
    Position,
    Role,
    Name,
    Dissolution,
    Variant,
    CrosswalkLink,
    PartialDate,
    DateRange,
)
