"""The ten registries, each declaring its filter criteria once, on its ``filter``'s parameters.

A criterion is ``name: Annotated[type, Criterion(doc, keys, value)] = None``: the typed
keyword a type checker sees, the docstring line (`Registry` writes ``filter``'s ``Args:``
from it, and the command line its help), the index keys of a record, and how a user's
value becomes a key. This module reads those annotations at run time as objects, so it
does without ``from __future__ import annotations`` (whose strings only ``eval`` could read).
"""

import datetime
from collections.abc import Hashable, Iterator
from typing import Annotated, Any, TypeVar, Union

from hled._activities import Accomplishment, Event, EventKind, EventLevel, EventStatus
from hled._agenda import Action, ActionKind, Edition, Pillar, Program, ProgramKind, Workstream, WorkstreamKind
from hled._criteria import (
    AGENCY_DOC,
    BY_ORGANIZATION,
    BY_PLACE,
    BY_QUALITY,
    BY_SOURCE,
    PILLAR_DOC,
    ROLE_IN_EDITION,
    TITLES,
    activity,
    cited_editions,
    date_criteria,
    date_years,
    edition_criterion,
    held_test,
    ids,
    kind_criterion,
    opt_id,
    organization_keys,
    people_by_part,
    pillar_key,
    pillar_orgs,
    pillar_ties,
    pillar_years,
    position_orgs,
    program_keys,
    read_bool,
    read_choice,
    read_country,
    read_integer,
    read_language,
    read_tenure,
    read_title,
    reference_criterion,
    tied_pillars,
    workstream_orgs,
    year_criterion,
)
from hled._dates import Date, DateRange, PartialDate
from hled._organizations import Organization, OrganizationKind, RoleName
from hled._people import Person
from hled._record import Record
from hled._registry import _MISSING, Criterion, Registry, Selection
from hled._sources import Quality, Source
from hled._text import ascii_fold, fold
from hled.errors import AmbiguousLookup, RecordNotFound

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

# ---- the criteria shared by several registries ---------------------------------------------------

EditionArg = Many[Union[int, Edition]]  # noqa: UP007
PillarArg = Many[Union[Pillar, str]]  # noqa: UP007
OrgArg = Many[Union[Organization, str]]  # noqa: UP007
PersonArg = Many[Union[Person, str]]  # noqa: UP007
ProgramArg = Many[Union[Program, str]]  # noqa: UP007
SourceArg = Many[Union[Source, str]]  # noqa: UP007
IntArg = Many[int]
StrArg = Many[str]
DateArg = Union[str, datetime.date, PartialDate, DateRange]  # noqa: UP007
WindowArg = tuple[Union[DateArg, None], Union[DateArg, None]]  # noqa: UP007

# ---- the registries ---------------------------------------------------------------------------------


def by_name(record: Any) -> tuple[str, str]:
    """The order of records known by name: the name without case or accents, then the id."""
    return (ascii_fold(record.name), record.id)


def by_date(record: Any) -> tuple[Date, str]:
    """The order of dated records: the date (a span by its start), then the id."""
    return (record.date, record.id)


