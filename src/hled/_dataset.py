"""`Dataset`: the registries of one data directory, their typed filters, and the crosswalk."""

from __future__ import annotations

import functools
import json
import os
import threading
import typing
from collections.abc import Callable, Hashable, Iterable
from typing import TYPE_CHECKING, Any, TypeAlias, TypeVar, Union, get_args

from hled._build import Built, build, build_deferred
from hled._codes import COUNTRIES
from hled._gc import paused
from hled._load import FILES, intact, read_bundled, read_directory
from hled._model import Organization, OrganizationKind, Quality, Record, RoleName, Source
from hled._registry import Axis, Registry, Selection
from hled._text import _ascii

if TYPE_CHECKING:
    # the other record types are imported where used: a first organization lookup creates none of them
    from hled._activities import Accomplishment, Event, EventKind
    from hled._agenda import Action, ActionKind, Edition, Pillar, Program, ProgramKind, Workstream, WorkstreamKind
    from hled._crosswalk import Crosswalk
    from hled._dates import Date
    from hled._people import Person

__all__ = ["Dataset", "default", "load"]

T = TypeVar("T")
Many: TypeAlias = Union[T, list[T], tuple[T, ...]]  # noqa: UP007 - a generic runtime alias that works on 3.10
# the same, spelled out with `|`, and quoted: the record types are not imported at run time
EditionArg: TypeAlias = "int | Edition | list[int | Edition] | tuple[int | Edition, ...]"
PillarArg: TypeAlias = "Pillar | str | list[Pillar | str] | tuple[Pillar | str, ...]"
WorkstreamArg: TypeAlias = "Workstream | str | list[Workstream | str] | tuple[Workstream | str, ...]"
OrgArg: TypeAlias = "Organization | str | list[Organization | str] | tuple[Organization | str, ...]"
PersonArg: TypeAlias = "Person | str | list[Person | str] | tuple[Person | str, ...]"
ProgramArg: TypeAlias = "Program | str | list[Program | str] | tuple[Program | str, ...]"
EventArg: TypeAlias = "Event | str | list[Event | str] | tuple[Event | str, ...]"
SourceArg: TypeAlias = "Source | str | list[Source | str] | tuple[Source | str, ...]"
IntArg: TypeAlias = int | list[int] | tuple[int, ...]
StrArg: TypeAlias = str | list[str] | tuple[str, ...]


def resolve_annotations() -> None:
    """Make the filters' type hints evaluable at run time (`typing.get_type_hints`, the API docs).

    The aliases above are strings naming record types this module imports only where
    used; this imports them and puts them, and the aliases they spell, in its namespace.
    """
    from hled._activities import Accomplishment, Event, EventKind
    from hled._agenda import Action, ActionKind, Edition, Pillar, Program, ProgramKind, Workstream, WorkstreamKind
    from hled._people import Person

    def many(t: Any) -> Any:
        return t | list[t] | tuple[t, ...]

    globals().update(
        Accomplishment=Accomplishment,
        Action=Action,
        ActionKind=ActionKind,
        Edition=Edition,
        Event=Event,
        EventKind=EventKind,
        Person=Person,
        Pillar=Pillar,
        Program=Program,
        ProgramKind=ProgramKind,
        Workstream=Workstream,
        WorkstreamKind=WorkstreamKind,
        EditionArg=many(int | Edition),
        PillarArg=many(Pillar | str),
        WorkstreamArg=many(Workstream | str),
        OrgArg=many(Organization | str),
        PersonArg=many(Person | str),
        ProgramArg=many(Program | str),
        EventArg=many(Event | str),
        SourceArg=many(Source | str),
    )


# ---- normalizers: a user's criterion value -> an index key -------------------------------


def _edition(ds: Dataset, value: object) -> Hashable:
    if type(value) is not int:
        from hled._agenda import Edition

        if isinstance(value, Edition):
            value = value.year
    if isinstance(value, bool) or not isinstance(value, int):
        msg = f"edition must be an int year ({_years(ds)}) or an Edition, got {type(value).__name__} {value!r}"
        raise TypeError(msg)
    if value not in ds._edition_years:
        msg = f"edition must be one of {_years(ds)}, got {value!r}"
        raise ValueError(msg)
    return value


def _years(ds: Dataset) -> str:
    return " or ".join(str(y) for y in sorted(ds._edition_years))


def _int(name: str) -> Callable[[Dataset, object], Hashable]:
    def normalize(ds: Dataset, value: object) -> Hashable:
        if isinstance(value, bool) or not isinstance(value, int):
            msg = f"{name} must be an int, got {type(value).__name__} {value!r}"
            raise TypeError(msg)
        return value

    return normalize


