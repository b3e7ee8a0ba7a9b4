"""The record types of the dialogue and the small value types they hold.

Every record is a frozen, slotted attrs class. References between records hold
the referenced records themselves (the data files store ids; the loader resolves
them). Fields marked *derived* are filled by the loader from other records'
references and are not stored in the data files.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from decimal import Decimal
from typing import Any, ClassVar, Literal, TypeAlias, get_args, get_origin

import attrs

from hled._codes import COUNTRIES, CURRENCIES
from hled._compare import Compared
from hled._dates import Date

__all__ = [
    "RECORD_TYPES",
    "VALUE_TYPES",
    "Accomplishment",
    "Action",
    "ActionKind",
    "Citation",
    "Count",
    "CrosswalkLink",
    "Edition",
    "Event",
    "EventKind",
    "Money",
    "Organization",
    "OrganizationKind",
    "Person",
    "Pillar",
    "Position",
    "Program",
    "ProgramKind",
    "Quality",
    "Record",
    "Role",
    "RoleName",
    "Source",
    "Variant",
    "Workstream",
    "WorkstreamKind",
    "reference_target",
]

RoleName: TypeAlias = Literal["co-chair", "participant"]
Quality: TypeAlias = Literal["official", "mirror", "press", "low"]
ActionKind: TypeAlias = Literal["work-plan-line", "initiative"]
WorkstreamKind: TypeAlias = Literal["sub-topic", "heading", "priority-area"]
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
ProgramKind: TypeAlias = Literal[
    "program",
    "project",
    "working-group",
    "forum",
    "forum-series",
    "strategy",
    "initiative",
    "declaration",
    "council",
    "campaign",
    "agreement",
    "committee",
    "law",
    "pledge",
    "fund",
]
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


@attrs.frozen(kw_only=True, eq=False, repr=False)
class Position(Compared):
    """A title a person held, with the organization and the dates where known.

    Attributes:
        title: the title as the source gives it.
        organization: the organization, or None.
        start: when the person held the title from, or None.
        end: until when, or None.
        sources: where the title is stated (defaults to the person's citations).
        note: how the dates were read, for example "as of the 2014 review", or None.
    """

    title: str = attrs.field(validator=_text)
    organization: Organization | None = None
    start: Date | None = None
    end: Date | None = None
    sources: tuple[Citation, ...] = ()
    note: str | None = attrs.field(default=None, validator=_text)

    def __repr__(self) -> str:
        org = f", {self.organization.id!r}" if self.organization else ""
        return f"Position({self.title!r}{org})"

    def __str__(self) -> str:
        text = self.title
        if self.organization is not None:
            text += f", {self.organization.name}"
        if self.start is not None or self.end is not None:
            text += f" ({self.start or ''}–{self.end or ''})"
        return text


@attrs.frozen(kw_only=True, eq=False, repr=False)
class Person(Record):
    """An official or leader named in the sources.

    Attributes:
        name: the name as the sources give it.
        country: ISO alpha-2 code of the country they served, or None.
        positions: the titles they held in the sources, oldest first.
        aliases: other spellings of the name.
    """

    id: str = attrs.field(validator=_slug)
    name: str = attrs.field(validator=_text)
    country: str | None = attrs.field(default=None, validator=_country)
    aliases: tuple[str, ...] = attrs.field(default=(), validator=_texts)
    positions: tuple[Position, ...] = ()
    summary: str | None = attrs.field(default=None, validator=_text)
    sources: tuple[Citation, ...] = attrs.field(validator=_cited)
    notes: tuple[str, ...] = attrs.field(default=(), validator=_texts)
    variants: tuple[Variant, ...] = ()

    @property
    def latest_title(self) -> str | None:
        """The most recent title the sources give, or None."""
        return self.positions[-1].title if self.positions else None


@attrs.frozen(kw_only=True, eq=False, repr=False)
class Edition(Record):
    """One edition of the dialogue: the 2013 original or the 2021 relaunch.

    Attributes:
        year: 2013 or 2021.
        title: for example ``"2021 relaunch"``.
        announced: when the edition was announced, or None.
        launched: when it was launched (or relaunched), or None.
        leaders: the presidents (and leads) who announced or launched it.
        pillars: *derived*, its pillars in order.
    """

    id: str = attrs.field(validator=_slug)
    year: int = attrs.field(validator=_edition_year)
    title: str = attrs.field(validator=_text)
    title_es: str | None = attrs.field(default=None, validator=_text)
    aliases: tuple[str, ...] = attrs.field(default=(), validator=_texts)
    summary: str = _summary
    announced: Date | None = None
    launched: Date | None = None
    leaders: tuple[Person, ...] = ()
    sources: tuple[Citation, ...] = attrs.field(validator=_cited)
    notes: tuple[str, ...] = attrs.field(default=(), validator=_texts)
    variants: tuple[Variant, ...] = ()
    pillars: tuple[Pillar, ...] = attrs.field(init=False, eq=False, repr=False, hash=False, default=())


@attrs.frozen(kw_only=True, eq=False, repr=False)
class Pillar(Record):
    """One of the dialogue's pillars (3 in 2013, 4 in 2021).

    Attributes:
        edition: the edition's year.
        number: 1-based position within the edition.
        title: the title exactly as the source gives it.
        title_es: the Spanish title, or None.
        aliases: translations and variant wordings, and "Pillar I"-style names.
        workstreams: *derived*, its workstreams in order.
        actions: *derived*, its actions in order.
    """

    id: str = attrs.field(validator=_slug)
    edition: int = attrs.field(validator=_edition_year)
    number: int = attrs.field(validator=_positive)
    title: str = attrs.field(validator=_text)
    title_es: str | None = attrs.field(default=None, validator=_text)
    aliases: tuple[str, ...] = attrs.field(default=(), validator=_texts)
    summary: str = _summary
    sources: tuple[Citation, ...] = attrs.field(validator=_cited)
    notes: tuple[str, ...] = attrs.field(default=(), validator=_texts)
    variants: tuple[Variant, ...] = ()
    workstreams: tuple[Workstream, ...] = attrs.field(init=False, eq=False, repr=False, hash=False, default=())
    actions: tuple[Action, ...] = attrs.field(init=False, eq=False, repr=False, hash=False, default=())


@attrs.frozen(kw_only=True, eq=False, repr=False)
class Workstream(Record):
    """A named sub-topic or heading under a pillar (or a priority area of an edition).

    Attributes:
        edition: the edition's year.
        pillar: the pillar it sits under, or None for an edition-wide priority area.
        title: the heading exactly as the source gives it.
        kind: ``"sub-topic"``, ``"heading"`` or ``"priority-area"``.
        actions: *derived*, its actions in order.
    """

    id: str = attrs.field(validator=_slug)
    edition: int = attrs.field(validator=_edition_year)
    pillar: Pillar | None = None
    title: str = attrs.field(validator=_text)
    title_es: str | None = attrs.field(default=None, validator=_text)
    kind: WorkstreamKind
    aliases: tuple[str, ...] = attrs.field(default=(), validator=_texts)
    summary: str | None = attrs.field(default=None, validator=_text)
    sources: tuple[Citation, ...] = attrs.field(validator=_cited)
    notes: tuple[str, ...] = attrs.field(default=(), validator=_texts)
    actions: tuple[Action, ...] = attrs.field(init=False, eq=False, repr=False, hash=False, default=())


@attrs.frozen(kw_only=True, eq=False, repr=False)
class Action(Record):
    """A work-plan line or initiative, under a pillar and optionally a workstream.

    Attributes:
        pillar: the pillar it belongs to.
        workstream: the heading it sits under, or None.
        kind: ``"work-plan-line"`` or ``"initiative"``.
        title: the initiative's own name where the source names it, or None.
        summary: what it commits to, in this project's words.
        continues: earlier actions this one carries forward.
        source: the document it comes from (its first citation's source).
    """

    id: str = attrs.field(validator=_slug)
    pillar: Pillar
    workstream: Workstream | None = None
    kind: ActionKind
    title: str | None = attrs.field(default=None, validator=_text)
    title_es: str | None = attrs.field(default=None, validator=_text)
    aliases: tuple[str, ...] = attrs.field(default=(), validator=_texts)
    summary: str = _summary
    continues: tuple[Action, ...] = ()
    organizations: tuple[Organization, ...] = ()
    programs: tuple[Program, ...] = ()
    sources: tuple[Citation, ...] = attrs.field(validator=_cited)
    notes: tuple[str, ...] = attrs.field(default=(), validator=_texts)

    @property
    def edition(self) -> int:
        """The year of the action's edition."""
        return self.pillar.edition

    @property
    def source(self) -> Source:
        """The document the action comes from."""
        return self.sources[0].source


@attrs.frozen(kw_only=True, eq=False, repr=False)
class Program(Record):
    """A named program, project, working group, forum, strategy, initiative or declaration.

    Attributes:
        name: the full name exactly as the source gives it.
        acronym: its acronym, or None.
        name_es: its Spanish name where a source gives one, or None.
        kind: what sort of thing it is.
        organizations: who runs or sponsors it.
        pillar: the pillar it serves, or None.
        started: when it started, where stated.
    """

    id: str = attrs.field(validator=_slug)
    name: str = attrs.field(validator=_text)
    acronym: str | None = attrs.field(default=None, validator=_text)
    name_es: str | None = attrs.field(default=None, validator=_text)
    aliases: tuple[str, ...] = attrs.field(default=(), validator=_texts)
    kind: ProgramKind
    summary: str = _summary
    organizations: tuple[Organization, ...] = ()
    pillar: Pillar | None = None
    edition: int | None = attrs.field(default=None, validator=_edition_year)
    started: Date | None = None
    sources: tuple[Citation, ...] = attrs.field(validator=_cited)
    notes: tuple[str, ...] = attrs.field(default=(), validator=_texts)
    variants: tuple[Variant, ...] = ()


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


@attrs.frozen(kw_only=True, eq=False, repr=False)
class CrosswalkLink(Compared):
    """One editorial link from a 2013 pillar or workstream to a 2021 one.

    Links are hled's own analysis, not a statement of any source, so they cite
    nothing and carry ``editorial = True``.

    Attributes:
        earlier: the 2013 `Pillar` or `Workstream`.
        later: the 2021 `Pillar` or `Workstream` that continues its theme.
        rationale: one sentence saying why.
    """

    earlier: Pillar | Workstream
    later: Pillar | Workstream
    rationale: str = attrs.field(validator=_text)
    editorial: Literal[True]

    def __repr__(self) -> str:
        return f"CrosswalkLink({self.earlier.id!r} -> {self.later.id!r})"


RECORD_TYPES: tuple[type[Record], ...] = (
    Source,
    Edition,
    Organization,
    Person,
    Pillar,
    Workstream,
    Program,
    Action,
    Event,
    Accomplishment,
)
# the types of the objects records hold (not records themselves), which the loader structures too
VALUE_TYPES: tuple[type, ...] = (Citation, Count, CrosswalkLink, Money, Position, Role, Variant)


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