class EditionRegistry(Registry[Edition]):
    """The editions of the dialogue, by year."""

    __slots__ = ()

    def get(self, id: str | int, default: Any = _MISSING) -> Any:
        """Return the edition with this *id*, or of this year (``get(2021)``); or *default* if given.

        Raises:
            RecordNotFound: no such id or year and no *default*.
            TypeError: *id* is neither a string nor an int.
        """
        if isinstance(id, int) and not isinstance(id, bool):
            found = self._of_year(id)
            if found is not None or default is not _MISSING:
                return found if found is not None else default
            raise RecordNotFound(str(id), self._kind, tuple(str(e.year) for e in self._records), how="year")
        return super().get(id, default)  # type: ignore[arg-type]  # a bool is refused there, with its message

    def _of_year(self, year: int) -> Edition | None:
        return next((e for e in self._records if e.year == year), None)

    def __contains__(self, item: object) -> bool:
        if isinstance(item, int) and not isinstance(item, bool):
            return self._of_year(item) is not None
        return super().__contains__(item)

    def lookup(self, text: str | int) -> Edition:
        """Return the one edition *text* names (as `Registry.lookup`), or of the year *text* (``lookup(2021)``).

        Raises:
            RecordNotFound: nothing matches; the message suggests close names.
            AmbiguousLookup: both editions match (``"DEAN"``); the message lists them.
            TypeError: *text* is neither a string nor an int.
        """
        if isinstance(text, int) and not isinstance(text, bool):
            found: Edition = self.get(text)
            return found
        return super().lookup(text)  # type: ignore[arg-type]

    @staticmethod
    def _order(e: Edition) -> int:
        return e.year

    def filter(
        self,
        *,
        edition: Annotated[
            EditionArg | None, edition_criterion("an edition, by its year: 2013 or 2021 (or several).")
        ] = None,
        year: Annotated[
            IntArg | None,
            year_criterion(
                "a year the edition was announced, launched or held in.",
                lambda e, ds: {e.year, *date_years(e.announced), *date_years(e.launched)},
            ),
        ] = None,
        person: Annotated[
            PersonArg | None, reference_criterion("a leader of the edition.", lambda e, ds: ids(e.leaders), "people")
        ] = None,
        source: Annotated[SourceArg | None, BY_SOURCE] = None,
        quality: Annotated[Many[Quality] | None, BY_QUALITY] = None,
    ) -> Selection[Edition]:
        """Select editions."""
        return self._select(locals())


class PillarRegistry(Registry[Pillar]):
    """The pillars of both editions, by edition and number."""

    __slots__ = ()

    FORMS = "a pillar is its id, title, Spanish title, alias, or number with its edition: '2021 IV', '2021 Pillar 4'"

    def lookup(self, text: str) -> Pillar:
        """Return the one pillar *text* names: its id, title, Spanish title, alias or numbered name.

        Numbered names: ``"2021 IV"``, ``"2021 4"``, ``"2021 Pillar IV"``; ``"IV"`` and
        ``"Pillar 4"`` alone where only one pillar has that number (``"II"`` lists one of each
        edition); a criterion given with ``edition=`` reads a bare number in that edition.

        Raises:
            RecordNotFound: nothing matches; the message suggests close names and lists the forms.
            AmbiguousLookup: several pillars match; the message lists their ids.
            TypeError: *text* is not a string.
        """
        try:
            return super().lookup(text)
        except RecordNotFound as miss:
            raise RecordNotFound(miss.key, miss.kind, miss.suggestions, miss.how, forms=self.FORMS) from None

    @staticmethod
    def _order(p: Pillar) -> tuple[int, int]:
        return (p.edition, p.number)

    def filter(
        self,
        *,
        edition: Annotated[EditionArg | None, edition_criterion()] = None,
        number: Annotated[
            IntArg | None,
            Criterion("the pillar's number within its edition.", lambda p, ds: [p.number], read_integer, number=True),
        ] = None,
        organization: Annotated[
            OrgArg | None,
            reference_criterion(
                "an organization a record placed under the pillar alone names (`Organization.links`); "
                "*agency* is the same criterion.",
                pillar_orgs,
                "organizations",
            ),
        ] = None,
        agency: Annotated[OrgArg | None, reference_criterion(AGENCY_DOC, pillar_orgs, "organizations")] = None,
        year: Annotated[
            IntArg | None,
            year_criterion(
                "a year with events or results under the pillar.",
                lambda p, ds: ds._computed(pillar_years).get(p.id, ()),
            ),
        ] = None,
        source: Annotated[SourceArg | None, BY_SOURCE] = None,
        quality: Annotated[Many[Quality] | None, BY_QUALITY] = None,
    ) -> Selection[Pillar]:
        """Select pillars."""
        return self._select(locals())


