"""Bad data never loads: mutated data directories raise one DataError naming every problem.

Each mutation is either harmful (the data is wrong: `hled.load` must raise one
`DataError` whose lines name the file, the record id where the record has one,
and the `$` path of the field) or harmless (only the formatting changed: the
load must give a dataset with the digest of the unmutated one). The default
dataset is never touched by any of it.
"""

from __future__ import annotations

import contextlib
import copy
import io
import json
import random
import re
import shutil
from collections.abc import Callable
from importlib.resources import files
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import hled
from hled._cli import main

from .conftest import FUZZ as FUZZ_BASE
from .conftest import MINI

FILES = hled._dataset.FILES
CLASS_OF: dict[str, type] = {
    "sources.json": hled.Source,
    "organizations.json": hled.Organization,
    "people.json": hled.Person,
    "editions.json": hled.Edition,
    "pillars.json": hled.Pillar,
    "workstreams.json": hled.Workstream,
    "programs.json": hled.Program,
    "actions.json": hled.Action,
    "events.json": hled.Event,
    "accomplishments.json": hled.Accomplishment,
    "crosswalk.json": hled.CrosswalkLink,
}
REFERENCES = frozenset(
    {
        "pillar",
        "workstream",
        "organizations",
        "organization",
        "programs",
        "people",
        "chairs",
        "leaders",
        "pillars",
        "events",
        "continues",
        "parent",
        "source",
        "earlier",
        "later",
    }
)
DATES = frozenset({"date", "announced", "launched", "published", "started", "start", "end"})
BAD_DATES = ("2021-02-30", "2021-13", "2021-00-10", "0000", "2021-1", "21", "2021-09-09/2021-09-08", "٢٠٢١", "")
FUZZ = settings(FUZZ_BASE, max_examples=60)
DEFAULT_DIGEST = hled.dataset().digest


def bundled_dir(target: Path) -> Path:
    """Copy the data files shipped in the package (read as resources, zip-safe) into *target*."""
    target.mkdir()
    for name in FILES:
        (target / name).write_bytes((files("hled") / "data" / name).read_bytes())
    return target


def problems_of(folder: Path) -> tuple[str, ...]:
    """The problems hled.load reports for *folder* (failing the test if it loads)."""
    with pytest.raises(hled.DataError) as exc_info:
        hled.load(folder)
    return exc_info.value.problems


def assert_named(problems: tuple[str, ...], file: str, rid: str | None, path: str | None) -> None:
    """Every line names a data file; one names *file*, the record *rid* and the field *path*."""
    assert problems
    for line in problems:
        assert line.split(":", 1)[0] in FILES, line
        assert "\n" not in line
        assert len(line) < 2_000, line[:300]
        if ": record " in line or ": link #" in line:
            assert " @ $" in line, line
    wanted = [
        line
        for line in problems
        if line.startswith(f"{file}:")
        and (rid is None or f": record {rid!r} (" in line or f": record {rid!r}:" in line)
        and (path is None or line.endswith(f" @ {path}"))
    ]
    assert wanted, (file, rid, path, problems)


# ---- the named cases ----------------------------------------------------------------------


def edit(name: str, change: Callable[[Any], Any]) -> Callable[[Path], None]:
    """A mutation that rewrites one file's JSON through *change* (which edits in place or returns new data)."""

    def mutate(folder: Path) -> None:
        data = json.loads((folder / name).read_text(encoding="utf-8"))
        changed = change(data)
        text = json.dumps(data if changed is None else changed)
        (folder / name).write_text(text, encoding="utf-8")

    return mutate


def record(name: str, index: int, change: Callable[[dict[str, Any]], Any]) -> Callable[[Path], None]:
    """A mutation of one record of one file."""

    def change_one(records: list[Any]) -> None:
        change(records[index])

    return edit(name, change_one)


def write(name: str, content: bytes) -> Callable[[Path], None]:
    """A mutation that replaces one file's bytes."""
    return lambda folder: (folder / name).write_bytes(content)


