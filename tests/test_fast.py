from __future__ import annotations

import json
import subprocess
import sys
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import hled
from hled import _convert, _fast
from hled._build import build
from hled._load import FILES, read_bundled

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
        patch.setattr(_convert, "_fast_structure", lambda raw, cls, *, top: None)
        return outcome(files)


class TestFastPath:
    def test_bundled_data_builds_equal(self, monkeypatch):
        """The fast path builds exactly the records the converter builds from the bundled data."""
        files = read_bundled()
        fast = outcome(files)

        slow = slow_outcome(monkeypatch, files)

        assert fast[0] == "built"
        assert fast == slow

    def test_unknown_types_are_left_to_the_converter(self):
        """A type the fast path does not know how the converter treats raises Unsure, never a guess."""
        for unknown in (int | str, dict, list[int]):
            with pytest.raises(_fast.Unsure):
                _fast.structurer(unknown)

    def test_first_query_needs_neither_cattrs_nor_dateutil(self):
        """import hled and a first lookup import neither cattrs nor dateutil (nor difflib, hashlib)."""
        code = (
            "import sys, hled\n"
            "hled.organizations.lookup('USAID')\n"
            "heavy = ('cattrs', 'dateutil', 'difflib', 'hashlib', 'importlib.resources', 'importlib.metadata')\n"
            "print(sorted(m for m in heavy if m in sys.modules))\n"
        )

        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout

        assert out.split() == ["[]"]

    @FUZZ
    @given(data=st.data())
    def test_mutations_give_what_the_converter_gives(self, monkeypatch, data):
        """One field of one record replaced, added or removed: the records or messages the converter gives."""
        files = read_bundled()
        name = data.draw(st.sampled_from(RECORD_FILES))
        records = json.loads(files[name])
        index = data.draw(st.integers(0, len(records) - 1))
        record = records[index]
        field = data.draw(st.sampled_from([*sorted(record), "no_such_field"]))
        if data.draw(st.booleans()) and field in record:
            del record[field]
        else:
            record[field] = data.draw(st.sampled_from(HOSTILE))
        mutated = {**files, name: json.dumps(records).encode()}
        fast = outcome(mutated)

        slow = slow_outcome(monkeypatch, mutated)

        assert fast == slow