class WorkstreamRegistry(Registry[Workstream]):
    """The sub-topics, headings and priority areas, by pillar and source order."""

    __slots__ = ()

    @staticmethod
    def _order(w: Workstream) -> tuple[int, int]:
        return (w.edition, w.pillar.number if w.pillar else 99)  # then source order

    def filter(
        self,
        *,
        edition: Annotated[EditionArg | None, edition_criterion()] = None,
        pillar: Annotated[PillarArg | None, reference_criterion(PILLAR_DOC, pillar_key, "pillars")] = None,
        kind: Annotated[
            Many[WorkstreamKind] | None,
            kind_criterion(WorkstreamKind, '``"sub-topic"``, ``"heading"`` or ``"priority-area"``.'),
        ] = None,
        organization: Annotated[
            OrgArg | None,
            reference_criterion(
                "an organization named by the workstream's actions; *agency* is the same.",
                workstream_orgs,
                "organizations",
            ),
        ] = None,
        agency: Annotated[OrgArg | None, reference_criterion(AGENCY_DOC, workstream_orgs, "organizations")] = None,
        source: Annotated[SourceArg | None, BY_SOURCE] = None,
        quality: Annotated[Many[Quality] | None, BY_QUALITY] = None,
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
        edition: Annotated[EditionArg | None, edition_criterion()] = None,
        pillar: Annotated[PillarArg | None, reference_criterion(PILLAR_DOC, pillar_key, "pillars")] = None,
        workstream: Annotated[
            Many[Union[Workstream, str]] | None,  # noqa: UP007
            reference_criterion("a `Workstream`, its id or title.", lambda a, ds: opt_id(a.workstream), "workstreams"),
        ] = None,
        kind: Annotated[
            Many[ActionKind] | None, kind_criterion(ActionKind, '``"work-plan-line"`` or ``"initiative"``.')
        ] = None,
        organization: Annotated[
            OrgArg | None,
            reference_criterion(
                "an organization the action names; *agency* is the same.", organization_keys, "organizations"
            ),
        ] = None,
        agency: Annotated[OrgArg | None, reference_criterion(AGENCY_DOC, organization_keys, "organizations")] = None,
        program: Annotated[
            ProgramArg | None, reference_criterion("a program the action names.", program_keys, "programs")
        ] = None,
        source: Annotated[SourceArg | None, BY_SOURCE] = None,
        quality: Annotated[Many[Quality] | None, BY_QUALITY] = None,
        year: Annotated[
            IntArg | None,
            year_criterion(
                "the year the action's source was published.",
                lambda a, ds: {y for c in a.sources for y in date_years(c.source.published)},
            ),
        ] = None,
    ) -> Selection[Action]:
        """Select actions."""
        return self._select(locals())


