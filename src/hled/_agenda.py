"""The dialogue's agenda: editions, pillars, workstreams, actions, the programs they name, and the crosswalk's links."""

from __future__ import annotations

from typing import Literal, TypeAlias

import attrs

from hled._compare import Compared
from hled._dates import Date
from hled._model import (
    Citation,
    Organization,
    Record,
    Source,
    Variant,
    _cited,
    _edition_year,
    _positive,
    _slug,
    _summary,
    _text,
    _texts,
)
from hled._people import Person

__all__ = [
    "Action",
    "ActionKind",
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
