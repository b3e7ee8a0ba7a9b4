"""The ten registries, each declaring its filter criteria once, on its ``filter``'s parameters.

A criterion is ``name: Annotated[type, Criterion(doc, keys, value)] = None``: the typed
keyword a type checker sees, the docstring line (`Registry` writes ``filter``'s ``Args:``
from it, and the command line its help), the index keys of a record, and how a user's
value becomes a key. This module reads those annotations at run time as objects, so it
does without ``from __future__ import annotations`` (whose strings only ``eval`` could read).
"""

from collections.abc import Callable, Hashable, Iterable
from typing import TYPE_CHECKING, Annotated, Any, TypeVar, Union, get_args

from hled._activities import Accomplishment, Event, EventKind
from hled._agenda import Action, ActionKind, Edition, Pillar, Program, ProgramKind, Workstream, WorkstreamKind
from hled._codes import COUNTRIES
from hled._dates import Date
from hled._organizations import Organization, OrganizationKind, RoleName
from hled._people import Person
from hled._record import Record
from hled._registry import Criterion, Registry, Selection
from hled._sources import Quality, Source
from hled._text import ascii_fold

if TYPE_CHECKING:
    from hled._dataset import Dataset

__all__ = [
    "AccomplishmentRegistry",
    "ActionRegistry",
    "EditionRegistry",
    "EventRegistry",
    "OrganizationRegistry",
    "PersonRegistry",
    "PillarRegistry",
    "ProgramRegistry",
    "SourceRegistry",
    "WorkstreamRegistry",
]

T = TypeVar("T")
Many = Union[T, list[T], tuple[T, ...]]  # noqa: UP007 - a generic alias: one value, or any of several
Keys = Callable[[Any, "Dataset"], Iterable[Hashable]]

# ---- a user's value -> an index key ------------------------------------------------------------


def _years(ds: "Dataset") -> str:
    return " or ".join(str(y) for y in sorted(ds.edition_years))


def edition_value(ds: "Dataset", name: str, value: object) -> Hashable:
    """An edition year (or `Edition`) of the dataset."""
    if isinstance(value, Edition):
        value = value.year
    if isinstance(value, bool) or not isinstance(value, int):
        msg = f"edition must be an int year ({_years(ds)}) or an Edition, got {type(value).__name__} {value!r}"
        raise TypeError(msg)
    if value not in ds.edition_years:
        msg = f"edition must be one of {_years(ds)}, got {value!r}"
        raise ValueError(msg)
    return value


def _integer(ds: "Dataset", name: str, value: object) -> Hashable:
    if isinstance(value, bool) or not isinstance(value, int):
        msg = f"{name} must be an int, got {type(value).__name__} {value!r}"
        raise TypeError(msg)
    return value


def _choice(allowed_type: Any) -> Callable[["Dataset", str, object], Hashable]:
    allowed = get_args(allowed_type)
    listed = ", ".join(map(repr, allowed))

    def value_of(ds: "Dataset", name: str, value: object) -> Hashable:
        if not isinstance(value, str):
            msg = f"{name} must be a str, one of {listed}; got {type(value).__name__} {value!r}"
            raise TypeError(msg)
        if value not in allowed:
            msg = f"{name} must be one of {listed}; got {value!r}"
            raise ValueError(msg)
        return value

    return value_of


def _country(ds: "Dataset", name: str, value: object) -> Hashable:
    if not isinstance(value, str):
        msg = f"country must be an ISO 3166-1 alpha-2 code (a str like 'MX'), got {type(value).__name__} {value!r}"
        raise TypeError(msg)
    code = value.strip().upper()
    if code not in COUNTRIES:
        msg = f"country must be an ISO 3166-1 alpha-2 code like 'US' or 'MX', got {value!r}"
        raise ValueError(msg)
    return code


def _language(ds: "Dataset", name: str, value: object) -> Hashable:
    if not isinstance(value, str):
        msg = f"language must be an ISO 639-1 code (a str like 'en'), got {type(value).__name__} {value!r}"
        raise TypeError(msg)
    return value.strip().lower()


def _record_of(registry: str) -> Callable[["Dataset", str, object], Hashable]:
    def value_of(ds: "Dataset", name: str, value: object) -> Hashable:
        found: Record = getattr(ds, registry).resolve(value, name)
        return found.id

    return value_of