class OrganizationRegistry(Registry[Organization]):
    """Agencies, ministries, embassies, councils and other bodies, by name."""

    __slots__ = ()

    _order = staticmethod(by_name)

    def filter(
        self,
        *,
        edition: Annotated[
            EditionArg | None,
            edition_criterion(
                "an edition the organization holds a role in or is active in.",
                lambda o, ds: {*(r.edition for r in o.roles), *activity(o, ds).editions},
            ),
        ] = None,
        role: Annotated[
            Many[RoleName] | None,
            Criterion(
                '``"co-chair"`` or ``"participant"``.', lambda o, ds: [r.role for r in o.roles], read_choice(RoleName)
            ),
        ] = None,
        country: Annotated[
            StrArg | None,
            Criterion(
                "an ISO 3166-1 alpha-2 code, any case.", lambda o, ds: [o.country] if o.country else [], read_country
            ),
        ] = None,
        kind: Annotated[
            Many[OrganizationKind] | None,
            kind_criterion(OrganizationKind, 'what sort of body (``"ministry"``, ``"agency"``, ...).'),
        ] = None,
        pillar: Annotated[
            PillarArg | None,
            reference_criterion(
                "a pillar a record placed under it alone ties the organization to (`Organization.links`).",
                tied_pillars,
                "pillars",
            ),
        ] = None,
        year: Annotated[
            IntArg | None,
            year_criterion(
                "a year with events or results naming the organization.", lambda o, ds: activity(o, ds).years
            ),
        ] = None,
        source: Annotated[SourceArg | None, BY_SOURCE] = None,
        quality: Annotated[Many[Quality] | None, BY_QUALITY] = None,
    ) -> Selection[Organization]:
        """Select organizations.

        With both *role* and *edition*, an organization must hold that role in that edition.
        """
        return self._select(locals())

    def _wanted(self, given: dict[str, object]) -> list[tuple[str, Criterion, Hashable, bool]]:
        role, edition = given.get("role"), given.get("edition")
        if role is None or edition is None:
            return super()._wanted(given)
        # both: an organization must hold that role in that edition (any of the pairs, when several)
        rest = {name: value for name, value in given.items() if name not in ("role", "edition")}
        pairs = tuple(
            ROLE_IN_EDITION.value(self._dataset, "role", (r, e))
            for r in (role if isinstance(role, (list, tuple)) else (role,))
            for e in (edition if isinstance(edition, (list, tuple)) else (edition,))
        )
        return [*super()._wanted(rest), ("_role_in_edition", ROLE_IN_EDITION, pairs, True)]

    def _pillar_links(self, org: Organization, pillar: object) -> tuple[Record, ...]:
        """The records that tie *org* to *pillar* (`Organization.links`)."""
        found = self._dataset.pillars.resolve(pillar, "pillar")
        return self._dataset._computed(pillar_ties).get(org.id, {}).get(found.id, ())


def _untitled(text: str) -> Iterator[str]:
    """*text*, then *text* without the title before a name ("Secretary", "Vice President"), word by word."""
    yield text
    words = text.split()
    for count in (1, 2):
        if len(words) > count and fold(" ".join(words[:count])) in TITLES:
            yield " ".join(words[count:])


