"""pandas conversion, behind the optional ``hled[pandas]`` extra."""

from __future__ import annotations

import typing
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import attrs

from hled._dates import DateRange, PartialDate
from hled._model import Citation, Count, Money, Position, Record, Role

if TYPE_CHECKING:
    import pandas

__all__ = ["to_dataframe"]


def _import_pandas() -> Any:
    try:
        import pandas
    except ImportError:
        msg = "Selection.to_dataframe() needs pandas; install it with: pip install 'hled[pandas]'"
        raise ImportError(msg, name="pandas") from None
    return pandas


def _flat(name: str, value: Any, row: dict[str, Any]) -> None:
    if isinstance(value, Record):
        row[name] = value.id
        row[f"{name}_name"] = value._label()
    elif isinstance(value, (PartialDate, DateRange)):
        row[name] = str(value)
        row[f"{name}_start"] = value.earliest
        row[f"{name}_end"] = value.latest
    elif isinstance(value, tuple):
        if name == "sources":
            row["source_ids"] = "; ".join(c.source.id for c in value if isinstance(c, Citation))
            row["locators"] = " | ".join(c.locator or "" for c in value if isinstance(c, Citation))
        elif value and all(isinstance(v, Record) for v in value):
            row[name] = "; ".join(v.id for v in value)
            row[f"{name}_names"] = "; ".join(v._label() for v in value)
        else:
            row[name] = "; ".join(_text(v) for v in value)
    else:
        row[name] = value


def _text(value: Any) -> str:
    if isinstance(value, Money):
        return f"{value.value} {value.currency}"
    if isinstance(value, Role):
        return f"{value.edition} {value.role}"
    if isinstance(value, (Count, Position)):
        return str(value)
    return str(value)


def to_dataframe(records: Sequence[Record], kind: str) -> pandas.DataFrame:
    """One row per record; references as ids plus names, dates as text plus first and last day."""
    pd = _import_pandas()
    rows = []
    for rec in records:
        row: dict[str, Any] = {}
        for field in attrs.fields(type(rec)):
            if field.init:
                _flat(field.name, getattr(rec, field.name), row)
        rows.append(row)
    frame = pd.DataFrame(rows)
    for column in frame.columns:
        if column.endswith(("_start", "_end")) or column in ("published_start", "published_end"):
            frame[column] = pd.to_datetime(frame[column])
    if "id" in frame.columns:
        frame = frame.set_index("id", drop=False)
        frame.index.name = f"{kind}_id"
    return typing.cast("pandas.DataFrame", frame)
