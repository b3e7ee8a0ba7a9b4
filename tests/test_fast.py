from __future__ import annotations

import functools
import importlib.util
import json
import subprocess
import sys
import typing
from pathlib import Path
from types import ModuleType
from typing import Any, Literal

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import hled
from hled import _convert, _structurers
from hled._agenda import CrosswalkLink
from hled._build import FILE_OF, build
from hled._load import FILES, read_bundled
from hled._model import Record, Source
from hled._records import RECORD_TYPES

FUZZ = settings(
    derandomize=True,
    database=None,
    deadline=None,
    max_examples=60,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
RECORD_FILES = FILES[1:]  # every file but meta.json
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
    "4.5e6",
    "NaN",
    "co-chair",
    "official",
    "US",
    "us",
    [],
    ["usaid"],
    [{}],
    {},
    {"source": "no-such-source"},
]


def _mutate(data: st.DataObject, obj: dict[str, Any]) -> None:
    """Remove one field of *obj*, or set it (or an unknown one) to a hostile value."""
    field = data.draw(st.sampled_from([*sorted(obj), "no_such_field"]))
    if data.draw(st.booleans()) and field in obj:
        del obj[field]
    else:
        obj[field] = data.draw(st.sampled_from(HOSTILE))


@functools.cache
def make_structurers() -> ModuleType:
    """The generator script, scripts/make_structurers.py, as a module."""
    path = Path(__file__).resolve().parent.parent / "scripts" / "make_structurers.py"
    spec = importlib.util.spec_from_file_location("make_structurers", path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def outcome(files: dict[str, bytes]) -> tuple[str, Any]:
    """What building *files* gives: the records, or the DataError's message."""
    try:
        built = build(files)
    except hled.DataError as exc:
        return ("error", str(exc))
    return ("built", (built.version, built.records, built.links))


def slow_outcome(monkeypatch: pytest.MonkeyPatch, files: dict[str, bytes]) -> tuple[str, Any]:
    """What the converter alone builds from *files* (the fast path always unsure)."""
    with monkeypatch.context() as patch:
        patch.setattr(_convert, "_fast_structure", lambda raw, cls: None)
        return outcome(files)


class TestFastPath:
    def test_bundled_data_builds_equal(self, monkeypatch):
        """The fast path builds exactly the records the converter builds from the bundled data."""
        files = read_bundled()
        fast = outcome(files)

        slow = slow_outcome(monkeypatch, files)

        assert fast[0] == "built"
        assert fast == slow

    def test_structurers_module_is_current(self):
        """The shipped hled/_structurers.py is exactly what scripts/make_structurers.py writes from the model."""
        shipped = Path(_structurers.__file__).read_text(encoding="utf-8")

        assert shipped == make_structurers().source(), "run python scripts/make_structurers.py"

    @pytest.mark.parametrize("unknown", [int | str, dict, list[int], tuple[int, ...], float | None, Literal[1, 2]])
    def test_generator_refuses_types_it_cannot_check(self, unknown):
        """A field type the generator has no strict check for stops it, rather than letting anything through."""
        with pytest.raises(TypeError, match=r"no fast structuring|1, 2"):
            make_structurers()._expr(unknown, "value", "_X")

    def test_generator_refuses_defaults_it_cannot_write(self):
        """A default that is not a plain literal stops the generator."""
        field = attrs.fields(attrs.make_class("C", {"x": attrs.field(default=frozenset())}))[0]

        with pytest.raises(TypeError, match="no literal for the default"):
            make_structurers()._default(field)

    def test_first_query_needs_neither_cattrs_nor_dateutil(self):
        """import hled and a first lookup import neither cattrs nor dateutil (nor difflib, hashlib, decimal)."""
        code = (
            "import sys, hled\n"
            "hled.organizations.lookup('USAID')\n"
            "heavy = ('cattrs', 'dateutil', 'difflib', 'hashlib', 'importlib.resources', 'importlib.metadata',\n"
            "         'decimal', 'hled._people', 'hled._agenda', 'hled._activities', 'hled._records')\n"
            "print(sorted(m for m in heavy if m in sys.modules))\n"
            "hled.people.lookup('Joe Biden')\n"
            "print(sorted(m for m in heavy if m in sys.modules))\n"
        )

        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout

        assert out.split("\n")[:2] == ["[]", "['hled._people']"]

    @FUZZ
    @given(data=st.data())
    def test_mutations_give_what_the_converter_gives(self, monkeypatch, data):
        """One field of one record replaced, added or removed: the records or messages the converter gives."""
        files = read_bundled()
        name = data.draw(st.sampled_from(RECORD_FILES))
        records = json.loads(files[name])
        index = data.draw(st.integers(0, len(records) - 1))
        _mutate(data, records[index])
        mutated = {**files, name: json.dumps(records).encode()}
        fast = outcome(mutated)

        slow = slow_outcome(monkeypatch, mutated)

        assert fast == slow

    @FUZZ
    @given(data=st.data())
    def test_nested_mutations_give_what_the_converter_gives(self, monkeypatch, data):
        """One field of an object inside a record (a citation, role, position, amount...) mutated: the same outcome."""
        files = read_bundled()
        name = data.draw(st.sampled_from([n for n in RECORD_FILES if n not in ("sources.json", "crosswalk.json")]))
        records = json.loads(files[name])
        nested = [
            obj
            for record in records
            for value in record.values()
            if type(value) is list
            for obj in value
            if type(obj) is dict
        ]
        _mutate(data, data.draw(st.sampled_from(nested)))
        mutated = {**files, name: json.dumps(records).encode()}
        fast = outcome(mutated)

        slow = slow_outcome(monkeypatch, mutated)

        assert fast == slow


def _variants(raw: dict[str, Any]) -> Any:
    """Every one-field change of *raw*: each field deleted, and set to each hostile value (and an unknown key)."""
    for field in [*raw, "no_such_field"]:
        if field in raw:
            yield field, {k: v for k, v in raw.items() if k != field}
        for value in HOSTILE:
            yield field, {**raw, field: value}


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
    built = build(read_bundled())
    return {cls: {r.id: r for r in records} for cls, records in built.records.items()}


class TestNeverMoreLenient:
    """Record by record, the fast path accepts nothing the converter refuses, and builds what it builds."""

    @staticmethod
    def _compare(kind: type, raw: Any, tables: dict[type, dict[str, Any]], *, top: bool) -> None:
        try:
            fast = _convert.fast_function(kind)(raw, tables)
        except Exception:
            return
        with _convert.resolving(tables, {}):
            slow = _convert._record_structurer(kind)(raw, kind) if top else _convert.converter().structure(raw, kind)
        assert _same(fast, slow)

    @pytest.mark.parametrize("cls", RECORD_TYPES, ids=lambda c: c.__name__)
    def test_every_field_of_a_record(self, cls, tables):
        """The fullest record of each type, each field changed in every hostile way."""
        raws = json.loads(read_bundled()[FILE_OF[cls.__name__]])
        raw = max(raws, key=len)
        for _, changed in _variants(raw):
            self._compare(cls, changed, tables, top=True)

    @pytest.mark.parametrize("cls", [c for c in RECORD_TYPES if c is not Source], ids=lambda c: c.__name__)
    def test_every_field_of_a_nested_object(self, cls, tables):
        """The first citation, role, position, variant, amount and count of each type, changed in every way."""
        raws = json.loads(read_bundled()[FILE_OF[cls.__name__]])
        fields = attrs.fields_dict(cls)
        seen: set[str] = set()
        for raw in raws:
            for name, value in raw.items():
                if name in seen or type(value) is not list or not value or type(value[0]) is not dict:
                    continue
                seen.add(name)
                value_type = typing.get_args(fields[name].type)[0]
                for _, changed in _variants(value[0]):
                    self._compare(value_type, changed, tables, top=False)
        assert seen

    def test_every_field_of_a_crosswalk_link(self, tables):
        """The first crosswalk link, each field changed in every hostile way."""
        raw = json.loads(read_bundled()["crosswalk.json"])[0]
        for _, changed in _variants(raw):
            self._compare(CrosswalkLink, changed, tables, top=False)
