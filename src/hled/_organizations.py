"""Organizations (agencies, ministries, embassies, councils, companies, universities) and their roles."""

from __future__ import annotations

from typing import Literal, TypeAlias

import attrs

from hled._record import Record, cited, country_code, edition_year, slug, text, texts
from hled._sources import Citation, Variant

__all__ = ["Organization", "OrganizationKind", "Role", "RoleName"]

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


@attrs.frozen(kw_only=True, repr=False)
class Organization(Record):
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
    """

    id: str = attrs.field(validator=slug)
    name: str = attrs.field(validator=text)
    acronym: str | None = attrs.field(default=None, validator=text)
    name_es: str | None = attrs.field(default=None, validator=text)
    country: str | None = attrs.field(validator=country_code)
    kind: OrganizationKind
    aliases: tuple[str, ...] = attrs.field(default=(), validator=texts)
    roles: tuple[Role, ...] = ()
    parent: Organization | None = None
    summary: str | None = attrs.field(default=None, validator=text)
    sources: tuple[Citation, ...] = attrs.field(validator=cited)
    notes: tuple[str, ...] = attrs.field(default=(), validator=texts)
    variants: tuple[Variant, ...] = ()