# ---- the index keys of a record -----------------------------------------------------------------


def _ids(records: Iterable[Record]) -> list[str]:
    return [r.id for r in records]


def _opt_id(record: Record | None) -> list[str]:
    return [] if record is None else [record.id]


def _date_years(date: Date | None) -> tuple[int, ...]:
    return () if date is None else date.years


def edition_of(rec: Record) -> int | None:
    """The year of the edition a record belongs to, or None."""
    edition = getattr(rec, "edition", None)  # an Action's is its pillar's
    if isinstance(edition, int):
        return edition
    return rec.year if isinstance(rec, Edition) else None


def _own_edition(rec: Record, ds: "Dataset") -> list[int]:
    edition = edition_of(rec)
    return [] if edition is None else [edition]


def _pillar(rec: Any, ds: "Dataset") -> list[str]:
    return _opt_id(rec.pillar)


def _organizations(rec: Any, ds: "Dataset") -> list[str]:
    return _ids(rec.organizations)


def _programs(rec: Any, ds: "Dataset") -> list[str]:
    return _ids(rec.programs)


def _kind(rec: Any, ds: "Dataset") -> list[str]:
    return [rec.kind]


def _dated(rec: Any, ds: "Dataset") -> tuple[int, ...]:
    date: Date = rec.date
    return date.years


def _cited_sources(rec: Any, ds: "Dataset") -> list[str]:
    return _ids(c.source for c in rec.sources)


class _Activity:
    """What an organization, person or program is mentioned with: editions, years, pillars."""

    __slots__ = ("editions", "pillars", "years")

    def __init__(self) -> None:
        self.editions: dict[int, None] = {}
        self.years: dict[int, None] = {}
        self.pillars: dict[str, None] = {}


_NO_ACTIVITY = _Activity()


def _activities(ds: "Dataset") -> dict[tuple[type, str], _Activity]:
    found: dict[tuple[type, str], _Activity] = {}

    def note(refs: Iterable[Record], edition: int | None, years: Iterable[int], pillars: Iterable[str]) -> None:
        editions, years, pillars = () if edition is None else (edition,), tuple(years), tuple(pillars)
        for ref in refs:
            act = found.setdefault((type(ref), ref.id), _Activity())
            act.editions.update(dict.fromkeys(editions))
            act.years.update(dict.fromkeys(years))
            act.pillars.update(dict.fromkeys(pillars))

    for ev in ds.records(Event):
        note((*ev.organizations, *ev.people, *ev.chairs, *ev.programs), ev.edition, ev.date.years, _ids(ev.pillars))
    for acc in ds.records(Accomplishment):
        note((*acc.organizations, *acc.people, *acc.programs), acc.edition, acc.date.years, _opt_id(acc.pillar))
    for act in ds.records(Action):
        note((*act.organizations, *act.programs), act.pillar.edition, (), [act.pillar.id])
    for prog in ds.records(Program):
        edition = prog.edition if prog.edition is not None else (prog.pillar.edition if prog.pillar else None)
        note(prog.organizations, edition, _date_years(prog.started), _opt_id(prog.pillar))
    for ed in ds.records(Edition):
        note(ed.leaders, ed.year, (), ())
    return found


def _activity(rec: Record, ds: "Dataset") -> _Activity:
    return ds.derived(_activities).get((type(rec), rec.id), _NO_ACTIVITY)


def _pillar_activity(ds: "Dataset") -> tuple[dict[str, set[str]], dict[str, set[int]]]:
    """For each pillar id, the organizations active under it and the years of activity under it."""
    orgs: dict[str, set[str]] = {}
    years: dict[str, set[int]] = {}
    for (cls, rid), a in ds.derived(_activities).items():
        for pid in a.pillars:
            if cls is Organization:
                orgs.setdefault(pid, set()).add(rid)
            years.setdefault(pid, set()).update(a.years)
    return orgs, years


def _cited_editions(ds: "Dataset") -> dict[str, set[int]]:
    """For each source id, the editions of the records that cite it."""
    found: dict[str, set[int]] = {}
    for cls in ds.record_types:
        for rec in ds.records(cls):
            edition = edition_of(rec)
            if edition is not None and cls is not Source:
                for citation in getattr(rec, "sources", ()):
                    found.setdefault(citation.source.id, set()).add(edition)
    return found


