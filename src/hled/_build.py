"""Turning raw data files into records: decode, structure, resolve, check, collect every problem.

Nothing here touches a dataset that already exists: a full build (`build`) either
returns complete, immutable records or raises one `DataError` listing every problem; a
deferred one (`build_deferred`) does the same a step at a time.
"""

from __future__ import annotations

import importlib
import json
import re
import threading
import typing
from collections.abc import Callable, Iterable
from typing import Any, TypeVar

from hled._convert import (
    FIELD_MARK,
    clip,
    describe,
    resolving,
    structure_record,
    structure_value,
)
from hled._gc import paused
from hled._load import FILES, META
from hled._model import Record
from hled._structurers import MODULES, NEEDS, SELF_REFERENCES
from hled.errors import DataError

if typing.TYPE_CHECKING:
    from hled._agenda import CrosswalkLink, Pillar, Workstream

__all__ = ["Built", "build", "build_deferred"]

# each record type's file, by the type's name, in build order (a type's references come first)
FILE_OF: dict[str, str] = {
    name: f"{file}.json"
    for name, file in (
        ("Source", "sources"),
        ("Organization", "organizations"),
        ("Person", "people"),
        ("Edition", "editions"),
        ("Pillar", "pillars"),
        ("Workstream", "workstreams"),
        ("Program", "programs"),
        ("Action", "actions"),
        ("Event", "events"),
        ("Accomplishment", "accomplishments"),
    )
}
assert tuple(FILE_OF.values()) == FILES[1:-1]
assert set(FILE_OF) == set(MODULES)


def record_type(name: str) -> type[Record]:
    """The record type named *name*, importing its module (``"Pillar"`` -> `hled.Pillar`)."""
    cls: type[Record] = getattr(importlib.import_module(MODULES[name]), name)
    return cls


_R = TypeVar("_R", bound=Record)


class Built:
    """Everything a build produces, in file order per record type.

    An eager build (`build`) holds every record type. A deferred one (`build_deferred`)
    builds a type's file, and the files it refers to, the first time `of` asks for it.
    """

    __slots__ = ("_links", "_lock", "_rest", "records", "version")

    def __init__(
        self,
        version: str,
        records: dict[type, tuple[Record, ...]],
        links: tuple[CrosswalkLink, ...] | None,
        rest: _Rest | None = None,
    ):
        self.version = version
        self.records = records
        self._links = links
        self._rest = rest
        self._lock = threading.Lock()

    def of(self, cls: type[_R]) -> tuple[_R, ...]:
        """The records of one type, in file order."""
        found = self.records.get(cls)
        if found is None:
            found = self._complete(cls.__name__)
        return typing.cast("tuple[_R, ...]", found)

    @property
    def links(self) -> tuple[CrosswalkLink, ...]:
        """The crosswalk's links."""
        found = self._links
        if found is None:
            self._complete(*NEEDS["CrosswalkLink"])
            rest = typing.cast("_Rest", self._rest)
            with self._lock, paused():
                found = self._links
                if found is None:
                    problems: list[str] = []
                    raws = _record_list("crosswalk.json", rest.decoded("crosswalk.json", problems), problems)
                    found = _check_links(raws, rest.tables, rest.broken, problems)
                    if problems:
                        raise DataError(problems)
                    rest.spent(["crosswalk.json"])
                    self._links = found
        return found

    def everything(self) -> dict[type, tuple[Record, ...]]:
        """The records of every type, by type in build order."""
        self._complete(*FILE_OF)
        return {cls: self.records[cls] for cls in map(record_type, FILE_OF)}

    def _complete(self, *wanted: str) -> tuple[Record, ...]:
        """Build the files of the types named *wanted* and of every type they refer to; return the first's records.

        A step that fails publishes nothing and keeps its files: a later step that needs
        them tries again (and, were a file bad, fails again with a new `DataError`).
        """
        first = record_type(wanted[0])
        if all(record_type(name) in self.records for name in wanted):
            return self.records[first]
        rest = typing.cast("_Rest", self._rest)  # an eager build holds every type
        with self._lock, paused():
            needed = set(wanted).union(*(NEEDS[name] for name in wanted))
            fresh: dict[type, tuple[Record, ...]] = {}
            problems: list[str] = []
            for name, file in FILE_OF.items():
                cls = record_type(name) if name in needed else None
                if cls is not None and cls not in self.records:
                    raws = _record_list(file, rest.decoded(file, problems), problems)
                    fresh[cls] = _structure_all(cls, file, raws, rest.tables, rest.broken, problems)
            if problems:
                raise DataError(problems)
            _fill_derived({**self.records, **fresh}.__getitem__, fresh)
            rest.spent([FILE_OF[cls.__name__] for cls in fresh])
            self.records.update(fresh)  # last: other threads read `records` without the lock
        return self.records[first]


