from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

import hled
from hled._cli import main
from hled._export import export, export_file, write_csv, write_json

from .conftest import MINI, edit_file


@pytest.fixture(name="csv_dir", scope="module")
def _csv_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundled dataset exported as CSV tables."""
    out = tmp_path_factory.mktemp("csv")
    write_csv(hled.dataset(), out)
    return out


@pytest.fixture(name="package", scope="module")
def _package(csv_dir: Path) -> dict:
    """The exported datapackage.json."""
    return json.loads((csv_dir / "datapackage.json").read_text(encoding="utf-8"))


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


class TestCsv:
    def test_one_table_per_registry_and_crosswalk(self, package):
        """Every registry has a main table, and the crosswalk has one too."""
        names = [r["name"] for r in package["resources"]]

        assert set(names) >= {*hled.dataset().registries, "crosswalk"}
        assert len(names) == len(set(names))

    def test_row_counts(self, csv_dir):
        """Each main table has one row per record."""
        for name, registry in hled.dataset().registries.items():
            assert len(_rows(csv_dir / f"{name}.csv")) == len(registry), name

    def test_headers_match_the_descriptor(self, csv_dir, package):
        """Each CSV header lists exactly the descriptor's fields, in order."""
        for resource in package["resources"]:
            with (csv_dir / resource["path"]).open(encoding="utf-8", newline="") as handle:
                header = next(csv.reader(handle))

            assert header == [f["name"] for f in resource["schema"]["fields"]], resource["name"]

    def test_keys_hold(self, csv_dir, package):
        """Primary keys are unique and every foreign key value exists in the table it names."""
        tables = {r["name"]: _rows(csv_dir / r["path"]) for r in package["resources"]}
        for resource in package["resources"]:
            rows = tables[resource["name"]]
            key = resource["schema"]["primaryKey"]
            assert len({tuple(row[k] for k in key) for row in rows}) == len(rows), resource["name"]
            for fk in resource["schema"].get("foreignKeys", []):
                ref = fk["reference"]
                known = {row[ref["fields"]] for row in tables[ref["resource"]]}
                missing = {row[fk["fields"]] for row in rows} - known - {""}
                assert not missing, (resource["name"], fk["fields"], missing)

    def test_types_parse(self, csv_dir, package):
        """Integer, number, boolean and date fields hold values of their declared type."""
        checks = {"integer": int, "number": float, "date": pd.Timestamp, "boolean": {"true", "false"}.__contains__}
        for resource in package["resources"]:
            rows = _rows(csv_dir / resource["path"])
            for field in resource["schema"]["fields"]:
                check = checks.get(field["type"])
                for row in rows:
                    if check is not None and row[field["name"]] != "":
                        assert check(row[field["name"]]) is not False, (resource["name"], field["name"])

    def test_pandas_reads_the_tables(self, csv_dir):
        """pandas reads a main table with integer editions, parsed dates and id-and-name columns."""
        frame = pd.read_csv(csv_dir / "accomplishments.csv", parse_dates=["date_start", "date_end"])

        usaid = frame[frame["id"] == "2022-surges"].iloc[0]
        assert frame["edition"].dtype == "int64"
        assert str(frame["date_start"].dtype).startswith("datetime64")
        assert usaid["pillar"] == "2021-pillar-2"
        assert usaid["pillar_name"] == hled.pillars.get("2021-pillar-2").title

    def test_child_and_join_tables(self, csv_dir):
        """Lists of values and references come out as relational tables."""
        amounts = pd.read_csv(csv_dir / "accomplishments_amounts.csv")
        orgs = pd.read_csv(csv_dir / "accomplishments_organizations.csv")
        sources = pd.read_csv(csv_dir / "accomplishments_sources.csv")

        assert list(amounts.columns[:4]) == ["accomplishment_id", "seq", "id", "value"]
        assert amounts["value"].dtype.kind in "if"
        assert list(orgs.columns) == ["accomplishment_id", "organization_id"]
        assert list(sources.columns) == ["accomplishment_id", "seq", "source_id", "locator", "quality"]
        expected = {(a.id, o.id) for a in hled.accomplishments for o in a.organizations}
        assert set(orgs.itertuples(index=False, name=None)) == expected

    def test_crosswalk_table(self, csv_dir):
        """The crosswalk table holds every editorial link."""
        rows = _rows(csv_dir / "crosswalk.csv")

        links = hled.compare_editions().links
        assert [(r["earlier"], r["later"]) for r in rows] == [(link.earlier.id, link.later.id) for link in links]

    def test_cells_as_people_read_them(self, csv_dir):
        """A yes/no is true or false; a citation is its source id and, where it has one, its locator."""

        def cited(record):
            return "; ".join(f"{c.source.id} ({c.locator})" if c.locator else c.source.id for c in record.sources)

        events = {row["id"]: row for row in _rows(csv_dir / "events.csv")}
        assert {row["dialogue"] for row in events.values()} == {"true", "false"}
        for event in hled.events:
            assert events[event.id]["dialogue"] == ("true" if event.dialogue else "false")
            assert events[event.id]["sources"] == cited(event)
        people = {row["id"]: row for row in _rows(csv_dir / "people.csv")}
        assert all(people[p.id]["sources"] == cited(p) for p in hled.people)
        assert any(not c.locator for p in hled.people for c in p.sources)

    def test_a_person_of_no_known_country_has_an_empty_country_cell(self, data_dir, tmp_path):
        edit_file(data_dir, "people.json", lambda people: [person.pop("country", None) for person in people])

        write_csv(hled.load(data_dir), tmp_path)

        rows = _rows(tmp_path / "events_people.csv")
        assert rows
        assert {row["country"] for row in rows} == {""}

    def test_descriptor_metadata(self, package):
        """The package names its version and digest, and tables carry descriptions."""
        ds = hled.dataset()

        assert package["profile"] == "tabular-data-package"
        assert package["version"] == ds.version
        assert package["hled"] == {
            "digest": ds.digest,
            **{k: str(v) for k, v in (("released", ds.released), ("cutoff", ds.cutoff)) if v},
        }
        assert all(r["description"] for r in package["resources"])

    def test_self_references_get_distinct_columns(self, csv_dir):
        """A reference to the same record type (actions continuing actions) gets its own column name."""
        header = (csv_dir / "actions_continues.csv").read_text(encoding="utf-8").splitlines()[0]

        assert header == "action_id,continues_id"


