"""`Dataset`, whose registry attributes are the one table of record kinds, and loading one.

Each annotated registry attribute of `Dataset` is a record kind: its name is the
registry's (``hled.pillars``), the data file's (``pillars.json``), the command's
(``hled pillars``) and the export's table's; its registry class declares the
record type, the order and the filter criteria. `KINDS` reads them; the loader,
schemas, exports, command line and ``hled`` derive from it. This module reads its
annotations at run time as objects, so it does without ``from __future__ import annotations``.
"""

import inspect
import json
import os
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

import attrs

from hled._agenda import Crosswalk, CrosswalkLink, crosswalk
from hled._build import CROSSWALK, META, build
from hled._dates import PartialDate
from hled._load import read_bundled, read_directory
from hled._record import Linked, Record, reference_target
from hled._registries import (
    AccomplishmentRegistry,
    ActionRegistry,
    EditionRegistry,
    EventRegistry,
    OrganizationRegistry,
    PersonRegistry,
    PillarRegistry,
    ProgramRegistry,
    SourceRegistry,
    WorkstreamRegistry,
)
from hled._registry import Immutable, Registry, can_search, search_fields
from hled._restrict import restrict
from hled._sources import Quality
from hled._structure import unstructure
from hled._text import SearchIndex

__all__ = ["KINDS", "Dataset", "Kind", "default", "load"]

if TYPE_CHECKING:
    import pandas

_T = TypeVar("_T")


