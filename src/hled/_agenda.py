"""The dialogue's agenda: editions, pillars, workstreams, actions, the programs they name, and the crosswalk."""

from __future__ import annotations

from typing import Literal, TypeAlias, Union

import attrs

from hled._dates import Date
from hled._organizations import Organization
from hled._people import Person
from hled._record import Linked, Record, cited, distinct, edition_year, own_fields, positive, slug, text, texts
from hled._sources import Citation, Source, Variant

__all__ = [
    "Action",
    "ActionKind",
    "Crosswalk",
    "CrosswalkLink",
    "Edition",
    "Pillar",
    "Program",
    "ProgramKind",
    "Workstream",
    "WorkstreamKind",
]

ActionKind: TypeAlias = Literal["work-plan-line", "initiative"]
WorkstreamKind: TypeAlias = Literal["sub-topic", "heading", "priority-area"]
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


@attrs.frozen(kw_only=True, repr=False)
class Edition(Linked):
    """One edition of the dialogue: the 2013 original or the 2021 relaunch.

    Attributes:
        year: 2013 or 2021.
        title: for example ``"2021 relaunch"``.
        announced: when the edition was announced, or None.
        launched: when it was launched (or relaunched), or None.
        leaders: the presidents (and leads) who announced or launched it.
        pillars: *derived*, its pillars in order.
    """

    id: str = attrs.field(validator=slug)
    year: int = attrs.field(validator=edition_year)
    title: str = attrs.field(validator=text)
    title_es: str | None = attrs.field(default=None, validator=text)
    aliases: tuple[str, ...] = attrs.field(default=(), validator=texts)
    summary: str = attrs.field(validator=text)
    announced: Date | None = None
    launched: Date | None = None
    leaders: tuple[Person, ...] = attrs.field(default=(), validator=distinct)
    sources: tuple[Citation, ...] = attrs.field(validator=cited)
    inferred: tuple[str, ...] = attrs.field(default=(), validator=own_fields)
    notes: tuple[str, ...] = attrs.field(default=(), validator=texts)
    variants: tuple[Variant, ...] = ()

    BACK_REFERENCES = ("pillars",)

    @property
    def pillars(self) -> tuple[Pillar, ...]:
        """*Derived*: its pillars, in order."""
        return self._linked("pillars")


@attrs.frozen(kw_only=True, repr=False)
class Pillar(Linked):
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

    id: str = attrs.field(validator=slug)
    edition: int = attrs.field(validator=edition_year)
    number: int = attrs.field(validator=positive)
    title: str = attrs.field(validator=text)
    title_es: str | None = attrs.field(default=None, validator=text)
    aliases: tuple[str, ...] = attrs.field(default=(), validator=texts)
    summary: str = attrs.field(validator=text)
    sources: tuple[Citation, ...] = attrs.field(validator=cited)
    inferred: tuple[str, ...] = attrs.field(default=(), validator=own_fields)
    notes: tuple[str, ...] = attrs.field(default=(), validator=texts)
    variants: tuple[Variant, ...] = ()

    BACK_REFERENCES = ("workstreams", "actions")

    @property
    def workstreams(self) -> tuple[Workstream, ...]:
        """*Derived*: its workstreams, in order."""
        return self._linked("workstreams")

    @property
    def actions(self) -> tuple[Action, ...]:
        """*Derived*: its actions, in order."""
        return self._linked("actions")


@attrs.frozen(kw_only=True, repr=False)
class Workstream(Linked):
    """A named sub-topic or heading under a pillar (or a priority area of an edition).

    Attributes:
        edition: the edition's year.
        pillar: the pillar it sits under, or None for an edition-wide priority area.
        title: the heading exactly as the source gives it.
        kind: ``"sub-topic"``, ``"heading"`` or ``"priority-area"``.
        actions: *derived*, its actions in order.
    """

    id: str = attrs.field(validator=slug)
    edition: int = attrs.field(validator=edition_year)
    pillar: Pillar | None = None
    title: str = attrs.field(validator=text)
    title_es: str | None = attrs.field(default=None, validator=text)
    kind: WorkstreamKind
    aliases: tuple[str, ...] = attrs.field(default=(), validator=texts)
    summary: str | None = attrs.field(default=None, validator=text)
    sources: tuple[Citation, ...] = attrs.field(validator=cited)
    inferred: tuple[str, ...] = attrs.field(default=(), validator=own_fields)
    notes: tuple[str, ...] = attrs.field(default=(), validator=texts)

    BACK_REFERENCES = ("actions",)

    @property
    def actions(self) -> tuple[Action, ...]:
        """*Derived*: its actions, in order."""
        return self._linked("actions")


