"""The shared parts of the model, and the records every other record refers to.

Every record is a frozen, slotted attrs class. References between records hold
the referenced records themselves (the data files store ids; the loader resolves
them). Fields marked *derived* are filled by the loader from other records'
references and are not stored in the data files.

This module holds the field checks, `Record`, the values every record holds
(`Citation`, `Variant`) and the records that refer to no other kind:
`Source`, and `Organization` with its `Role`. The other record types live in
`hled._people`, `hled._agenda` and `hled._activities`, imported when first used:
creating an attrs class costs more than building a hundred records, so a first
organization lookup creates only the classes it returns.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any, ClassVar, Literal, TypeAlias, get_args, get_origin

import attrs

from hled._codes import COUNTRIES
from hled._compare import Compared
from hled._dates import Date

__all__ = [
    "Citation",
    "FieldProblem",
    "Organization",
    "OrganizationKind",
    "Quality",
    "Record",
    "Role",
    "RoleName",
    "Source",
    "Variant",
    "reference_target",
]

RoleName: TypeAlias = Literal["co-chair", "participant"]
Quality: TypeAlias = Literal["official", "mirror", "press", "low"]
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

_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_Check: TypeAlias = Callable[[Any, "attrs.Attribute[Any]", Any], None]


class FieldProblem(ValueError):
    """A validator's complaint about one field; the loader adds the field to the problem's path."""

    def __init__(self, field: str, message: str):
        self.field = field
        super().__init__(message)


def _on_field(check: _Check) -> _Check:
    """Make *check* raise `FieldProblem` naming the field, so a DataError can say ``@ $.field``."""

    def run(inst: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        try:
            check(inst, attribute, value)
        except ValueError as exc:
            raise FieldProblem(attribute.name, str(exc.args[0])) from None

    return run


def _slug(inst: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    if not _SLUG.fullmatch(value):
        msg = f"{attribute.name} must be a lowercase ASCII slug like 'usaid' or '2021-pillar-1', got {value!r}"
        raise FieldProblem(attribute.name, msg)


def _text(inst: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    if value is not None and (not value or value.strip() != value):
        msg = f"{attribute.name} must be non-empty text without outer spaces, got {value!r}"
        raise FieldProblem(attribute.name, msg)


def _texts(inst: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    for text in value:
        if not text or text.strip() != text:
            msg = f"{attribute.name} must hold non-empty texts without outer spaces, got {text!r}"
            raise FieldProblem(attribute.name, msg)
    if len(set(value)) != len(value):
        msg = f"{attribute.name} repeats an entry: {value!r}"
        raise FieldProblem(attribute.name, msg)


def _country(inst: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    if value is not None and value not in COUNTRIES:
        msg = f"{attribute.name} must be an ISO 3166-1 alpha-2 code like 'US' or 'MX', got {value!r}"
        raise FieldProblem(attribute.name, msg)


def _non_negative(inst: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    if value < 0:
        msg = f"{attribute.name} must be 0 or more, got {value!r}"
        raise FieldProblem(attribute.name, msg)


def _positive(inst: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    if value < 1:
        msg = f"{attribute.name} must be 1 or more, got {value!r}"
        raise FieldProblem(attribute.name, msg)


def _edition_year(inst: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    if value is not None and not 1900 <= value <= 2100:
        msg = f"{attribute.name} must be the year of an edition, got {value!r}"
        raise FieldProblem(attribute.name, msg)


def _cited(inst: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    if not value:
        msg = "every record needs at least one citation in sources"
        raise FieldProblem(attribute.name, msg)


_summary = attrs.field(validator=_text)


class Record(Compared):
    """Behaviour shared by every record: equality by value, a short repr and an HTML table for notebooks."""

    __slots__ = ()
    __attrs_attrs__: ClassVar[Any]

    id: str

    def _label(self) -> str:
        for name in ("title", "name", "summary"):
            value = getattr(self, name, None)
            if isinstance(value, str):
                return value
        return self.id  # pragma: no cover - every record type has one of the above

    def __repr__(self) -> str:
        label = self._label()
        if len(label) > 70:
            label = label[:67] + "..."
        return f"{type(self).__name__}(id={self.id!r}, {label!r})"

    def _repr_html_(self) -> str:
        from hled._frame import record_html

        return record_html(self)


@attrs.frozen(kw_only=True, eq=False, repr=False)
class Citation(Compared):
    """Where a fact comes from: a source document and a place inside it.

    Attributes:
        source: the cited `Source` record.
        locator: the section, heading or bullet inside the source, or None.
    """

    source: Source
    locator: str | None = attrs.field(default=None, validator=_text)

    def __str__(self) -> str:
        return self.source.id + (f" ({self.locator})" if self.locator else "")

    def __repr__(self) -> str:
        return f"Citation({self.source.id!r}, locator={self.locator!r})"


@attrs.frozen(kw_only=True, eq=False, repr=False)
class Variant(Compared):
    """A value another source gives for one field, kept rather than silently resolved.

    Attributes:
        field: the record's field the variant is for, for example ``"date"`` or ``"place"``.
        value: the other value, as that source gives it.
        sources: where the other value is stated.
        note: why it differs or which is preferred, or None.
    """

    field: str = attrs.field(validator=_text)
    value: str = attrs.field(validator=_text)
    sources: tuple[Citation, ...] = attrs.field(validator=_cited)
    note: str | None = attrs.field(default=None, validator=_text)

    def __repr__(self) -> str:
        return f"Variant({self.field!r}, {self.value!r})"


@attrs.frozen(kw_only=True, eq=False, repr=False)
class Source(Record):
    """A public document that facts are cited from.

    Attributes:
        title: the document's own title.
        publisher: who published it.
        published: its publication date, or None where the document carries none.
        url: where it can be read.
        language: ISO 639-1 code of its language, for example ``"en"``.
        quality: ``"official"`` (a government site), ``"mirror"`` (a copy of an
            official text elsewhere), ``"press"`` or ``"low"``.
        official_url: for a mirror, the official address of the original, where known.
        summary: what the document is, in a sentence.
    """

    id: str = attrs.field(validator=_slug)
    title: str = attrs.field(validator=_text)
    publisher: str = attrs.field(validator=_text)
    published: Date | None = None
    url: str = attrs.field(validator=_on_field(attrs.validators.matches_re(r"https?://\S+")))
    language: str = attrs.field(validator=_on_field(attrs.validators.matches_re(r"[a-z]{2}")))
    quality: Quality = "official"
    official_url: str | None = attrs.field(
        default=None, validator=_on_field(attrs.validators.optional(attrs.validators.matches_re(r"https?://\S+")))
    )
    summary: str | None = attrs.field(default=None, validator=_text)
    notes: tuple[str, ...] = attrs.field(default=(), validator=_texts)


@attrs.frozen(kw_only=True, eq=False, repr=False)
class Role(Compared):
    """What an organization was in one edition of the dialogue.

    Attributes:
        edition: the edition's year.
        role: ``"co-chair"`` or ``"participant"``.
        sources: where the role is stated.
    """

    edition: int = attrs.field(validator=_edition_year)
    role: RoleName
    sources: tuple[Citation, ...] = attrs.field(validator=_cited)

    def __repr__(self) -> str:
        return f"Role({self.edition}, {self.role!r})"


@attrs.frozen(kw_only=True, eq=False, repr=False)
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

    id: str = attrs.field(validator=_slug)
    name: str = attrs.field(validator=_text)
    acronym: str | None = attrs.field(default=None, validator=_text)
    name_es: str | None = attrs.field(default=None, validator=_text)
    country: str | None = attrs.field(validator=_country)
    kind: OrganizationKind
    aliases: tuple[str, ...] = attrs.field(default=(), validator=_texts)
    roles: tuple[Role, ...] = ()
    parent: Organization | None = None
    summary: str | None = attrs.field(default=None, validator=_text)
    sources: tuple[Citation, ...] = attrs.field(validator=_cited)
    notes: tuple[str, ...] = attrs.field(default=(), validator=_texts)
    variants: tuple[Variant, ...] = ()


def reference_target(t: Any) -> tuple[type[Record] | None, bool]:
    """The record type a field type refers to (None if it is no reference), and whether it holds several.

    ``Organization | None`` -> (Organization, False); ``tuple[Person, ...]`` -> (Person, True).
    """
    many = get_origin(t) is tuple
    if many:
        t = get_args(t)[0]
    members = [a for a in (get_args(t) if get_origin(t) is not Literal else ()) or (t,) if a is not type(None)]
    if len(members) == 1 and isinstance(members[0], type) and issubclass(members[0], Record):
        return members[0], many
    return None, many
