"""The 2013 ↔ 2021 crosswalk: which pillars and workstreams of the first edition the relaunch continues.

Built on first use (`Dataset.compare_editions`), not with the dataset.
"""

from __future__ import annotations

from typing import TypeAlias, Union

import attrs

from hled._agenda import CrosswalkLink, Pillar, Workstream

__all__ = ["Crosswalk", "crosswalk"]

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