class _Rest:
    """What a deferred build still holds: the files not yet built and the id tables of those built."""

    __slots__ = ("broken", "files", "tables")

    def __init__(self, files: dict[str, bytes]):
        self.files = files
        self.tables: dict[type, dict[str, Any]] = {}
        self.broken: dict[type, set[str]] = {}

    def decoded(self, name: str, problems: list[str]) -> Any:
        return _decode(name, self.files[name], problems, trusted=True)

    def spent(self, names: list[str]) -> None:
        """Let go of the files of a step that succeeded."""
        for name in names:
            del self.files[name]


# What `_decode` returns for a file it reported as unreadable (JSON null is a value, and an error).
_UNREADABLE: Any = object()


def _decode(name: str, data: bytes, problems: list[str], *, trusted: bool = False) -> Any:
    # *Trusted* files (the bundled ones, checked by their checksums) are known to decode without a
    # repeated key or a NaN: they skip those checks, and a RecursionError comes from the caller's
    # deep stack, not from the data: it propagates instead of becoming a data problem.
    if data.startswith(b"\xef\xbb\xbf"):
        problems.append(f"{name}: starts with a byte-order mark; save it as UTF-8 without BOM")
        return _UNREADABLE
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        problems.append(f"{name}: not valid UTF-8 (byte {exc.start}: {data[exc.start : exc.start + 1]!r})")
        return _UNREADABLE
    try:
        if trusted:  # the test suite built these very bytes with every check below
            return json.loads(text)
        return json.loads(text, parse_constant=_reject_constant, object_pairs_hook=_unique_keys)
    except json.JSONDecodeError as exc:
        problems.append(f"{name}: invalid JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}")
    except ValueError as exc:
        problems.append(f"{name}: invalid JSON: {exc}")
    except RecursionError:
        if trusted:
            raise
        problems.append(f"{name}: invalid JSON: nested too deeply")
    return _UNREADABLE


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    # json.loads would silently keep the last of two equal keys: a typo'd duplicate must not vanish.
    found = dict(pairs)
    if len(found) != len(pairs):
        keys = [k for k, _ in pairs]
        twice = sorted({k for k in keys if keys.count(k) > 1})
        msg = f"duplicate key(s) {', '.join(map(repr, twice))} in one object"
        raise ValueError(msg)
    return found


def _reject_constant(name: str) -> Any:
    msg = f"{name} is not a JSON number"
    raise ValueError(msg)


def _record_list(name: str, raw: Any, problems: list[str]) -> list[Any]:
    if raw is _UNREADABLE:
        return []
    if type(raw) is not list:
        problems.append(f"{name}: expected a JSON array of records, got {type(raw).__name__} @ $")
        return []
    return raw


def _label(raw: Any, index: int) -> str:
    rid = raw.get("id") if type(raw) is dict else None
    return f"record {clip(repr(rid), 80)} (#{index})" if type(rid) is str else f"record #{index}"


_FIELD_AT = re.escape(FIELD_MARK) + r"(\w+) @ (\S+)$"  # compiled (and cached by re) on the first invalid record


