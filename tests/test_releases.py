"""Data releases other projects can pin: a version and a date, ids that never go, and a diff between releases."""

from __future__ import annotations

import json
import shutil
from importlib.resources import files
from pathlib import Path

import pytest

import hled
from hled._cli import main

DATA_010 = Path(__file__).parent / "fixtures" / "data-0.1.0"  # the data files of the 0.1.0 release, as released
IDS_010 = {
    path.stem: [r["id"] for r in json.loads(path.read_text(encoding="utf-8"))]
    for path in DATA_010.glob("*.json")
    if path.name not in ("meta.json", "crosswalk.json")
}


@pytest.fixture
def bundled_dir(tmp_path: Path) -> Path:
    target = tmp_path / "data"
    shutil.copytree(Path(str(files("hled") / "data")), target)
    return target


def _records(folder: Path, name: str) -> list[dict]:
    return json.loads((folder / name).read_text(encoding="utf-8"))


def _write(folder: Path, name: str, value: object) -> None:
    (folder / name).write_text(json.dumps(value, ensure_ascii=False), encoding="utf-8")


class TestRelease:
    def test_version_date_digest(self):
        """The bundled release says its version, its date, its cut-off and its digest."""
        ds = hled.dataset()

        assert ds.version == "2026.12.0"
        assert str(ds.released) == "2026-12-03"
        assert str(ds.cutoff) == "2024-12-31"
        assert len(ds.digest) == 64

    def test_the_datapackage_names_the_release(self, tmp_path):
        """The CSV export's descriptor carries the version, the date, the cut-off and the digest."""
        assert main(["export", "--format", "csv", "--out", str(tmp_path / "csv")]) == 0
        package = json.loads((tmp_path / "csv" / "datapackage.json").read_text(encoding="utf-8"))

        assert package["version"] == "2026.12.0"
        assert package["hled"]["released"] == "2026-12-03"
        assert package["hled"]["cutoff"] == "2024-12-31"


class TestIdsAreForever:
    @pytest.mark.parametrize("registry", sorted(IDS_010))
    def test_every_010_id_resolves(self, registry):
        """Every id released in 0.1.0 still gets a record."""
        reg = getattr(hled, registry)

        assert all(reg.get(rid) is not None for rid in IDS_010[registry])

    def test_the_010_list_is_whole(self):
        assert sum(map(len, IDS_010.values())) == 413

    def test_a_redirect_is_followed_and_checked(self, bundled_dir):
        """A merged record's old id is a redirect that get follows; a redirect must lead somewhere."""
        meta = json.loads((bundled_dir / "meta.json").read_text(encoding="utf-8"))
        orgs = [o for o in _records(bundled_dir, "organizations.json") if o["id"] != "promexico"]
        _write(bundled_dir, "organizations.json", orgs)
        people = _records(bundled_dir, "people.json")
        _write(bundled_dir, "people.json", people)
        meta["redirects"] = {"organizations": {"promexico": "se"}}
        _write(bundled_dir, "meta.json", meta)
        for name in ("events.json", "accomplishments.json", "programs.json", "actions.json"):
            records = _records(bundled_dir, name)
            for record in records:
                if "promexico" in record.get("organizations", ()):
                    record["organizations"].remove("promexico")
            _write(bundled_dir, name, records)

        ds = hled.load(bundled_dir)

        assert ds.organizations.get("promexico").id == "se"
        assert ds.redirects == {"organizations": {"promexico": "se"}}
        changes = hled.diff(hled.dataset(), ds)
        assert [str(c) for c in changes.removed] == ["organizations/promexico -> se"]

        meta["redirects"] = {"planets": {}, "organizations": {"se": "nowhere"}}
        _write(bundled_dir, "meta.json", meta)
        with pytest.raises(hled.DataError) as caught:
            hled.load(bundled_dir)
        assert caught.value.problems[:3] == (  # an unknown registry first, and the next still checked
            "meta.json: redirects name no registry 'planets'; registries: sources, organizations, people, editions, "
            "pillars, workstreams, programs, actions, events, accomplishments @ $.redirects",
            "meta.json: redirect from 'se', which is still an id in organizations @ $.redirects.organizations",
            "meta.json: redirect to 'nowhere', which is no id in organizations @ $.redirects.organizations",
        )

    @pytest.mark.parametrize("bad", [[], {"organizations": ["a"]}, {"organizations": {"a": 1}}])
    def test_redirects_of_the_wrong_shape(self, bundled_dir, bad):
        meta = json.loads((bundled_dir / "meta.json").read_text(encoding="utf-8"))
        meta["redirects"] = bad
        _write(bundled_dir, "meta.json", meta)

        with pytest.raises(hled.DataError, match="redirects must map a registry to old and new ids"):
            hled.load(bundled_dir)