class TestJson:
    def test_round_trip(self, tmp_path):
        """A JSON export loads back to an equal dataset, with the same digest."""
        ds = hled.dataset()

        write_json(ds, tmp_path)
        again = hled.load(tmp_path)

        assert again.digest == ds.digest
        assert again.version == ds.version
        for name, registry in ds.registries.items():
            assert [r.id for r in getattr(again, name)] == [r.id for r in registry]
        assert again.to_files() == ds.to_files()

    def test_writes_only_data_files(self, tmp_path):
        """A JSON export holds the data files and nothing else."""
        written = write_json(hled.dataset(), tmp_path)

        assert sorted(p.name for p in written) == sorted(p.name for p in tmp_path.iterdir())
        assert {p.name for p in written} == {
            "meta.json",
            *(f"{n}.json" for n in hled.dataset().registries),
            "crosswalk.json",
        }


class TestWholeOrNothing:
    """An export replaces its folder whole, or leaves it as it was, whatever interrupts it."""

    @pytest.mark.parametrize("fmt", ["json", "csv"])
    def test_interrupted_at_each_file(self, monkeypatch, tmp_path, fmt):
        """Ctrl-C at the k-th file written: the folder still holds the old export, and nothing else is left."""
        ds = hled.load(MINI)
        out = tmp_path / "out"
        export(ds, fmt, out)
        before = {p.name: p.read_bytes() for p in out.iterdir()}
        real = {"open": Path.open, "write_text": Path.write_text, "write_bytes": Path.write_bytes}

        for k in range(len(before)):
            count = [0]

            def counting(name: str, _k: int = k, _count: list[int] = count) -> Any:
                def wrapper(self: Path, *args: Any, **kwargs: Any) -> Any:
                    _count[0] += 1
                    if _count[0] > _k:
                        raise KeyboardInterrupt
                    return real[name](self, *args, **kwargs)

                return wrapper

            for name in real:
                monkeypatch.setattr(Path, name, counting(name))
            with pytest.raises(KeyboardInterrupt):
                export(ds, fmt, out, force=True)
            monkeypatch.undo()

            assert {p.name: p.read_bytes() for p in out.iterdir()} == before
            assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]

    def test_replaced_whole_with_force(self, tmp_path):
        """A second export replaces the folder: a stray file of the old one does not survive."""
        out = tmp_path / "out"
        export(hled.load(MINI), "json", out)
        (out / "stray.txt").write_text("old")

        with pytest.raises(ValueError, match="holds files; pass --force"):
            export(hled.load(MINI), "json", out)
        export(hled.load(MINI), "csv", out, force=True)

        assert not (out / "stray.txt").exists()
        assert (out / "datapackage.json").exists()
        assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]

    def test_refused_targets(self, capsys, tmp_path):
        """An empty --out and a folder holding files (without --force) are usage errors; nothing is written."""
        (tmp_path / "keep.txt").write_text("mine")

        assert main(["export", "--format", "csv", "--out", "", "--data", str(MINI)]) == 2
        assert main(["export", "--format", "csv", "--out", str(tmp_path), "--data", str(MINI)]) == 2
        err = capsys.readouterr().err
        assert "--out must name a directory to write, got ''" in err
        assert "holds files; pass --force to replace it whole" in err
        assert [p.name for p in tmp_path.iterdir()] == ["keep.txt"]

    def test_ctrl_c_exits_130_with_one_line(self, capsys, monkeypatch, tmp_path):
        """An interrupted command prints one line, no traceback, and exits 130."""
        from hled import _cli

        def interrupted(*args: object, **kwargs: object) -> None:
            raise KeyboardInterrupt

        monkeypatch.setattr(_cli, "export", interrupted)

        assert main(["export", "--format", "json", "--out", str(tmp_path / "x"), "--data", str(MINI)]) == 130
        assert capsys.readouterr().err == "hled: interrupted\n"

    def test_interrupted_between_the_renames(self, monkeypatch, tmp_path):
        """Ctrl-C after the old folder moved aside and before the new one moved in: the old one goes back."""
        out = tmp_path / "out"
        export(hled.load(MINI), "json", out)
        before = {p.name: p.read_bytes() for p in out.iterdir()}
        real_rename = Path.rename
        calls: list[Path] = []

        def second_fails(self: Path, target: Any) -> Any:
            calls.append(self)
            if len(calls) == 2:
                raise KeyboardInterrupt
            return real_rename(self, target)

        monkeypatch.setattr(Path, "rename", second_fails)
        with pytest.raises(KeyboardInterrupt):
            export(hled.load(MINI), "csv", out, force=True)
        monkeypatch.undo()

        assert {p.name: p.read_bytes() for p in out.iterdir()} == before
        assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]

    def test_the_folder_is_an_ordinary_one(self, tmp_path, monkeypatch):
        """The export is a folder of the user's usual mode; the working folder is filled in place."""
        import os

        out = tmp_path / "out"
        export(hled.load(MINI), "json", out)
        probe = tmp_path / "probe"
        probe.mkdir()

        assert out.stat().st_mode & 0o777 == probe.stat().st_mode & 0o777
        here = tmp_path / "here"
        here.mkdir()
        monkeypatch.chdir(here)
        export(hled.load(MINI), "json", Path("."))
        assert (here / "meta.json").is_file()
        assert Path(os.getcwd()) == here
        with pytest.raises(ValueError, match=r"^'") as info:
            export(hled.load(MINI), "json", Path("."), force=True)
        assert (
            str(info.value) == f"{str(here)!r} cannot be replaced whole where it is; empty it or choose another --out"
        )

    def test_force_replaces_only_an_export(self, tmp_path):
        """--force refuses a folder that is no earlier export, and a symbolic link."""
        mine = tmp_path / "mine"
        mine.mkdir()
        (mine / "thesis.tex").write_text("precious")
        (tmp_path / "link").symlink_to(mine)

        with pytest.raises(ValueError, match="no earlier export"):
            export(hled.load(MINI), "json", mine, force=True)
        with pytest.raises(ValueError, match="is a symbolic link"):
            export(hled.load(MINI), "json", tmp_path / "link", force=True)
        assert [p.name for p in mine.iterdir()] == ["thesis.tex"]

    @pytest.mark.parametrize(("fmt", "made"), [("csv", "datapackage.json"), ("json", "meta.json")])
    def test_a_folder_that_cannot_be_swapped_is_filled_in_place(self, tmp_path, monkeypatch, fmt, made):
        """Where the parent is not writable (or out is a mount point), an empty out is filled in place."""
        out = tmp_path / "out"
        out.mkdir()
        real_rename = Path.rename

        def busy(self: Path, target: Any) -> Any:
            if self == out:
                raise OSError(16, "Device or resource busy")
            return real_rename(self, target)

        monkeypatch.setattr(Path, "rename", busy)
        export(hled.load(MINI), fmt, out)
        monkeypatch.undo()

        assert (out / made).is_file()
        assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]

    def test_an_unwritable_parent_and_an_interrupted_fill(self, tmp_path, monkeypatch):
        """With no folder to write beside out, out is filled in place; interrupted, it is empty again."""
        from hled import _export

        out = tmp_path / "out"
        out.mkdir()

        def refused(*args: Any) -> Path:
            raise PermissionError(13, "Permission denied")

        monkeypatch.setattr(_export, "_new_folder", refused)
        export(hled.load(MINI), "json", out)
        assert (out / "meta.json").is_file()

        empty = tmp_path / "empty"
        empty.mkdir()
        real_write = _export.write_json

        def interrupted(ds: Any, folder: Path) -> Any:
            real_write(ds, folder)
            raise KeyboardInterrupt

        monkeypatch.setattr(_export, "write_json", interrupted)
        with pytest.raises(KeyboardInterrupt):
            export(hled.load(MINI), "json", empty)
        assert list(empty.iterdir()) == []