class PersonRegistry(Registry[Person]):
    """Officials and leaders, by name."""

    __slots__ = ()

    def lookup(self, text: str) -> Person:
        """Return the one person *text* names: as `Registry.lookup`, or by the forms people use.

        A surname ("Blinken", "López Obrador"), a given name and surname ("Marcelo Ebrard"),
        with or without a title before it ("President Obama", "Secretaria Clouthier"). A form
        two people share raises `AmbiguousLookup` listing both.

        Raises:
            RecordNotFound: nothing matches; the message suggests close names.
            AmbiguousLookup: several people match; the message lists their ids.
            TypeError: *text* is not a string.
        """
        try:
            return super().lookup(text)
        except RecordNotFound as miss:
            names, parts = self._lookup or {}, self._dataset._computed(people_by_part)
            for rest in _untitled(text):
                key = fold(rest)
                hits = names.get(key) or parts.get(key, ())
                if len(hits) == 1:
                    return self._records[hits[0]]
                if hits:
                    raise AmbiguousLookup(text, self._kind, tuple(self._records[p].id for p in hits)) from None
            raise miss from None

    _order = staticmethod(by_name)

    def filter(
        self,
        *,
        edition: Annotated[
            EditionArg | None,
            edition_criterion("an edition the person led or took part in.", lambda p, ds: activity(p, ds).editions),
        ] = None,
        country: Annotated[
            StrArg | None,
            Criterion(
                "an ISO 3166-1 alpha-2 code, any case.", lambda p, ds: [p.country] if p.country else [], read_country
            ),
        ] = None,
        organization: Annotated[
            OrgArg | None,
            reference_criterion(
                "an organization the person held a title in; *agency* is the same.", position_orgs, "organizations"
            ),
        ] = None,
        agency: Annotated[OrgArg | None, reference_criterion(AGENCY_DOC, position_orgs, "organizations")] = None,
        pillar: Annotated[
            PillarArg | None,
            reference_criterion(
                "a pillar of events or results naming the person.", lambda p, ds: activity(p, ds).pillars, "pillars"
            ),
        ] = None,
        year: Annotated[
            IntArg | None,
            year_criterion(
                "a year of events or results naming the person, or of a dated title.",
                lambda p, ds: {
                    *activity(p, ds).years,
                    *(y for pos in p.positions for d in (pos.start, pos.end, pos.attested) for y in date_years(d)),
                },
            ),
        ] = None,
        title: Annotated[
            StrArg | None,
            Criterion(
                "a title held, in English or Spanish, word by word: "
                '``"Secretary of Commerce"`` matches "Commerce Secretary", not "Deputy Secretary of Commerce".',
                None,
                read_title,
                test=lambda p, words: held_test(p, (("title", (words,)),)),
            ),
        ] = None,
        on: Annotated[
            DateArg | None,
            Criterion(
                'a day, month, year or span a title was held on (``"2022-09-12"``, ``"Sept 2022"``): from its '
                "stated start (else its first sighting) to its stated end (else its last sighting).",
                None,
                read_tenure,
                test=lambda p, days: held_test(p, (("days", (days,)),)),
            ),
        ] = None,
        between: Annotated[
            WindowArg | None,
            Criterion(
                "a pair ``(START, END)``: a title was held on a day between them, inclusive.",
                None,
                read_tenure,
                test=lambda p, days: held_test(p, (("days", (days,)),)),
                several=False,
            ),
        ] = None,
        source: Annotated[SourceArg | None, BY_SOURCE] = None,
        quality: Annotated[Many[Quality] | None, BY_QUALITY] = None,
    ) -> Selection[Person]:
        """Select people.

        *title*, *organization* (or *agency*), *on* and *between* given together ask about one
        position: who held that title, in that organization, on that day. "Who was Secretary of
        Economy on 12 September 2022?" is ``filter(title="Secretary of Economy", on="2022-09-12")``.
        A date past the data's cut-off (`Dataset.cutoff`) raises ValueError: tenure after it is
        not known.
        """
        return self._select(locals())

    def _wanted(self, given: dict[str, object]) -> list[tuple[str, Criterion, Hashable, bool]]:
        joint = {name: given[name] for name in _POSITION_PARTS if given.get(name) is not None}
        if len(joint) < 2:
            return super()._wanted(given)
        # parts of one position: each position is tested against all of them together
        rest = {name: value for name, value in given.items() if name not in joint}
        groups = tuple(
            (_POSITION_PARTS[name], key if many else (key,)) for name, _, key, many in super()._wanted(joint)
        )
        return [*super()._wanted(rest), ("_position", HELD, groups, False)]


_POSITION_PARTS = {
    "title": "title",
    "organization": "organization",
    "agency": "organization",
    "on": "days",
    "between": "days",
}
HELD = Criterion("a position held with every part given.", None, lambda ds, name, value: value, test=held_test)