def pad_to_10_mb(folder: Path) -> None:
    """A pillar title of 10 MB, with an outer space: invalid, and the message must stay short."""
    data = json.loads((folder / "pillars.json").read_text(encoding="utf-8"))
    data[0]["title"] = "x" * 10_000_000 + " "
    (folder / "pillars.json").write_text(json.dumps(data), encoding="utf-8")


def directory_instead_of_file(folder: Path) -> None:
    """events.json is a directory."""
    (folder / "events.json").unlink()
    (folder / "events.json").mkdir()


def nested(depth: int) -> Any:
    """A list nested *depth* deep."""
    value: Any = "x"
    for _ in range(depth):
        value = [value]
    return value


NAMED: dict[str, tuple[Callable[[Path], None], str]] = {
    "dropped required key": (
        record("pillars.json", 0, lambda r: r.pop("title")),
        "pillars.json: record '2013-pillar-1' (#0): required field missing @ $.title",
    ),
    "extra key": (
        record("programs.json", 0, lambda r: r.update(colour="red")),
        "programs.json: record 'surges' (#0): unknown field(s) 'colour'; Program fields are: id, name, acronym, "
        "name_es, aliases, kind, summary, organizations, pillar, edition, started, sources, inferred, notes, "
        "variants @ $",
    ),
    "extra key in a citation": (
        record("events.json", 0, lambda r: r["sources"][0].update(page=3)),
        "events.json: record '2013-announcement' (#0): unknown field(s) 'page'; Citation fields are: source, "
        "locator @ $.sources[0]",
    ),
    "wrong type": (
        record("organizations.json", 0, lambda r: r.update(name=["Environmental Protection Agency"])),
        "organizations.json: record 'epa' (#0): expected str, got list ['Environmental Protection Agency'] @ $.name",
    ),
    "bool for int": (
        record("pillars.json", 1, lambda r: r.update(number=True)),
        "pillars.json: record '2013-pillar-2' (#1): expected int, got bool True @ $.number",
    ),
    "int for bool": (
        edit("crosswalk.json", lambda links: links[0].update(editorial=1)),
        "crosswalk.json: link #0: expected one of True, got int 1 @ $.editorial",
    ),
    "unknown kind": (
        record("workstreams.json", 0, lambda r: r.update(kind="subtopic")),
        "workstreams.json: record '2013-transportation' (#0): expected one of 'sub-topic', 'heading', "
        "'priority-area', got str 'subtopic' @ $.kind",
    ),
    "float for int": (
        record("pillars.json", 1, lambda r: r.update(number=2.0)),
        "pillars.json: record '2013-pillar-2' (#1): expected int, got float 2.0 @ $.number",
    ),
    "bad date": (
        record("events.json", 0, lambda r: r.update(date="May 2013")),
        "events.json: record '2013-announcement' (#0): expected YYYY, YYYY-MM or YYYY-MM-DD, got 'May 2013' @ $.date",
    ),
    "impossible date": (
        record("events.json", 2, lambda r: r.update(date="2021-02-29")),
        "events.json: record '2021-relaunch' (#2): '2021-02-29' is not a calendar date @ $.date",
    ),
    "span ending before it starts": (
        record("events.json", 1, lambda r: r.update(date="2022-09-12/2021-08-31")),
        "events.json: record '2021-2022-stakeholder-outreach' (#1): a span must not end (2021-08-31) before it "
        "starts (2022-09-12) @ $.date",
    ),
    "non-ASCII digits in a date": (
        record("events.json", 0, lambda r: r.update(date="٢٠١٣")),
        "events.json: record '2013-announcement' (#0): expected YYYY, YYYY-MM or YYYY-MM-DD, got '٢٠١٣' @ $.date",
    ),
    "dangling reference": (
        record("accomplishments.json", 1, lambda r: r.update(pillar="no-such-pillar")),
        "accomplishments.json: record '2022-epa-conagua-tijuana' (#1): no pillar with id 'no-such-pillar' @ $.pillar",
    ),
    "reference to a record of another registry": (
        record("accomplishments.json", 1, lambda r: r["organizations"].append("surges")),
        "accomplishments.json: record '2022-epa-conagua-tijuana' (#1): no organization with id 'surges' "
        "@ $.organizations[2]",
    ),
    "self reference": (
        record("organizations.json", 0, lambda r: r.update(parent="epa")),
        "organizations.json: record 'epa' (#0): reference cycle 'epa' -> 'epa' @ $.parent/dissolved.into",
    ),
    "duplicate id": (
        edit("people.json", lambda rs: rs.append(copy.deepcopy(rs[0]))),
        "people.json: record 'barack-obama' (#2): duplicate id, already used by record #0 @ $.id",
    ),
    "unknown source": (
        record("events.json", 0, lambda r: r["sources"][0].update(source="nowhere")),
        "events.json: record '2013-announcement' (#0): no source with id 'nowhere' @ $.sources[0].source",
    ),
    "no citation": (
        record("programs.json", 0, lambda r: r.update(sources=[])),
        "programs.json: record 'surges' (#0): every record needs at least one citation in sources @ $.sources",
    ),
    "bad currency in a nested amount": (
        record("accomplishments.json", 1, lambda r: r["amounts"][0].update(currency="usd")),
        "accomplishments.json: record '2022-epa-conagua-tijuana' (#1): currency must be an ISO 4217 code like "
        "'USD' or 'MXN', got 'usd' @ $.amounts[0].currency",
    ),
    "bad slug": (
        record("programs.json", 0, lambda r: r.update(id="Surges!")),
        "programs.json: record 'Surges!' (#0): id must be a lowercase ASCII slug like 'usaid' or '2021-pillar-1', "
        "got 'Surges!' @ $.id",
    ),
    "control character": (
        record("people.json", 0, lambda r: r.update(name="Barack\x00Obama")),
        "people.json: record 'barack-obama' (#0): expected text without control characters or lone surrogates, "
        "got 'Barack\\x00Obama' @ $.name",
    ),
    "lone surrogate": (
        write("meta.json", b'{"version": "test.1"}'),  # replaced below: JSON escapes need raw text
        "",
    ),
    "record that is not an object": (
        edit("pillars.json", lambda rs: rs.__setitem__(2, "2013-pillar-3")),
        "pillars.json: record #2: expected a JSON object, got str '2013-pillar-3' @ $",
    ),
    "crosswalk link that is not an object": (
        edit("crosswalk.json", lambda rs: rs.__setitem__(0, ["2013-pillar-1", "2021-pillar-1"])),
        "crosswalk.json: link #0: expected a JSON object (CrosswalkLink), got list ['2013-pillar-1', "
        "'2021-pillar-1'] @ $",
    ),
    "object instead of array": (
        edit("sources.json", lambda rs: {"sources": rs}),
        "sources.json: expected a JSON array of records, got dict @ $",
    ),
    "invalid JSON": (write("events.json", b'[{"id" "x"}]'), ""),
    "invalid TOML-like text": (
        write("meta.json", b'version = "test.1"\n'),
        "meta.json: invalid JSON at line 1, column 1: Expecting value",
    ),
    "empty file": (
        write("workstreams.json", b""),
        "workstreams.json: invalid JSON at line 1, column 1: Expecting value",
    ),
    "non-UTF-8 bytes": (
        write("people.json", b'[{"name": "Pe\xf1a"}]'),
        "people.json: not valid UTF-8 (byte 13: b'\\xf1')",
    ),
    "byte-order mark": (
        lambda folder: (folder / "pillars.json").write_bytes(b"\xef\xbb\xbf" + (folder / "pillars.json").read_bytes()),
        "pillars.json: starts with a byte-order mark; save it as UTF-8 without BOM",
    ),
    "NaN": (write("meta.json", b'{"version": NaN}'), "meta.json: invalid JSON: NaN is not a JSON number"),
    "duplicate JSON key": (
        write("meta.json", b'{"version": "a", "version": "b"}'),
        "meta.json: invalid JSON: duplicate key(s) 'version' in one object",
    ),
    "very deep nesting": (
        write("events.json", b"[" * 200_000 + b"]" * 200_000),
        "events.json: invalid JSON: nested too deeply",
    ),
    "deep but parseable nesting": (
        record("people.json", 0, lambda r: r.update(aliases=nested(500))),
        "",
    ),
    "missing file": (lambda folder: (folder / "events.json").unlink(), ""),
    "directory where a file should be": (
        directory_instead_of_file,
        "events.json: is a directory, expected a JSON file",
    ),
    "meta that is not an object": (
        write("meta.json", b'"test.1"'),
        'meta.json: expected a JSON object like {"version": "2026.11.0"} @ $',
    ),
}


