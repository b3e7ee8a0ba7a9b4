"""Tables for notebooks: pandas DataFrames (behind the ``hled[pandas]`` extra) and HTML.

pandas is imported only when a DataFrame is asked for, so ``import hled`` stays
cheap and pandas stays optional.
"""

from __future__ import annotations

import html
import typing
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, get_args, get_origin

import attrs

from hled._dates import is_date_type
from hled._record import Record, human, in_language

if TYPE_CHECKING:
    import pandas

__all__ = ["selection_html", "to_dataframe"]

_STYLE = "text-align:left"
_TOP = "text-align:left;vertical-align:top"
_MAX_ROWS = 60
_SHOWN_ROWS = 50


def _import_pandas() -> Any:
    try:
        import pandas
    except ImportError:
        msg = (
            "Selection.to_dataframe() needs pandas, which is not installed; "
            "install the extra with: pip install 'hled[pandas]'"
        )
        raise ImportError(msg, name="pandas") from None
    return pandas


def _is_records(t: Any) -> bool:
    return get_origin(t) is tuple and isinstance(get_args(t)[0], type) and issubclass(get_args(t)[0], Record)


def _is_record(t: Any) -> bool:
    members = [a for a in get_args(t) or (t,) if a is not type(None)]
    return bool(members) and all(isinstance(m, type) and issubclass(m, Record) for m in members)


def _joined(values: Sequence[Any]) -> str | None:
    return "; ".join(human(v) for v in values) if values else None


def _columns(cls: type[Record]) -> list[tuple[str, str, str]]:
    """(column, field, how) for each DataFrame column of *cls*, in model order."""
    attrs.resolve_types(cls)
    columns: list[tuple[str, str, str]] = []
    for field in attrs.fields(cls):
        name = field.name
        if name == "sources":
            columns += [("sources", name, "source-ids"), ("locators", name, "locators")]
        elif is_date_type(field.type):
            columns += [(name, name, "text"), (f"{name}_start", name, "date-start"), (f"{name}_end", name, "date-end")]
        elif _is_record(field.type):
            columns += [(name, name, "id"), (f"{name}_name", name, "label")]
        elif _is_records(field.type):
            columns += [(name, name, "ids"), (f"{name}_names", name, "labels")]
        elif get_origin(field.type) is tuple:
            columns.append((name, name, "joined"))
        else:
            columns.append((name, name, "value"))
    return columns


def _cell(value: Any, how: str, lang: str = "en") -> Any:
    if how == "source-ids":
        return _joined(list(dict.fromkeys(c.source.id for c in value)))
    if how == "locators":
        return " | ".join(c.locator or "" for c in value) or None
    if value is None:
        return None
    if how == "date-start":
        return value.earliest
    if how == "date-end":
        return value.latest
    if how == "text":
        return str(value)
    if how == "id":
        return value.id
    if how == "label":
        return value._label(lang)
    if how == "ids":
        return _joined([v.id for v in value])
    if how == "labels":
        return _joined([v._label(lang) for v in value])
    if how == "joined":
        return _joined(value)
    return value


def to_dataframe(records: Sequence[Record], kind: str, cls: type[Record], lang: str = "en") -> pandas.DataFrame:
    """One row per record, indexed by id, with references and dates flattened for analysis.

    A reference becomes two columns, its id (``pillar``) and its name
    (``pillar_name``); a list of references becomes ``"; "``-joined ids and names.
    A date keeps its text in the source's precision (``date``: ``2022``, ``2013-05``)
    and gains ``datetime64`` columns for its first and last day (``date_start``,
    ``date_end``), as in `Dataset.tables` and the CSV and SQLite exports. Other
    lists are joined with ``"; "``; citations become ``sources`` (ids) and
    ``locators``. Edition years are nullable integers.

    Raises:
        ImportError: pandas is not installed; the message names the ``hled[pandas]`` extra.
    """
    pd = _import_pandas()
    columns = _columns(cls)
    data = {
        column: [_cell(in_language(rec, field, lang), how, lang) for rec in records] for column, field, how in columns
    }
    frame = pd.DataFrame(data, columns=[c for c, _, _ in columns])
    for column, field, how in columns:
        if how in ("date-start", "date-end"):
            frame[column] = pd.to_datetime(frame[column])
        elif field in ("edition", "year", "number") and how == "value":
            frame[column] = frame[column].astype("Int64")
    frame.index = pd.Index(frame["id"], name=f"{kind}_id")
    return typing.cast("pandas.DataFrame", frame)


# ---- HTML for notebooks -------------------------------------------------------------------------

_SUMMARY_COLUMNS = (
    "year",
    "edition",
    "number",
    "date",
    "kind",
    "name",
    "title",
    "acronym",
    "pillar",
    "country",
    "publisher",
    "published",
    "place",
    "summary",
)


def _esc(value: object) -> str:
    return html.escape(str(value), quote=True)


def _short(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _summary_columns(cls: type) -> list[str]:
    names = {f.name for f in attrs.fields(cls)}
    return ["id", *[c for c in _SUMMARY_COLUMNS if c in names][:6]]


def _summary_cell(rec: Record, column: str, lang: str) -> str:
    value = in_language(rec, column, lang)
    if value is None:
        return ""
    if isinstance(value, Record):
        return f"<span title='{_esc(value._label(lang))}'>{_esc(value.id)}</span>"
    text = str(value)
    if len(text) > 100:
        return f"<span title='{_esc(text)}'>{_esc(_short(text, 100))}</span>"
    return _esc(text)


def selection_html(records: Sequence[Record], kind: str, lang: str = "en") -> str:
    """Records as an HTML table with one row each and their most telling columns (long ones cut)."""
    caption = f"{len(records)} {kind} record{'' if len(records) == 1 else 's'}"
    if not records:
        return f"<table><caption>{_esc(caption)}</caption></table>"
    columns = _summary_columns(type(records[0]))
    head = "".join(f"<th style='{_STYLE}'>{_esc(c)}</th>" for c in columns)
    shown = records if len(records) <= _MAX_ROWS else records[:_SHOWN_ROWS]
    body = "".join(
        "<tr>" + "".join(f"<td style='{_TOP}'>{_summary_cell(r, c, lang)}</td>" for c in columns) + "</tr>"
        for r in shown
    )
    if len(shown) < len(records):
        more = len(records) - len(shown)
        body += f"<tr><td colspan='{len(columns)}' style='{_STYLE}'>… {more} more</td></tr>"
    return f"<table><caption>{_esc(caption)}</caption><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