def _choice(name: str, allowed: tuple[str, ...]) -> Callable[[Dataset, object], Hashable]:
    def normalize(ds: Dataset, value: object) -> Hashable:
        if not isinstance(value, str):
            msg = f"{name} must be a str, one of {', '.join(map(repr, allowed))}; got {type(value).__name__} {value!r}"
            raise TypeError(msg)
        if value not in allowed:
            msg = f"{name} must be one of {', '.join(map(repr, allowed))}; got {value!r}"
            raise ValueError(msg)
        return value

    return normalize


def _country(ds: Dataset, value: object) -> Hashable:
    if not isinstance(value, str):
        msg = f"country must be an ISO 3166-1 alpha-2 code (a str like 'MX'), got {type(value).__name__} {value!r}"
        raise TypeError(msg)
    code = value.strip().upper()
    if code not in COUNTRIES:
        msg = f"country must be an ISO 3166-1 alpha-2 code like 'US' or 'MX', got {value!r}"
        raise ValueError(msg)
    return code


def _language(ds: Dataset, value: object) -> Hashable:
    if not isinstance(value, str):
        msg = f"language must be an ISO 639-1 code (a str like 'en'), got {type(value).__name__} {value!r}"
        raise TypeError(msg)
    return value.strip().lower()


def _ref(registry: str, criterion: str) -> Callable[[Dataset, object], Hashable]:
    def normalize(ds: Dataset, value: object) -> Hashable:
        reg: Registry[Any] = getattr(ds, registry)
        found: str = reg.resolve(value, criterion).id
        return found

    return normalize


def _composite(ds: Dataset, value: object) -> Hashable:
    return value  # built by OrganizationRegistry from already-normalized parts


# ---- index keys of records ------------------------------------------------------------------


def _ids(records: Iterable[Record]) -> list[str]:
    return [r.id for r in records]


def _opt_id(record: Record | None) -> list[str]:
    return [] if record is None else [record.id]


def _date_years(date: Date | None) -> tuple[int, ...]:
    return () if date is None else date.years


class _Activity:
    # tuples, not sets: a handful of values each, for every organization, person and program
    __slots__ = ("editions", "pillars", "years")

    def __init__(self) -> None:
        self.editions: tuple[int, ...] = ()
        self.years: tuple[int, ...] = ()
        self.pillars: tuple[str, ...] = ()


def _activity(built: Built) -> dict[tuple[type, str], _Activity]:
    """What each organization, person and program is mentioned with: editions, years, pillars."""
    from hled._activities import Accomplishment, Event
    from hled._agenda import Action, Edition, Program

    found: dict[tuple[type, str], _Activity] = {}

    def note(refs: Iterable[Record], edition: int | None, years: Iterable[int], pillars: Iterable[str]) -> None:
        years, pillars = tuple(years), tuple(pillars)
        for ref in refs:
            key = (type(ref), ref.id)
            act = found.get(key)
            if act is None:
                act = found[key] = _Activity()
            if edition is not None and edition not in act.editions:
                act.editions += (edition,)
            for year in years:
                if year not in act.years:
                    act.years += (year,)
            for pillar in pillars:
                if pillar not in act.pillars:
                    act.pillars += (pillar,)

    for ev in built.of(Event):
        note((*ev.organizations, *ev.people, *ev.chairs, *ev.programs), ev.edition, ev.date.years, _ids(ev.pillars))
    for acc in built.of(Accomplishment):
        note((*acc.organizations, *acc.people, *acc.programs), acc.edition, acc.date.years, _opt_id(acc.pillar))
    for act in built.of(Action):
        note((*act.organizations, *act.programs), act.pillar.edition, (), [act.pillar.id])
    for prog in built.of(Program):
        edition = prog.edition if prog.edition is not None else (prog.pillar.edition if prog.pillar else None)
        note(prog.organizations, edition, _date_years(prog.started), _opt_id(prog.pillar))
    for ed in built.of(Edition):
        note(ed.leaders, ed.year, (), ())
    return found


def _by_pillar(act: dict[tuple[type, str], _Activity]) -> tuple[dict[str, set[str]], dict[str, set[int]]]:
    """For each pillar id, the organizations active under it and the years of activity under it."""
    orgs: dict[str, set[str]] = {}
    years: dict[str, set[int]] = {}
    for (cls, rid), a in act.items():
        for pid in a.pillars:
            if cls is Organization:
                orgs.setdefault(pid, set()).add(rid)
            years.setdefault(pid, set()).update(a.years)
    return orgs, years


def _cited_editions(built: Built) -> dict[str, set[int]]:
    """For each source id, the editions of the records that cite it."""
    found: dict[str, set[int]] = {}
    for cls, records in built.everything().items():
        if cls is Source:
            continue
        for rec in records:
            edition = _edition_of(rec)
            if edition is None:
                continue
            for citation in getattr(rec, "sources", ()):
                found.setdefault(citation.source.id, set()).add(edition)
    return found