def _watch_renames(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    """The renames made from now on, as (name, new name)."""
    renames: list[tuple[str, str]] = []
    real_rename = Path.rename

    def watched(self: Path, target: Any) -> Any:
        renames.append((self.name, Path(target).name))
        return real_rename(self, target)

    monkeypatch.setattr(Path, "rename", watched)
    return renames


class TestWhatTheUserSees:
    """The messages, the folders an export makes and the names it works under."""

    def test_each_refusal_names_the_target_and_what_would_do(self, tmp_path):
        ds = hled.load(MINI)
        folder, file = tmp_path / "folder", tmp_path / "file.txt"
        folder.mkdir()
        (folder / "x.txt").write_text("x")
        file.write_text("x")
        to_folder, to_file = tmp_path / "to-folder", tmp_path / "to-file"
        to_folder.symlink_to(folder)
        to_file.symlink_to(file)
        cases = [
            (
                lambda: export(ds, "json", to_folder),
                f"{str(to_folder)!r} is a symbolic link; give the folder it points to",
            ),
            (lambda: export(ds, "json", file), f"{str(file)!r} exists and is not a directory"),
            (
                lambda: export(ds, "csv", folder),
                f"{str(folder)!r} exists and holds files; pass --force to replace it whole",
            ),
            (
                lambda: export(ds, "csv", folder, force=True),
                f"{str(folder)!r} holds files but no earlier export (no meta.json, no datapackage.json); "
                "--force replaces only an export",
            ),
            (
                lambda: export_file(ds, "csl-json", folder),
                f"{str(folder)!r} is a directory; give a file name for --out",
            ),
            (
                lambda: export_file(ds, "csl-json", to_folder),
                f"{str(to_folder)!r} is a symbolic link; give a file name for --out",
            ),
            (
                lambda: export_file(ds, "csl-json", to_file),
                f"{str(to_file)!r} is a symbolic link; give a file name for --out",
            ),
            (lambda: export_file(ds, "csl-json", file), f"{str(file)!r} exists; pass --force to replace it"),
        ]
        for call, message in cases:
            with pytest.raises(ValueError, match=r"^'") as info:
                call()
            assert str(info.value) == message
        assert sorted(p.name for p in tmp_path.iterdir()) == ["file.txt", "folder", "to-file", "to-folder"]

    def test_missing_parents_are_made(self, tmp_path):
        ds = hled.load(MINI)
        export(ds, "json", tmp_path / "a" / "b" / "out")
        export_file(ds, "csl-json", tmp_path / "c" / "d" / "refs.json")

        assert (tmp_path / "a" / "b" / "out" / "meta.json").is_file()
        assert (tmp_path / "c" / "d" / "refs.json").is_file()

    @pytest.mark.parametrize("fmt", ["json", "csv"])
    def test_work_is_done_beside_the_target_under_hidden_names(self, tmp_path, monkeypatch, fmt):
        """The new export is made in .out.XXXXXXXX.partial, the old moved to .out.XXXXXXXX.old, then removed."""
        import re

        ds, out = hled.load(MINI), tmp_path / "out"
        export(ds, fmt, out)
        renames = _watch_renames(monkeypatch)
        export(ds, fmt, out, force=True)
        monkeypatch.undo()

        (aside, old), (partial, back) = renames
        assert (aside, back) == ("out", "out")
        assert re.fullmatch(r"\.out\.[0-9a-f]{8}\.old", old), old
        assert re.fullmatch(r"\.out\.[0-9a-f]{8}\.partial", partial), partial
        assert old.removesuffix(".old") == partial.removesuffix(".partial")
        assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]

    def test_a_file_is_written_beside_itself_under_a_hidden_name(self, tmp_path, monkeypatch):
        import re

        from hled import _tables

        seen: list[Path] = []
        real = _tables.write_csl

        def watched(ds: Any, path: Path) -> Any:
            seen.append(path)
            return real(ds, path)

        monkeypatch.setattr(_tables, "write_csl", watched)
        export_file(hled.load(MINI), "csl-json", tmp_path / "refs.json")

        assert [p.parent for p in seen] == [tmp_path]
        assert re.fullmatch(r"\.refs\.json\.[0-9a-f]{8}\.partial", seen[0].name), seen[0].name
        assert sorted(p.name for p in tmp_path.iterdir()) == ["refs.json"]

    def test_a_taken_work_name_is_left_alone(self, tmp_path, monkeypatch):
        """If the random name is taken (by another export running), another is drawn."""
        from hled import _export

        names = iter(["00000000", "11111111"])
        monkeypatch.setattr(_export.secrets, "token_hex", lambda n: next(names))
        theirs = tmp_path / ".out.00000000.partial"
        theirs.mkdir()
        (theirs / "meta.json").write_text("{}")

        renames = _watch_renames(monkeypatch)
        export(hled.load(MINI), "json", tmp_path / "out")

        assert renames == [(".out.11111111.partial", "out")]
        assert (tmp_path / "out" / "meta.json").read_text() != "{}"
        assert (theirs / "meta.json").read_text() == "{}"
        assert sorted(p.name for p in tmp_path.iterdir()) == [".out.00000000.partial", "out"]

    @pytest.mark.parametrize("fmt", ["json", "csv"])
    def test_interrupted_first_export_leaves_nothing(self, tmp_path, monkeypatch, fmt):
        """Ctrl-C during a first export: the interruption is what the user sees, and no folder is left."""
        from hled import _export

        def interrupted(ds: Any, folder: Path) -> Any:
            (folder / "half.json").write_text("{")
            raise KeyboardInterrupt

        monkeypatch.setattr(_export, f"write_{fmt}", interrupted)
        with pytest.raises(KeyboardInterrupt):
            export(hled.load(MINI), fmt, tmp_path / "out")

        assert list(tmp_path.iterdir()) == []

    def test_an_interruption_stays_the_error_when_cleaning_up_fails(self, tmp_path, monkeypatch):
        """If the half-made folder cannot be removed, the user still sees the interruption, not the cleanup."""
        import shutil

        from hled import _export

        def interrupted(ds: Any, folder: Path) -> Any:
            raise KeyboardInterrupt

        def stuck(path: Any, ignore_errors: bool = False) -> None:
            if not ignore_errors:
                raise OSError(16, "Device or resource busy", str(path))

        monkeypatch.setattr(_export, "write_json", interrupted)
        monkeypatch.setattr(shutil, "rmtree", stuck)
        with pytest.raises(KeyboardInterrupt):
            export(hled.load(MINI), "json", tmp_path / "out")