# ---- the criteria shared by several registries ---------------------------------------------------

EditionArg = Many[Union[int, Edition]]  # noqa: UP007
PillarArg = Many[Union[Pillar, str]]  # noqa: UP007
OrgArg = Many[Union[Organization, str]]  # noqa: UP007
PersonArg = Many[Union[Person, str]]  # noqa: UP007
ProgramArg = Many[Union[Program, str]]  # noqa: UP007
SourceArg = Many[Union[Source, str]]  # noqa: UP007
IntArg = Many[int]
StrArg = Many[str]

_PILLAR_DOC = "a `Pillar`, its id, or text `hled.pillars.lookup` resolves."
_AGENCY_DOC = "same as *organization*."


def _edition(doc: str = "an edition year or `Edition`.", keys: Keys = _own_edition) -> Criterion:
    return Criterion(doc, keys, edition_value, number=True)


def _year(doc: str, keys: Keys = _dated) -> Criterion:
    return Criterion(doc, keys, _integer, number=True)


def _reference(doc: str, keys: Keys, registry: str) -> Criterion:
    return Criterion(doc, keys, _record_of(registry))


def _of_kind(kinds: Any, doc: str) -> Criterion:
    return Criterion(doc, _kind, _choice(kinds))


_ORGANIZATIONS = _reference("an organization that did it; *agency* is the same.", _organizations, "organizations")
_BY_SOURCE = _reference("the source document.", _cited_sources, "sources")

# ---- the registries ---------------------------------------------------------------------------------


class EditionRegistry(Registry[Edition]):
    """The editions of the dialogue, by year."""

    __slots__ = ()

    @staticmethod
    def _order(e: Edition) -> int:
        return e.year

    def filter(
        self,
        *,
        edition: Annotated[EditionArg | None, _edition("an edition year or `Edition` (or several).")] = None,
        year: Annotated[
            IntArg | None,
            _year(
                "a year the edition was announced, launched or held in.",
                lambda e, ds: {e.year, *_date_years(e.announced), *_date_years(e.launched)},
            ),
        ] = None,
        person: Annotated[
            PersonArg | None, _reference("a leader of the edition.", lambda e, ds: _ids(e.leaders), "people")
        ] = None,
    ) -> Selection[Edition]:
        """Select editions."""
        return self._select(locals())


def _pillar_orgs(p: Pillar, ds: "Dataset") -> Iterable[str]:
    return ds.derived(_pillar_activity)[0].get(p.id, ())


class PillarRegistry(Registry[Pillar]):
    """The pillars of both editions, by edition and number."""

    __slots__ = ()

    @staticmethod
    def _order(p: Pillar) -> tuple[int, int]:
        return (p.edition, p.number)

    def filter(
        self,
        *,
        edition: Annotated[EditionArg | None, _edition()] = None,
        number: Annotated[
            IntArg | None, _year("the pillar's number within its edition.", lambda p, ds: [p.number])
        ] = None,
        organization: Annotated[
            OrgArg | None,
            _reference(
                "an organization active under the pillar (by its actions, programs, events or results); "
                "*agency* is the same criterion.",
                _pillar_orgs,
                "organizations",
            ),
        ] = None,
        agency: Annotated[OrgArg | None, _reference(_AGENCY_DOC, _pillar_orgs, "organizations")] = None,
        year: Annotated[
            IntArg | None,
            _year(
                "a year with events or results under the pillar.",
                lambda p, ds: ds.derived(_pillar_activity)[1].get(p.id, ()),
            ),
        ] = None,
    ) -> Selection[Pillar]:
        """Select pillars."""
        return self._select(locals())


def _workstream_orgs(w: Workstream, ds: "Dataset") -> set[str]:
    return {o.id for a in w.actions for o in a.organizations}