def _surrogate(folder: Path) -> None:
    data = json.loads((folder / "people.json").read_text(encoding="utf-8"))
    data[1]["aliases"] = ["Pe\ud800a Nieto"]
    (folder / "people.json").write_text(json.dumps(data), encoding="utf-8")  # ensure_ascii: "\ud800" escape


NAMED["lone surrogate"] = (
    _surrogate,
    "people.json: record 'enrique-pena-nieto' (#1): expected text without control characters or lone surrogates, "
    "got 'Pe\\ud800a Nieto' @ $.aliases[0]",
)


class TestNamedCases:
    @pytest.mark.parametrize("case", list(NAMED))
    def test_does_not_load(self, case, data_dir):
        """Each named kind of bad data raises one DataError with a line naming file, record and field path."""
        mutate, expected = NAMED[case]
        mutate(data_dir)

        problems = problems_of(data_dir)

        for line in problems:
            assert line.split(":", 1)[0] in FILES, line
            assert len(line) < 2_000, line[:300]
        if expected:
            assert expected in problems
        assert hled.dataset().digest == DEFAULT_DIGEST

    def test_invalid_json_names_the_place(self, data_dir):
        """Invalid JSON is reported with its line and column."""
        NAMED["invalid JSON"][0](data_dir)

        assert problems_of(data_dir) == ("events.json: invalid JSON at line 1, column 8: Expecting ':' delimiter",)

    def test_missing_file(self, data_dir):
        """A missing file is named with its directory."""
        NAMED["missing file"][0](data_dir)

        assert problems_of(data_dir) == (f"events.json: missing from {str(data_dir)!r}",)

    def test_10_mb_value(self, data_dir):
        """A 10 MB invalid value is reported in a short line naming file, record and field."""
        pad_to_10_mb(data_dir)

        problems = problems_of(data_dir)

        assert problems[0].startswith("pillars.json: record '2013-pillar-1' (#0): title must be non-empty text")
        assert re.search(r"'xxx+\.\.\. \([0-9,]+ characters\) @ \$\.title$", problems[0])
        assert all(len(line) < 500 for line in problems)

    def test_deep_but_parseable_nesting(self, data_dir):
        """A value nested hundreds of lists deep is a type error at its path, not a crash."""
        NAMED["deep but parseable nesting"][0](data_dir)

        line = problems_of(data_dir)[0]

        assert line.startswith("people.json: record 'barack-obama' (#0): expected str, got list [[[[")
        assert line.endswith(" @ $.aliases[0]")

    def test_validate_prints_every_problem(self, data_dir, capsys):
        """`hled validate DIR` prints every problem, one per line, and exits 1."""
        for case in ("bool for int", "dangling reference", "extra key", "NaN"):
            NAMED[case][0](data_dir)
        expected = problems_of(data_dir)

        code = main(["validate", str(data_dir)])

        out, err = capsys.readouterr()
        assert code == 1
        assert tuple(out.splitlines()) == expected
        assert len(expected) >= 4
        assert err == f"{len(expected)} problem(s) in {data_dir}\n"