def _edition_of(rec: Record) -> int | None:
    edition = getattr(rec, "edition", None)  # an Action's is its pillar's
    if isinstance(edition, int):
        return edition
    from hled._agenda import Edition  # not before: this runs for every record an index holds

    return rec.year if isinstance(rec, Edition) else None


# ---- the typed registries -------------------------------------------------------------------


class EditionRegistry(Registry["Edition"]):
    """The editions of the dialogue, by year."""

    __slots__ = ()

    def filter(
        self, *, edition: EditionArg | None = None, year: IntArg | None = None, person: PersonArg | None = None
    ) -> Selection[Edition]:
        """Select editions.

        Args:
            edition: an edition year or `Edition` (or several).
            year: a year the edition was announced, launched or held in.
            person: a leader of the edition.
        """
        return self._select({"edition": edition, "year": year, "person": person})


class PillarRegistry(Registry["Pillar"]):
    """The pillars of both editions, by edition and number."""

    __slots__ = ()

    def filter(
        self,
        *,
        edition: EditionArg | None = None,
        number: IntArg | None = None,
        organization: OrgArg | None = None,
        agency: OrgArg | None = None,
        year: IntArg | None = None,
    ) -> Selection[Pillar]:
        """Select pillars.

        Args:
            edition: an edition year or `Edition`.
            number: the pillar's number within its edition.
            organization: an organization active under the pillar (by its actions, programs,
                events or results); *agency* is the same criterion.
            agency: same as *organization*.
            year: a year with events or results under the pillar.
        """
        return self._select(
            {"edition": edition, "number": number, "organization": organization, "agency": agency, "year": year}
        )


class WorkstreamRegistry(Registry["Workstream"]):
    """The sub-topics, headings and priority areas, by pillar and source order."""

    __slots__ = ()

    def filter(
        self,
        *,
        edition: EditionArg | None = None,
        pillar: PillarArg | None = None,
        kind: Many[WorkstreamKind] | None = None,
        organization: OrgArg | None = None,
        agency: OrgArg | None = None,
    ) -> Selection[Workstream]:
        """Select workstreams.

        Args:
            edition: an edition year or `Edition`.
            pillar: a `Pillar`, its id, or text `hled.pillars.lookup` resolves.
            kind: ``"sub-topic"``, ``"heading"`` or ``"priority-area"``.
            organization: an organization named by the workstream's actions; *agency* is the same.
            agency: same as *organization*.
        """
        return self._select(
            {"edition": edition, "pillar": pillar, "kind": kind, "organization": organization, "agency": agency}
        )


class ActionRegistry(Registry["Action"]):
    """Work-plan lines and initiatives, by pillar and source order."""

    __slots__ = ()

    def filter(
        self,
        *,
        edition: EditionArg | None = None,
        pillar: PillarArg | None = None,
        workstream: WorkstreamArg | None = None,
        kind: Many[ActionKind] | None = None,
        organization: OrgArg | None = None,
        agency: OrgArg | None = None,
        program: ProgramArg | None = None,
        source: SourceArg | None = None,
        year: IntArg | None = None,
    ) -> Selection[Action]:
        """Select actions.

        Args:
            edition: an edition year or `Edition`.
            pillar: a `Pillar`, its id, or text `hled.pillars.lookup` resolves.
            workstream: a `Workstream`, its id or title.
            kind: ``"work-plan-line"`` or ``"initiative"``.
            organization: an organization the action names; *agency* is the same.
            agency: same as *organization*.
            program: a program the action names.
            source: the source document.
            year: the year the action's source was published.
        """
        return self._select(
            {
                "edition": edition,
                "pillar": pillar,
                "workstream": workstream,
                "kind": kind,
                "organization": organization,
                "agency": agency,
                "program": program,
                "source": source,
                "year": year,
            }
        )


class OrganizationRegistry(Registry["Organization"]):
    """Agencies, ministries, embassies, councils and other bodies, by name."""

    __slots__ = ()

    def filter(
        self,
        *,
        edition: EditionArg | None = None,
        role: Many[RoleName] | None = None,
        country: StrArg | None = None,
        kind: Many[OrganizationKind] | None = None,
        pillar: PillarArg | None = None,
        year: IntArg | None = None,
    ) -> Selection[Organization]:
        """Select organizations.

        With both *role* and *edition*, an organization must hold that role in that edition.

        Args:
            edition: an edition the organization holds a role in or is active in.
            role: ``"co-chair"`` or ``"participant"``.
            country: an ISO 3166-1 alpha-2 code, any case.
            kind: what sort of body (``"ministry"``, ``"agency"``, ...).
            pillar: a pillar the organization is active under.
            year: a year with events or results naming the organization.
        """
        return self._select(
            {"edition": edition, "role": role, "country": country, "kind": kind, "pillar": pillar, "year": year}
        )

    def _select(
        self, criteria: dict[str, object], within: tuple[int, ...] | None = None, *, public: bool = False
    ) -> Selection[Organization]:
        if public and any(name.startswith("_") for name in criteria):
            return super()._select(criteria, within, public=True)  # refuses the private name
        role, edition = criteria.get("role"), criteria.get("edition")
        if role is not None and edition is not None:
            roles = role if isinstance(role, (list, tuple)) else [role]
            editions = edition if isinstance(edition, (list, tuple)) else [edition]
            norm_role = self._axes["role"].normalize
            pairs = [(norm_role(self._dataset, r), _edition(self._dataset, e)) for r in roles for e in editions]
            criteria = {k: v for k, v in criteria.items() if k not in ("role", "edition")}
            criteria["_role_in_edition"] = pairs
        return super()._select(criteria, within)


