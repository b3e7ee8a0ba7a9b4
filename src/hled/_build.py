"""Turning raw data files into records: decode, structure, resolve, check, collect every problem.

Nothing here touches a dataset that already exists: `build` either returns complete,
immutable records or raises one `DataError` listing every problem (up to `DataError.STOP`).
"""

from __future__ import annotations

import difflib
import functools
import json
import re
import typing
from collections.abc import Callable, Iterable, Sequence
from typing import Any

import attrs

from hled._activities import Accomplishment, Event
from hled._agenda import Action, CrosswalkLink, Edition, Pillar, Program, Workstream
from hled._dates import PartialDate
from hled._organizations import Organization
from hled._record import Record, clip, reference_target
from hled._structure import resolving, structure
from hled.errors import DataError

__all__ = ["META", "build"]

META = "meta.json"
CROSSWALK = "crosswalk.json"


class _Problems(list[str]):
    """The problems found so far; checking stops once there are `DataError.STOP` of them (see `build`)."""

    def append(self, line: str) -> None:
        super().append(line)
        if len(self) >= DataError.STOP:
            raise _Enough

    def extend(self, lines: Iterable[str]) -> None:
        for line in lines:
            self.append(line)


class _Enough(Exception):
    """Raised by `_Problems` when there are enough problems to stop checking."""


# What `_decode` returns for a file it reported as unreadable (JSON null is a value, and an error).
_UNREADABLE: Any = object()


def _decode(name: str, data: bytes, problems: list[str]) -> Any:
    if data.startswith(b"\xef\xbb\xbf"):
        problems.append(f"{name}: starts with a byte-order mark; save it as UTF-8 without BOM")
        return _UNREADABLE
    try:
        text = data.decode()  # UTF-8
    except UnicodeDecodeError as exc:
        problems.append(f"{name}: not valid UTF-8 (byte {exc.start}: {data[exc.start : exc.start + 1]!r})")
        return _UNREADABLE
    try:
        return json.loads(text, parse_constant=_reject_constant, object_pairs_hook=_unique_keys)
    except json.JSONDecodeError as exc:
        problems.append(f"{name}: invalid JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}")
    except ValueError as exc:
        problems.append(f"{name}: invalid JSON: {exc}")
    except RecursionError:
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


def _where(name: str, raw: Any, index: int) -> str:
    """Where a record is, for a problem's message: ``pillars.json: record '2013-pillar-1' (#0)``."""
    rid = raw.get("id") if type(raw) is dict else None
    return f"{name}: " + (f"record {clip(repr(rid), 80)} (#{index})" if type(rid) is str else f"record #{index}")


def _problems(raw: Any, cls: type, what: str) -> list[str]:
    """Every problem the detailed converter finds in *raw*, worded; none if it accepts it."""
    # cattrs only now: valid data never needs it (see `hled._structure`)
    import cattrs

    from hled._convert import FIELD_MARK, ConverterDisagreement, describe
    from hled._convert import structure as detailed

    try:
        detailed(raw, cls)
    except cattrs.BaseValidationError as exc:
        lines = cattrs.transform_error(exc, format_exception=describe)  # paths from "$"
    except (TypeError, ValueError) as exc:
        lines = [f"{describe(exc, None)} @ $"]
    else:
        msg = f"{what}: the quick path rejected what the detailed converter accepts; please report this bug in hled"
        raise ConverterDisagreement(msg)
    # a validator names its field (see `describe`): append it to the path cattrs gives
    field_at = re.escape(FIELD_MARK) + r"(\w+) @ (\S+)$"
    return [what + ": " + re.sub(field_at, r" @ \2.\1", line) for line in lines]


def _self_references(cls: type) -> list[tuple[str, ...]]:
    """The fields of *cls* that refer to records of *cls*: its own (``parent``) and its values' (``dissolved.into``)."""
    paths: list[tuple[str, ...]] = []
    for field in _fields(cls):
        if reference_target(field.type)[0] is cls:
            paths.append((field.name,))
            continue
        for member in _value_types(field.type):
            paths.extend((field.name, sub.name) for sub in _fields(member) if reference_target(sub.type)[0] is cls)
    return paths


