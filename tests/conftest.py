from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, settings

import hled

MINI = Path(__file__).parent / "fixtures" / "mini"
# the fuzz tests' settings: the same examples on every run; each test sets its own count
FUZZ = settings(
    derandomize=True,
    database=None,
    deadline=None,
    max_examples=25,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Under mutmut (scripts/mutation), run the fastest tests first: a mutant is then killed sooner.

    mutmut runs a mutant's tests with ``-x`` in the order of a set; the durations are those
    it measured (mutants/mutmut-stats.json, in the folder it runs from).
    """
    stats = Path("mutmut-stats.json")
    if "MUTANT_UNDER_TEST" in os.environ and stats.is_file():
        took = json.loads(stats.read_text(encoding="utf-8"))["duration_by_test"]
        items.sort(key=lambda item: took.get(item.nodeid, 0.0))


# mutmut runs a mutant against the tests its stats run saw calling the mutated function. Work
# done once and kept sees only its first test: hled's import-time code (registries declare their
# criteria, the criteria factories make their readers), run while the tests are collected; a
# shared fixture (an export made once for a module's tests); an index a dataset computes once and
# keeps. Under the stats run each is charged to every test that relies on it: collection to all,
# a fixture to the tests using it, and the default dataset forgets what it computed before each
# test, so that each test computes (and is charged with) what it uses. A mutant of shared work
# changes what every one of those tests sees, so each is a fair judge of it.
_STATS_RUN = os.environ.get("MUTANT_UNDER_TEST") == "stats"
_AT_COLLECTION: set[str] = set()
_BY_FIXTURE: dict[str, set[str]] = {}


def pytest_collection_finish(session: pytest.Session) -> None:
    if _STATS_RUN:
        from mutmut.state import state

        _AT_COLLECTION.update(state()._stats)


@pytest.hookimpl(wrapper=True)
def pytest_fixture_setup(fixturedef: pytest.FixtureDef[object]) -> object:
    if not _STATS_RUN:
        return (yield)
    from mutmut.state import state

    before = set(state()._stats)
    state()._stats.clear()
    try:
        return (yield)
    finally:
        _BY_FIXTURE.setdefault(fixturedef.argname, set()).update(state()._stats)
        state()._stats.update(before)


@pytest.fixture(autouse=True)
def _computed_afresh() -> None:
    if _STATS_RUN:
        hled.dataset()._memo.clear()  # type: ignore[attr-defined]


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_teardown(item: pytest.Item) -> None:
    if _STATS_RUN:
        from mutmut.state import state

        state()._stats.update(_AT_COLLECTION)
        for name in getattr(item, "fixturenames", ()):
            state()._stats.update(_BY_FIXTURE.get(name, ()))


def citations_in(record: object, *, top: bool = True) -> list[hled.Citation]:
    """Every citation a record holds, at any depth of its values (a position's tenure, a name's sources).

    References to other records are not followed: their citations are theirs.
    """
    if isinstance(record, hled.Citation):
        return [record]
    if isinstance(record, tuple):
        return [c for item in record for c in citations_in(item, top=False)]
    if (top or not isinstance(record, hled.Record)) and hasattr(type(record), "__attrs_attrs__"):
        return [c for f in type(record).__attrs_attrs__ for c in citations_in(getattr(record, f.name), top=False)]
    return []


def run_python(code: str, **kwargs: object) -> str:
    """Run *code* in a fresh interpreter (this one's); return what it printed."""
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, **kwargs)  # type: ignore[call-overload]
    return result.stdout


def edit_file(folder: Path, name: str, change: Callable[[Any], object]) -> None:
    """Rewrite the data file *name* in *folder* after *change* edits its parsed JSON in place."""
    path = folder / name
    records = json.loads(path.read_text(encoding="utf-8"))
    change(records)
    path.write_text(json.dumps(records, ensure_ascii=False), encoding="utf-8")


@pytest.fixture(name="mini", scope="session")
def _mini() -> hled.Dataset:
    """A small dataset of real seed records, independent of the bundled data."""
    return hled.load(MINI)


@pytest.fixture(name="data_dir")
def _data_dir(tmp_path: Path) -> Path:
    """A writable copy of the mini data directory."""
    target = tmp_path / "data"
    shutil.copytree(MINI, target)
    return target