class PersonRegistry(Registry["Person"]):
    """Officials and leaders, by name."""

    __slots__ = ()

    def filter(
        self,
        *,
        edition: EditionArg | None = None,
        country: StrArg | None = None,
        organization: OrgArg | None = None,
        agency: OrgArg | None = None,
        pillar: PillarArg | None = None,
        year: IntArg | None = None,
    ) -> Selection[Person]:
        """Select people.

        Args:
            edition: an edition the person led or took part in.
            country: an ISO 3166-1 alpha-2 code, any case.
            organization: an organization the person held a title in; *agency* is the same.
            agency: same as *organization*.
            pillar: a pillar of events or results naming the person.
            year: a year of events or results naming the person, or of a dated title.
        """
        return self._select(
            {
                "edition": edition,
                "country": country,
                "organization": organization,
                "agency": agency,
                "pillar": pillar,
                "year": year,
            }
        )


class ProgramRegistry(Registry["Program"]):
    """Named programs, projects, working groups, forums and strategies, by name."""

    __slots__ = ()

    def filter(
        self,
        *,
        edition: EditionArg | None = None,
        pillar: PillarArg | None = None,
        organization: OrgArg | None = None,
        agency: OrgArg | None = None,
        kind: Many[ProgramKind] | None = None,
        year: IntArg | None = None,
    ) -> Selection[Program]:
        """Select programs.

        Args:
            edition: an edition year or `Edition`.
            pillar: the pillar the program serves or is reported under.
            organization: an organization running it; *agency* is the same.
            agency: same as *organization*.
            kind: what sort of program (``"project"``, ``"working-group"``, ...).
            year: the year it started, or a year of events or results naming it.
        """
        return self._select(
            {
                "edition": edition,
                "pillar": pillar,
                "organization": organization,
                "agency": agency,
                "kind": kind,
                "year": year,
            }
        )


class EventRegistry(Registry["Event"]):
    """Dated steps of the dialogue, by date."""

    __slots__ = ()

    def filter(
        self,
        *,
        edition: EditionArg | None = None,
        pillar: PillarArg | None = None,
        organization: OrgArg | None = None,
        agency: OrgArg | None = None,
        person: PersonArg | None = None,
        chair: PersonArg | None = None,
        program: ProgramArg | None = None,
        kind: Many[EventKind] | None = None,
        year: IntArg | None = None,
        country: StrArg | None = None,
    ) -> Selection[Event]:
        """Select events.

        Args:
            edition: an edition year or `Edition`.
            pillar: a pillar the event concerns.
            organization: an organization taking part; *agency* is the same.
            agency: same as *organization*.
            person: a person taking part (chairs included).
            chair: a person chairing or leading it.
            program: a program it concerns.
            kind: what sort of step (``"meeting"``, ``"forum"``, ...).
            year: a year the event's date touches.
            country: the country of a taking-part organization or person.
        """
        return self._select(
            {
                "edition": edition,
                "pillar": pillar,
                "organization": organization,
                "agency": agency,
                "person": person,
                "chair": chair,
                "program": program,
                "kind": kind,
                "year": year,
                "country": country,
            }
        )


class AccomplishmentRegistry(Registry["Accomplishment"]):
    """Reported results, by date."""

    __slots__ = ()

    def filter(
        self,
        *,
        edition: EditionArg | None = None,
        pillar: PillarArg | None = None,
        organization: OrgArg | None = None,
        agency: OrgArg | None = None,
        person: PersonArg | None = None,
        program: ProgramArg | None = None,
        event: EventArg | None = None,
        year: IntArg | None = None,
        country: StrArg | None = None,
        source: SourceArg | None = None,
    ) -> Selection[Accomplishment]:
        """Select accomplishments.

        Args:
            edition: an edition year or `Edition`.
            pillar: a `Pillar`, its id, or text `hled.pillars.lookup` resolves.
            organization: an organization that did it; *agency* is the same.
            agency: same as *organization*.
            person: a person named in it.
            program: a program it belongs to.
            event: an event where it happened or was announced.
            year: a year its date touches.
            country: the country of one of its organizations.
            source: a source document citing it.
        """
        return self._select(
            {
                "edition": edition,
                "pillar": pillar,
                "organization": organization,
                "agency": agency,
                "person": person,
                "program": program,
                "event": event,
                "year": year,
                "country": country,
                "source": source,
            }
        )