class ProgramRegistry(Registry[Program]):
    """Named programs, projects, working groups, forums and strategies, by name."""

    __slots__ = ()

    _order = staticmethod(by_name)

    def filter(
        self,
        *,
        edition: Annotated[
            EditionArg | None,
            edition_criterion(
                keys=lambda p, ds: {
                    *([p.edition] if p.edition else []),
                    *([p.pillar.edition] if p.pillar else []),
                    *activity(p, ds).editions,
                }
            ),
        ] = None,
        pillar: Annotated[
            PillarArg | None,
            reference_criterion(
                "the pillar the program serves or is reported under.",
                lambda p, ds: {*opt_id(p.pillar), *activity(p, ds).pillars},
                "pillars",
            ),
        ] = None,
        organization: Annotated[
            OrgArg | None,
            reference_criterion(
                "an organization running it; *agency* is the same.", organization_keys, "organizations"
            ),
        ] = None,
        agency: Annotated[OrgArg | None, reference_criterion(AGENCY_DOC, organization_keys, "organizations")] = None,
        kind: Annotated[
            Many[ProgramKind] | None,
            kind_criterion(ProgramKind, 'what sort of program (``"project"``, ``"working-group"``, ...).'),
        ] = None,
        year: Annotated[
            IntArg | None,
            year_criterion(
                "the year it started, or a year of events or results naming it.",
                lambda p, ds: {*date_years(p.started), *activity(p, ds).years},
            ),
        ] = None,
        source: Annotated[SourceArg | None, BY_SOURCE] = None,
        quality: Annotated[Many[Quality] | None, BY_QUALITY] = None,
    ) -> Selection[Program]:
        """Select programs."""
        return self._select(locals())


DATED_ON, DATED_BETWEEN = date_criteria("date", "its date")
PUBLISHED_ON, PUBLISHED_BETWEEN = date_criteria("published", "its publication date")
REPORTED_ON, REPORTED_BETWEEN = date_criteria("reported", "the date it was reported")


class EventRegistry(Registry[Event]):
    """Dated steps of the dialogue, by date."""

    __slots__ = ()

    _order = staticmethod(by_date)

    def filter(
        self,
        *,
        edition: Annotated[EditionArg | None, edition_criterion()] = None,
        pillar: Annotated[
            PillarArg | None,
            reference_criterion("a pillar the event concerns.", lambda e, ds: ids(e.pillars), "pillars"),
        ] = None,
        organization: Annotated[
            OrgArg | None,
            reference_criterion(
                "an organization taking part; *agency* is the same.", organization_keys, "organizations"
            ),
        ] = None,
        agency: Annotated[OrgArg | None, reference_criterion(AGENCY_DOC, organization_keys, "organizations")] = None,
        person: Annotated[
            PersonArg | None,
            reference_criterion(
                "a person taking part (chairs included).", lambda e, ds: {*ids(e.people), *ids(e.chairs)}, "people"
            ),
        ] = None,
        chair: Annotated[
            PersonArg | None,
            reference_criterion("a person chairing or leading it.", lambda e, ds: ids(e.chairs), "people"),
        ] = None,
        program: Annotated[
            ProgramArg | None, reference_criterion("a program it concerns.", program_keys, "programs")
        ] = None,
        kind: Annotated[
            Many[EventKind] | None, kind_criterion(EventKind, 'what sort of step (``"meeting"``, ``"forum"``, ...).')
        ] = None,
        year: Annotated[IntArg | None, year_criterion("a year the event's date touches.")] = None,
        country: Annotated[
            StrArg | None,
            Criterion(
                "the country of a taking-part organization or person.",
                lambda e, ds: {x.country for x in (*e.organizations, *e.people, *e.chairs) if x.country},
                read_country,
            ),
        ] = None,
        source: Annotated[SourceArg | None, BY_SOURCE] = None,
        quality: Annotated[Many[Quality] | None, BY_QUALITY] = None,
        place: Annotated[StrArg | None, BY_PLACE] = None,
        on: Annotated[DateArg | None, DATED_ON] = None,
        between: Annotated[WindowArg | None, DATED_BETWEEN] = None,
        status: Annotated[
            Many[EventStatus] | None,
            Criterion(
                '``"held"``, ``"scheduled"``, ``"announced"`` or ``"cancelled"``.',
                lambda e, ds: [e.status],
                read_choice(EventStatus),
            ),
        ] = None,
        level: Annotated[
            Many[EventLevel] | None,
            Criterion(
                'who met, for a meeting of the dialogue: ``"leaders"``, ``"cabinet"``, ``"senior-officials"``, '
                '``"working"`` or ``"public-forum"``; ``level="cabinet"`` gives every cabinet-level meeting of '
                "the dialogue, its launch and relaunch included.",
                lambda e, ds: [e.level] if e.level else [],
                read_choice(EventLevel),
            ),
        ] = None,
        dialogue: Annotated[
            bool | None,
            Criterion(
                "True for the events of the dialogue itself, False for related events of other bodies.",
                lambda e, ds: [e.dialogue],
                read_bool,
            ),
        ] = None,
    ) -> Selection[Event]:
        """Select events."""
        return self._select(locals())


