"""What the dialogue did and reported: events and accomplishments."""

from __future__ import annotations

from typing import Literal, TypeAlias

import attrs

from hled._agenda import Pillar, Program
from hled._dates import Date
from hled._money import Count, Money
from hled._organizations import Organization
from hled._people import Person
from hled._record import Record, cited, distinct, edition_year, slug, text, texts
from hled._sources import Citation, Variant

__all__ = ["Accomplishment", "Event", "EventKind"]

EventKind: TypeAlias = Literal[
    "announcement",
    "launch",
    "meeting",
    "review",
    "relaunch",
    "work-plan",
    "forum",
    "exchange",
    "outreach",
    "signing",
    "statement",
    "visit",
    "summit",
    "report",
    "training",
]


@attrs.frozen(kw_only=True, repr=False)
class Event(Record):
    """A dated step: announcement, launch, meeting, review, forum, work-plan release.

    Attributes:
        date: when, to the precision the source gives (a span for multi-day events).
        kind: what sort of step it was.
        title: a name for the event (the source's own where it has one).
        place: where it happened, or None.
        format: ``"in-person"``, ``"virtual"`` (a video conference) or ``"hybrid"``, where stated.
        edition: the year of the edition it belongs to, or None.
        chairs: who chaired or led it, where the sources say.
        people: everyone named as taking part (chairs included).
        organizations: bodies that took part or hosted.
        amounts: money amounts stated about the event.
        counts: counted quantities, for example the number of engagements.
    """

    id: str = attrs.field(validator=slug)
    date: Date
    kind: EventKind
    title: str = attrs.field(validator=text)
    title_es: str | None = attrs.field(default=None, validator=text)
    aliases: tuple[str, ...] = attrs.field(default=(), validator=texts)
    summary: str = attrs.field(validator=text)
    place: str | None = attrs.field(default=None, validator=text)
    format: Literal["in-person", "virtual", "hybrid"] | None = None
    edition: int | None = attrs.field(default=None, validator=edition_year)
    pillars: tuple[Pillar, ...] = attrs.field(default=(), validator=distinct)
    chairs: tuple[Person, ...] = attrs.field(default=(), validator=distinct)
    people: tuple[Person, ...] = attrs.field(default=(), validator=distinct)
    organizations: tuple[Organization, ...] = attrs.field(default=(), validator=distinct)
    programs: tuple[Program, ...] = attrs.field(default=(), validator=distinct)
    amounts: tuple[Money, ...] = ()
    counts: tuple[Count, ...] = ()
    sources: tuple[Citation, ...] = attrs.field(validator=cited)
    notes: tuple[str, ...] = attrs.field(default=(), validator=texts)
    variants: tuple[Variant, ...] = ()


@attrs.frozen(kw_only=True, repr=False)
class Accomplishment(Record):
    """A reported result, under the pillar where the source places it.

    Attributes:
        date: when, to the precision the source gives.
        edition: the year of the edition it was reported under.
        pillar: the pillar, or None where the source places it under none.
        summary: the result, in this project's words.
        organizations: bodies that did it.
        programs: programs it belongs to.
        events: events where it happened or was announced.
        places: places it concerns, as the source names them.
        amounts: money amounts, each a `Money`.
        counts: counted quantities, each a `Count`.
    """

    id: str = attrs.field(validator=slug)
    date: Date
    edition: int = attrs.field(validator=edition_year)
    pillar: Pillar | None = None
    summary: str = attrs.field(validator=text)
    organizations: tuple[Organization, ...] = attrs.field(default=(), validator=distinct)
    people: tuple[Person, ...] = attrs.field(default=(), validator=distinct)
    programs: tuple[Program, ...] = attrs.field(default=(), validator=distinct)
    events: tuple[Event, ...] = attrs.field(default=(), validator=distinct)
    places: tuple[str, ...] = attrs.field(default=(), validator=texts)
    amounts: tuple[Money, ...] = ()
    counts: tuple[Count, ...] = ()
    sources: tuple[Citation, ...] = attrs.field(validator=cited)
    notes: tuple[str, ...] = attrs.field(default=(), validator=texts)
    variants: tuple[Variant, ...] = ()