class SourceRegistry(Registry["Source"]):
    """The documents every fact is cited from, by publication date (undated last)."""

    __slots__ = ()

    def filter(
        self,
        *,
        edition: EditionArg | None = None,
        year: IntArg | None = None,
        quality: Many[Quality] | None = None,
        language: StrArg | None = None,
    ) -> Selection[Source]:
        """Select sources.

        Args:
            edition: an edition whose records the source supports.
            year: the publication year.
            quality: ``"official"``, ``"mirror"``, ``"press"`` or ``"low"``.
            language: an ISO 639-1 code such as ``"en"`` or ``"es"``.
        """
        return self._select({"edition": edition, "year": year, "quality": quality, "language": language})


# ---- the crosswalk --------------------------------------------------------------------------

# ---- the dataset ----------------------------------------------------------------------------


def _sort_name(rec: Any) -> tuple[str, str]:
    return (_ascii(rec.name), rec.id)


def _factories(ds: Dataset, built: Built) -> dict[str, Callable[[], Registry[Any]]]:
    """How to build each registry of *ds*, on first use: a first lookup builds one, not ten."""
    # what the filter axes read, computed when a first filter needs it (a lookup does not)
    act = functools.cache(lambda: _activity(built))
    cited = functools.cache(lambda: _cited_editions(built))
    by_pillar = functools.cache(lambda: _by_pillar(act()))
    none = _Activity()

    def activity(rec: Record) -> _Activity:
        return act().get((type(rec), rec.id), none)

    @functools.cache
    def pillar_key() -> dict[str, tuple[int, int]]:
        from hled._agenda import Pillar

        return {p.id: (p.edition, p.number) for p in built.of(Pillar)}

    position = functools.cache(lambda cls: {r.id: i for i, r in enumerate(built.of(cls))})

    edition = Axis(lambda r: [_edition_of(r)] if _edition_of(r) is not None else [], _edition)
    pillar = Axis(lambda r: _opt_id(r.pillar), _ref("pillars", "pillar"))
    orgs = Axis(lambda r: _ids(r.organizations), _ref("organizations", "organization"))
    programs = Axis(lambda r: _ids(r.programs), _ref("programs", "program"))
    year = Axis(lambda r: r.date.years, _int("year"))
    org_countries = Axis(lambda r: [o.country for o in r.organizations if o.country], _country)

    def kind(cls: type, values: Any) -> Axis:
        return Axis(lambda r: [r.kind], _choice("kind", get_args(values)))

    def make_editions() -> EditionRegistry:
        from hled._agenda import Edition

        return EditionRegistry(
            "edition",
            sorted(built.of(Edition), key=lambda e: e.year),
            {
                "edition": Axis(lambda e: [e.year], _edition),
                "year": Axis(lambda e: {e.year, *_date_years(e.announced), *_date_years(e.launched)}, _int("year")),
                "person": Axis(lambda e: _ids(e.leaders), _ref("people", "person")),
            },
            ds,
        )

    def make_pillars() -> PillarRegistry:
        from hled._agenda import Pillar

        return PillarRegistry(
            "pillar",
            sorted(built.of(Pillar), key=lambda p: pillar_key()[p.id]),
            {
                "edition": edition,
                "number": Axis(lambda p: [p.number], _int("number")),
                "organization": Axis(lambda p: by_pillar()[0].get(p.id, ()), _ref("organizations", "organization")),
                "agency": Axis(lambda p: by_pillar()[0].get(p.id, ()), _ref("organizations", "agency")),
                "year": Axis(lambda p: by_pillar()[1].get(p.id, ()), _int("year")),
            },
            ds,
        )

    @functools.cache
    def ws_orgs() -> dict[str, set[str]]:
        from hled._agenda import Workstream

        return {w.id: {o.id for a in w.actions for o in a.organizations} for w in built.of(Workstream)}

    def make_workstreams() -> WorkstreamRegistry:
        from hled._agenda import Workstream, WorkstreamKind

        return WorkstreamRegistry(
            "workstream",
            sorted(
                built.of(Workstream),
                key=lambda w: (
                    w.edition,
                    pillar_key()[w.pillar.id][1] if w.pillar else 99,
                    position(Workstream)[w.id],
                ),
            ),
            {
                "edition": edition,
                "pillar": pillar,
                "kind": kind(Workstream, WorkstreamKind),
                "organization": Axis(lambda w: ws_orgs()[w.id], _ref("organizations", "organization")),
                "agency": Axis(lambda w: ws_orgs()[w.id], _ref("organizations", "agency")),
            },
            ds,
        )

    def make_actions() -> ActionRegistry:
        from hled._agenda import Action, ActionKind

        return ActionRegistry(
            "action",
            sorted(
                built.of(Action),
                key=lambda a: (*pillar_key()[a.pillar.id], position(Action)[a.id]),
            ),
            {
                "edition": edition,
                "pillar": pillar,
                "workstream": Axis(lambda a: _opt_id(a.workstream), _ref("workstreams", "workstream")),
                "kind": kind(Action, ActionKind),
                "organization": orgs,
                "agency": Axis(orgs.keys, _ref("organizations", "agency")),
                "program": programs,
                "source": Axis(lambda a: _ids(c.source for c in a.sources), _ref("sources", "source")),
                "year": Axis(lambda a: {y for c in a.sources for y in _date_years(c.source.published)}, _int("year")),
            },
            ds,
        )

    def make_organizations() -> OrganizationRegistry:
        return OrganizationRegistry(
            "organization",
            sorted(built.of(Organization), key=_sort_name),
            {
                "edition": Axis(lambda o: {*(r.edition for r in o.roles), *activity(o).editions}, _edition),
                "role": Axis(lambda o: [r.role for r in o.roles], _choice("role", get_args(RoleName))),
                "_role_in_edition": Axis(lambda o: [(r.role, r.edition) for r in o.roles], _composite),
                "country": Axis(lambda o: [o.country] if o.country else [], _country),
                "kind": kind(Organization, OrganizationKind),
                "pillar": Axis(lambda o: activity(o).pillars, _ref("pillars", "pillar")),
                "year": Axis(lambda o: activity(o).years, _int("year")),
            },
            ds,
        )

    person_orgs = Axis(
        lambda p: [pos.organization.id for pos in p.positions if pos.organization is not None],
        _ref("organizations", "organization"),
    )

    def make_people() -> PersonRegistry:
        from hled._people import Person

        return PersonRegistry(
            "person",
            sorted(built.of(Person), key=_sort_name),
            {
                "edition": Axis(lambda p: activity(p).editions, _edition),
                "country": Axis(lambda p: [p.country] if p.country else [], _country),
                "organization": person_orgs,
                "agency": Axis(person_orgs.keys, _ref("organizations", "agency")),
                "pillar": Axis(lambda p: activity(p).pillars, _ref("pillars", "pillar")),
                "year": Axis(
                    lambda p: {
                        *activity(p).years,
                        *(y for pos in p.positions for d in (pos.start, pos.end) for y in _date_years(d)),
                    },
                    _int("year"),
                ),
            },
            ds,
        )

    def make_programs() -> ProgramRegistry:
        from hled._agenda import Program, ProgramKind

        return ProgramRegistry(
            "program",
            sorted(built.of(Program), key=_sort_name),
            {
                "edition": Axis(
                    lambda p: {
                        *([p.edition] if p.edition else []),
                        *([p.pillar.edition] if p.pillar else []),
                        *activity(p).editions,
                    },
                    _edition,
                ),
                "pillar": Axis(lambda p: {*_opt_id(p.pillar), *activity(p).pillars}, _ref("pillars", "pillar")),
                "organization": orgs,
                "agency": Axis(orgs.keys, _ref("organizations", "agency")),
                "kind": kind(Program, ProgramKind),
                "year": Axis(lambda p: {*_date_years(p.started), *activity(p).years}, _int("year")),
            },
            ds,
        )

    def make_events() -> EventRegistry:
        from hled._activities import Event, EventKind

        return EventRegistry(
            "event",
            sorted(built.of(Event), key=lambda e: (e.date, e.id)),
            {
                "edition": edition,
                "pillar": Axis(lambda e: _ids(e.pillars), _ref("pillars", "pillar")),
                "organization": orgs,
                "agency": Axis(orgs.keys, _ref("organizations", "agency")),
                "person": Axis(lambda e: {*_ids(e.people), *_ids(e.chairs)}, _ref("people", "person")),
                "chair": Axis(lambda e: _ids(e.chairs), _ref("people", "chair")),
                "program": programs,
                "kind": kind(Event, EventKind),
                "year": year,
                "country": Axis(
                    lambda e: {x.country for x in (*e.organizations, *e.people, *e.chairs) if x.country},
                    _country,
                ),
            },
            ds,
        )

    def make_accomplishments() -> AccomplishmentRegistry:
        from hled._activities import Accomplishment

        return AccomplishmentRegistry(
            "accomplishment",
            sorted(built.of(Accomplishment), key=lambda a: (a.date, a.id)),
            {
                "edition": edition,
                "pillar": pillar,
                "organization": orgs,
                "agency": Axis(orgs.keys, _ref("organizations", "agency")),
                "person": Axis(lambda a: _ids(a.people), _ref("people", "person")),
                "program": programs,
                "event": Axis(lambda a: _ids(a.events), _ref("events", "event")),
                "year": year,
                "country": org_countries,
                "source": Axis(lambda a: _ids(c.source for c in a.sources), _ref("sources", "source")),
            },
            ds,
        )

    def make_sources() -> SourceRegistry:
        return SourceRegistry(
            "source",
            sorted(
                built.of(Source),
                key=lambda s: (s.published is None, s.published._key() if s.published else (), s.id),
            ),
            {
                "edition": Axis(lambda s: cited().get(s.id, ()), _edition),
                "year": Axis(lambda s: _date_years(s.published), _int("year")),
                "quality": Axis(lambda s: [s.quality], _choice("quality", get_args(Quality))),
                "language": Axis(lambda s: [s.language], _language),
            },
            ds,
        )

    return {
        "editions": make_editions,
        "pillars": make_pillars,
        "workstreams": make_workstreams,
        "actions": make_actions,
        "organizations": make_organizations,
        "people": make_people,
        "programs": make_programs,
        "events": make_events,
        "accomplishments": make_accomplishments,
        "sources": make_sources,
    }