def _value_types(t: Any) -> list[type]:
    """The attrs value classes (not records) a field type holds: ``Dissolution | None`` -> [Dissolution].

    One level, as `hled._schema` reads them: a field is ``X``, ``X | None`` or ``tuple[X, ...]``.
    """
    return [a for a in typing.get_args(t) or (t,) if isinstance(a, type) and attrs.has(a) and not issubclass(a, Record)]


def _ordered(cls: type, raws: list[Any], name: str, problems: list[str], broken: set[str]) -> Iterable[tuple[int, Any]]:
    """Order raw records so that records of one type referring to each other come after their targets."""
    refs = _self_references(cls)
    if not refs:
        return enumerate(raws)  # not a list: a million records would take a hundred bytes each
    indexed = list(enumerate(raws))
    by_id: dict[str, tuple[int, Any]] = {}
    for i, r in indexed:
        if type(r) is dict and type(r.get("id")) is str:
            by_id.setdefault(r["id"], (i, r))

    def targets(raw: Any) -> list[str]:
        out: list[str] = []
        for path in refs:
            values = [raw]
            for field in path:  # down a nested value's field where the path has two steps
                found = [v.get(field) for v in values if type(v) is dict]
                values = [x for v in found for x in (v if type(v) is list else [v])]
            out.extend(v for v in values if type(v) is str and v in by_id)
        return out

    done: set[str] = set()
    entered: set[str] = set()  # and not yet done: on the path being followed
    result: list[tuple[int, Any]] = []

    def visit(rid: str, trail: list[str]) -> None:
        # A record in a cycle is reported once and left out; a record referring to it is still
        # built, after it, and told its target "is itself invalid".
        if rid in done:
            return
        if rid in entered:
            cycle = [*trail[trail.index(rid) :], rid]
            index, _ = by_id[rid]
            fields = "/".join(".".join(path) for path in refs)
            problems.append(
                f"{name}: record {rid!r} (#{index}): reference cycle {' -> '.join(repr(c) for c in cycle)} @ $.{fields}"
            )
            broken.add(rid)
            done.add(rid)
            return
        entered.add(rid)
        for target in targets(by_id[rid][1]):
            visit(target, [*trail, rid])
        if rid not in done:
            done.add(rid)
            result.append(by_id[rid])

    for index, raw in indexed:
        rid = raw.get("id") if type(raw) is dict else None
        if type(rid) is str and rid in by_id and by_id[rid][0] == index:
            visit(rid, [])
        else:
            result.append((index, raw))
    return result


def _fields(cls: type) -> tuple[attrs.Attribute[Any], ...]:
    return tuple(attrs.fields(attrs.resolve_types(cls)))


def _structured(raw: Any, cls: type, where: Callable[[], str], problems: list[str]) -> Any:
    """*raw* structured, or None with its problems (each prefixed with *where*) added to *problems*."""
    try:
        return structure(raw, cls)
    except Exception:  # whatever it is, the detailed converter decides and words it
        problems.extend(_problems(raw, cls, where()))
        return None


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
            first = type(rid) is not str or seen[rid] == index  # a duplicate is checked, then left out
            record = _structured(raw, cls, functools.partial(_where, name, raw, index), problems)
            if record is None:
                if type(rid) is str and first:
                    bad.add(rid)
            elif first:
                table[record.id] = record
                built[index] = record
    return tuple(built[i] for i in sorted(built))


