"""The fast path's structuring function of every model class (see `hled._fast`).

Generated from the model by ``scripts/make_structurers.py``: do not edit, rerun it
after changing the model (a test fails while this module is stale).

The functions of `hled._model`'s classes are defined here; those of the other model
modules inside one function per module (``_people()`` ...), which imports that module
and returns its functions, so structuring organizations creates no other class.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from hled._fast import (
    Tables,
    _citations,
    _date,
    _decimal,
    _int,
    _keys,
    _lit,
    _many,
    _odate,
    _oint,
    _olit,
    _oref,
    _ostr,
    _ref,
    _refs,
    _stage,
    _str,
    _strs,
    _true,
)
from hled._model import (
    Citation,
    Organization,
    Role,
    Source,
    Variant,
)

__all__ = ["FAMILIES", "MODULES", "NEEDS", "SELF_REFERENCES", "STRUCTURERS"]

_ACCOMPLISHMENT_FIELDS = frozenset(
    {
        "amounts",
        "counts",
        "date",
        "edition",
        "events",
        "id",
        "notes",
        "organizations",
        "people",
        "pillar",
        "places",
        "programs",
        "sources",
        "summary",
        "variants",
    }
)
_ACTION_FIELDS = frozenset(
    {
        "aliases",
        "continues",
        "id",
        "kind",
        "notes",
        "organizations",
        "pillar",
        "programs",
        "sources",
        "summary",
        "title",
        "title_es",
        "workstream",
    }
)
_ACTION_KIND = frozenset({"initiative", "work-plan-line"})
_CITATION_FIELDS = frozenset({"locator", "source"})
_COUNT_FIELDS = frozenset({"qualifier", "unit", "value"})
_COUNT_QUALIFIER = frozenset({"about", "at least", "over", "up to"})
_CROSSWALKLINK_FIELDS = frozenset({"earlier", "editorial", "later", "rationale"})
_EDITION_FIELDS = frozenset(
    {
        "aliases",
        "announced",
        "id",
        "launched",
        "leaders",
        "notes",
        "sources",
        "summary",
        "title",
        "title_es",
        "variants",
        "year",
    }
)
_EVENT_FIELDS = frozenset(
    {
        "aliases",
        "amounts",
        "chairs",
        "counts",
        "date",
        "edition",
        "format",
        "id",
        "kind",
        "notes",
        "organizations",
        "people",
        "pillars",
        "place",
        "programs",
        "sources",
        "summary",
        "title",
        "title_es",
        "variants",
    }
)
_EVENT_FORMAT = frozenset({"hybrid", "in-person", "virtual"})
_EVENT_KIND = frozenset(
    {
        "announcement",
        "exchange",
        "forum",
        "launch",
        "meeting",
        "outreach",
        "relaunch",
        "report",
        "review",
        "signing",
        "statement",
        "summit",
        "training",
        "visit",
        "work-plan",
    }
)
_MONEY_FIELDS = frozenset({"currency", "note", "qualifier", "value"})
_MONEY_QUALIFIER = frozenset({"about", "at least", "over", "up to"})
_ORGANIZATION_FIELDS = frozenset(
    {
        "acronym",
        "aliases",
        "country",
        "id",
        "kind",
        "name",
        "name_es",
        "notes",
        "parent",
        "roles",
        "sources",
        "summary",
        "variants",
    }
)
_ORGANIZATION_KIND = frozenset(
    {
        "agency",
        "business-group",
        "commission",
        "company",
        "council",
        "department",
        "embassy",
        "foundation",
        "government",
        "international",
        "ministry",
        "ngo",
        "office",
        "school",
        "state-government",
        "university",
    }
)
_PERSON_FIELDS = frozenset({"aliases", "country", "id", "name", "notes", "positions", "sources", "summary", "variants"})
_PILLAR_FIELDS = frozenset(
    {
        "aliases",
        "edition",
        "id",
        "notes",
        "number",
        "sources",
        "summary",
        "title",
        "title_es",
        "variants",
    }
)
_POSITION_FIELDS = frozenset({"end", "note", "organization", "sources", "start", "title"})
_PROGRAM_FIELDS = frozenset(
    {
        "acronym",
        "aliases",
        "edition",
        "id",
        "kind",
        "name",
        "name_es",
        "notes",
        "organizations",
        "pillar",
        "sources",
        "started",
        "summary",
        "variants",
    }
)
_PROGRAM_KIND = frozenset(
    {
        "agreement",
        "campaign",
        "committee",
        "council",
        "declaration",
        "forum",
        "forum-series",
        "fund",
        "initiative",
        "law",
        "pledge",
        "program",
        "project",
        "strategy",
        "working-group",
    }
)
_ROLE_FIELDS = frozenset({"edition", "role", "sources"})
_ROLE_ROLE = frozenset({"co-chair", "participant"})
_SOURCE_FIELDS = frozenset(
    {
        "id",
        "language",
        "notes",
        "official_url",
        "published",
        "publisher",
        "quality",
        "summary",
        "title",
        "url",
    }
)
_SOURCE_QUALITY = frozenset({"low", "mirror", "official", "press"})
_VARIANT_FIELDS = frozenset({"field", "note", "sources", "value"})
_WORKSTREAM_FIELDS = frozenset(
    {
        "aliases",
        "edition",
        "id",
        "kind",
        "notes",
        "pillar",
        "sources",
        "summary",
        "title",
        "title_es",
    }
)
_WORKSTREAM_KIND = frozenset({"heading", "priority-area", "sub-topic"})


def citation(r: Any, t: Tables) -> Citation:
    """Structure a valid JSON object into `Citation`; raise anything otherwise."""
    _keys(r, _CITATION_FIELDS)
    return Citation(
        source=_ref(r["source"], t[Source]),
        locator=_ostr(r["locator"]) if "locator" in r else None,
    )


def organization(r: Any, t: Tables) -> Organization:
    """Structure a valid JSON object into `Organization`; raise anything otherwise."""
    _keys(r, _ORGANIZATION_FIELDS)
    return Organization(
        id=_str(r["id"]),
        name=_str(r["name"]),
        acronym=_ostr(r["acronym"]) if "acronym" in r else None,
        name_es=_ostr(r["name_es"]) if "name_es" in r else None,
        country=_ostr(r["country"]),
        kind=_lit(r["kind"], _ORGANIZATION_KIND),
        aliases=_strs(r["aliases"]) if "aliases" in r else (),
        roles=_many(r["roles"], role, t) if "roles" in r else (),
        parent=_oref(r["parent"], t[Organization]) if "parent" in r else None,
        summary=_ostr(r["summary"]) if "summary" in r else None,
        sources=_citations(r["sources"], citation, t),
        notes=_strs(r["notes"]) if "notes" in r else (),
        variants=_many(r["variants"], variant, t) if "variants" in r else (),
    )


def role(r: Any, t: Tables) -> Role:
    """Structure a valid JSON object into `Role`; raise anything otherwise."""
    _keys(r, _ROLE_FIELDS)
    return Role(
        edition=_int(r["edition"]),
        role=_lit(r["role"], _ROLE_ROLE),
        sources=_citations(r["sources"], citation, t),
    )


def source(r: Any, t: Tables) -> Source:
    """Structure a valid JSON object into `Source`; raise anything otherwise."""
    _keys(r, _SOURCE_FIELDS)
    return Source(
        id=_str(r["id"]),
        title=_str(r["title"]),
        publisher=_str(r["publisher"]),
        published=_odate(r["published"]) if "published" in r else None,
        url=_str(r["url"]),
        language=_str(r["language"]),
        quality=_lit(r["quality"], _SOURCE_QUALITY) if "quality" in r else "official",
        official_url=_ostr(r["official_url"]) if "official_url" in r else None,
        summary=_ostr(r["summary"]) if "summary" in r else None,
        notes=_strs(r["notes"]) if "notes" in r else (),
    )


def variant(r: Any, t: Tables) -> Variant:
    """Structure a valid JSON object into `Variant`; raise anything otherwise."""
    _keys(r, _VARIANT_FIELDS)
    return Variant(
        field=_str(r["field"]),
        value=_str(r["value"]),
        sources=_citations(r["sources"], citation, t),
        note=_ostr(r["note"]) if "note" in r else None,
    )


def _activities() -> dict[type, Callable[[Any, Tables], Any]]:
    """The functions of the classes of `hled._activities`, which this imports."""
    from hled._activities import Accomplishment, Count, Event, Money
    from hled._agenda import Pillar, Program
    from hled._people import Person

    def accomplishment(r: Any, t: Tables) -> Accomplishment:
        """Structure a valid JSON object into `Accomplishment`; raise anything otherwise."""
        _keys(r, _ACCOMPLISHMENT_FIELDS)
        return Accomplishment(
            id=_str(r["id"]),
            date=_date(r["date"]),
            edition=_int(r["edition"]),
            pillar=_oref(r["pillar"], t[Pillar]) if "pillar" in r else None,
            summary=_str(r["summary"]),
            organizations=_refs(r["organizations"], t[Organization]) if "organizations" in r else (),
            people=_refs(r["people"], t[Person]) if "people" in r else (),
            programs=_refs(r["programs"], t[Program]) if "programs" in r else (),
            events=_refs(r["events"], t[Event]) if "events" in r else (),
            places=_strs(r["places"]) if "places" in r else (),
            amounts=_many(r["amounts"], money, t) if "amounts" in r else (),
            counts=_many(r["counts"], count, t) if "counts" in r else (),
            sources=_citations(r["sources"], citation, t),
            notes=_strs(r["notes"]) if "notes" in r else (),
            variants=_many(r["variants"], variant, t) if "variants" in r else (),
        )

    def count(r: Any, t: Tables) -> Count:
        """Structure a valid JSON object into `Count`; raise anything otherwise."""
        _keys(r, _COUNT_FIELDS)
        return Count(
            value=_int(r["value"]),
            unit=_str(r["unit"]),
            qualifier=_olit(r["qualifier"], _COUNT_QUALIFIER) if "qualifier" in r else None,
        )

    def event(r: Any, t: Tables) -> Event:
        """Structure a valid JSON object into `Event`; raise anything otherwise."""
        _keys(r, _EVENT_FIELDS)
        return Event(
            id=_str(r["id"]),
            date=_date(r["date"]),
            kind=_lit(r["kind"], _EVENT_KIND),
            title=_str(r["title"]),
            title_es=_ostr(r["title_es"]) if "title_es" in r else None,
            aliases=_strs(r["aliases"]) if "aliases" in r else (),
            summary=_str(r["summary"]),
            place=_ostr(r["place"]) if "place" in r else None,
            format=_olit(r["format"], _EVENT_FORMAT) if "format" in r else None,
            edition=_oint(r["edition"]) if "edition" in r else None,
            pillars=_refs(r["pillars"], t[Pillar]) if "pillars" in r else (),
            chairs=_refs(r["chairs"], t[Person]) if "chairs" in r else (),
            people=_refs(r["people"], t[Person]) if "people" in r else (),
            organizations=_refs(r["organizations"], t[Organization]) if "organizations" in r else (),
            programs=_refs(r["programs"], t[Program]) if "programs" in r else (),
            amounts=_many(r["amounts"], money, t) if "amounts" in r else (),
            counts=_many(r["counts"], count, t) if "counts" in r else (),
            sources=_citations(r["sources"], citation, t),
            notes=_strs(r["notes"]) if "notes" in r else (),
            variants=_many(r["variants"], variant, t) if "variants" in r else (),
        )

    def money(r: Any, t: Tables) -> Money:
        """Structure a valid JSON object into `Money`; raise anything otherwise."""
        _keys(r, _MONEY_FIELDS)
        return Money(
            value=_decimal(r["value"]),
            currency=_str(r["currency"]),
            qualifier=_olit(r["qualifier"], _MONEY_QUALIFIER) if "qualifier" in r else None,
            note=_ostr(r["note"]) if "note" in r else None,
        )

    return {Accomplishment: accomplishment, Count: count, Event: event, Money: money}


def _agenda() -> dict[type, Callable[[Any, Tables], Any]]:
    """The functions of the classes of `hled._agenda`, which this imports."""
    from hled._agenda import Action, CrosswalkLink, Edition, Pillar, Program, Workstream
    from hled._people import Person

    def action(r: Any, t: Tables) -> Action:
        """Structure a valid JSON object into `Action`; raise anything otherwise."""
        _keys(r, _ACTION_FIELDS)
        return Action(
            id=_str(r["id"]),
            pillar=_ref(r["pillar"], t[Pillar]),
            workstream=_oref(r["workstream"], t[Workstream]) if "workstream" in r else None,
            kind=_lit(r["kind"], _ACTION_KIND),
            title=_ostr(r["title"]) if "title" in r else None,
            title_es=_ostr(r["title_es"]) if "title_es" in r else None,
            aliases=_strs(r["aliases"]) if "aliases" in r else (),
            summary=_str(r["summary"]),
            continues=_refs(r["continues"], t[Action]) if "continues" in r else (),
            organizations=_refs(r["organizations"], t[Organization]) if "organizations" in r else (),
            programs=_refs(r["programs"], t[Program]) if "programs" in r else (),
            sources=_citations(r["sources"], citation, t),
            notes=_strs(r["notes"]) if "notes" in r else (),
        )

    def crosswalklink(r: Any, t: Tables) -> CrosswalkLink:
        """Structure a valid JSON object into `CrosswalkLink`; raise anything otherwise."""
        _keys(r, _CROSSWALKLINK_FIELDS)
        return CrosswalkLink(
            earlier=_stage(r["earlier"], t),
            later=_stage(r["later"], t),
            rationale=_str(r["rationale"]),
            editorial=_true(r["editorial"]),
        )

    def edition(r: Any, t: Tables) -> Edition:
        """Structure a valid JSON object into `Edition`; raise anything otherwise."""
        _keys(r, _EDITION_FIELDS)
        return Edition(
            id=_str(r["id"]),
            year=_int(r["year"]),
            title=_str(r["title"]),
            title_es=_ostr(r["title_es"]) if "title_es" in r else None,
            aliases=_strs(r["aliases"]) if "aliases" in r else (),
            summary=_str(r["summary"]),
            announced=_odate(r["announced"]) if "announced" in r else None,
            launched=_odate(r["launched"]) if "launched" in r else None,
            leaders=_refs(r["leaders"], t[Person]) if "leaders" in r else (),
            sources=_citations(r["sources"], citation, t),
            notes=_strs(r["notes"]) if "notes" in r else (),
            variants=_many(r["variants"], variant, t) if "variants" in r else (),
        )

    def pillar(r: Any, t: Tables) -> Pillar:
        """Structure a valid JSON object into `Pillar`; raise anything otherwise."""
        _keys(r, _PILLAR_FIELDS)
        return Pillar(
            id=_str(r["id"]),
            edition=_int(r["edition"]),
            number=_int(r["number"]),
            title=_str(r["title"]),
            title_es=_ostr(r["title_es"]) if "title_es" in r else None,
            aliases=_strs(r["aliases"]) if "aliases" in r else (),
            summary=_str(r["summary"]),
            sources=_citations(r["sources"], citation, t),
            notes=_strs(r["notes"]) if "notes" in r else (),
            variants=_many(r["variants"], variant, t) if "variants" in r else (),
        )

    def program(r: Any, t: Tables) -> Program:
        """Structure a valid JSON object into `Program`; raise anything otherwise."""
        _keys(r, _PROGRAM_FIELDS)
        return Program(
            id=_str(r["id"]),
            name=_str(r["name"]),
            acronym=_ostr(r["acronym"]) if "acronym" in r else None,
            name_es=_ostr(r["name_es"]) if "name_es" in r else None,
            aliases=_strs(r["aliases"]) if "aliases" in r else (),
            kind=_lit(r["kind"], _PROGRAM_KIND),
            summary=_str(r["summary"]),
            organizations=_refs(r["organizations"], t[Organization]) if "organizations" in r else (),
            pillar=_oref(r["pillar"], t[Pillar]) if "pillar" in r else None,
            edition=_oint(r["edition"]) if "edition" in r else None,
            started=_odate(r["started"]) if "started" in r else None,
            sources=_citations(r["sources"], citation, t),
            notes=_strs(r["notes"]) if "notes" in r else (),
            variants=_many(r["variants"], variant, t) if "variants" in r else (),
        )

    def workstream(r: Any, t: Tables) -> Workstream:
        """Structure a valid JSON object into `Workstream`; raise anything otherwise."""
        _keys(r, _WORKSTREAM_FIELDS)
        return Workstream(
            id=_str(r["id"]),
            edition=_int(r["edition"]),
            pillar=_oref(r["pillar"], t[Pillar]) if "pillar" in r else None,
            title=_str(r["title"]),
            title_es=_ostr(r["title_es"]) if "title_es" in r else None,
            kind=_lit(r["kind"], _WORKSTREAM_KIND),
            aliases=_strs(r["aliases"]) if "aliases" in r else (),
            summary=_ostr(r["summary"]) if "summary" in r else None,
            sources=_citations(r["sources"], citation, t),
            notes=_strs(r["notes"]) if "notes" in r else (),
        )

    return {
        Action: action,
        CrosswalkLink: crosswalklink,
        Edition: edition,
        Pillar: pillar,
        Program: program,
        Workstream: workstream,
    }


def _people() -> dict[type, Callable[[Any, Tables], Any]]:
    """The functions of the classes of `hled._people`, which this imports."""
    from hled._people import Person, Position

    def person(r: Any, t: Tables) -> Person:
        """Structure a valid JSON object into `Person`; raise anything otherwise."""
        _keys(r, _PERSON_FIELDS)
        return Person(
            id=_str(r["id"]),
            name=_str(r["name"]),
            country=_ostr(r["country"]) if "country" in r else None,
            aliases=_strs(r["aliases"]) if "aliases" in r else (),
            positions=_many(r["positions"], position, t) if "positions" in r else (),
            summary=_ostr(r["summary"]) if "summary" in r else None,
            sources=_citations(r["sources"], citation, t),
            notes=_strs(r["notes"]) if "notes" in r else (),
            variants=_many(r["variants"], variant, t) if "variants" in r else (),
        )

    def position(r: Any, t: Tables) -> Position:
        """Structure a valid JSON object into `Position`; raise anything otherwise."""
        _keys(r, _POSITION_FIELDS)
        return Position(
            title=_str(r["title"]),
            organization=_oref(r["organization"], t[Organization]) if "organization" in r else None,
            start=_odate(r["start"]) if "start" in r else None,
            end=_odate(r["end"]) if "end" in r else None,
            sources=_citations(r["sources"], citation, t) if "sources" in r else (),
            note=_ostr(r["note"]) if "note" in r else None,
        )

    return {Person: person, Position: position}


# the functions of the classes of hled._model, by class
STRUCTURERS: dict[type, Callable[[Any, Tables], Any]] = {
    Citation: citation,
    Organization: organization,
    Role: role,
    Source: source,
    Variant: variant,
}
# the functions of the other model modules, each returning its classes' functions
FAMILIES: dict[str, Callable[[], dict[type, Callable[[Any, Tables], Any]]]] = {
    "hled._activities": _activities,
    "hled._agenda": _agenda,
    "hled._people": _people,
}
# the module of each record type
MODULES: dict[str, str] = {
    "Source": "hled._model",
    "Edition": "hled._agenda",
    "Organization": "hled._model",
    "Person": "hled._people",
    "Pillar": "hled._agenda",
    "Workstream": "hled._agenda",
    "Program": "hled._agenda",
    "Action": "hled._agenda",
    "Event": "hled._activities",
    "Accomplishment": "hled._activities",
}
# the fields by which records of a type refer to records of that same type
SELF_REFERENCES: dict[str, tuple[str, ...]] = {"Organization": ("parent",), "Action": ("continues",)}
# every record type a type's records (or the crosswalk's links) need, directly or through
# other records, derived fields included: what must be built before or with them
NEEDS: dict[str, tuple[str, ...]] = {
    "Source": (),
    "Edition": ("Source", "Organization", "Person", "Pillar", "Workstream", "Program", "Action"),
    "Organization": ("Source",),
    "Person": ("Source", "Organization"),
    "Pillar": ("Source", "Organization", "Workstream", "Program", "Action"),
    "Workstream": ("Source", "Organization", "Pillar", "Program", "Action"),
    "Program": ("Source", "Organization", "Pillar", "Workstream", "Action"),
    "Action": ("Source", "Organization", "Pillar", "Workstream", "Program"),
    "Event": ("Source", "Organization", "Person", "Pillar", "Workstream", "Program", "Action"),
    "Accomplishment": ("Source", "Organization", "Person", "Pillar", "Workstream", "Program", "Action", "Event"),
    "CrosswalkLink": ("Source", "Organization", "Pillar", "Workstream", "Program", "Action"),
}
