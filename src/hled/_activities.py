"""What the dialogue did and reported: events and accomplishments, with the amounts and counts they state."""

from __future__ import annotations

from decimal import Decimal
from typing import Any, Literal, TypeAlias

import attrs

from hled._agenda import Pillar, Program
from hled._codes import CURRENCIES
from hled._compare import Compared
from hled._dates import Date
from hled._model import (
    Citation,
    FieldProblem,
    Organization,
    Record,
    Variant,
    _cited,
    _edition_year,
    _non_negative,
    _slug,
    _summary,
    _text,
    _texts,
)
from hled._people import Person

__all__ = ["Accomplishment", "Count", "Event", "EventKind", "Money"]

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


def _currency(inst: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    if value not in CURRENCIES:
        msg = f"currency must be an ISO 4217 code like 'USD' or 'MXN', got {value!r}"
        raise FieldProblem(attribute.name, msg)


def _decimal(inst: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    if not isinstance(value, Decimal) or not value.is_finite():
        msg = f"value must be a finite Decimal, got {value!r}"
        raise FieldProblem(attribute.name, msg)


@attrs.frozen(kw_only=True, eq=False)
class Money(Compared):
    """An amount of money: an exact decimal value and an ISO 4217 currency code.

    Attributes:
        value: the amount, never a float.
        currency: ISO 4217 code, for example ``"USD"``.
        qualifier: ``"at least"``, ``"over"``, ``"about"`` or ``"up to"`` where the source hedges.
        note: what the amount is for, in a few words, or None.
    """

    value: Decimal = attrs.field(validator=_decimal)
    currency: str = attrs.field(validator=_currency)
    qualifier: Literal["at least", "over", "about", "up to"] | None = None
    note: str | None = attrs.field(default=None, validator=_text)

    def __str__(self) -> str:
        prefix = f"{self.qualifier} " if self.qualifier else ""
        return f"{prefix}{self.currency} {self.value:,}"


@attrs.frozen(kw_only=True, eq=False)
class Count(Compared):
    """A counted quantity: how many of what.

    Attributes:
        value: the number.
        unit: what is counted, for example ``"beneficiaries"``.
        qualifier: ``"at least"``, ``"over"`` or ``"about"`` where the source hedges.
    """

    value: int = attrs.field(validator=_non_negative)
    unit: str = attrs.field(validator=_text)
    qualifier: Literal["at least", "over", "about", "up to"] | None = None

    def __str__(self) -> str:
        prefix = f"{self.qualifier} " if self.qualifier else ""
        return f"{prefix}{self.value:,} {self.unit}"


@attrs.frozen(kw_only=True, eq=False, repr=False)
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

    id: str = attrs.field(validator=_slug)
    date: Date
    kind: EventKind
    title: str = attrs.field(validator=_text)
    title_es: str | None = attrs.field(default=None, validator=_text)
    aliases: tuple[str, ...] = attrs.field(default=(), validator=_texts)
    summary: str = _summary
    place: str | None = attrs.field(default=None, validator=_text)
    format: Literal["in-person", "virtual", "hybrid"] | None = None
    edition: int | None = attrs.field(default=None, validator=_edition_year)
    pillars: tuple[Pillar, ...] = ()
    chairs: tuple[Person, ...] = ()
    people: tuple[Person, ...] = ()
    organizations: tuple[Organization, ...] = ()
    programs: tuple[Program, ...] = ()
    amounts: tuple[Money, ...] = ()
    counts: tuple[Count, ...] = ()
    sources: tuple[Citation, ...] = attrs.field(validator=_cited)
    notes: tuple[str, ...] = attrs.field(default=(), validator=_texts)
    variants: tuple[Variant, ...] = ()


@attrs.frozen(kw_only=True, eq=False, repr=False)
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

    id: str = attrs.field(validator=_slug)
    date: Date
    edition: int = attrs.field(validator=_edition_year)
    pillar: Pillar | None = None
    summary: str = _summary
    organizations: tuple[Organization, ...] = ()
    people: tuple[Person, ...] = ()
    programs: tuple[Program, ...] = ()
    events: tuple[Event, ...] = ()
    places: tuple[str, ...] = attrs.field(default=(), validator=_texts)
    amounts: tuple[Money, ...] = ()
    counts: tuple[Count, ...] = ()
    sources: tuple[Citation, ...] = attrs.field(validator=_cited)
    notes: tuple[str, ...] = attrs.field(default=(), validator=_texts)
    variants: tuple[Variant, ...] = ()