def _structure_errors() -> tuple[type[Exception], ...]:
    """What structuring bad data raises: evaluated only once something is raised, so valid data needs no cattrs."""
    import cattrs

    return (cattrs.BaseValidationError, TypeError, ValueError)


def _messages(exc: BaseException) -> list[str]:
    import cattrs

    if isinstance(exc, cattrs.BaseValidationError):
        lines = cattrs.transform_error(exc, path="$", format_exception=describe)
    else:
        lines = [f"{describe(exc, None)} @ $"]
    # a validator names its field (see `describe`): append it to the path cattrs gives
    return [re.sub(_FIELD_AT, r" @ \2.\1", line) for line in lines]


def _ordered(cls: type, raws: list[Any], name: str, problems: list[str], broken: set[str]) -> list[tuple[int, Any]]:
    """Order raw records so that records of one type referring to each other come after their targets."""
    refs = SELF_REFERENCES.get(cls.__name__, ())
    indexed = list(enumerate(raws))
    if not refs:
        return indexed
    by_id: dict[str, tuple[int, Any]] = {}
    for i, r in indexed:
        if type(r) is dict and type(r.get("id")) is str:
            by_id.setdefault(r["id"], (i, r))

    def targets(raw: Any) -> list[str]:
        out: list[str] = []
        for field in refs:
            value = raw.get(field) if type(raw) is dict else None
            values = value if type(value) is list else [value]
            out.extend(v for v in values if type(v) is str and v in by_id)
        return out

    done: set[str] = set()
    result: list[tuple[int, Any]] = []
    state: dict[str, int] = {}

    def visit(rid: str, trail: list[str]) -> bool:
        if rid in done:
            return True
        if state.get(rid) == 1:
            cycle = [*trail[trail.index(rid) :], rid]
            index, _ = by_id[rid]
            fields = "/".join(refs)
            problems.append(
                f"{name}: record {rid!r} (#{index}): reference cycle {' -> '.join(repr(c) for c in cycle)} @ $.{fields}"
            )
            broken.add(rid)
            return False
        state[rid] = 1
        ok = all(visit(t, [*trail, rid]) for t in targets(by_id[rid][1]))
        state[rid] = 2
        if ok:
            done.add(rid)
            result.append(by_id[rid])
        else:
            broken.add(rid)
        return ok

    for index, raw in indexed:
        rid = raw.get("id") if type(raw) is dict else None
        if type(rid) is str and rid in by_id and by_id[rid][0] == index:
            visit(rid, [])
        else:
            result.append((index, raw))
    return result


def _structure_all(
    cls: type,
    name: str,
    raws: list[Any],
    tables: dict[type, dict[str, Any]],
    broken: dict[type, set[str]],
    problems: list[str],
) -> tuple[Record, ...]:
    table: dict[str, Any] = {}
    tables[cls] = table
    bad: set[str] = set()
    broken[cls] = bad
    seen: dict[str, int] = {}
    for index, raw in enumerate(raws):
        rid = raw.get("id") if type(raw) is dict else None
        if type(rid) is str and rid in seen:
            problems.append(
                f"{name}: record {rid!r} (#{index}): duplicate id, already used by record #{seen[rid]} @ $.id"
            )
        elif type(rid) is str:
            seen[rid] = index
    built: dict[int, Record] = {}
    with resolving(tables, broken):
        for index, raw in _ordered(cls, raws, name, problems, bad):
            rid = raw.get("id") if type(raw) is dict else None
            if type(rid) is str and seen[rid] != index:
                continue
            try:
                record: Record = structure_record(raw, cls)
            except _structure_errors() as exc:
                problems.extend(f"{name}: {_label(raw, index)}: {m}" for m in _messages(exc))
                if type(rid) is str:
                    bad.add(rid)
                continue
            table[record.id] = record
            built[index] = record
    return tuple(built[i] for i in sorted(built))


