"""Organizations (agencies, ministries, embassies, councils, companies, universities) and their roles."""

from __future__ import annotations

from typing import Any, ClassVar, Literal, TypeAlias

import attrs

from hled._dates import Date, as_span
from hled._record import FieldProblem, Linked, Record, cited, country_code, edition_year, own_fields, slug, text, texts
from hled._sources import Citation, Variant

__all__ = ["Dissolution", "Name", "Organization", "OrganizationKind", "Role", "RoleName"]

RoleName: TypeAlias = Literal["co-chair", "participant"]
OrganizationKind: TypeAlias = Literal[
    "government",
    "department",
    "ministry",
    "agency",
    "office",
    "embassy",
    "council",
    "commission",
    "state-government",
    "company",
    "business-group",
    "university",
    "school",
    "foundation",
    "ngo",
    "international",
]


@attrs.frozen(kw_only=True, repr=False)
class Role:
    """What an organization was in one edition of the dialogue.

    Attributes:
        edition: the edition's year.
        role: ``"co-chair"`` or ``"participant"``.
        sources: where the role is stated.
    """

    edition: int = attrs.field(validator=edition_year)
    role: RoleName
    sources: tuple[Citation, ...] = attrs.field(validator=cited)

    def __repr__(self) -> str:
        return f"Role(edition={self.edition}, role={self.role!r})"

    def _text(self) -> str:
        return f"{self.edition} {self.role}"


def _ends_after_start(inst: Name, attribute: attrs.Attribute[Any], value: Date | None) -> None:
    if value is not None and inst.start is not None and value.latest < inst.start.earliest:
        msg = f"{attribute.name} {value} is before start {inst.start}"
        raise FieldProblem(attribute.name, msg)


@attrs.frozen(kw_only=True, repr=False)
class Name:
    """A name an organization went by, with the dates it was in use where a source states them.

    Attributes:
        name: the name, in English as the sources give it.
        name_es: the official Spanish name, or None.
        acronym: the acronym of that time, or None.
        start: the first day it was in use, as a cited source states it, or None.
        end: the last day it was in use, or None.
        sources: where the name and its dates are stated.
    """

    name: str = attrs.field(validator=text)
    name_es: str | None = attrs.field(default=None, validator=text)
    acronym: str | None = attrs.field(default=None, validator=text)
    start: Date | None = None
    end: Date | None = attrs.field(default=None, validator=_ends_after_start)
    sources: tuple[Citation, ...] = attrs.field(validator=cited)

    def __repr__(self) -> str:
        start, end = (None if d is None else str(d) for d in (self.start, self.end))
        return f"Name(name={self.name!r}, start={start!r}, end={end!r})"

    def _text(self) -> str:
        acronym = f" ({self.acronym})" if self.acronym else ""
        return f"{self.name}{acronym}: {self.start or '…'}–{self.end or '…'}"


@attrs.frozen(kw_only=True, repr=False)
class Dissolution:
    """When a body was dissolved, merged or absorbed, and into what.

    Attributes:
        date: when, to the precision the source gives.
        into: the body that took over its work, or None where none did or none is in the data.
        into_name: that body's name where it is not in the data, or None.
        sources: where this is stated.
    """

    date: Date
    into: Organization | None = None
    into_name: str | None = attrs.field(default=None, validator=text)
    sources: tuple[Citation, ...] = attrs.field(validator=cited)

    def __repr__(self) -> str:
        into = repr(self.into) if self.into is not None else repr(self.into_name)
        return f"Dissolution(date={str(self.date)!r}, into={into})"

    def _text(self) -> str:
        into = self.into.name if self.into is not None else self.into_name
        return f"{self.date}" + (f", into {into}" if into else "")


@attrs.frozen(kw_only=True, repr=False)
class Organization(Linked):
    """An agency, ministry, embassy, council, company, university or international body.

    Attributes:
        name: the name the sources use, exactly.
        acronym: its acronym, or None.
        name_es: its official Spanish name, or None.
        country: ISO 3166-1 alpha-2 code, or None for an international body.
        kind: what sort of body it is.
        aliases: every other name the sources give it.
        roles: its role in each edition, where the sources say.
        parent: the body it belongs to, or None.
        names: every name it went by, oldest first, with the dates each was in use (empty where
            it kept one name); `name_on` reads them.
        dissolved: when it was dissolved or merged, and into what, or None.
    """

    BACK_REFERENCES: ClassVar[tuple[str, ...]] = ()

    id: str = attrs.field(validator=slug)
    name: str = attrs.field(validator=text)
    acronym: str | None = attrs.field(default=None, validator=text)
    name_es: str | None = attrs.field(default=None, validator=text)
    country: str | None = attrs.field(validator=country_code)
    kind: OrganizationKind
    aliases: tuple[str, ...] = attrs.field(default=(), validator=texts)
    roles: tuple[Role, ...] = ()
    parent: Organization | None = None
    names: tuple[Name, ...] = ()
    dissolved: Dissolution | None = None
    summary: str | None = attrs.field(default=None, validator=text)
    sources: tuple[Citation, ...] = attrs.field(validator=cited)
    inferred: tuple[str, ...] = attrs.field(default=(), validator=own_fields)
    notes: tuple[str, ...] = attrs.field(default=(), validator=texts)
    variants: tuple[Variant, ...] = ()

    def name_on(self, when: object) -> str:
        """The name the organization went by on *when* (a date, a partial date, a span or text).

        The dated name in use on the first day of *when*; `name` where no dated name covers it.

        Examples:
            >>> import hled
            >>> hled.organizations.get("sader").name_on("2014-06-27")
            'Secretariat of Agriculture, Livestock, Rural Development, Fisheries and Food'

        Raises:
            ValueError: *when* is not a date; the message shows the forms that work.
        """
        day = as_span(when)[0]
        for name in self.names:
            first = name.start.earliest if name.start is not None else None
            last = name.end.latest if name.end is not None else None
            if (first is None or first <= day) and (last is None or day <= last):
                return name.name
        return self.name

    def links(self, pillar: object) -> tuple[Record, ...]:
        """The records that tie the organization to *pillar*: the reason it is under that pillar.

        A record ties an organization to a pillar when it names the organization and is placed
        under that pillar alone: a result, action, workstream or program of the pillar, or an event
        about that one pillar. An event that covers several pillars ties its participants to none.
        This is what ``hled.organizations.filter(pillar=...)`` counts.

        Args:
            pillar: a `Pillar`, its id, or anything ``hled.pillars.lookup`` resolves.

        Raises:
            RecordNotFound: *pillar* names no pillar.
            ValueError: the organization is detached from a dataset (a copy made with `attrs.evolve`).
        """
        registry = getattr(self, "_back", {}).get("registry")
        if registry is None:
            msg = (
                f"{self.id!r} is not part of a dataset (made or changed by hand), so it has no links;"
                f" use hled.organizations.get({self.id!r})"
            )
            raise ValueError(msg)
        found: tuple[Record, ...] = registry._pillar_links(self, pillar)
        return found
