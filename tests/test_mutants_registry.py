"""Registries and selections as a user sees them: help(), reprs, hashes; written against the mutants that lived."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

import hled
from hled._dataset import BUILD_ORDER

# the names, without loading the data while the tests are collected
REGISTRIES = tuple(kind.name for kind in BUILD_ORDER)


@pytest.mark.parametrize("name", REGISTRIES)
def test_help_of_filter_lists_every_criterion_once(name):
    """help(registry.filter) ends with an Args section: each criterion on its own line, with its doc."""
    registry = getattr(hled, name)
    doc = type(registry).filter.__doc__

    head, args = doc.split("\n\n        Args:\n")

    assert "Args:" not in head
    assert args.splitlines() == [f"            {c}: {registry.CRITERIA[c].doc}" for c in registry.criteria]
    assert args.endswith(".\n")
    assert registry.criteria == tuple(registry.CRITERIA)


def test_repr_of_a_selection_shows_eight_ids_and_counts_the_rest():
    """A selection's repr shows its first eight ids and how many more there are; a short one shows all."""
    events = hled.events.filter(year=2021)
    first = ", ".join(repr(e.id) for e in list(events)[:8])
    nine = hled.events.filter(year=2014) | hled.events.filter(year=2016) | hled.events.filter(year=2023)
    eight = nine - hled.events.filter(year=2014)

    assert repr(events) == f"<Selection of 13 event records: [{first}, ... 5 more]>"
    assert len(nine) == 8 + 1
    assert repr(nine).endswith(", ... 1 more]>")
    assert "more" not in repr(eight)
    assert repr(eight).count("'") == 2 * 8
    small = hled.pillars.filter(edition=2013)
    assert len(small) <= 8
    assert repr(small) == f"<Selection of {len(small)} pillar records: [{', '.join(repr(p.id) for p in small)}]>"


def test_distinct_selections_hash_apart():
    """Selections are usable as dict keys and sets keep them apart: different selections hash differently."""
    selections = [hled.events.filter(year=year) for year in range(2013, 2025)]
    selections = [s for s in selections if len(s)]

    assert len({hash(s) for s in selections}) == len(selections)
    assert hash(hled.events.filter(year=2013)) == hash(hled.events.filter(year=2013))


HELP = Path(__file__).parent / "fixtures" / "filter-help.txt"


def _help_text() -> str:
    return "".join(f"## hled.{name}.filter\n{type(getattr(hled, name)).filter.__doc__}\n" for name in REGISTRIES)


def test_help_of_filter_reads_as_reviewed():
    """What help() says of each criterion is the text reviewed in tests/fixtures/filter-help.txt.

    After changing a criterion's doc on purpose: HLED_UPDATE_SNAPSHOTS=1 pytest tests/test_mutants_registry.py
    """
    if os.environ.get("HLED_UPDATE_SNAPSHOTS") == "1":
        HELP.write_text(_help_text(), encoding="utf-8")
    assert _help_text() == HELP.read_text(encoding="utf-8")
