"""People and the positions they held."""

from __future__ import annotations

import attrs

from hled._dates import Date
from hled._organizations import Organization
from hled._record import Record, cited, country_code, slug, text, texts
from hled._sources import Citation, Variant

__all__ = ["Person", "Position"]


@attrs.frozen(kw_only=True, repr=False)
class Position:
    """A title a person held, with the organization and the dates where known.

    Attributes:
        title: the title as the source gives it.
        organization: the organization, or None.
        start: when the person held the title from, or None.
        end: until when, or None.
        sources: where the title is stated (defaults to the person's citations).
        note: how the dates were read, for example "as of the 2014 review", or None.
    """

    title: str = attrs.field(validator=text)
    organization: Organization | None = None
    start: Date | None = None
    end: Date | None = None
    sources: tuple[Citation, ...] = ()
    note: str | None = attrs.field(default=None, validator=text)

    def __repr__(self) -> str:
        org = f", organization={self.organization.id!r}" if self.organization else ""
        return f"Position(title={self.title!r}{org})"

    def __str__(self) -> str:
        text = self.title
        if self.organization is not None:
            text += f", {self.organization.name}"
        if self.start is not None or self.end is not None:
            text += f" ({self.start or ''}–{self.end or ''})"
        return text


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
    notes: tuple[str, ...] = attrs.field(default=(), validator=texts)
    variants: tuple[Variant, ...] = ()

    @property
    def latest_title(self) -> str | None:
        """The most recent title the sources give, or None."""
        return self.positions[-1].title if self.positions else None