class WorkstreamRegistry(Registry[Workstream]):
    """The sub-topics, headings and priority areas, by pillar and source order."""

    __slots__ = ()

    @staticmethod
    def _order(w: Workstream) -> tuple[int, int]:
        return (w.edition, w.pillar.number if w.pillar else 99)  # then source order

    def filter(
        self,
        *,
        edition: Annotated[EditionArg | None, _edition()] = None,
        pillar: Annotated[PillarArg | None, _reference(_PILLAR_DOC, _pillar, "pillars")] = None,
        kind: Annotated[
            Many[WorkstreamKind] | None,
            _of_kind(WorkstreamKind, '``"sub-topic"``, ``"heading"`` or ``"priority-area"``.'),
        ] = None,
        organization: Annotated[
            OrgArg | None,
            _reference(
                "an organization named by the workstream's actions; *agency* is the same.",
                _workstream_orgs,
                "organizations",
            ),
        ] = None,
        agency: Annotated[OrgArg | None, _reference(_AGENCY_DOC, _workstream_orgs, "organizations")] = None,
    ) -> Selection[Workstream]:
        """Select workstreams."""
        return self._select(locals())


class ActionRegistry(Registry[Action]):
    """Work-plan lines and initiatives, by pillar and source order."""

    __slots__ = ()

    @staticmethod
    def _order(a: Action) -> tuple[int, int]:
        return (a.pillar.edition, a.pillar.number)  # then source order

    def filter(
        self,
        *,
        edition: Annotated[EditionArg | None, _edition()] = None,
        pillar: Annotated[PillarArg | None, _reference(_PILLAR_DOC, _pillar, "pillars")] = None,
        workstream: Annotated[
            Many[Union[Workstream, str]] | None,  # noqa: UP007
            _reference("a `Workstream`, its id or title.", lambda a, ds: _opt_id(a.workstream), "workstreams"),
        ] = None,
        kind: Annotated[
            Many[ActionKind] | None, _of_kind(ActionKind, '``"work-plan-line"`` or ``"initiative"``.')
        ] = None,
        organization: Annotated[
            OrgArg | None,
            _reference("an organization the action names; *agency* is the same.", _organizations, "organizations"),
        ] = None,
        agency: Annotated[OrgArg | None, _reference(_AGENCY_DOC, _organizations, "organizations")] = None,
        program: Annotated[ProgramArg | None, _reference("a program the action names.", _programs, "programs")] = None,
        source: Annotated[SourceArg | None, _BY_SOURCE] = None,
        year: Annotated[
            IntArg | None,
            _year(
                "the year the action's source was published.",
                lambda a, ds: {y for c in a.sources for y in _date_years(c.source.published)},
            ),
        ] = None,
    ) -> Selection[Action]:
        """Select actions."""
        return self._select(locals())


_ROLE_IN_EDITION = Criterion(
    "a role held in an edition.", lambda o, ds: [(r.role, r.edition) for r in o.roles], _integer
)


class OrganizationRegistry(Registry[Organization]):
    """Agencies, ministries, embassies, councils and other bodies, by name."""

    __slots__ = ()

    @staticmethod
    def _order(rec: Any) -> tuple[str, str]:
        return (ascii_fold(rec.name), rec.id)

    def filter(
        self,
        *,
        edition: Annotated[
            EditionArg | None,
            _edition(
                "an edition the organization holds a role in or is active in.",
                lambda o, ds: {*(r.edition for r in o.roles), *_activity(o, ds).editions},
            ),
        ] = None,
        role: Annotated[
            Many[RoleName] | None,
            Criterion(
                '``"co-chair"`` or ``"participant"``.', lambda o, ds: [r.role for r in o.roles], _choice(RoleName)
            ),
        ] = None,
        country: Annotated[
            StrArg | None,
            Criterion(
                "an ISO 3166-1 alpha-2 code, any case.", lambda o, ds: [o.country] if o.country else [], _country
            ),
        ] = None,
        kind: Annotated[
            Many[OrganizationKind] | None,
            _of_kind(OrganizationKind, 'what sort of body (``"ministry"``, ``"agency"``, ...).'),
        ] = None,
        pillar: Annotated[
            PillarArg | None,
            _reference("a pillar the organization is active under.", lambda o, ds: _activity(o, ds).pillars, "pillars"),
        ] = None,
        year: Annotated[
            IntArg | None,
            _year("a year with events or results naming the organization.", lambda o, ds: _activity(o, ds).years),
        ] = None,
    ) -> Selection[Organization]:
        """Select organizations.

        With both *role* and *edition*, an organization must hold that role in that edition.
        """
        return self._select(locals())

    def _wanted(self, given: dict[str, object]) -> list[tuple[str, Criterion, Hashable, bool]]:
        wanted = super()._wanted(given)
        by_name = {name: (key, many) for name, _, key, many in wanted}
        if "role" in by_name and "edition" in by_name:
            (roles, many_roles), (editions, many_editions) = by_name["role"], by_name["edition"]
            pairs = tuple(
                (r, e)
                for r in (roles if many_roles else (roles,))  # type: ignore[attr-defined]
                for e in (editions if many_editions else (editions,))  # type: ignore[attr-defined]
            )
            wanted = [w for w in wanted if w[0] not in ("role", "edition")]
            wanted.append(("_role_in_edition", _ROLE_IN_EDITION, pairs, True))
        return wanted