def _check_links(
    raws: list[Any], tables: dict[type, dict[str, Any]], broken: dict[type, set[str]], problems: list[str]
) -> tuple[CrosswalkLink, ...]:
    links = []
    seen: dict[tuple[str, str], int] = {}
    for index, raw in enumerate(raws):
        with resolving(tables, broken):
            link = _structured(raw, CrosswalkLink, functools.partial("{}: link #{}".format, CROSSWALK, index), problems)
        if link is None:
            continue
        for end, year in (("earlier", 2013), ("later", 2021)):
            item = getattr(link, end)
            if item.edition != year:
                problems.append(
                    f"{CROSSWALK}: link #{index}: {end} must be a {year} pillar or workstream, "
                    f"got {item.id!r} of {item.edition} @ $.{end}"
                )
        pair = (link.earlier.id, link.later.id)
        if pair in seen:
            problems.append(f"{CROSSWALK}: link #{index}: repeats link #{seen[pair]} ({pair[0]!r} -> {pair[1]!r}) @ $")
            continue
        seen[pair] = index
        links.append(link)
    return tuple(links)


def _amount_checks(of: Callable[[type], tuple[Any, ...]], files: dict[type, str], problems: list[str]) -> None:
    """Ids of amounts and counts are unique; each `part_of` names one of the same currency, and no loop."""
    for field in ("amounts", "counts"):
        found: dict[str, tuple[Any, str]] = {}
        places: list[tuple[Any, str, str]] = []
        for cls in (Event, Accomplishment):
            for rec in of(cls):
                for i, amount in enumerate(getattr(rec, field)):
                    where = f"{files[cls]}: record {rec.id!r}"
                    places.append((amount, where, f"$.{field}[{i}]"))
                    if amount.id is not None:
                        if amount.id in found:
                            problems.append(
                                f"{where}: id {amount.id!r} is already {found[amount.id][1]}'s @ $.{field}[{i}].id"
                            )
                        else:
                            found[amount.id] = (amount, where)
        for amount, where, path in places:
            parent = amount.part_of
            if parent is None:
                continue
            if parent not in found:
                near = difflib.get_close_matches(parent, found)  # difflib's three closest, of ratio 0.6 or more
                hint = f"; did you mean {', '.join(map(repr, near))}?" if near else ""
                problems.append(f"{where}: part_of {parent!r} names no {field[:-1]} id{hint} @ {path}.part_of")
                continue
            if field == "amounts" and found[parent][0].currency != amount.currency:
                problems.append(
                    f"{where}: part_of {parent!r} is in {found[parent][0].currency}, this amount in "
                    f"{amount.currency} @ {path}.part_of"
                )
            seen = {amount.id}
            while parent in found:  # None, the end of a chain, is no id
                if parent in seen:
                    end = "back to itself" if parent == amount.id else f"into a loop at {parent!r}"
                    problems.append(f"{where}: part_of {amount.part_of!r} leads {end} @ {path}.part_of")
                    break
                seen.add(parent)
                parent = found[parent][0].part_of


def _check_redirects(
    redirects: dict[str, dict[str, str]], kinds: dict[str, tuple[Any, ...]], problems: list[str]
) -> None:
    """Each redirect is from an id no record has to one a record of the same kind has."""
    for kind, ids in redirects.items():
        if kind not in kinds:
            problems.append(
                f"{META}: redirects name no registry {kind!r}; registries: {', '.join(kinds)} @ $.redirects"
            )
            continue
        present = {r.id for r in kinds[kind]}
        for old, new in ids.items():
            if old in present:
                problems.append(f"{META}: redirect from {old!r}, which is still an id in {kind} @ $.redirects.{kind}")
            if new not in present:
                problems.append(f"{META}: redirect to {new!r}, which is no id in {kind} @ $.redirects.{kind}")