def _check_links(
    raws: list[Any], tables: dict[type, dict[str, Any]], broken: dict[type, set[str]], problems: list[str]
) -> tuple[CrosswalkLink, ...]:
    from hled._agenda import CrosswalkLink

    name = "crosswalk.json"
    links = []
    for index, raw in enumerate(raws):
        try:
            with resolving(tables, broken):
                link = structure_value(raw, CrosswalkLink)
        except _structure_errors() as exc:
            problems.extend(f"{name}: link #{index}: {m}" for m in _messages(exc))
            continue
        for end, year in (("earlier", 2013), ("later", 2021)):
            item = getattr(link, end)
            if _edition_of(item) != year:
                problems.append(
                    f"{name}: link #{index}: {end} must be a {year} pillar or workstream, "
                    f"got {item.id!r} of {_edition_of(item)} @ $.{end}"
                )
        links.append(link)
    return tuple(links)


def _edition_of(item: Pillar | Workstream) -> int:
    return item.edition


def _semantic_checks(built: Built, broken: dict[type, set[str]], problems: list[str]) -> None:
    from hled._activities import Accomplishment, Event
    from hled._agenda import Action, Edition, Pillar, Program, Workstream
    from hled._model import Organization

    years = {e.year for e in built.of(Edition)}
    seen_years: dict[int, str] = {}
    for edition in built.of(Edition):
        if edition.year in seen_years:
            problems.append(
                f"editions.json: record {edition.id!r}: year {edition.year} is already edition "
                f"{seen_years[edition.year]!r} @ $.year"
            )
        seen_years[edition.year] = edition.id

    def need_edition(records: Iterable[Record], field: str, get: Callable[[Any], Iterable[int | None]]) -> None:
        if broken[Edition]:
            return  # the editions' own problems are reported; their years are unknown
        for rec in records:
            for year in get(rec):
                if year is not None and year not in years:
                    problems.append(
                        f"{FILE_OF[type(rec).__name__]}: record {rec.id!r}: no edition {year} in editions.json "
                        f"(editions: {', '.join(map(str, sorted(years)))}) @ $.{field}"
                    )

    for cls in (Pillar, Workstream, Program, Event, Accomplishment):
        need_edition(built.of(cls), "edition", lambda r: [r.edition])
    need_edition(built.of(Organization), "roles", lambda r: [role.edition for role in r.roles])

    numbers: dict[tuple[int, int], str] = {}
    for pillar in built.of(Pillar):
        key = (pillar.edition, pillar.number)
        if key in numbers:
            problems.append(
                f"pillars.json: record {pillar.id!r}: edition {pillar.edition} already has pillar "
                f"number {pillar.number} ({numbers[key]!r}) @ $.number"
            )
        numbers[key] = pillar.id
    for ws in built.of(Workstream):
        if ws.pillar is not None and ws.pillar.edition != ws.edition:
            problems.append(
                f"workstreams.json: record {ws.id!r}: edition {ws.edition} differs from its pillar's "
                f"({ws.pillar.id!r}, {ws.pillar.edition}) @ $.edition"
            )
    for action in built.of(Action):
        if action.workstream is not None and action.workstream.pillar is not action.pillar:
            problems.append(
                f"actions.json: record {action.id!r}: workstream {action.workstream.id!r} is not under "
                f"pillar {action.pillar.id!r} @ $.workstream"
            )
    placed: list[Program | Accomplishment] = [*built.of(Program), *built.of(Accomplishment)]
    for rec in placed:
        if rec.pillar is not None and rec.edition is not None and rec.pillar.edition != rec.edition:
            problems.append(
                f"{FILE_OF[type(rec).__name__]}: record {rec.id!r}: edition {rec.edition} differs from its pillar's "
                f"({rec.pillar.id!r}, {rec.pillar.edition}) @ $.edition"
            )
    stages = {p.id for p in built.of(Pillar)} & {w.id for w in built.of(Workstream)}
    problems.extend(
        f"workstreams.json: record {sid!r}: id is also a pillar id; the crosswalk could not tell them apart @ $.id"
        for sid in sorted(stages)
    )


