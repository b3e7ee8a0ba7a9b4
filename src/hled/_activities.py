"""What the dialogue did and reported: events and accomplishments."""

from __future__ import annotations

from typing import Any, Literal, TypeAlias

import attrs

from hled._agenda import Pillar, Program
from hled._codes import country_code_of
from hled._dates import Date
from hled._money import Count, Money
from hled._organizations import Organization
from hled._people import Person
from hled._record import FieldProblem, Record, cited, distinct, edition_year, own_fields, slug, text, texts
from hled._sources import Citation, Variant

__all__ = ["Accomplishment", "Event", "EventKind", "EventLevel", "EventStatus"]

EventStatus: TypeAlias = Literal["held", "scheduled", "announced", "cancelled"]
EventLevel: TypeAlias = Literal["leaders", "cabinet", "senior-officials", "working", "public-forum"]

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


def _dialogue_level(inst: Event, attribute: attrs.Attribute[Any], value: EventLevel | None) -> None:
    if value is not None and not inst.dialogue:
        msg = f"level {value!r} is the level of a meeting of the dialogue, and dialogue is false; leave level empty"
        raise FieldProblem(attribute.name, msg)


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
        status: ``"held"`` only where a source says it took place (for a statement or report:
            that it was issued); ``"scheduled"`` or ``"announced"`` where a source only plans or
            announces it; ``"cancelled"``; None where not stated (every bundled event has one).
        dialogue: True where the sources present it as part of the dialogue itself (its launch,
            relaunch, meetings, reviews, work plan, or events held under it); False for another
            body's meeting or a related step reported alongside; None where not stated.
        level: for a meeting of the dialogue, who met: ``"leaders"`` (the presidents),
            ``"cabinet"`` (secretaries, with the vice president who chaired), ``"senior-officials"``,
            ``"working"`` or ``"public-forum"``; None for an event that is not a meeting of the
            dialogue (a document, a statement, another body's meeting), or where no source says.
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
    status: EventStatus | None = None
    dialogue: bool | None = None
    level: EventLevel | None = attrs.field(default=None, validator=_dialogue_level)
    sources: tuple[Citation, ...] = attrs.field(validator=cited)
    inferred: tuple[str, ...] = attrs.field(default=(), validator=own_fields)
    notes: tuple[str, ...] = attrs.field(default=(), validator=texts)
    variants: tuple[Variant, ...] = ()

    def chairs_for(self, country: str) -> tuple[Person, ...]:
        """The chairs who led for one side: *country* as a code (``"MX"``) or a name (``"Mexico"``, ``"México"``).

        Raises:
            ValueError: *country* is not a country's code or name; the message lists the names known.
        """
        code = country_code_of(country)
        return tuple(p for p in self.chairs if p.country == code)


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
        reported: the publication date of the first cited document that reports it (the
            ``reported=`` and ``reported_year=`` criteria count results once, by this date);
            None where no document it cites carries a date.
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
    reported: Date | None = None
    sources: tuple[Citation, ...] = attrs.field(validator=cited)
    inferred: tuple[str, ...] = attrs.field(default=(), validator=own_fields)
    notes: tuple[str, ...] = attrs.field(default=(), validator=texts)
    variants: tuple[Variant, ...] = ()