def _semantic_checks(
    of: Callable[[type], tuple[Any, ...]], files: dict[type, str], broken: dict[type, set[str]], problems: list[str]
) -> None:
    years = {e.year for e in of(Edition)}
    seen_years: dict[int, str] = {}
    for edition in of(Edition):
        if edition.year in seen_years:
            problems.append(
                f"editions.json: record {edition.id!r}: year {edition.year} is already edition "
                f"{seen_years[edition.year]!r} @ $.year"
            )
        seen_years[edition.year] = edition.id

    def need_edition(records: Iterable[Record], get: Callable[[Any], Iterable[tuple[str, int | None]]]) -> None:
        if broken[Edition]:
            return  # the editions' own problems are reported; their years are unknown
        for rec in records:
            for path, year in get(rec):
                if year is not None and year not in years:
                    problems.append(
                        f"{files[type(rec)]}: record {rec.id!r}: no edition {year} in editions.json "
                        f"(editions: {', '.join(map(str, sorted(years)))}) @ $.{path}"
                    )

    for cls in (Pillar, Workstream, Program, Event, Accomplishment):
        need_edition(of(cls), lambda r: [("edition", r.edition)])
    need_edition(of(Organization), lambda r: [(f"roles[{i}].edition", role.edition) for i, role in enumerate(r.roles)])

    numbers: dict[tuple[int, int], str] = {}
    for pillar in of(Pillar):
        key = (pillar.edition, pillar.number)
        if key in numbers:
            problems.append(
                f"pillars.json: record {pillar.id!r}: edition {pillar.edition} already has pillar "
                f"number {pillar.number} ({numbers[key]!r}) @ $.number"
            )
        numbers[key] = pillar.id
    for ws in of(Workstream):
        if ws.pillar is not None and ws.pillar.edition != ws.edition:
            problems.append(
                f"workstreams.json: record {ws.id!r}: edition {ws.edition} differs from its pillar's "
                f"({ws.pillar.id!r}, {ws.pillar.edition}) @ $.edition"
            )
    for action in of(Action):
        if action.workstream is not None and action.workstream.pillar is not action.pillar:
            problems.append(
                f"actions.json: record {action.id!r}: workstream {action.workstream.id!r} is not under "
                f"pillar {action.pillar.id!r} @ $.workstream"
            )
    placed: list[Program | Accomplishment] = [*of(Program), *of(Accomplishment)]
    for rec in placed:
        if rec.pillar is not None and rec.edition is not None and rec.pillar.edition != rec.edition:
            problems.append(
                f"{files[type(rec)]}: record {rec.id!r}: edition {rec.edition} differs from its pillar's "
                f"({rec.pillar.id!r}, {rec.pillar.edition}) @ $.edition"
            )
    _amount_checks(of, files, problems)
    for acc in of(Accomplishment):
        published = {c.source.published for c in acc.sources}
        if acc.reported is not None and acc.reported not in published:
            dates = ", ".join(sorted(str(d) for d in published if d is not None)) or "none dated"
            problems.append(
                f"accomplishments.json: record {acc.id!r}: reported {acc.reported} is not the publication date "
                f"of a source it cites ({dates}) @ $.reported"
            )
    stages = {p.id for p in of(Pillar)} & {w.id for w in of(Workstream)}
    problems.extend(
        f"workstreams.json: record {sid!r}: id is also a pillar id; the crosswalk could not tell them apart @ $.id"
        for sid in sorted(stages)
    )


def _fill_derived(of: Callable[[type], tuple[Any, ...]]) -> None:
    """Link the records others point back to: an edition's pillars, a pillar's workstreams and actions, and so on."""
    # grouped in one pass each (by the identity of the referenced record): linear, not N x M
    by_year: dict[int, list[Pillar]] = {}
    for p in of(Pillar):
        by_year.setdefault(p.edition, []).append(p)
    under: dict[int, list[Workstream | Action]] = {}
    for w in of(Workstream):
        under.setdefault(id(w.pillar), []).append(w)
    for a in of(Action):
        under.setdefault(id(a.pillar), []).append(a)
    in_ws: dict[int, list[Action]] = {}
    for a in of(Action):
        in_ws.setdefault(id(a.workstream), []).append(a)
    set_ = object.__setattr__
    for edition in of(Edition):
        set_(edition, "_back", {"pillars": tuple(by_year.get(edition.year, ()))})
    for pillar in of(Pillar):
        children = under.get(id(pillar), ())
        set_(
            pillar,
            "_back",
            {
                "workstreams": tuple(c for c in children if isinstance(c, Workstream)),
                "actions": tuple(c for c in children if isinstance(c, Action)),
            },
        )
    for ws in of(Workstream):
        set_(ws, "_back", {"actions": tuple(in_ws.get(id(ws), ()))})
    for org in of(Organization):
        set_(org, "_back", {})  # its links to pillars are computed by its registry, on first use


