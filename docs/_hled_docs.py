"""Docs pages generated from the model and the data at build time, so they cannot drift."""

from __future__ import annotations

import typing
from pathlib import Path
from typing import Any

import attrs

GENERATED = Path(__file__).parent / "_generated"


def _type_text(t: Any) -> str:
    """A field type as a reader says it: ``list of Person``, ``date or null``, ``one of "a", "b"``."""
    from decimal import Decimal
    from typing import Literal, get_args, get_origin

    from hled._dates import DateRange, PartialDate
    from hled._record import Record

    args = get_args(t)
    members = [a for a in args if a is not type(None)]
    if get_origin(t) is tuple:
        return f"list of {_type_text(args[0])}"
    if get_origin(t) is Literal:
        return "one of " + ", ".join(f"`{a!r}`".replace("'", '"') for a in args)
    if members and set(members) == {PartialDate, DateRange}:
        text = "[date](#dates)"
        return text + " or null" if type(None) in args else text
    if args and type(None) in args:
        return " or ".join(_type_text(m) for m in members) + " or null"
    if args:
        return " or ".join(_type_text(m) for m in members)
    if isinstance(t, type) and issubclass(t, Record):
        return f"[{t.__name__}](#{t.__name__.lower()}) id"
    if isinstance(t, type) and attrs.has(t):
        return f"[{t.__name__}](#{t.__name__.lower()})"
    if t is Decimal:
        return "decimal string"
    return {str: "text", int: "integer", bool: "boolean"}.get(t, str(t))


def _data_dictionary() -> str:
    from hled._schema import FILE_TYPES, field_descriptions, schema_file_name

    files = {cls: name for name, cls in FILE_TYPES.items()}
    lines = [
        "# Data dictionary",
        "",
        "Every record type and field, generated from the model when these pages are built.",
        "Each record type is one data file (a JSON array of objects); references between",
        "records are stored as ids and resolved to records by the loader. *Derived* fields",
        "are filled in by the loader and not stored. Each data file has a JSON Schema in",
        "`hled/schema/` (see [Exports and schemas](../export.md)).",
        "",
    ]
    import hled
    from hled._dataset import BUILD_ORDER

    values = (hled.Citation, hled.Money, hled.Count, hled.Role, hled.Position, hled.Variant)
    for cls in (*(kind.record for kind in BUILD_ORDER), hled.CrosswalkLink, *values):
        attrs.resolve_types(cls)
        doc = (cls.__doc__ or "").strip().splitlines()[0]
        where = f" Stored in `{files[cls]}`, schema `{schema_file_name(files[cls])}`." if cls in files else ""
        docs = field_descriptions(cls)
        lines += [f"## {cls.__name__}", "", doc + where, ""]
        lines += ["| field | type | required | description |", "|---|---|---|---|"]
        for field in attrs.fields(cls):
            need = "yes" if field.default is attrs.NOTHING else "no"
            text = docs.get(field.name, "").replace("|", "\\|")
            lines.append(f"| `{field.name}` | {_type_text(field.type)} | {need} | {text} |")
        for name in getattr(cls, "BACK_REFERENCES", ()):  # properties the loader fills, not stored
            target = typing.get_type_hints(getattr(cls, name).fget)["return"]
            text = docs.get(name, "").replace("|", "\\|")
            lines.append(f"| `{name}` | {_type_text(target)} | *derived* | {text} |")
        lines.append("")
    lines += [
        "## Dates",
        "",
        "Dates keep the precision of their source: `YYYY`, `YYYY-MM`, `YYYY-MM-DD`, or a",
        "span `START/END` of those (`2022-08-31/2022-09-01`). In Python they are",
        "`hled.PartialDate` and `hled.DateRange`, with `.earliest` and `.latest` days.",
        "",
    ]
    return "\n".join(lines)


def _sources_page() -> str:
    import hled

    counts: dict[str, int] = {}
    from hled._dataset import KINDS

    for name in (kind.name for kind in KINDS if kind.name != "sources"):
        for rec in getattr(hled, name):
            for cited in {c.source.id for c in rec.sources}:
                counts[cited] = counts.get(cited, 0) + 1
    from urllib.parse import urlsplit

    records = sum(len(getattr(hled, name)) for name in hled.dataset().registries if name != "sources")
    lines = [
        "# Sources",
        "",
        f"The {len(hled.sources)} documents the {records} records of the bundled data are cited from,",
        "oldest first, generated from the data when these pages are built. *Quality* says what",
        "kind of document it is: `official` (a government site), `mirror` (a copy of an official",
        "text elsewhere), `press` or `low`; `hled.dataset(official_only=True)` keeps the records",
        "official documents and their mirrors support. How each document was read is on",
        "[the data page](../data.md).",
        "",
        "| source | publisher | published | quality | records citing it |",
        "|---|---|---|---|---|",
    ]
    for src in hled.sources:
        title = src.title.replace("|", "\\|")
        site = urlsplit(src.url).netloc.removeprefix("www.")
        lines.append(
            f"| [{title}]({src.url}) ({site}, `{src.id}`) | {src.publisher} | {src.published or 'undated'} | "
            f"{src.quality} | {counts.get(src.id, 0)} |"
        )
    return "\n".join(lines) + "\n"


def _registries() -> str:
    """The API reference of every registry class, in the order `hled.Dataset` declares the record kinds."""
    from hled._dataset import KINDS

    lines = ["```{eval-rst}"]
    for kind in KINDS:
        cls = kind.registry_class
        lines += [f".. autoclass:: {cls.__module__}.{cls.__name__}", "   :members: filter", ""]
    return "\n".join([*lines, "```"]) + "\n"


def _write(app: Any) -> None:
    GENERATED.mkdir(exist_ok=True)
    pages = (
        ("data-dictionary.md", _data_dictionary()),
        ("sources.md", _sources_page()),
        ("registries.md", _registries()),
    )
    for name, text in pages:
        path = GENERATED / name
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
    _timeline()


def _timeline() -> None:
    """Draw the timeline from the data; refresh the README's copy when the drawing changed."""
    import shutil

    import _timeline

    picture = _timeline.render(GENERATED / "timeline.png")
    copy = _timeline.README_COPY
    if not copy.exists() or copy.read_bytes() != picture.read_bytes():
        copy.parent.mkdir(exist_ok=True)
        shutil.copyfile(picture, copy)


def setup(app: Any) -> dict[str, Any]:
    app.connect("builder-inited", _write)
    return {"parallel_read_safe": True}