class Dataset:
    """The registries of one data directory: the bundled data, or a user's (`hled.load`).

    Attributes:
        version: the data release, from the data's ``meta.json``.
    """

    __slots__ = (
        "_built",
        "_crosswalk",
        "_digest",
        "_everything",
        "_lock",
        "_made",
        "_make",
        "_making",
        "_views",
        "_years",
        "version",
    )

    def __init__(self, built: Built):
        self.version = built.version
        self._built = built
        self._lock = threading.Lock()
        self._making = threading.Lock()
        self._made: dict[str, Registry[Any]] = {}
        self._make = _factories(self, built)
        self._digest: str | None = None
        self._views: dict[frozenset[str], Dataset] = {}
        self._everything: tuple[Any, tuple[Record, ...]] | None = None
        self._years: frozenset[int] | None = None
        self._crosswalk: Crosswalk | None = None

    def _registry(self, name: str) -> Any:
        found = self._made.get(name)
        if found is None:
            with self._making:
                found = self._made.get(name)
                if found is None:
                    found = self._made[name] = self._make[name]()
        return found

    @property
    def editions(self) -> EditionRegistry:
        """The editions: the 2013 original and the 2021 relaunch."""
        return typing.cast("EditionRegistry", self._registry("editions"))

    @property
    def pillars(self) -> PillarRegistry:
        """The pillars of both editions."""
        return typing.cast("PillarRegistry", self._registry("pillars"))

    @property
    def workstreams(self) -> WorkstreamRegistry:
        """The workstreams (sub-topics, headings, priority areas)."""
        return typing.cast("WorkstreamRegistry", self._registry("workstreams"))

    @property
    def actions(self) -> ActionRegistry:
        """The work-plan lines and initiatives."""
        return typing.cast("ActionRegistry", self._registry("actions"))

    @property
    def organizations(self) -> OrganizationRegistry:
        """The agencies, ministries, embassies, companies and other bodies."""
        return typing.cast("OrganizationRegistry", self._registry("organizations"))

    @property
    def people(self) -> PersonRegistry:
        """The officials and leaders."""
        return typing.cast("PersonRegistry", self._registry("people"))

    @property
    def programs(self) -> ProgramRegistry:
        """The programs, projects, working groups, forums and strategies."""
        return typing.cast("ProgramRegistry", self._registry("programs"))

    @property
    def events(self) -> EventRegistry:
        """The announcements, launches, meetings, reviews and other dated steps."""
        return typing.cast("EventRegistry", self._registry("events"))

    @property
    def accomplishments(self) -> AccomplishmentRegistry:
        """The reported results."""
        return typing.cast("AccomplishmentRegistry", self._registry("accomplishments"))

    @property
    def sources(self) -> SourceRegistry:
        """The cited documents."""
        return typing.cast("SourceRegistry", self._registry("sources"))

    @property
    def _edition_years(self) -> frozenset[int]:
        years = self._years
        if years is None:
            from hled._agenda import Edition

            years = self._years = frozenset(e.year for e in self._built.of(Edition))
        return years

    @property
    def agencies(self) -> OrganizationRegistry:
        """Alias of `organizations`, the word users reach for."""
        return self.organizations

    @property
    def registries(self) -> dict[str, Registry[Any]]:
        """Every registry by its plural name, in the order the data files are built."""
        return {name: getattr(self, name) for name in REGISTRY_NAMES}

    def compare_editions(self) -> Crosswalk:
        """Return the 2013 ↔ 2021 crosswalk of pillars and workstreams (editorial)."""
        found = self._crosswalk
        if found is None:
            from hled._crosswalk import crosswalk

            with self._lock:  # built on first call, once
                found = self._crosswalk
                if found is None:
                    found = self._crosswalk = crosswalk(self._built.links, tuple(self.pillars), tuple(self.workstreams))
        return found

    def search(self, text: str, limit: int = 10) -> list[Record]:
        """Search every registry at once; return records of any type, best first.

        One index over every record ranks them together, so a word's rarity is judged
        across the whole dataset, not within one registry.

        Raises:
            TypeError: *text* is not a string or *limit* not an int.
            ValueError: *limit* is negative.
        """
        from hled._registry import _search_fields
        from hled._text import SearchIndex

        self.pillars._scored(text, limit)  # validates the arguments as every registry does
        if not text.strip() or limit == 0:
            return []
        index = self._everything
        if index is None:
            with self._lock, paused():
                index = self._everything
                if index is None:
                    records = [r for reg in self.registries.values() for r in reg]
                    index = (SearchIndex([list(_search_fields(r)) for r in records]), tuple(records))
                    self._everything = index
        engine, everything = index
        return [everything[doc] for _, doc in engine.query(text, limit)]

    @property
    def digest(self) -> str:
        """A SHA-256 of the data's content (not its formatting): equal data, equal digest."""
        if self._digest is None:
            with self._lock:
                if self._digest is None:
                    payload = json.dumps(self.to_files(), sort_keys=True, ensure_ascii=False, separators=(",", ":"))
                    import hashlib  # not at import: it loads OpenSSL, megabytes few users need

                    self._digest = hashlib.sha256(payload.encode("utf-8")).hexdigest()
        return self._digest

    def supported_by(self, *qualities: Quality) -> Dataset:
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
        view = self._views.get(key)
        if view is None:
            from hled._restrict import restrict

            with self._lock:
                view = self._views.get(key)
                if view is None:
                    view = Dataset(restrict(self.to_files(), self.version, key))
                    self._views[key] = view
        return view

    def to_files(self, *, omit_defaults: bool = False) -> dict[str, Any]:
        """Return the dataset as the contents of its data files (file name -> JSON-ready data)."""
        from hled._convert import unstructure_record, unstructure_value

        files: dict[str, Any] = {}
        for name in REGISTRY_NAMES:
            files[f"{name}.json"] = [unstructure_record(r, omit_defaults=omit_defaults) for r in getattr(self, name)]
        files["crosswalk.json"] = [unstructure_value(link) for link in self._built.links]
        return files

    def __setattr__(self, name: str, value: object) -> None:
        # The default dataset is shared by everything in the process: its registries are set once.
        # a property is looked up on the class: reading it would build its registries
        if not name.startswith("_") and (isinstance(getattr(Dataset, name, None), property) or hasattr(self, name)):
            msg = f"a Dataset is immutable: cannot set {name!r}"
            raise AttributeError(msg)
        object.__setattr__(self, name, value)

    def __delattr__(self, name: str) -> None:
        msg = f"a Dataset is immutable: cannot delete {name!r}"
        raise AttributeError(msg)

    def __repr__(self) -> str:
        counts = ", ".join(f"{len(getattr(self, n))} {n}" for n in REGISTRY_NAMES)
        return f"<Dataset {self.version}: {counts}>"