class AccomplishmentRegistry(Registry[Accomplishment]):
    """Reported results, by date."""

    __slots__ = ()

    _order = staticmethod(by_date)

    def filter(
        self,
        *,
        edition: Annotated[EditionArg | None, edition_criterion()] = None,
        pillar: Annotated[PillarArg | None, reference_criterion(PILLAR_DOC, pillar_key, "pillars")] = None,
        organization: Annotated[OrgArg | None, BY_ORGANIZATION] = None,
        agency: Annotated[OrgArg | None, reference_criterion(AGENCY_DOC, organization_keys, "organizations")] = None,
        person: Annotated[
            PersonArg | None, reference_criterion("a person named in it.", lambda a, ds: ids(a.people), "people")
        ] = None,
        program: Annotated[
            ProgramArg | None, reference_criterion("a program it belongs to.", program_keys, "programs")
        ] = None,
        event: Annotated[
            Many[Union[Event, str]] | None,  # noqa: UP007
            reference_criterion("an event where it happened or was announced.", lambda a, ds: ids(a.events), "events"),
        ] = None,
        year: Annotated[IntArg | None, year_criterion("a year its date touches.")] = None,
        country: Annotated[
            StrArg | None,
            Criterion(
                "the country of one of its organizations.",
                lambda a, ds: [o.country for o in a.organizations if o.country],
                read_country,
            ),
        ] = None,
        source: Annotated[SourceArg | None, BY_SOURCE] = None,
        quality: Annotated[Many[Quality] | None, BY_QUALITY] = None,
        place: Annotated[StrArg | None, BY_PLACE] = None,
        on: Annotated[DateArg | None, DATED_ON] = None,
        between: Annotated[WindowArg | None, DATED_BETWEEN] = None,
        reported: Annotated[DateArg | None, REPORTED_ON] = None,
        reported_between: Annotated[WindowArg | None, REPORTED_BETWEEN] = None,
        reported_year: Annotated[
            IntArg | None,
            year_criterion(
                "the year it was reported: each result counts in one year only.", lambda a, ds: date_years(a.reported)
            ),
        ] = None,
    ) -> Selection[Accomplishment]:
        """Select accomplishments.

        A result has two dates: *date*, when it happened (often a span, as "over the past year"),
        and *reported*, the date of the document that reported it. *year*, *on* and *between*
        match every year or day the first may touch, so one result may count in two years;
        *reported_year* counts each result once.
        """
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
            edition_criterion(
                "an edition whose records the source supports.",
                lambda s, ds: ds._computed(cited_editions).get(s.id, ()),
            ),
        ] = None,
        year: Annotated[
            IntArg | None, year_criterion("the publication year.", lambda s, ds: date_years(s.published))
        ] = None,
        quality: Annotated[
            Many[Quality] | None,
            Criterion(
                '``"official"``, ``"mirror"``, ``"press"`` or ``"low"``.',
                lambda s, ds: [s.quality],
                read_choice(Quality),
            ),
        ] = None,
        language: Annotated[
            StrArg | None,
            Criterion('an ISO 639-1 code such as ``"en"`` or ``"es"``.', lambda s, ds: [s.language], read_language),
        ] = None,
        on: Annotated[DateArg | None, PUBLISHED_ON] = None,
        between: Annotated[WindowArg | None, PUBLISHED_BETWEEN] = None,
    ) -> Selection[Source]:
        """Select sources."""
        return self._select(locals())