# ---- the random mutator -------------------------------------------------------------------


def walk(node: Any, path: tuple[Any, ...] = ()) -> list[tuple[tuple[Any, ...], Any]]:
    """Every (path, value) inside *node*, the node itself first."""
    found = [(path, node)]
    if isinstance(node, dict):
        for key, value in node.items():
            found += walk(value, (*path, key))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            found += walk(value, (*path, i))
    return found


def json_path(path: tuple[Any, ...]) -> str:
    """The `$` path of a position inside one record."""
    return "$" + "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in path)


def field_of(path: tuple[Any, ...]) -> str | None:
    """The last key (not index) on *path*."""
    keys = [p for p in path if isinstance(p, str)]
    return keys[-1] if keys else None


@attrs.frozen
class Mutation:
    """What was done, and what hled must say: harmless, or an error naming file, record id and path."""

    what: str
    file: str
    harmless: bool = False
    rid: str | None = None
    path: str | None = None


def mutate(rng: random.Random, originals: dict[str, Any], folder: Path) -> Mutation:
    """Apply one random mutation to the data files in *folder*; say what must happen."""
    data = copy.deepcopy(originals)
    name = rng.choice(FILES)
    kind = rng.choice(["reformat", "shuffle", "truncate", "bad-byte", "bom", "record"] + ["field"] * 6)
    if kind not in ("record", "field"):
        return mutate_text(rng, kind, name, data[name], folder / name)
    if name == "meta.json":
        data[name] = rng.choice([[], "1", None, 5, {"version": ""}, {"version": 1}, {"version": "1", "x": 2}])
        (folder / name).write_text(json.dumps(data[name]), encoding="utf-8")
        return Mutation(f"meta = {data[name]!r}", name)
    records = data[name]
    index = rng.randrange(len(records))
    result = (mutate_record if kind == "record" else mutate_field)(rng, name, records, index)
    (folder / name).write_text(json.dumps(records), encoding="utf-8")
    return result


