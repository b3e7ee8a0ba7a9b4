"""The ``hled`` command line: the same queries as the library, as tables or JSON.

Exit status: 0 on success; 1 on a miss (nothing matches, a criterion resolves to
nothing, ``validate`` found problems); 2 on bad usage (unknown option, a value of
the wrong form or out of range).
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import re
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any, NoReturn

import attrs

import hled
from hled._dataset import KINDS, Dataset
from hled._export import export, export_file
from hled._record import Record, human, in_language
from hled._registry import Registry, Selection
from hled._sources import Citation
from hled._structure import unstructure
from hled.errors import AmbiguousLookup, DataError, HledError, RecordNotFound

__all__ = ["main"]

_REGISTRIES = tuple(kind.name for kind in KINDS)
_CLASS_OF = {kind.name: kind.registry_class for kind in KINDS}


class _Usage(Exception):
    """Bad usage detected after parsing (exit status 2)."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: error: {message}\n")


def _plain(doc: str) -> str:
    """A criterion's docstring line as command-line help: *agency* is --agency, no other markup."""
    return re.sub(r"`+", "", re.sub(r"\*(\w+)\*", r"--\1", doc)).rstrip(".")


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="hled",
        description="Query the U.S.-Mexico High-Level Economic Dialogue (2013 and 2021 editions).",
    )
    parser.add_argument("--version", action="store_true", help="print hled's and the data's versions")
    common = _Parser(add_help=False)
    common.add_argument("--json", action="store_true", help="print JSON instead of a table")
    common.add_argument("--data", metavar="DIR", help="use this data directory instead of the bundled data")
    common.add_argument(
        "--lang",
        choices=("en", "es"),
        default="en",
        help="names and titles in English or Spanish (marked [en] where none)",
    )
    listing = _Parser(add_help=False)
    listing.add_argument(
        "--format",
        choices=_FORMATS,
        default="table",
        help="table (the default), csv, json (an array, as --json) or jsonl (one object per line)",
    )
    listing.add_argument("--wide", action="store_true", help="never shorten a table's cells (only a terminal's are)")
    subs = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for name in (*_REGISTRIES, "agencies"):
        target = "organizations" if name == "agencies" else name
        sub = subs.add_parser(
            name,
            parents=[common, listing],
            help=f"list {target}" + (" (alias of organizations)" if name == "agencies" else ""),
            description=f"List {target}, narrowed by the criteria given (repeat an option to mean any of its values).",
        )
        sub.set_defaults(registry=target)
        for crit, criterion in _CLASS_OF[target].CRITERIA.items():
            if not criterion.several:  # a pair: --between START END, "-" for an open end
                sub.add_argument(
                    f"--{crit.replace('_', '-')}",
                    dest=crit,
                    nargs=2,
                    metavar=("START", "END"),
                    help='two dates (2021-09, "Sept 2022", 2022-09-12): what falls between them, inclusive; '
                    '"-" for an open end.',
                )
                continue
            sub.add_argument(
                f"--{crit.replace('_', '-')}",
                dest=crit,
                action="append",
                metavar=crit.upper(),
                type=int if criterion.number else str,
                help=_plain(criterion.doc),
            )
    show = subs.add_parser(
        "show", parents=[common], help="one record by id, name, acronym or alias, with what refers to it"
    )
    show.add_argument("text", help="an id, REGISTRY/ID, or anything a registry's lookup resolves")
    show.add_argument("--in", dest="within", choices=(*_REGISTRIES, "agencies"), help="look in one registry only")
    search = subs.add_parser("search", parents=[common, listing], help="free-text search, best first")
    search.add_argument("text", help="words to search for")
    search.add_argument("--in", dest="within", choices=(*_REGISTRIES, "agencies"), help="search one registry only")
    search.add_argument("--limit", type=int, default=10, help="how many results (default 10)")
    subs.add_parser("compare", parents=[common], help="the 2013 ↔ 2021 crosswalk (editorial)")
    validate = subs.add_parser("validate", help="load a data directory and report every problem")
    validate.add_argument("dir", help="a data directory in the bundled format")
    cite = subs.add_parser("cite", parents=[common], help="ready footnotes for a record's sources, or a source's")
    cite.add_argument("text", help="an id, REGISTRY/ID, or anything a registry's lookup resolves")
    cite.add_argument("--style", choices=("plain", "chicago"), default="plain", help="plain (default) or chicago")
    cite.add_argument("--in", dest="within", choices=(*_REGISTRIES, "agencies"), help="look in one registry only")
    diff_command = subs.add_parser(
        "diff", help="records added, removed and changed between two data directories (exit 1 if any)"
    )
    diff_command.add_argument("old", help="the older data directory")
    diff_command.add_argument("new", nargs="?", help="the newer data directory (default: the bundled data)")
    diff_command.add_argument("--format", choices=("text", "json"), default="text", help="text (default) or json")
    export_command = subs.add_parser("export", parents=[common], help="write the data as JSON files or CSV tables")
    export_command.add_argument(
        "--format",
        choices=("json", "csv", "sqlite", "xlsx", "csl-json", "datasette-metadata"),
        required=True,
        help="json: a data directory; csv: one table per registry; sqlite: one database file; xlsx: one "
        "workbook (needs hled[xlsx]); csl-json: the sources for a reference manager; "
        "datasette-metadata: Datasette's metadata for that database",
    )
    export_command.add_argument(
        "--out",
        required=True,
        metavar="PATH",
        help="the directory (json, csv) or file (sqlite, xlsx, csl-json, datasette-metadata) to write, whole",
    )
    export_command.add_argument("--force", action="store_true", help="replace an --out that holds files, whole")
    return parser