class TestDiff:
    def test_same_data_no_differences(self, bundled_dir, capsys):
        found = hled.diff(bundled_dir)

        assert not found
        assert main(["diff", str(bundled_dir)]) == 0
        assert "0 added, 0 removed, 0 changed" in capsys.readouterr().out

    def test_added_removed_changed_with_fields(self, bundled_dir, capsys):
        """Each record added, removed or changed is named, a change with its fields (one removed too)."""
        events = _records(bundled_dir, "events.json")
        launch = next(e for e in events if e["id"] == "2013-launch")
        launch["place"] = "Somewhere else"
        del launch["edition"]
        events.append({**launch, "id": "2099-new-meeting"})
        _write(bundled_dir, "events.json", events)
        _write(bundled_dir, "sources.json", [*_records(bundled_dir, "sources.json"), {"id": "x", "title": "t"}])

        found = hled.diff(bundled_dir, hled.dataset())

        assert [str(c) for c in found.added] == []
        assert [str(c) for c in found.removed] == ["sources/x", "events/2099-new-meeting"]
        assert [str(c) for c in found.changed] == ["events/2013-launch: place, edition"]
        assert found.summary() == [
            "sources: 1 removed",
            "events: 1 removed, 1 changed (fields changed: place 1, edition 1)",
        ]
        assert main(["diff", str(bundled_dir), "--format", "json"]) == 1
        assert json.loads(capsys.readouterr().out)["changed"][0]["fields"] == ["place", "edition"]

    def test_against_the_010_release_as_the_changelog_says(self):
        """From 0.1.0's data nothing was removed, and the CHANGELOG's data section is the diff's summary."""
        found = hled.diff(DATA_010)
        changelog = (Path(__file__).parent.parent / "CHANGELOG.md").read_text(encoding="utf-8")

        assert (found.old, found.new, found.removed) == ("2026.11.0", "2026.12.0", ())
        assert all(f"- {line}\n" in changelog for line in found.summary())
        text = found.to_markdown()
        assert "\n#### Added\n\n- `sources/" in text
        assert "\n#### Changed\n\n- `" in text
        assert "#### Removed" not in text

    def test_errors(self, tmp_path, capsys):
        with pytest.raises(TypeError, match="old must be a Dataset or a data directory's path, got int 3"):
            hled.diff(3)
        assert main(["diff", str(tmp_path / "nope")]) == 2
        assert "does not exist" in capsys.readouterr().err
        (tmp_path / "bad").mkdir()
        for name in hled._dataset.FILES:
            (tmp_path / "bad" / name).write_text(
                "{" if name == "events.json" else "[]" if name != "meta.json" else "{}"
            )
        with pytest.raises(hled.DataError, match=r"events\.json: not JSON"):
            hled.diff(tmp_path / "bad")


class TestTheReading:
    def test_every_record_and_source_was_read(self):
        """The December 2026 reading covers every record and every source of the bundled data."""
        folder = Path(__file__).parent.parent / "docs" / "audit" / "2026-12"
        read, checked = set(), set()
        for path in sorted(folder.glob("verdicts-*.json")):
            batch = json.loads(path.read_text(encoding="utf-8"))
            read |= {(r["registry"], r["id"]) for r in batch["records"]}
            checked |= {s["source"] for s in batch["sources_checked"]}
            assert all(c["verdict"] in VERDICTS for r in batch["records"] for c in r["claims"])

        everything = {(name, r.id) for name, reg in hled.dataset().registries.items() if name != "sources" for r in reg}
        assert everything <= read
        assert {s.id for s in hled.sources} <= checked


VERDICTS = {"supported", "wrong", "unsupported", "miscited", "inferred", "unverified"}