def mutate_text(rng: random.Random, kind: str, name: str, content: Any, file: Path) -> Mutation:
    """Change how a file is written: harmless reformatting, or broken bytes."""
    raw = json.dumps(content, indent=2, ensure_ascii=False).encode("utf-8")
    if kind == "reformat":
        indent = rng.choice([None, 0, 1, 4, "\t"])
        text = json.dumps(content, indent=indent, ensure_ascii=rng.random() < 0.5, separators=(", ", " :  "))
        file.write_text("\n " + text + "\n\n", encoding="utf-8")
        return Mutation(f"reformat {name}", name, harmless=True)
    if kind == "shuffle":
        for _, node in walk(content):
            if isinstance(node, dict):
                items = list(node.items())
                rng.shuffle(items)
                node.clear()
                node.update(items)
        file.write_text(json.dumps(content), encoding="utf-8")
        return Mutation(f"shuffle keys of {name}", name, harmless=True)
    if kind == "truncate":
        file.write_bytes(raw[: rng.randrange(len(raw.rstrip()))])
        return Mutation(f"truncate {name}", name)
    if kind == "bad-byte":
        at = rng.randrange(len(raw))
        file.write_bytes(raw[:at] + rng.choice([b"\xff", b"\xc3", b"\x80", b"\xed\xa0\x80"]) + raw[at:])
        return Mutation(f"bad byte in {name} at {at}", name)
    file.write_bytes(b"\xef\xbb\xbf" + raw)
    return Mutation(f"BOM on {name}", name)


def mutate_record(rng: random.Random, name: str, records: list[Any], index: int) -> Mutation:
    """Duplicate a record, replace it by a non-object, add an unknown key or drop a required one."""
    target = records[index]
    rid = target["id"] if name != "crosswalk.json" else None
    how = rng.choice(["duplicate", "not-an-object", "extra", "drop-required"])
    if how == "duplicate" and rid is not None:
        records.append(copy.deepcopy(target))
        return Mutation(f"duplicate {rid}", name, rid=rid, path="$.id")
    if how == "not-an-object":
        records[index] = rng.choice([None, 5, "x", [], True])
        return Mutation(f"record #{index} -> {records[index]!r}", name, path="$")
    if how == "extra":
        target["zz_extra"] = rng.choice([None, 1, "x"])
        return Mutation(f"extra key on {rid or index}", name, rid=rid, path="$")
    cls = CLASS_OF[name]
    required = [f.name for f in attrs.fields(cls) if f.init and f.default is attrs.NOTHING and f.name != "id"]
    key = rng.choice(required)
    del target[key]
    return Mutation(f"drop {key} of {rid or index}", name, rid=rid, path=f"$.{key}")