class Dataset(Immutable):
    """The registries of one data directory: the bundled data, or a user's (`hled.load`).

    Attributes:
        version: the data release, from the data's ``meta.json``.
        released: the date of the data release, or None where the data does not say.
        cutoff: the last day the data's record runs to (from ``meta.json``), or None where the
            data does not say: an office shown still held then may have ended since.
        redirects: for each registry, the ids of records renamed or merged away and the id
            each now goes by; `Registry.get` follows them (ids are never withdrawn).
        editions: the editions: the 2013 original and the 2021 relaunch.
        pillars: the pillars of both editions.
        workstreams: the workstreams (sub-topics, headings, priority areas).
        actions: the work-plan lines and initiatives.
        organizations: the agencies, ministries, embassies, companies and other bodies.
        people: the officials and leaders.
        programs: the programs, projects, working groups, forums and strategies.
        events: the announcements, launches, meetings, reviews and other dated steps.
        accomplishments: the reported results.
        sources: the cited documents.
    """

    version: str
    released: PartialDate | None
    cutoff: PartialDate | None
    redirects: dict[str, dict[str, str]]
    # The record kinds, in the order API.md lists them (see `KINDS`).
    editions: EditionRegistry
    pillars: PillarRegistry
    workstreams: WorkstreamRegistry
    actions: ActionRegistry
    organizations: OrganizationRegistry
    people: PersonRegistry
    programs: ProgramRegistry
    events: EventRegistry
    accomplishments: AccomplishmentRegistry
    sources: SourceRegistry

    def __init__(self, meta: dict[str, Any], records: dict[type, tuple[Record, ...]], links: tuple[CrosswalkLink, ...]):
        set_ = object.__setattr__
        set_(self, "version", meta["version"])
        set_(self, "released", meta.get("released"))
        set_(self, "cutoff", meta.get("cutoff"))
        set_(self, "redirects", meta.get("redirects", {}))
        set_(self, "_links", links)
        set_(self, "_memo", {})
        set_(self, "_views", {})
        set_(self, "_lock", threading.Lock())
        for kind in KINDS:
            cls = kind.registry_class
            rows = records[kind.record]
            registry = cls(kind.name, sorted(rows, key=cls._order), self)
            set_(self, kind.name, registry)
            for record in rows if issubclass(kind.record, Linked) else ():
                record._back["registry"] = registry  # type: ignore[attr-defined]  # pickled as a reference

    @classmethod
    def _from_files(cls, files: dict[str, bytes]) -> "Dataset":
        """Build and check a dataset from the raw contents of its files."""
        return cls(*build(files, [(kind.file, kind.record) for kind in BUILD_ORDER]))

    @property
    def agencies(self) -> OrganizationRegistry:
        """Alias of `organizations`, the word users reach for."""
        return self.organizations

    @property
    def registries(self) -> dict[str, Registry[Any]]:
        """Every registry by its plural name, in the order the data files are built."""
        return {kind.name: getattr(self, kind.name) for kind in BUILD_ORDER}

    def _computed(self, compute: Callable[["Dataset"], _T]) -> _T:
        """*compute* (a function of the dataset, such as an index) applied to this dataset, once kept.

        Idempotent: two threads that race compute equal values, and either is kept.
        """
        found: _T | None = self._memo.get(compute)  # type: ignore[attr-defined]
        if found is None:
            found = self._memo[compute] = compute(self)  # type: ignore[attr-defined]
        return found

    def _of(self, cls: type[_T]) -> tuple[_T, ...]:
        """The records of one type, in registry order."""
        found: tuple[_T, ...] = tuple(getattr(self, KIND_OF[cls].name))
        return found

    def compare_editions(self) -> Crosswalk:
        """Return the 2013 ↔ 2021 crosswalk of pillars and workstreams (editorial)."""
        return self._computed(_crosswalk)

    def search(self, text: str, limit: int = 10) -> list[Record]:
        """Search every registry at once; return records of any type, best first.

        One index over every record ranks them together, so a word's rarity is judged
        across the whole dataset, not within one registry.

        Raises:
            TypeError: *text* is not a string or *limit* not an int.
            ValueError: *limit* is negative.
        """
        if not can_search(text, limit):
            return []
        engine, everything = self._computed(_search_index)
        return [everything[doc] for _, doc in engine.query(text, limit)]

    @property
    def digest(self) -> str:
        """A SHA-256 of the data's content (not its formatting): equal data, equal digest."""
        return self._computed(_digest)

    def supported_by(self, *qualities: Quality) -> "Dataset":
        """Return the dataset kept to records cited by sources of these *qualities*.

        A record stays if at least one of its citations is of an allowed quality;
        other citations are dropped (from roles, positions and variants too, which
        go when none is left), and so are references to records that did not stay.
        Field values of a kept record (a Spanish title, a place) and its notes are
        kept as they are: citations are per record, so the record's remaining
        citations say which sources support it. ``hled.dataset(official_only=True)``
        is ``supported_by("official", "mirror")``. Each view is built once and cached.

        Raises:
            TypeError: a quality is not a string.
            ValueError: a quality is not ``"official"``, ``"mirror"``, ``"press"`` or ``"low"``.
        """
        for quality in qualities:
            if not isinstance(quality, str):
                msg = f"qualities must be strings like 'official', got {type(quality).__name__} {quality!r}"
                raise TypeError(msg)
        key = frozenset(qualities)
        views: dict[frozenset[str], Dataset] = self._views  # type: ignore[attr-defined]
        with self._lock:  # type: ignore[attr-defined]
            view = views.get(key)
            if view is None:
                files = restrict(self.to_files(), self._meta_json(), key, {k.record: k.file for k in BUILD_ORDER})
                view = views[key] = Dataset._from_files(files)
        return view

    def tables(self, lang: str = "en") -> "dict[str, pandas.DataFrame]":
        """Return every table of the dataset as a pandas DataFrame, by table name (needs ``hled[pandas]``).

        The tables and columns of ``hled export --format csv`` and ``--format sqlite``: a table
        per registry, a join table per list of references (``events_chairs``, with each chair's
        ``country``), and a child table per list of values (``accomplishments_amounts`` with
        ``kind``, ``provider``, ``recipient`` and ``part_of``; ``people_positions`` with
        ``start``, ``end`` and ``attested``; ``organizations_names``; ``*_sources`` with each
        source's ``quality``). A date field's column holds its text as the data gives it
        (``2022-09``), and ``*_start`` and ``*_end`` its first and last days as datetimes;
        numbers are numbers, vocabularies categoricals. ``docs/export.md`` has the data dictionary.

        Args:
            lang: ``"es"`` gives names and titles in Spanish where a record has one.

        Raises:
            ImportError: pandas is not installed.
            ValueError: *lang* is neither ``"en"`` nor ``"es"``.
        """
        from hled._tables import frames

        return frames(self, lang)

    def to_files(self, *, omit_defaults: bool = False) -> dict[str, Any]:
        """Return the dataset as the contents of its data files (file name -> JSON-ready data)."""
        files: dict[str, Any] = {
            kind.file: [unstructure(r, omit_defaults=omit_defaults) for r in getattr(self, kind.name)]
            for kind in BUILD_ORDER
        }
        files[CROSSWALK] = [unstructure(link, omit_defaults=True) for link in self._links]  # type: ignore[attr-defined]
        return files

    def __reduce__(self) -> tuple[Any, ...]:
        """Pickled as its data (the default dataset as itself): for multiprocessing and joblib."""
        if self is _default:
            return (default, ())
        return (_unpickled, (self._meta_json(), self.to_files(omit_defaults=True)))

    def _meta_json(self) -> dict[str, Any]:
        """The contents of the data's ``meta.json``."""
        meta: dict[str, Any] = {"version": self.version}
        for field in ("released", "cutoff"):
            if getattr(self, field) is not None:
                meta[field] = str(getattr(self, field))
        if self.redirects:
            meta["redirects"] = self.redirects
        return meta

    def __setattr__(self, name: str, value: object) -> None:
        msg = f"a Dataset is immutable: cannot set {name!r}"
        raise AttributeError(msg)

    def __delattr__(self, name: str) -> None:
        msg = f"a Dataset is immutable: cannot delete {name!r}"
        raise AttributeError(msg)

    def __repr__(self) -> str:
        counts = ", ".join(f"{len(getattr(self, kind.name))} {kind.name}" for kind in BUILD_ORDER)
        return f"<Dataset {self.version}: {counts}>"


