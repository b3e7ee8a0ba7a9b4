"""Laws the API keeps whatever the values: filters compose, back-references mirror references, dates order."""

from __future__ import annotations

import copy
import itertools
import json
import random
import shutil
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import hled
from hled._dataset import KINDS

from .conftest import FUZZ, MINI

DATASET = hled.dataset()


# values for the criteria that test records instead of indexing them (dates, titles)
TESTED = {
    "on": ["2013", "2014-06", "2016-02-25", "2021-09-09", "2022", "Sept 2022", "2023-09-29", "2021-08-31/2022-09-01"],
    "between": [("2013", "2015"), ("2021-09", None), (None, "2016-12-07"), ("2022-09-12", "2022-09-12")],
    "title": ["Secretary of Economy", "Secretary of Commerce", "Vice President", "Ambassador", "Governor"],
}
TESTED["reported"], TESTED["reported_between"] = TESTED["on"], TESTED["between"]
PAIRS = {"between", "reported_between"}  # a pair is one value, not a list of several
# on people, these ask about one position together: a chained filter asks about any two positions
JOINT = {"title", "organization", "agency", "on", "between"}


def _values(registry: Any, name: str) -> list[Any]:
    """Values the criterion *name* can take: the index keys its records give (ids, years, codes)."""
    criterion = registry.CRITERIA[name]
    if criterion.keys is None:
        return TESTED[name]
    found = {k for rec in registry for k in criterion.keys(rec, DATASET)}
    return sorted(found, key=repr)


CASES = [
    (kind.name, name, value)
    for kind in KINDS
    for name in kind.registry_class.CRITERIA
    for value in _values(getattr(DATASET, kind.name), name)
]


class TestFiltersCompose:
    @settings(FUZZ, max_examples=300)
    @given(data=st.data())
    def test_chained_equals_combined_and_narrows(self, data):
        """filter(a).filter(b) is filter(a, b), in registry order, and within filter(a)."""
        registry_name = data.draw(st.sampled_from([k.name for k in KINDS]))
        registry = getattr(DATASET, registry_name)
        cases = [(n, v) for r, n, v in CASES if r == registry_name]
        (a, x), (b, y) = data.draw(st.sampled_from(cases)), data.draw(st.sampled_from(cases))
        if a == b or (registry_name == "people" and {a, b} <= JOINT):
            return

        first = registry.filter(**{a: x})
        chained = first.filter(**{b: y})
        combined = registry.filter(**{a: x, b: y})

        assert chained.ids == combined.ids
        assert set(chained.ids) <= set(first.ids)
        order = [r.id for r in registry]
        assert list(combined.ids) == sorted(combined.ids, key=order.index)

    @settings(FUZZ, max_examples=100)
    @given(data=st.data())
    def test_any_of_several_is_the_union(self, data):
        """A list of values selects the union of what each selects."""
        registry_name, name, _ = data.draw(st.sampled_from([c for c in CASES if c[1] not in PAIRS]))
        registry = getattr(DATASET, registry_name)
        values = data.draw(st.lists(st.sampled_from(_values(registry, name)), min_size=1, max_size=3))

        union = set().union(*(registry.filter(**{name: v}).ids for v in values))

        assert set(registry.filter(**{name: values}).ids) == union


class TestBackReferences:
    def test_mirror_the_references(self):
        """A pillar's workstreams and actions, a workstream's actions, an edition's pillars: what points to them."""
        for pillar in hled.pillars:
            assert pillar.actions == tuple(a for a in hled.actions if a.pillar is pillar)
            assert pillar.workstreams == tuple(w for w in hled.workstreams if w.pillar is pillar)
        for workstream in hled.workstreams:
            assert workstream.actions == tuple(a for a in hled.actions if a.workstream is workstream)
        for edition in hled.editions:
            assert set(edition.pillars) == {p for p in hled.pillars if p.edition == edition.year}


class TestMembership:
    def test_in_is_by_content_not_id_alone(self):
        """A record is in its registry; an equal copy is too; a record with its id but other content is not."""
        pillar = hled.pillars.get("2021-pillar-1")

        assert pillar in hled.pillars
        assert copy.copy(pillar) in hled.pillars
        assert attrs.evolve(pillar, title="Something else") not in hled.pillars
        assert "2021-pillar-1" in hled.pillars


DATES = st.builds(
    lambda y, m, d: hled.PartialDate(y, m, d if m else None),
    st.integers(1990, 2030),
    st.one_of(st.none(), st.integers(1, 12)),
    st.one_of(st.none(), st.integers(1, 28)),
)
SPANS = st.builds(lambda a, b: hled.DateRange(min(a, b), max(a, b)), DATES, DATES).filter(
    lambda r: r.end.latest >= r.start.earliest
)


class TestDateOrder:
    @settings(FUZZ, max_examples=300)
    @given(a=st.one_of(DATES, SPANS), b=st.one_of(DATES, SPANS), c=st.one_of(DATES, SPANS))
    def test_a_total_order_consistent_with_equality(self, a, b, c):
        """< is irreflexive and transitive, exactly one of <, ==, > holds, and sorted orders by it."""
        assert not a < a  # noqa: PLR0124 - the law itself
        assert a <= a  # noqa: PLR0124
        assert sum([a < b, a == b, a > b]) == 1
        if a < b < c:
            assert a < c
        ordered = sorted([a, b, c])
        assert all(x <= y for x, y in itertools.pairwise(ordered))


CATALOGUE = {
    "unknown field": lambda rec: rec.update(bogus=1),
    "bad date": lambda rec: rec.update(date="2021-02-30") if "date" in rec else rec.update(bogus=2),
    "dangling source": lambda rec: rec.update(sources=[{"source": "no-such-source"}]),
    "empty summary": lambda rec: rec.update(summary=" ") if "summary" in rec else rec.update(bogus=3),
}


class TestEveryDefectReported:
    @settings(FUZZ, max_examples=25)
    @given(seed=st.integers(0, 2**32 - 1), count=st.integers(2, 8))
    def test_several_defects_in_one_directory(self, tmp_path_factory, seed, count):
        """Defects put in several records of several files at once: one DataError naming every one."""
        rng = random.Random(seed)
        folder = tmp_path_factory.mktemp("data") / "d"
        shutil.copytree(MINI, folder)
        files = ["accomplishments.json", "events.json", "organizations.json", "people.json", "programs.json"]
        broken: set[tuple[str, str]] = set()
        for _ in range(count):
            name = rng.choice(files)
            records = json.loads((folder / name).read_text(encoding="utf-8"))
            rec = rng.choice(records)
            rng.choice(list(CATALOGUE.values()))(rec)
            (folder / name).write_text(json.dumps(records), encoding="utf-8")
            broken.add((name, rec["id"]))

        with pytest.raises(hled.DataError) as info:
            hled.load(folder)

        text = "\n".join(info.value.problems)
        for name, rid in broken:
            assert f"{name}: record {rid!r}" in text


def test_cases_cover_every_criterion():
    """The laws above draw from every criterion of every registry that the bundled data gives a value."""
    drawn = {(r, n) for r, n, _ in CASES}
    every = {(k.name, n) for k in KINDS for n in k.registry_class.CRITERIA}
    # no workstream's actions name an organization in the bundled data
    assert every - drawn == {("workstreams", "organization"), ("workstreams", "agency")}