def mutate_field(rng: random.Random, name: str, records: list[Any], index: int) -> Mutation:
    """Give one value inside a record a wrong type, an unknown key, a dangling or self reference or a bad date."""
    target = records[index]
    rid = target["id"] if name != "crosswalk.json" else None
    leaves = [(p, v) for p, v in walk(target) if p and p != ("id",) and not isinstance(v, dict)]
    path, value = rng.choice(leaves)
    parent = target
    for step in path[:-1]:
        parent = parent[step]
    field = field_of(path)
    options = ["wrong-type", "extra-on-parent"]
    if isinstance(value, str) and field in REFERENCES:
        options += ["dangling", "dangling"]
        if field in ("parent", "continues"):
            options.append("self")
    if isinstance(value, str) and field in DATES:
        options += ["bad-date", "bad-date"]
    how = rng.choice(options)
    where = json_path(path)
    if how == "wrong-type":
        new = rng.choice(wrong_types(value))
    elif how == "extra-on-parent" and isinstance(parent, dict):
        new, where = value, json_path(path[:-1])
        parent["zz_extra"] = 1
    elif how == "extra-on-parent":  # the leaf sits in a list: an object where a value belongs
        new = {"zz_extra": 1}
    elif how == "dangling":
        new = rng.choice(["no-such-record", value + "-x", value.upper(), " " + value])
    elif how == "self":
        new, where = rid, f"$.{field}"
    else:
        new = rng.choice(BAD_DATES)
    parent[path[-1]] = new
    return Mutation(f"{how} at {rid or index} {where}: {value!r} -> {new!r}", name, rid=rid, path=where)


def wrong_types(value: Any) -> list[Any]:
    """Values of a JSON type other than *value*'s (bool is not int, and int is not bool)."""
    if isinstance(value, bool):
        return [1, 1.0, "true", [True]]
    if isinstance(value, int):
        return [str(value), True, float(value), [value]]
    if isinstance(value, str):
        return [5, True, 1.5, [value], {"id": value}]
    return ["x", 5, {"0": 1}, True]  # a list


def originals_of(folder: Path) -> dict[str, Any]:
    """The parsed JSON of every data file in *folder*."""
    return {name: json.loads((folder / name).read_text(encoding="utf-8")) for name in FILES}


def check(folder: Path, mutation: Mutation, digest: str) -> None:
    """Assert what *mutation* promises about loading *folder*."""
    if mutation.harmless:
        assert hled.load(folder).digest == digest, mutation
    else:
        problems = problems_of(folder)
        assert_named(problems, mutation.file, mutation.rid, mutation.path)
    assert hled.dataset().digest == DEFAULT_DIGEST


class TestRandomMutations:
    @FUZZ
    @given(seed=st.integers(0, 2**32 - 1))
    def test_mini(self, mini, tmp_path_factory, seed):
        """A random mutation of the mini data either raises a DataError naming it or, if harmless, loads equal."""
        folder = tmp_path_factory.mktemp("mutated")
        shutil.copytree(MINI, folder, dirs_exist_ok=True)

        mutation = mutate(random.Random(seed), originals_of(MINI), folder)

        check(folder, mutation, mini.digest)

    @settings(FUZZ, max_examples=12)
    @given(seed=st.integers(0, 2**32 - 1))
    def test_bundled(self, tmp_path_factory, seed):
        """A random mutation of the bundled data either raises a DataError naming it or, if harmless, loads equal."""
        folder = bundled_dir(tmp_path_factory.mktemp("bundled") / "data")

        mutation = mutate(random.Random(seed), originals_of(folder), folder)

        check(folder, mutation, DEFAULT_DIGEST)

    def test_bundled_copy_loads_equal_to_the_default(self, tmp_path):
        """The bundled data copied to a directory loads to the default dataset's digest."""
        folder = bundled_dir(tmp_path / "data")

        assert hled.load(folder).digest == DEFAULT_DIGEST

    def test_validate_output_is_the_problems(self, data_dir):
        """hled validate prints exactly the DataError's problems, one per line."""
        mutation = mutate(random.Random(7), originals_of(MINI), data_dir)
        err = io.StringIO()
        out = io.StringIO()

        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = main(["validate", str(data_dir)])

        if mutation.harmless:
            assert code == 0
        else:
            assert code == 1
            assert tuple(out.getvalue().splitlines()) == problems_of(data_dir)