REGISTRY_NAMES = tuple(name.removesuffix(".json") for name in FILES[1:-1])  # the build order

_default: Dataset | None = None
_default_lock = threading.Lock()


def default() -> Dataset:
    """Return the bundled dataset, loading it on first use (once, whatever the threads).

    Bundled files that are those of the release (`hled._load.intact`) are built a record
    type at a time, when a registry first needs them; any other files are built in full
    at once, with every check, as `load` builds a user's.
    """
    global _default  # noqa: PLW0603 - the one lazily built module state
    ds = _default
    if ds is None:
        with _default_lock:
            ds = _default
            if ds is None:
                ds = _dataset(read_bundled, deferred=True)
                _default = ds
    return ds


def load(path: str | os.PathLike[str]) -> Dataset:
    """Load and fully validate a data directory in the bundled format.

    Raises:
        DataError: the directory is missing, a file is missing or any record is invalid;
            the message names file, record id, field path and value of every problem.
        TypeError: *path* is not a str or path.
    """
    return _dataset(lambda: read_directory(path))


def _dataset(read: Callable[[], dict[str, bytes]], *, deferred: bool = False) -> Dataset:
    """Read and build a dataset, with the cyclic garbage collector paused (`hled._gc.paused`).

    The files are read here, not by the caller, so that the build holds the only
    reference to their bytes and lets them go once decoded (a lower peak of memory).
    With *deferred*, files that pass `intact` are built type by type, on first use.
    """
    with paused():
        held = [read()]
        builder = build_deferred if deferred and intact(held[0]) else build
        return Dataset(builder(held.pop()))  # popped: the build's frame holds the only reference
