"""Records and values behave as attrs users expect: asdict, astuple, evolve, copy.replace, to_dict, repr."""

from __future__ import annotations

import ast
import copy
import json
import sys
from pathlib import Path
from typing import Any

import attrs
import pytest

import hled
from hled._dataset import BUILD_ORDER, FILES
from hled._export import canonical_json

RECORDS = [rec for kind in BUILD_ORDER for rec in getattr(hled, kind.name)]


def _values(value: Any) -> list[Any]:
    """The value objects inside a record (citations, roles, amounts, dates, ...), depth first."""
    found = []
    for field in attrs.fields(type(value)):
        inner = getattr(value, field.name)
        for item in inner if isinstance(inner, tuple) else (inner,):
            if attrs.has(type(item)) and not isinstance(item, hled.Record):
                found += [item, *_values(item)]
    return found


VALUES = list({id(v): v for rec in RECORDS for v in _values(rec)}.values())
VALUE_TYPES = {type(v) for v in VALUES}


def test_every_value_type_is_met():
    """The bundled data holds every value type, so the tests below try each."""
    assert {
        hled.Citation,
        hled.Role,
        hled.Position,
        hled.Variant,
        hled.Money,
        hled.Count,
        hled.PartialDate,
        hled.DateRange,
    } <= VALUE_TYPES


class TestAttrsFunctions:
    def test_asdict_and_astuple_terminate_on_every_record(self):
        """A pillar holds its pillar-less data only: asdict and astuple never loop back through its actions."""
        for rec in RECORDS:
            assert attrs.asdict(rec)["id"] == rec.id
            assert attrs.astuple(rec)[0] == rec.id

    def test_back_references_are_properties_not_fields(self):
        """A pillar's actions and workstreams, an edition's pillars, a workstream's actions: read, not stated."""
        pillar = hled.pillars.get("2021-pillar-1")

        assert pillar.actions
        assert pillar.workstreams
        assert pillar in next(e for e in hled.editions if e.year == 2021).pillars
        assert {"actions", "workstreams"}.isdisjoint(attrs.fields_dict(hled.Pillar))
        assert "actions" not in attrs.asdict(pillar)
        assert all(a.pillar is pillar for a in pillar.actions)

    @pytest.mark.parametrize("rec", [next(iter(getattr(hled, k.name))) for k in BUILD_ORDER], ids=repr)
    def test_evolve_runs_the_validators(self, rec):
        """attrs.evolve makes a new, valid record, and refuses an invalid value as the loader does."""
        changed = attrs.evolve(rec, id=rec.id + "-copy")

        assert changed.id == rec.id + "-copy"
        assert changed != rec
        with pytest.raises(ValueError, match="id must be a lowercase ASCII slug"):
            attrs.evolve(rec, id="Not A Slug")

    def test_evolved_records_are_detached_copies_are_themselves(self):
        """A pillar made with evolve is a value, without back-references; a copy of one in a dataset is itself."""
        import pickle

        pillar = hled.pillars.get("2021-pillar-1")
        detached = attrs.evolve(pillar)

        assert detached == pillar
        assert detached.actions == ()
        assert copy.copy(pillar) is pillar
        assert copy.deepcopy(pillar) is pillar
        assert pickle.loads(pickle.dumps(pillar)) is pillar
        assert pickle.loads(pickle.dumps(detached)) == detached
        assert copy.deepcopy(detached) == detached

    @pytest.mark.skipif(sys.version_info < (3, 13), reason="copy.replace is new in Python 3.13")
    def test_copy_replace(self):
        """copy.replace is attrs.evolve."""
        pillar = hled.pillars.get("2021-pillar-1")

        assert copy.replace(pillar, title="Elsewhere").title == "Elsewhere"  # type: ignore[attr-defined]
        with pytest.raises(ValueError, match="title must be non-empty text"):
            copy.replace(pillar, title="")  # type: ignore[attr-defined]

    def test_asdict_on_every_value(self):
        """Every value inside a record turns into a dict."""
        for value in VALUES:
            assert isinstance(attrs.asdict(value), dict)


class TestToDict:
    def test_every_record_and_value_is_json_ready(self):
        """to_dict accepts every record and value type, and its result is JSON."""
        for item in (*RECORDS, *VALUES):
            json.dumps(hled.to_dict(item))

    def test_records_round_trip_through_the_loader(self, tmp_path: Path):
        """A data directory written from to_dict of every record loads back to an equal dataset."""
        files: dict[str, Any] = {kind.file: [] for kind in BUILD_ORDER}
        for kind in BUILD_ORDER:
            files[kind.file] = [hled.to_dict(rec) for rec in getattr(hled, kind.name)]
        files["crosswalk.json"] = [hled.to_dict(link) for link in hled.compare_editions().links]
        files["meta.json"] = {"version": hled.dataset().version}
        for name in FILES:
            (tmp_path / name).write_text(canonical_json(files[name]), encoding="utf-8")

        assert hled.load(tmp_path).digest == hled.dataset().digest

    def test_values_read_as_their_record_stores_them(self):
        """A citation is its source's id and locator; a date its parts."""
        citation = hled.organizations.get("usaid").sources[0]

        assert hled.to_dict(citation) == {"source": citation.source.id, "locator": citation.locator}
        assert hled.to_dict(hled.PartialDate(2013, 5)) == {"year": 2013, "month": 5}

    @pytest.mark.parametrize("other", [{}, "usaid", None, hled.pillars, hled.pillars.filter(), hled.dataset()])
    def test_anything_else_is_a_type_error(self, other):
        """Registries, selections, datasets, plain data: a TypeError naming what is accepted."""
        with pytest.raises(TypeError, match=r"to_dict expects an hled record or value \(Record, Citation, Money"):
            hled.to_dict(other)


class TestRepr:
    def test_records_and_values_repr_as_python(self):
        """Every repr parses as a Python expression: a call naming its fields."""
        for item in (*RECORDS, *VALUES):
            tree = ast.parse(repr(item), mode="eval")

            assert isinstance(tree.body, ast.Call)
            assert tree.body.func.id == type(item).__name__  # type: ignore[attr-defined]
            assert tree.body.keywords
            assert not tree.body.args

    def test_a_record_shows_its_id_and_main_name(self):
        """The id and the title (or name, or summary), as attrs users read a constructor call."""
        assert repr(hled.pillars.get("2021-pillar-1")) == "Pillar(id='2021-pillar-1', title='Building Back Together')"
        assert repr(hled.organizations.get("usaid")).startswith("Organization(id='usaid', name='U.S. Agency")

    def test_dates_repr_as_their_parts(self):
        """A date's repr rebuilds it."""
        span = hled.DateRange.parse("2021-08-31/2022-09")

        assert eval(repr(span), {"DateRange": hled.DateRange, "PartialDate": hled.PartialDate}) == span