def _fill_derived(of: Callable[[type], tuple[Any, ...]], fresh: Iterable[type]) -> None:
    """Set the derived back-references (edition.pillars, pillar.workstreams, ...) of the *fresh* types."""
    names = {cls.__name__ for cls in fresh}
    if not names & {"Edition", "Pillar", "Workstream"}:
        return  # and `hled._agenda` may stay unimported
    from hled._agenda import Action, Edition, Pillar, Workstream

    set_ = object.__setattr__
    fresh = set(fresh)
    if Edition in fresh:
        of_year: dict[int, list[Pillar]] = {}
        for p in of(Pillar):
            of_year.setdefault(p.edition, []).append(p)
        for edition in of(Edition):
            set_(edition, "pillars", tuple(of_year.get(edition.year, ())))
    # grouped in one pass each (by the identity of the referenced record): linear, not N x M
    if Pillar in fresh:
        under: dict[int, list[Workstream | Action]] = {}
        for w in of(Workstream):
            under.setdefault(id(w.pillar), []).append(w)
        for a in of(Action):
            under.setdefault(id(a.pillar), []).append(a)
        for pillar in of(Pillar):
            children = under.get(id(pillar), ())
            set_(pillar, "workstreams", tuple(c for c in children if isinstance(c, Workstream)))
            set_(pillar, "actions", tuple(c for c in children if isinstance(c, Action)))
    if Workstream in fresh:
        in_ws: dict[int, list[Action]] = {}
        for a in of(Action):
            in_ws.setdefault(id(a.workstream), []).append(a)
        for ws in of(Workstream):
            set_(ws, "actions", tuple(in_ws.get(id(ws), ())))


def _version(raw: Any, problems: list[str]) -> str:
    if type(raw) is not dict:
        if raw is not _UNREADABLE:
            problems.append(f'{META}: expected a JSON object like {{"version": "2026.11.0"}} @ $')
        return ""
    extra = sorted(set(raw) - {"version"})
    if extra:
        problems.append(f"{META}: unknown field(s) {', '.join(map(repr, extra))}; meta fields are: version @ $")
    version = raw.get("version")
    if type(version) is not str or not version.strip():
        problems.append(f"{META}: expected a non-empty version string, got {version!r} @ $.version")
        return ""
    return version


def build(files: dict[str, bytes]) -> Built:
    """Build every record from raw file contents, or raise one `DataError` listing every problem."""
    problems: list[str] = []
    files = dict(files)  # emptied file by file: each file's bytes and JSON go once its records are built

    def decoded(name: str) -> Any:
        return _decode(name, files.pop(name), problems)

    version = _version(decoded(META), problems)
    tables: dict[type, dict[str, Any]] = {}
    broken: dict[type, set[str]] = {}
    records: dict[type, tuple[Record, ...]] = {}
    for cls, name in zip(map(record_type, FILE_OF), FILE_OF.values(), strict=True):
        records[cls] = _structure_all(cls, name, _record_list(name, decoded(name), problems), tables, broken, problems)
    links = _check_links(_record_list("crosswalk.json", decoded("crosswalk.json"), problems), tables, broken, problems)
    built = Built(version, records, links)
    _semantic_checks(built, broken, problems)
    if problems:
        raise DataError(problems)
    _fill_derived(built.of, records)
    return built


def build_deferred(files: dict[str, bytes]) -> Built:
    """Build record types on first use, each with the types it refers to (see `Built`).

    Only for files already known to build without a problem (the bundled ones, checked by
    their checksums): a deferred build skips the checks that span files. Should a file
    still fail, every step that needs it raises `DataError`, and nothing of it is published.
    """
    files = dict(files)
    problems: list[str] = []
    version = _version(_decode(META, files.pop(META), problems), problems)
    if problems:
        raise DataError(problems)
    return Built(version, {}, None, _Rest(files))
