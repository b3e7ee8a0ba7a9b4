"""The quick structuring path and the detailed cattrs converter agree, record by record and value by value.

Valid data is structured by `hled._structure` alone; the detailed converter (`hled._convert`)
words the problems of whatever the quick path rejects. Each must accept exactly what the
other accepts, and build the same thing; a disagreement the loader meets is raised, not
passed over.
"""

from __future__ import annotations

import json
import subprocess
import sys
import typing
from typing import Any

import attrs
import pytest

import hled
from hled import _build, _convert, _structure
from hled._agenda import CrosswalkLink
from hled._dataset import BUILD_ORDER, FILES
from hled._load import read_bundled
from hled._record import Record
from hled._sources import Source

from .conftest import MINI

HOSTILE: list[Any] = [
    None,
    True,
    0,
    1,
    2021,
    1.5,
    "",
    " padded ",
    "tab\there",
    "nul\x00",
    "no\xa0break",
    "usaid",
    "no-such-id",
    "2021",
    "2021-09",
    "2021-02-29",
    "2020-02-29",
    "2021-13",
    "0000-01-01",
    "２０２１-０９-０９",
    "2021-09-09/2021-09-01",
    "2021-09-09/2021-09-10",
    "474000000",
    "-5",
    "4.5e6",
    "NaN",
    "co-chair",
    "official",
    "US",
    "us",
    [],
    ["usaid"],
    ["usaid", "usaid"],
    [{}],
    {},
    {"source": "no-such-source"},
]


def _variants(raw: dict[str, Any]) -> Any:
    """Every one-field change of *raw*: each field deleted, and set to each hostile value (and an unknown key)."""
    for field in [*raw, "no_such_field"]:
        if field in raw:
            yield {k: v for k, v in raw.items() if k != field}
        for value in HOSTILE:
            yield {**raw, field: value}


def _same(a: Any, b: Any, *, top: bool = True) -> bool:
    """Equal and of the same types all the way down (== alone takes True for 1, and Decimal("1") for "1.0")."""
    if type(a) is not type(b):
        return False
    if isinstance(a, Record) and not top:
        return a is b  # references resolve to the records already built
    if attrs.has(type(a)):
        return all(_same(getattr(a, f.name), getattr(b, f.name), top=False) for f in attrs.fields(type(a)))
    if isinstance(a, tuple):
        return len(a) == len(b) and all(_same(x, y, top=False) for x, y in zip(a, b, strict=True))
    return bool(a == b) and str(a) == str(b)


@pytest.fixture(name="tables", scope="module")
def _tables() -> dict[type, dict[str, Any]]:
    ds = hled.dataset()
    return {kind.record: {r.id: r for r in getattr(ds, kind.name)} for kind in BUILD_ORDER}


def _agree(kind: type, raw: Any, tables: dict[type, dict[str, Any]]) -> None:
    """The quick path and the detailed converter both reject *raw*, or both build the same thing."""
    with _structure.resolving(tables, {}):
        try:
            quick = _structure.structure(raw, kind)
        except Exception:
            quick = None
        try:
            detailed = _convert.structure(raw, kind)
        except Exception:
            detailed = None
    assert (quick is None) == (detailed is None), raw
    assert quick is None or _same(quick, detailed), raw


class TestQuickAndDetailedAgree:
    @pytest.mark.parametrize("kind", BUILD_ORDER, ids=lambda k: k.name)
    def test_every_field_of_a_record(self, kind, tables):
        """The fullest record of each type, each field changed in every hostile way."""
        raw = max(json.loads(read_bundled([kind.file])[kind.file]), key=len)
        _agree(kind.record, raw, tables)
        for changed in _variants(raw):
            _agree(kind.record, changed, tables)

    @pytest.mark.parametrize("kind", [k for k in BUILD_ORDER if k.record is not Source], ids=lambda k: k.name)
    def test_every_field_of_a_nested_object(self, kind, tables):
        """The first citation, role, position, variant, amount and count of each type, changed in every way."""
        fields = attrs.fields_dict(kind.record)
        seen: set[str] = set()
        for raw in json.loads(read_bundled([kind.file])[kind.file]):
            for name, value in raw.items():
                if name in seen or type(value) is not list or not value or type(value[0]) is not dict:
                    continue
                seen.add(name)
                value_type = typing.get_args(fields[name].type)[0]
                for changed in _variants(value[0]):
                    _agree(value_type, changed, tables)
        assert seen

    def test_every_field_of_a_crosswalk_link(self, tables):
        """The first crosswalk link, each field changed in every hostile way."""
        raw = json.loads(read_bundled(["crosswalk.json"])["crosswalk.json"])[0]
        for changed in _variants(raw):
            _agree(CrosswalkLink, changed, tables)


def test_a_disagreement_is_raised_not_passed_over(monkeypatch):
    """Were the quick path to reject a record the detailed converter accepts, loading says so: a bug in hled."""

    def rejects_pillars(raw: Any, cls: type) -> Any:
        if cls is hled.Pillar:
            raise ValueError
        return _structure.structure(raw, cls)

    monkeypatch.setattr(_build, "structure", rejects_pillars)

    with pytest.raises(_convert.ConverterDisagreement, match=r"pillars\.json: record '2013-pillar-1'.*report this bug"):
        hled.load(MINI)


def test_first_query_needs_neither_cattrs_nor_dateutil():
    """A first lookup imports neither cattrs nor dateutil, nor hashlib (see docs/performance.md)."""
    code = "import json, sys, hled; hled.organizations.lookup('USAID'); print(json.dumps(list(sys.modules)))"
    loaded = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout

    assert not {"cattrs", "dateutil", "hashlib", "importlib_resources"} & {m.split(".")[0] for m in json.loads(loaded)}


def test_data_files_are_the_kinds():
    """The data files are meta.json, one per record kind in build order, and the crosswalk."""
    assert ("meta.json", *(kind.file for kind in BUILD_ORDER), "crosswalk.json") == FILES