def _dataset(args: argparse.Namespace) -> Dataset:
    if getattr(args, "data", None):
        return hled.load(args.data)
    return hled.dataset()


def _emit(text: str) -> None:
    sys.stdout.write(text if text.endswith("\n") else text + "\n")


def _label(record: Record, lang: str = "en") -> str:
    return record._label(lang)


_FORMATS = ("table", "csv", "json", "jsonl")


def _rows_out(args: argparse.Namespace, records: Sequence[Record], rows: list[list[str]], header: list[str]) -> None:
    """Print *records* in the format asked for: their data as JSON, or *rows* as a table or CSV."""
    fmt = "json" if args.json else args.format
    if fmt == "json":
        _emit(json.dumps([unstructure(r) for r in records], ensure_ascii=False, indent=2))
    elif fmt == "jsonl":
        sys.stdout.write("".join(json.dumps(unstructure(r), ensure_ascii=False) + "\n" for r in records))
    elif fmt == "csv":
        writer = csv.writer(sys.stdout, lineterminator="\n")
        writer.writerows([header, *rows])
    else:  # a terminal's cells are shortened to fit, unless --wide; a file or a pipe gets them whole
        _emit(_table(rows, header, clip=sys.stdout.isatty() and not args.wide))


def _table(rows: list[list[str]], header: list[str], *, clip: bool = True) -> str:
    clipped = [[c if len(c) <= 60 or not clip else c[:57] + "..." for c in row] for row in rows]
    widths = [
        max(len(header[i]), *(len(r[i]) for r in clipped)) if clipped else len(header[i]) for i in range(len(header))
    ]
    lines = ["  ".join(h.ljust(w) for h, w in zip(header, widths, strict=True)).rstrip()]
    lines.append("  ".join("-" * w for w in widths))
    lines.extend("  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip() for r in clipped)
    return "\n".join(lines)


_SHOWN = (
    "title",
    "name",
    "acronym",
    "date",
    "edition",
    "number",
    "pillar",
    "kind",
    "country",
    "summary",
    "published",
    "publisher",
    "year",
    "place",
)


def _shown_columns(records: Sequence[Record]) -> list[str]:
    """The id and up to six telling columns of the records' type, in model order."""
    if not records:
        return ["id"]
    names = [f.name for f in attrs.fields(type(records[0])) if f.name in _SHOWN]
    return ["id", *names][:7]


def _shown(record: Record, column: str, lang: str) -> str:
    value = in_language(record, column, lang)
    if value is None:
        return ""
    if isinstance(value, Record):
        return value.id
    return str(value)


def _list(args: argparse.Namespace) -> int:
    ds = _dataset(args)
    registry = getattr(ds, args.registry)
    criteria = {}
    for crit, criterion in registry.CRITERIA.items():
        values = getattr(args, crit, None)
        if values and not criterion.several:
            criteria[crit] = tuple(None if v == "-" else v for v in values)
        elif values:
            criteria[crit] = values[0] if len(values) == 1 else tuple(values)
    selection: Selection[Any] = registry.filter(**criteria)
    columns = _shown_columns(list(selection))
    _rows_out(args, selection, [[_shown(r, c, args.lang) for c in columns] for r in selection], columns)
    print(f"({len(selection)} {registry.kind} record{'' if len(selection) == 1 else 's'})", file=sys.stderr)
    return 0


def _find(ds: Dataset, text: str, within: str | None = None) -> Record:
    """One record by ``REGISTRY/ID``, by id, or by lookup text, in one registry or all of them."""
    registries = ds.registries
    prefix, sep, rest = text.partition("/")
    if sep and (prefix in registries or prefix == "agencies") and within is None:
        within, text = prefix, rest
    if within is not None:
        registry: Registry[Any] = registries["organizations" if within == "agencies" else within]
        found: Record = registry.get(text, None) or registry.lookup(text)
        return found
    exact: list[tuple[str, Record]] = [(name, reg.get(text)) for name, reg in registries.items() if text in reg]
    if len(exact) == 1:
        return exact[0][1]
    hits: list[tuple[str, Record]] = []
    ambiguous: list[str] = []
    near: list[str] = []
    if not exact:
        for name, reg in registries.items():
            try:
                hits.append((name, reg.lookup(text)))
            except AmbiguousLookup as exc:
                ambiguous.extend(f"{name}/{c}" for c in exc.candidates)
            except RecordNotFound as exc:
                near.extend(exc.suggestions)
        if len(hits) == 1 and not ambiguous:
            return hits[0][1]
    candidates = [f"{name}/{rec.id}" for name, rec in exact or hits] + ambiguous
    if candidates:
        raise AmbiguousLookup(text, "record", tuple(dict.fromkeys(candidates)))
    raise RecordNotFound(text, "record", tuple(dict.fromkeys(near))[:3], how="id or name")


def _referrers(ds: Dataset, record: Record) -> list[Record]:
    """Records of any registry that refer to *record*."""
    found = []
    for reg in ds.registries.values():
        for other in reg:
            for field in attrs.fields(type(other)):
                if field.name == "sources":
                    continue
                value = getattr(other, field.name)
                if value is record or (isinstance(value, tuple) and any(v is record for v in value)):
                    found.append(other)
                    break
    return found


def _describe(value: Any, lang: str = "en", when: Any = None) -> str:
    """A field's value as a person reads it: a reference as id (name), a citation as a footnote.

    An organization referred to by a record of a date *when* shows the name it went by then.
    """
    if isinstance(value, Record):
        then = value.name_on(when.start) if when is not None and hasattr(value, "name_on") else None
        if then is not None and then != value._label() and lang == "en":
            return f"{value.id} ({then}, as it was then; now {_label(value, lang)})"
        return f"{value.id} ({_label(value, lang)})"
    if isinstance(value, Citation):
        source = value.source
        published = f", {source.published}" if source.published else ""
        where = f", {value.locator}" if value.locator else ""
        return f"{source.title}. {source.publisher}{published}{where}. <{source.url}>"
    return human(value)


def _show(args: argparse.Namespace) -> int:
    ds = _dataset(args)
    record = _find(ds, args.text, args.within)
    if args.json:
        _emit(json.dumps(unstructure(record), ensure_ascii=False, indent=2))
        return 0
    lines = [f"{type(record).__name__} {record.id}"]
    when = getattr(record, "date", None)  # a dated record shows organizations by their names of that date
    # its fields, then what points back to it (an edition's pillars, a pillar's actions)
    for name in (*(f.name for f in attrs.fields(type(record))), *getattr(record, "BACK_REFERENCES", ())):
        value = getattr(record, name)
        if name == "id" or value is None or value == ():
            continue
        if name == "sources":  # as footnotes
            lines.append("  sources:")
            lines.extend(f"    [{number}] {_describe(v)}" for number, v in enumerate(value, start=1))
        elif isinstance(value, tuple):
            lines.append(f"  {name}:")
            lines.extend(f"    - {_describe(v, args.lang, when)}" for v in value)
        else:
            lines.append(f"  {name}: {_describe(value, args.lang, when)}")
    referrers = _referrers(ds, record)
    if referrers:
        lines.append("  referenced by:")
        lines.extend(f"    - {type(r).__name__.lower()} {_describe(r, args.lang)}" for r in referrers)
    _emit("\n".join(lines))
    return 0


def _search(args: argparse.Namespace) -> int:
    ds = _dataset(args)
    if args.within:
        target = "organizations" if args.within == "agencies" else args.within
        results: list[Record] = getattr(ds, target).search(args.text, args.limit)
    else:
        results = ds.search(args.text, args.limit)
    rows = [[type(r).__name__.lower(), r.id, _label(r, args.lang)] for r in results]
    _rows_out(args, results, rows, ["type", "id", "name / title / summary"])
    if not results:
        print(f"nothing matches {args.text!r}", file=sys.stderr)
        return 1
    return 0


def _compare(args: argparse.Namespace) -> int:
    ds = _dataset(args)
    crosswalk = ds.compare_editions()
    if args.json:
        payload = {
            "editorial": True,
            "links": [unstructure(link, omit_defaults=True) for link in crosswalk.links],
            "dropped": [s.id for s in crosswalk.dropped],
            "new": [s.id for s in crosswalk.new],
        }
        _emit(json.dumps(payload, ensure_ascii=False, indent=2))
        return 0
    rows = [[link.earlier.id, link.later.id, link.rationale] for link in crosswalk.links]
    out = ["2013 -> 2021 crosswalk (hled's own editorial analysis; no source states these links)", ""]
    out.append(_table(rows, ["2013", "2021", "rationale"]))
    out.extend(["", "dropped (2013 items no 2021 item continues):"])
    out.extend(f"  {s.id}  {s.title}" for s in crosswalk.dropped)
    out.extend(["", "new in 2021 (no 2013 antecedent):"])
    out.extend(f"  {s.id}  {s.title}" for s in crosswalk.new)
    _emit("\n".join(out))
    return 0


def _validate(args: argparse.Namespace) -> int:
    try:
        ds = hled.load(args.dir)
    except DataError as exc:
        _emit("\n".join(exc.problems))  # all of them: validate is for fixing a directory
        print(f"{len(exc.problems)} problem(s) in {args.dir}", file=sys.stderr)
        return 1
    total = sum(len(r) for r in ds.registries.values())
    _emit(f"ok: {args.dir} holds {total} valid records (data version {ds.version}, digest {ds.digest[:16]})")
    return 0


def _cite(args: argparse.Namespace) -> int:
    ds = _dataset(args)
    record = _find(ds, args.text, args.within)
    own = [Citation(source=record)] if isinstance(record, hled.Source) else None
    citations = own or list(record.sources)  # type: ignore[attr-defined]  # every record type but Source cites
    texts = [c.format(args.style, version=ds.version) for c in citations]
    if args.json:
        found = [
            {"source": c.source.id, "locator": c.locator, "text": t} for c, t in zip(citations, texts, strict=True)
        ]
        _emit(json.dumps(found, ensure_ascii=False, indent=2))
    else:
        _emit("\n".join(texts))
    return 0


def _diff(args: argparse.Namespace) -> int:
    from hled._diff import diff

    try:
        found = diff(args.old, args.new)
    except DataError as exc:  # 1 means "they differ", as for diff(1): an unreadable directory is 2
        print(f"hled: {exc}", file=sys.stderr)
        return 2
    if args.format == "json":
        _emit(json.dumps(attrs.asdict(found), ensure_ascii=False, indent=2))
    else:
        _emit(found.to_markdown().rstrip("\n"))
    return 1 if found else 0


def _export(args: argparse.Namespace) -> int:
    if not args.out:
        msg = f"--out must name a {'directory' if args.format in ('json', 'csv') else 'file'} to write, got ''"
        raise _Usage(msg)
    ds = _dataset(args)
    out = Path(args.out)
    try:
        if args.format in ("json", "csv"):
            written = export(ds, args.format, out, force=args.force)
        else:
            written = export_file(ds, args.format, out, force=args.force)
    except ValueError as exc:
        msg = f"--out {exc}"
        raise _Usage(msg) from None
    print(f"wrote {len(written)} files to {out}", file=sys.stderr)
    return 0


def _version() -> int:
    _emit(f"hled {hled.__version__} (data {hled.dataset().version})")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with *argv* (default: ``sys.argv[1:]``); return the exit status."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="backslashreplace")
    parser = _parser()
    args = parser.parse_args(argv)
    handlers = {
        "show": _show,
        "search": _search,
        "compare": _compare,
        "validate": _validate,
        "cite": _cite,
        "diff": _diff,
        "export": _export,
    }
    try:
        if args.version:
            return _version()
        if args.command is None:
            parser.print_help()
            return 0
        handler = handlers.get(args.command, _list)
        return handler(args)
    except (RecordNotFound, AmbiguousLookup, DataError) as exc:
        print(f"hled: {exc}", file=sys.stderr)
        return 1
    except (_Usage, ValueError, TypeError) as exc:
        print(f"hled: error: {exc}", file=sys.stderr)
        return 2
    except HledError as exc:  # pragma: no cover - every HledError subclass is handled above
        print(f"hled: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("hled: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:  # pragma: no cover - depends on the reader closing early
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0
    except OSError as exc:
        print(f"hled: error: {exc.strerror or exc}: {exc.filename or ''}".rstrip(": "), file=sys.stderr)
        return 1