def _unpickled(meta: dict[str, Any], files: dict[str, Any]) -> Dataset:
    """A dataset rebuilt, and checked again, from what `Dataset.__reduce__` kept."""
    raw = {META: meta, **files}
    return Dataset._from_files({name: json.dumps(data).encode("utf-8") for name, data in raw.items()})


def _crosswalk(ds: Dataset) -> Crosswalk:
    return crosswalk(ds._links, tuple(ds.pillars), tuple(ds.workstreams))  # type: ignore[attr-defined]


def _search_index(ds: Dataset) -> tuple[SearchIndex, tuple[Record, ...]]:
    records = tuple(r for reg in ds.registries.values() for r in reg)
    return SearchIndex([list(search_fields(r)) for r in records]), records


def _digest(ds: Dataset) -> str:
    import hashlib  # here, not at the top: it loads OpenSSL, 3.6 MiB of memory few users need

    payload = json.dumps(ds.to_files(), sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


class Kind:
    """One record kind: a registry of `Dataset`, with its registry class and record type.

    Attributes:
        name: the registry's plural name (``"pillars"``), also its command's and its export table's.
        registry_class: the class of its registry, which declares the order and the filter criteria.
        record: the record type (``hled.Pillar``).
        file: its data file (``"pillars.json"``).
    """

    __slots__ = ("file", "name", "record", "registry_class")

    def __init__(self, name: str, registry_class: type[Registry[Any]]):
        self.name = name
        self.registry_class = registry_class
        self.record: type[Record] = registry_class.RECORD
        self.file = f"{name}.json"


KINDS: tuple[Kind, ...] = tuple(
    Kind(name, cls)
    for name, cls in inspect.get_annotations(Dataset).items()
    if isinstance(cls, type) and issubclass(cls, Registry)
)
KIND_OF: dict[type, Kind] = {kind.record: kind for kind in KINDS}


def _referenced(cls: type) -> list[type]:
    """The record types *cls* refers to, directly or through the values it holds (a citation's source)."""
    found = []
    for field in attrs.fields(attrs.resolve_types(cls)):
        target, _ = reference_target(field.type)
        if target is not None:
            found.append(target)
        for arg in (field.type, *getattr(field.type, "__args__", ())):
            if attrs.has(arg) and not issubclass(arg, Record) and arg is not cls:
                found.extend(_referenced(arg))
    return found


def _build_order() -> tuple[Kind, ...]:
    """`KINDS` with every kind after the kinds it refers to (the order the loader builds them)."""
    order: dict[type, Kind] = {}

    def visit(kind: Kind, trail: tuple[type, ...]) -> None:
        cls = kind.record
        if cls not in order and cls not in trail:  # a kind referring to itself is built in one pass
            for target in _referenced(cls):
                visit(KIND_OF[target], (*trail, cls))
            order[cls] = kind

    for kind in KINDS:
        visit(kind, ())
    return tuple(order.values())


BUILD_ORDER = _build_order()
FILES = (META, *(kind.file for kind in BUILD_ORDER), CROSSWALK)

_default: Dataset | None = None
_default_lock = threading.Lock()


def default() -> "Dataset":
    """Return the bundled dataset, loading and checking it on first use (once, whatever the threads)."""
    global _default  # noqa: PLW0603 - the one lazily built module state
    if _default is None:
        with _default_lock:
            if _default is None:
                _default = Dataset._from_files(read_bundled(FILES))
    return _default


def load(path: str | os.PathLike[str]) -> "Dataset":
    """Load and fully validate a data directory in the bundled format.

    Raises:
        DataError: the directory is missing, a file is missing or any record is invalid;
            the message names file, record id, field path and value of every problem.
        TypeError: *path* is not a str or path.
    """
    return Dataset._from_files(read_directory(path, FILES))