def _position_orgs(p: Person, ds: "Dataset") -> list[str]:
    return [pos.organization.id for pos in p.positions if pos.organization is not None]


class PersonRegistry(Registry[Person]):
    """Officials and leaders, by name."""

    __slots__ = ()

    @staticmethod
    def _order(rec: Any) -> tuple[str, str]:
        return (ascii_fold(rec.name), rec.id)

    def filter(
        self,
        *,
        edition: Annotated[
            EditionArg | None,
            _edition("an edition the person led or took part in.", lambda p, ds: _activity(p, ds).editions),
        ] = None,
        country: Annotated[
            StrArg | None,
            Criterion(
                "an ISO 3166-1 alpha-2 code, any case.", lambda p, ds: [p.country] if p.country else [], _country
            ),
        ] = None,
        organization: Annotated[
            OrgArg | None,
            _reference(
                "an organization the person held a title in; *agency* is the same.", _position_orgs, "organizations"
            ),
        ] = None,
        agency: Annotated[OrgArg | None, _reference(_AGENCY_DOC, _position_orgs, "organizations")] = None,
        pillar: Annotated[
            PillarArg | None,
            _reference(
                "a pillar of events or results naming the person.", lambda p, ds: _activity(p, ds).pillars, "pillars"
            ),
        ] = None,
        year: Annotated[
            IntArg | None,
            _year(
                "a year of events or results naming the person, or of a dated title.",
                lambda p, ds: {
                    *_activity(p, ds).years,
                    *(y for pos in p.positions for d in (pos.start, pos.end) for y in _date_years(d)),
                },
            ),
        ] = None,
    ) -> Selection[Person]:
        """Select people."""
        return self._select(locals())


class ProgramRegistry(Registry[Program]):
    """Named programs, projects, working groups, forums and strategies, by name."""

    __slots__ = ()

    @staticmethod
    def _order(rec: Any) -> tuple[str, str]:
        return (ascii_fold(rec.name), rec.id)

    def filter(
        self,
        *,
        edition: Annotated[
            EditionArg | None,
            _edition(
                keys=lambda p, ds: {
                    *([p.edition] if p.edition else []),
                    *([p.pillar.edition] if p.pillar else []),
                    *_activity(p, ds).editions,
                }
            ),
        ] = None,
        pillar: Annotated[
            PillarArg | None,
            _reference(
                "the pillar the program serves or is reported under.",
                lambda p, ds: {*_opt_id(p.pillar), *_activity(p, ds).pillars},
                "pillars",
            ),
        ] = None,
        organization: Annotated[
            OrgArg | None,
            _reference("an organization running it; *agency* is the same.", _organizations, "organizations"),
        ] = None,
        agency: Annotated[OrgArg | None, _reference(_AGENCY_DOC, _organizations, "organizations")] = None,
        kind: Annotated[
            Many[ProgramKind] | None,
            _of_kind(ProgramKind, 'what sort of program (``"project"``, ``"working-group"``, ...).'),
        ] = None,
        year: Annotated[
            IntArg | None,
            _year(
                "the year it started, or a year of events or results naming it.",
                lambda p, ds: {*_date_years(p.started), *_activity(p, ds).years},
            ),
        ] = None,
    ) -> Selection[Program]:
        """Select programs."""
        return self._select(locals())


