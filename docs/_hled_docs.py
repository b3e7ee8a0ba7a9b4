"""Docs pages generated from the model and the data at build time, so they cannot drift."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import attrs

GENERATED = Path(__file__).parent / "_generated"


def _data_dictionary() -> str:
    from hled import _model

    lines = ["# Data dictionary", "", "Generated from the model at docs build time.", ""]
    for cls in (*_model.RECORD_TYPES, _model.Citation, _model.Money, _model.Count, _model.Role, _model.Position):
        attrs.resolve_types(cls)
        doc = (cls.__doc__ or "").strip().splitlines()[0]
        lines += [f"## `{cls.__name__}`", "", doc, "", "| field | type | default |", "|---|---|---|"]
        for field in attrs.fields(cls):
            kind = str(field.type).replace("hled._model.", "").replace("hled._dates.", "").replace("|", "\\|")
            kind = kind.replace("typing.", "")
            default = (
                "*derived*"
                if not field.init
                else ("required" if field.default is attrs.NOTHING else repr(field.default))
            )
            lines.append(f"| `{field.name}` | `{kind}` | {default} |")
        lines.append("")
    return "\n".join(lines)


def _sources_page() -> str:
    import hled

    counts: dict[str, int] = {}
    for name in (
        "editions",
        "pillars",
        "workstreams",
        "actions",
        "organizations",
        "people",
        "programs",
        "events",
        "accomplishments",
    ):
        for rec in getattr(hled, name):
            for cited in {c.source.id for c in rec.sources}:
                counts[cited] = counts.get(cited, 0) + 1
    lines = [
        "# Sources",
        "",
        "Every source in the bundled data, generated from the data at docs build time.",
        "",
        "| source | publisher | published | quality | records citing it |",
        "|---|---|---|---|---|",
    ]
    for src in hled.sources:
        title = src.title.replace("|", "\\|")
        lines.append(
            f"| [{title}]({src.url}) (`{src.id}`) | {src.publisher} | {src.published or 'undated'} | "
            f"{src.quality} | {counts.get(src.id, 0)} |"
        )
    return "\n".join(lines) + "\n"


def _write(app: Any) -> None:
    GENERATED.mkdir(exist_ok=True)
    for name, text in (("data-dictionary.md", _data_dictionary()), ("sources.md", _sources_page())):
        path = GENERATED / name
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")


def setup(app: Any) -> dict[str, Any]:
    app.connect("builder-inited", _write)
    return {"parallel_read_safe": True}
