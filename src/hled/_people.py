"""People and the positions they held."""

from __future__ import annotations

import datetime
from typing import Any, Literal

import attrs

from hled._dates import Date, PartialDate, as_span, days_meet
from hled._organizations import Organization
from hled._record import FieldProblem, Record, cited, country_code, own_fields, slug, text, texts
from hled._sources import Citation, Variant

__all__ = ["Person", "Position"]


def _after_start(inst: Position, attribute: attrs.Attribute[Any], value: Date | None) -> None:
    if value is not None and inst.start is not None and value.latest < inst.start.earliest:
        msg = f"{attribute.name} {value} is before start {inst.start}"
        raise FieldProblem(attribute.name, msg)


def _open_end(inst: Position, attribute: attrs.Attribute[Any], value: Date | None) -> None:
    if value is not None and inst.end is not None:
        msg = f"{attribute.name} says the office was held at {value}, but it ended {inst.end}; give one of the two"
        raise FieldProblem(attribute.name, msg)


def _tenure_cited(inst: Position, attribute: attrs.Attribute[Any], value: tuple[Citation, ...]) -> None:
    stated = inst.start is not None or inst.end is not None or inst.still_held is not None
    if stated and not value:
        msg = (
            "a stated start, end or still_held needs the citation that states it in tenure_sources "
            "(in hled 0.1 data, start was the first day a source shows the title: move it to attested, "
            "with that source in attested_by)"
        )
        raise FieldProblem(attribute.name, msg)
    if value and not stated:
        msg = "tenure_sources cite a start, end or still_held, and none is given"
        raise FieldProblem(attribute.name, msg)


def _sightings(inst: Position, attribute: attrs.Attribute[Any], value: tuple[Citation, ...]) -> None:
    if inst.attested is None and value:
        msg = "attested_by cites the sightings of an attested span, and none is given"
        raise FieldProblem(attribute.name, msg)
    if inst.attested is not None and len(value) not in (1, 2):
        msg = f"attested_by must cite the first sighting and the last (1 or 2 citations), got {len(value)}"
        raise FieldProblem(attribute.name, msg)


@attrs.frozen(kw_only=True, repr=False)
class Position:
    """A title a person held: its tenure where a source states it, and the span the sources show it.

    Tenure and evidence are kept apart (``docs/data.md``): *start* and *end* are what a
    source says about the office (appointment, swearing-in, resignation), and None where no
    cited source says; *attested* is the first and last dates on which a cited source shows
    the person with the title.

    Attributes:
        title: the title as the source gives it.
        organization: the organization, or None.
        start: when the person took the office, as a cited source states it, or None.
        end: when they left it, as a cited source states it, or None.
        still_held: the data's cut-off date, where a source shows the office still held then
            and no end is known; None otherwise (the end is then stated, or unknown).
        tenure_sources: where *start*, *end* and *still_held* are stated.
        attested: the first and last dates on which a cited source shows the title (a single
            date where there is one sighting), or None.
        attested_by: the citation of the first sighting, then of the last.
        inferred: the dates above that are worked out from what a source says rather than stated
            by it (a "yesterday" read against the report's date, a term's end read from the
            successor's first day); *note* says how.
        sources: where the title is stated (defaults to the person's citations).
        note: how the dates were read, or None.
    """

    title: str = attrs.field(validator=text)
    organization: Organization | None = None
    start: Date | None = None
    end: Date | None = attrs.field(default=None, validator=_after_start)
    still_held: PartialDate | None = attrs.field(default=None, validator=_open_end)
    tenure_sources: tuple[Citation, ...] = attrs.field(default=(), validator=_tenure_cited)
    attested: Date | None = None
    attested_by: tuple[Citation, ...] = attrs.field(default=(), validator=_sightings)
    inferred: tuple[Literal["start", "end", "still_held", "attested"], ...] = attrs.field(default=(), validator=texts)
    sources: tuple[Citation, ...] = ()
    note: str | None = attrs.field(default=None, validator=text)

    def __repr__(self) -> str:
        org = f", organization={self.organization.id!r}" if self.organization else ""
        return f"Position(title={self.title!r}{org})"

    def __str__(self) -> str:
        text = self.title
        if self.organization is not None:
            text += f", {self.organization.name}"
        parts = []
        if self.start is not None or self.end is not None or self.still_held is not None:
            end = self.end or (f"still held {self.still_held}" if self.still_held else "end not stated")
            parts.append(f"{self.start or 'start not stated'} to {end}")
        if self.attested is not None:
            parts.append(f"seen {self.attested}")
        return text + (f" ({'; '.join(parts)})" if parts else "")

    @property
    def held(self) -> tuple[datetime.date, datetime.date] | None:
        """The first and last days the person is known to hold the title, or None where no date is known.

        From the stated *start* (else the first sighting) to the stated *end* (else *still_held*,
        else the last sighting): what the sources support, never more.
        """
        first = self.start if self.start is not None else self.attested
        last = self.end or self.still_held or self.attested
        if first is None or last is None:
            return None
        return first.earliest, max(last.latest, first.earliest)

    def held_on(self, when: object) -> bool:
        """Whether the title is known to be held on a day of *when* (a date, a partial date, a span or text).

        Raises:
            ValueError: *when* is not a date; the message shows the forms that work.
        """
        return days_meet(self.held, as_span(when))


@attrs.frozen(kw_only=True, repr=False)
class Person(Record):
    """An official or leader named in the sources.

    Attributes:
        name: the name as the sources give it.
        country: ISO alpha-2 code of the country they served, or None.
        positions: the titles they held in the sources, oldest first.
        aliases: other spellings of the name.
    """

    id: str = attrs.field(validator=slug)
    name: str = attrs.field(validator=text)
    country: str | None = attrs.field(default=None, validator=country_code)
    aliases: tuple[str, ...] = attrs.field(default=(), validator=texts)
    positions: tuple[Position, ...] = ()
    summary: str | None = attrs.field(default=None, validator=text)
    sources: tuple[Citation, ...] = attrs.field(validator=cited)
    inferred: tuple[str, ...] = attrs.field(default=(), validator=own_fields)
    notes: tuple[str, ...] = attrs.field(default=(), validator=texts)
    variants: tuple[Variant, ...] = ()

    @property
    def latest_title(self) -> str | None:
        """The most recent title the sources give, or None."""
        return self.positions[-1].title if self.positions else None

    def position_on(self, when: object) -> Position | None:
        """Return the title the person is known to hold on a day of *when*, or None.

        *when* is a `datetime.date`, a `PartialDate`, a `DateRange` or text (``"2022-09-12"``,
        ``"Sept 2022"``, ``"2022"``); a partial date or a span counts if any of its days does.
        Where several titles match, the one taken up last is returned. A title is known to be held
        from its stated start (else its first sighting) to its stated end (else the day it is
        shown still held, else its last sighting).

        Raises:
            ValueError: *when* is not a date, or reaches past the day up to which an office of this
                person is known to be still held (the data's cut-off), so the answer is not known.
        """
        days = as_span(when)
        for position in self.positions:
            if position.still_held is not None and days[1] > position.still_held.latest:
                msg = (
                    f"{self.name} still held {position.title!r} at the data's cut-off {position.still_held};"
                    f" what came after is not in the data: ask about {position.still_held} or earlier"
                )
                raise ValueError(msg)
        held = [p for p in self.positions if p.held_on(when)]
        return max(held, key=lambda p: p.held[0]) if held else None  # type: ignore[index]
