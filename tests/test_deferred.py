"""The bundled data built type by type on first use (`hled._build.build_deferred`)."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest

import hled
from hled._agenda import Edition, Pillar, Workstream
from hled._build import build, build_deferred
from hled._dataset import REGISTRY_NAMES, Dataset, _dataset
from hled._load import FILES, intact, read_bundled, read_directory
from hled._model import Organization, Source
from hled._records import RECORD_TYPES

from .conftest import MINI

SCRIPTS = Path(__file__).resolve().parent.parent / "scripts"


def _fields(record: object) -> list[object]:
    """A record's every field, derived ones included, with records replaced by their ids."""
    import attrs

    return [
        [x.id if isinstance(x, hled.Record) else x for x in v] if isinstance(v, tuple) else getattr(v, "id", v)
        for v in attrs.astuple(record, recurse=False)
    ]


class TestDeferredBuild:
    def test_builds_what_the_full_build_builds(self):
        """Type by type, in any order, the deferred build gives the full build's records, links and order."""
        full = build(read_bundled())
        for first in (Edition, Organization, Source):
            deferred = build_deferred(read_bundled())
            deferred.of(first)
            for cls in RECORD_TYPES:
                got, want = deferred.of(cls), full.of(cls)
                assert got == want
                assert [_fields(r) for r in got] == [_fields(r) for r in want]
            assert deferred.links == full.links

    def test_first_lookup_builds_only_what_it_needs(self):
        """An organization lookup builds sources and organizations; a pillar pulls the plan it lists."""
        ds = _dataset(read_bundled, deferred=True)
        ds.organizations.lookup("USAID")
        assert set(ds._built.records) == {Source, Organization}
        assert ds.pillars.get("2021-pillar-1").workstreams
        assert Workstream in ds._built.records
        assert "events" not in ds._made

    def test_edited_bundled_files_get_the_full_build(self):
        """Files that differ from the release are built in full at once, so a bad one fails the first query."""
        files = read_bundled()
        assert intact(files)
        files["events.json"] = files["events.json"].replace(b'"id": "', b'"id": "X', 1)
        assert not intact(files)
        with pytest.raises(hled.DataError, match=r"events\.json") as exc_info:
            _dataset(lambda: dict(files), deferred=True)
        assert "must be a lowercase ASCII slug" in str(exc_info.value)

    def test_a_problem_found_late_is_raised_at_every_later_step(self):
        """Should a deferred file still fail, every step needing it raises DataError, and nothing half-built shows."""
        files = read_directory(MINI)
        files["events.json"] = b"[{}]"
        built = build_deferred(files)
        assert built.of(Organization)
        for _ in range(2):
            with pytest.raises(hled.DataError, match=r"events\.json"):
                built.of(hled.Event)
            with pytest.raises(hled.DataError, match=r"events\.json"):
                built.of(hled.Accomplishment)
        assert hled.Event not in built.records
        assert built.of(Pillar)
        for _ in range(2):
            assert built.links

    def test_a_broken_crosswalk_fails_every_time(self):
        files = read_directory(MINI)
        files["crosswalk.json"] = b"{}"
        built = build_deferred(files)
        for _ in range(2):
            with pytest.raises(hled.DataError, match=r"crosswalk\.json"):
                _ = built.links
        assert built.of(hled.Event)

    def test_an_interrupted_step_is_tried_again(self, monkeypatch):
        """An exception that is no data problem (an interrupt, a deep stack) leaves the step to be tried again."""
        from hled import _build

        want = build(read_bundled()).of(Organization)
        real = _build._structure_all
        calls = []

        def interrupted(*args: object) -> object:
            calls.append(args[1])
            if len(calls) == 2:
                raise KeyboardInterrupt
            return real(*args)  # type: ignore[arg-type]

        monkeypatch.setattr(_build, "_structure_all", interrupted)
        built = build_deferred(read_bundled())
        with pytest.raises(KeyboardInterrupt):
            built.of(Organization)
        assert built.records == {}
        assert built.of(Organization) == want
        assert calls == ["sources.json", "organizations.json", "sources.json", "organizations.json"]

    def test_a_deep_stack_is_not_a_data_problem_of_trusted_files(self):
        from hled._build import _decode

        nested = b"[" * 200_000 + b"]" * 200_000
        problems: list[str] = []
        assert _decode("x.json", nested, problems) is not None
        assert problems == ["x.json: invalid JSON: nested too deeply"]
        with pytest.raises(RecursionError):
            _decode("x.json", nested, [], trusted=True)

    def test_a_bad_meta_file_fails_at_once(self):
        files = read_directory(MINI)
        files["meta.json"] = b"[]"
        with pytest.raises(hled.DataError, match=r"meta\.json"):
            build_deferred(files)

    def test_links_are_built_with_their_stages(self):
        built = build_deferred(read_directory(MINI))
        links = built.links
        assert links == build(read_directory(MINI)).links
        assert {Pillar, Workstream} <= set(built.records)
        assert built.links is links

    def test_setting_a_registry_builds_nothing(self):
        ds = Dataset(build_deferred(read_directory(MINI)))
        for name in ("events", "registries", "agencies", "version", "search"):
            with pytest.raises(AttributeError, match="immutable"):
                setattr(ds, name, None)
        assert ds._made == {}
        assert ds._built.records == {}

    def test_every_registry_of_a_deferred_dataset(self):
        """A deferred dataset answers as a fully built one, registry by registry."""
        deferred, full = Dataset(build_deferred(read_directory(MINI))), hled.load(MINI)
        for name in REGISTRY_NAMES:
            assert list(getattr(deferred, name)) == list(getattr(full, name))
        assert deferred.digest == full.digest
        assert deferred.agencies is deferred.organizations


class TestChecksums:
    def test_current(self):
        """hled/_bundled.py records the shipped data files exactly (run scripts/make_checksums.py if not)."""
        spec = importlib.util.spec_from_file_location("make_checksums", SCRIPTS / "make_checksums.py")
        assert spec is not None
        assert spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        shipped = Path(hled.__file__).with_name("_bundled.py").read_text(encoding="utf-8")
        assert shipped == module.source(), "run python scripts/make_checksums.py"

    def test_check_mode(self):
        result = subprocess.run(
            [sys.executable, str(SCRIPTS / "make_checksums.py"), "--check"], capture_output=True, text=True, check=False
        )
        assert result.returncode == 0, result.stderr

    def test_every_file_is_covered(self):
        from hled._bundled import CHECKSUMS

        assert tuple(CHECKSUMS) == FILES