SNAPSHOTS = Path(__file__).parent / "fixtures" / "mini-export"


class TestAsReviewed:
    """The mini dataset's exports, byte for byte, are the files reviewed in tests/fixtures/mini-export.

    Every key of a descriptor, every column and line ending is what a reader of the export
    relies on. After changing an export on purpose: HLED_UPDATE_SNAPSHOTS=1 pytest tests/test_export.py
    """

    @pytest.mark.parametrize("fmt", ["csv", "json"])
    def test_folders(self, mini, tmp_path, fmt):
        written = export(mini, fmt, tmp_path / fmt)

        got = {p.name: p.read_bytes() for p in sorted((tmp_path / fmt).iterdir())}
        assert sorted(p.name for p in written) == sorted(got)
        _same_as_reviewed(got, SNAPSHOTS / fmt)

    @pytest.mark.parametrize(("fmt", "name"), [("csl-json", "mini.csl.json"), ("datasette-metadata", "metadata.json")])
    def test_files(self, mini, tmp_path, fmt, name):
        assert export_file(mini, fmt, tmp_path / name) == [tmp_path / name]

        _same_as_reviewed({name: (tmp_path / name).read_bytes()}, SNAPSHOTS / "files", only=True)


def _same_as_reviewed(got: dict[str, bytes], folder: Path, *, only: bool = False) -> None:
    import os

    if os.environ.get("HLED_UPDATE_SNAPSHOTS") == "1":
        folder.mkdir(parents=True, exist_ok=True)
        for name, data in got.items():
            (folder / name).write_bytes(data)
    reviewed = {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if not only or p.name in got}
    assert sorted(got) == sorted(reviewed)
    for name, data in got.items():
        assert data.decode("utf-8").splitlines(keepends=True) == reviewed[name].decode("utf-8").splitlines(
            keepends=True
        ), name


def test_without_docstrings_a_column_is_described_by_its_name(mini, tmp_path, monkeypatch):
    """Under python -OO there are no docstrings to describe columns: each falls back to its name."""
    from hled import _export

    monkeypatch.setattr(_export, "field_descriptions", lambda cls: {})
    write_csv(mini, tmp_path)

    package = json.loads((tmp_path / "datapackage.json").read_text(encoding="utf-8"))
    fields = {r["name"]: {f["name"]: f.get("description") for f in r["schema"]["fields"]} for r in package["resources"]}
    assert fields["crosswalk"]["earlier"] == "earlier (its id)"
    assert fields["crosswalk"]["later"] == "later (its id)"
    assert fields["crosswalk"]["rationale"] == "rationale"
    assert fields["people_positions"]["start"] == "start"
    assert fields["people_positions"]["end"] == "end"