@attrs.frozen(kw_only=True, repr=False)
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

    id: str = attrs.field(validator=slug)
    pillar: Pillar
    workstream: Workstream | None = None
    kind: ActionKind
    title: str | None = attrs.field(default=None, validator=text)
    title_es: str | None = attrs.field(default=None, validator=text)
    aliases: tuple[str, ...] = attrs.field(default=(), validator=texts)
    summary: str = attrs.field(validator=text)
    continues: tuple[Action, ...] = attrs.field(default=(), validator=distinct)
    organizations: tuple[Organization, ...] = attrs.field(default=(), validator=distinct)
    programs: tuple[Program, ...] = attrs.field(default=(), validator=distinct)
    sources: tuple[Citation, ...] = attrs.field(validator=cited)
    inferred: tuple[str, ...] = attrs.field(default=(), validator=own_fields)
    notes: tuple[str, ...] = attrs.field(default=(), validator=texts)

    @property
    def edition(self) -> int:
        """The year of the action's edition."""
        return self.pillar.edition

    @property
    def source(self) -> Source:
        """The document the action comes from."""
        return self.sources[0].source


@attrs.frozen(kw_only=True, repr=False)
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

    id: str = attrs.field(validator=slug)
    name: str = attrs.field(validator=text)
    acronym: str | None = attrs.field(default=None, validator=text)
    name_es: str | None = attrs.field(default=None, validator=text)
    aliases: tuple[str, ...] = attrs.field(default=(), validator=texts)
    kind: ProgramKind
    summary: str = attrs.field(validator=text)
    organizations: tuple[Organization, ...] = attrs.field(default=(), validator=distinct)
    pillar: Pillar | None = None
    edition: int | None = attrs.field(default=None, validator=edition_year)
    started: Date | None = None
    sources: tuple[Citation, ...] = attrs.field(validator=cited)
    inferred: tuple[str, ...] = attrs.field(default=(), validator=own_fields)
    notes: tuple[str, ...] = attrs.field(default=(), validator=texts)
    variants: tuple[Variant, ...] = ()


@attrs.frozen(kw_only=True, repr=False)
class CrosswalkLink:
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
    rationale: str = attrs.field(validator=text)
    editorial: Literal[True]

    def __repr__(self) -> str:
        return f"CrosswalkLink(earlier={self.earlier.id!r}, later={self.later.id!r})"


Stage: TypeAlias = Union[Pillar, Workstream]  # noqa: UP007


@attrs.frozen(kw_only=True, repr=False)
class Crosswalk:
    """How the 2013 pillars and workstreams carry into the 2021 ones.

    The links are hled's own editorial analysis, not any source's statement.

    Attributes:
        links: every link, 2013 item first, in data order.
        dropped: 2013 items no 2021 item continues.
        new: 2021 items with no 2013 antecedent.
    """

    links: tuple[CrosswalkLink, ...]
    dropped: tuple[Stage, ...]
    new: tuple[Stage, ...]
    _later: dict[str, tuple[Stage, ...]] = attrs.field(alias="later_index", eq=False)
    _earlier: dict[str, tuple[Stage, ...]] = attrs.field(alias="earlier_index", eq=False)

    editorial = True

    def later_of(self, item: Pillar | Workstream) -> tuple[Pillar | Workstream, ...]:
        """Return the 2021 items linked to a 2013 *item* (empty when none)."""
        return self._later.get(_stage_id(item), ())

    def earlier_of(self, item: Pillar | Workstream) -> tuple[Pillar | Workstream, ...]:
        """Return the 2013 items linked to a 2021 *item* (empty when none)."""
        return self._earlier.get(_stage_id(item), ())

    def __repr__(self) -> str:
        return f"<Crosswalk: {len(self.links)} links, {len(self.dropped)} dropped, {len(self.new)} new>"


def _stage_id(item: object) -> str:
    if not isinstance(item, (Pillar, Workstream)):
        msg = f"expected a Pillar or Workstream, got {type(item).__name__} {item!r}"
        raise TypeError(msg)
    return item.id


def crosswalk(
    links: tuple[CrosswalkLink, ...], pillars: tuple[Pillar, ...], workstreams: tuple[Workstream, ...]
) -> Crosswalk:
    """Index the *links* and find the items no link reaches, in pillar order."""
    later: dict[str, list[Stage]] = {}
    earlier: dict[str, list[Stage]] = {}
    for link in links:
        later.setdefault(link.earlier.id, []).append(link.later)
        earlier.setdefault(link.later.id, []).append(link.earlier)
    under: dict[int, list[Stage]] = {}  # by the pillar's identity: one pass, not pillars x workstreams
    for w in workstreams:
        under.setdefault(id(w.pillar), []).append(w)
    stages: list[Stage] = []
    for pillar in pillars:
        stages.append(pillar)
        stages.extend(under.get(id(pillar), ()))
    dropped = tuple(s for s in stages if s.edition == 2013 and s.id not in later)
    new = tuple(s for s in stages if s.edition == 2021 and s.id not in earlier)
    return Crosswalk(
        links=links,
        dropped=dropped,
        new=new,
        later_index={k: tuple(v) for k, v in later.items()},
        earlier_index={k: tuple(v) for k, v in earlier.items()},
    )