def _meta(raw: Any, problems: list[str]) -> dict[str, Any]:
    """The data's release: its version (required), its date, the cut-off its record runs to, and id redirects."""
    if type(raw) is not dict:
        if raw is not _UNREADABLE:
            problems.append(f'{META}: expected a JSON object like {{"version": "2026.11.0"}} @ $')
        return {}  # a problem is reported: what is returned is never a release
    extra = sorted(set(raw) - {"version", "released", "cutoff", "redirects"})
    if extra:
        known = "version, released, cutoff, redirects"
        problems.append(f"{META}: unknown field(s) {', '.join(map(repr, extra))}; meta fields are: {known} @ $")
    version = raw.get("version")
    if type(version) is not str or not version.strip():
        problems.append(f"{META}: expected a non-empty version string, got {version!r} @ $.version")
    meta: dict[str, Any] = {"version": version}
    for field in ("released", "cutoff"):
        if field in raw:
            try:
                meta[field] = PartialDate.parse(raw[field])
            except (TypeError, ValueError) as exc:
                problems.append(f"{META}: {field} must be a date like '2024-12-31' ({exc}) @ $.{field}")
    redirects = raw.get("redirects", {})
    if type(redirects) is not dict or not all(
        type(ids) is dict and all(type(k) is str and type(v) is str for k, v in ids.items())
        for ids in redirects.values()
    ):
        problems.append(
            f"{META}: redirects must map a registry to old and new ids, "
            f'like {{"organizations": {{"old-id": "new-id"}}}} @ $.redirects'
        )
        redirects = {}
    meta["redirects"] = redirects
    return meta


def build(
    files: dict[str, bytes], kinds: Sequence[tuple[str, type[Record]]]
) -> tuple[dict[str, Any], dict[type, tuple[Record, ...]], tuple[CrosswalkLink, ...]]:
    """Build every record from raw file contents, or raise one `DataError` listing its problems (see `_Problems`).

    *kinds* names each record file and its type, a type's references first. Returns the
    data's release (``version``, and ``cutoff`` where given), the records of each type in
    file order, and the crosswalk's links.
    """
    problems = _Problems()
    try:
        return _build(dict(files), kinds, problems)
    except _Enough:
        # a file of a million bad records would take minutes and gigabytes to list in full
        raise DataError(problems, stopped=True) from None


def _build(
    files: dict[str, bytes], kinds: Sequence[tuple[str, type[Record]]], problems: list[str]
) -> tuple[dict[str, Any], dict[type, tuple[Record, ...]], tuple[CrosswalkLink, ...]]:
    # *files* is emptied file by file: each file's bytes and JSON go once its records are built

    def decoded(name: str) -> Any:
        return _decode(name, files.pop(name), problems)

    meta = _meta(decoded(META), problems)
    tables: dict[type, dict[str, Any]] = {}
    broken: dict[type, set[str]] = {}
    records: dict[type, tuple[Record, ...]] = {}
    for name, cls in kinds:
        records[cls] = _structure_all(cls, name, _record_list(name, decoded(name), problems), tables, broken, problems)
    links = _check_links(_record_list(CROSSWALK, decoded(CROSSWALK), problems), tables, broken, problems)
    _semantic_checks(records.__getitem__, {cls: name for name, cls in kinds}, broken, problems)
    _check_redirects(
        meta.get("redirects", {}), {name.removesuffix(".json"): records[cls] for name, cls in kinds}, problems
    )
    if problems:
        raise DataError(problems)
    _fill_derived(records.__getitem__)
    return meta, records, links