class EventRegistry(Registry[Event]):
    """Dated steps of the dialogue, by date."""

    __slots__ = ()

    @staticmethod
    def _order(rec: Any) -> tuple[Date, str]:
        return (rec.date, rec.id)

    def filter(
        self,
        *,
        edition: Annotated[EditionArg | None, _edition()] = None,
        pillar: Annotated[
            PillarArg | None, _reference("a pillar the event concerns.", lambda e, ds: _ids(e.pillars), "pillars")
        ] = None,
        organization: Annotated[
            OrgArg | None,
            _reference("an organization taking part; *agency* is the same.", _organizations, "organizations"),
        ] = None,
        agency: Annotated[OrgArg | None, _reference(_AGENCY_DOC, _organizations, "organizations")] = None,
        person: Annotated[
            PersonArg | None,
            _reference(
                "a person taking part (chairs included).", lambda e, ds: {*_ids(e.people), *_ids(e.chairs)}, "people"
            ),
        ] = None,
        chair: Annotated[
            PersonArg | None, _reference("a person chairing or leading it.", lambda e, ds: _ids(e.chairs), "people")
        ] = None,
        program: Annotated[ProgramArg | None, _reference("a program it concerns.", _programs, "programs")] = None,
        kind: Annotated[
            Many[EventKind] | None, _of_kind(EventKind, 'what sort of step (``"meeting"``, ``"forum"``, ...).')
        ] = None,
        year: Annotated[IntArg | None, _year("a year the event's date touches.")] = None,
        country: Annotated[
            StrArg | None,
            Criterion(
                "the country of a taking-part organization or person.",
                lambda e, ds: {x.country for x in (*e.organizations, *e.people, *e.chairs) if x.country},
                _country,
            ),
        ] = None,
    ) -> Selection[Event]:
        """Select events."""
        return self._select(locals())


class AccomplishmentRegistry(Registry[Accomplishment]):
    """Reported results, by date."""

    __slots__ = ()

    @staticmethod
    def _order(rec: Any) -> tuple[Date, str]:
        return (rec.date, rec.id)

    def filter(
        self,
        *,
        edition: Annotated[EditionArg | None, _edition()] = None,
        pillar: Annotated[PillarArg | None, _reference(_PILLAR_DOC, _pillar, "pillars")] = None,
        organization: Annotated[OrgArg | None, _ORGANIZATIONS] = None,
        agency: Annotated[OrgArg | None, _reference(_AGENCY_DOC, _organizations, "organizations")] = None,
        person: Annotated[
            PersonArg | None, _reference("a person named in it.", lambda a, ds: _ids(a.people), "people")
        ] = None,
        program: Annotated[ProgramArg | None, _reference("a program it belongs to.", _programs, "programs")] = None,
        event: Annotated[
            Many[Union[Event, str]] | None,  # noqa: UP007
            _reference("an event where it happened or was announced.", lambda a, ds: _ids(a.events), "events"),
        ] = None,
        year: Annotated[IntArg | None, _year("a year its date touches.")] = None,
        country: Annotated[
            StrArg | None,
            Criterion(
                "the country of one of its organizations.",
                lambda a, ds: [o.country for o in a.organizations if o.country],
                _country,
            ),
        ] = None,
        source: Annotated[
            SourceArg | None, _reference("a source document citing it.", _cited_sources, "sources")
        ] = None,
    ) -> Selection[Accomplishment]:
        """Select accomplishments."""
        return self._select(locals())


class SourceRegistry(Registry[Source]):
    """The documents every fact is cited from, by publication date (undated last)."""

    __slots__ = ()

    @staticmethod
    def _order(s: Source) -> tuple[bool, tuple[int, ...], str]:
        return (s.published is None, s.published._key() if s.published else (), s.id)

    def filter(
        self,
        *,
        edition: Annotated[
            EditionArg | None,
            _edition(
                "an edition whose records the source supports.",
                lambda s, ds: ds.derived(_cited_editions).get(s.id, ()),
            ),
        ] = None,
        year: Annotated[IntArg | None, _year("the publication year.", lambda s, ds: _date_years(s.published))] = None,
        quality: Annotated[
            Many[Quality] | None,
            Criterion(
                '``"official"``, ``"mirror"``, ``"press"`` or ``"low"``.', lambda s, ds: [s.quality], _choice(Quality)
            ),
        ] = None,
        language: Annotated[
            StrArg | None,
            Criterion('an ISO 639-1 code such as ``"en"`` or ``"es"``.', lambda s, ds: [s.language], _language),
        ] = None,
    ) -> Selection[Source]:
        """Select sources."""
        return self._select(locals())
