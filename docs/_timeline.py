"""Draw the dialogue's timeline: events and results by year and pillar, from the data.

The docs build calls `render` (through ``_hled_docs``) and writes
``docs/_generated/timeline.png``; it also refreshes the copy the README shows,
``docs/images/timeline.png``. To redraw that copy by hand:

    python docs/_timeline.py            # needs the docs dependency group (matplotlib)

matplotlib is a docs-only dependency: hled itself never imports it.
"""

from __future__ import annotations

import dataclasses
import datetime
import sys
import textwrap
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

DOCS = Path(__file__).resolve().parent
README_COPY = DOCS / "images" / "timeline.png"

# Event kinds grouped into the four marker shapes of the legend.
_SHAPES = {
    "milestone": ("D", "#1f4e79", "launch, relaunch, work plan"),
    "meeting": ("s", "#c0504d", "meeting, review, summit, visit"),
    "forum": ("o", "#4f8f3a", "forum, exchange, training, outreach"),
    "statement": ("^", "#8064a2", "announcement, statement, report, signing"),
}
_KIND_SHAPE = {
    "launch": "milestone",
    "relaunch": "milestone",
    "work-plan": "milestone",
    "meeting": "meeting",
    "review": "meeting",
    "summit": "meeting",
    "visit": "meeting",
    "forum": "forum",
    "forum-series": "forum",
    "exchange": "forum",
    "training": "forum",
    "outreach": "forum",
}
# Only the milestones are labelled; the legend explains the other markers.
_LABELS = {"launch": "launch", "relaunch": "relaunch", "work-plan": "work plan"}
_RESULT_COLOR = "#e8a33d"


def _year_position(date: Any) -> float:
    """A date as a fractional year, at the middle of what the source says (mid-year for a year)."""
    first, last = date.earliest, date.latest
    middle = first + (last - first) / 2
    start = datetime.date(middle.year, 1, 1)
    return middle.year + (middle - start).days / 365.25


def _short(text: str, width: int = 34) -> str:
    lines = textwrap.wrap(text, width)
    if len(lines) > 2:
        lines = [lines[0], textwrap.shorten(" ".join(lines[1:]), width, placeholder="…")]
    return "\n".join(lines)


def _roman(number: int) -> str:
    return ["I", "II", "III", "IV", "V", "VI", "VII", "VIII"][number - 1]


@dataclasses.dataclass
class _Chart:
    """What the drawing steps share: the data, the rows and the axes."""

    ds: Any
    ax: Any
    rows: list[tuple[str, str]]
    row_of: dict[str, int]
    first_year: int
    last_year: int
    dated: list[Any]


def render(path: Path, ds: Any = None) -> Path:
    """Draw the timeline of *ds* (default: the bundled dataset) into the PNG at *path*."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    import hled

    ds = ds if ds is not None else hled.dataset()
    pillars = list(ds.pillars)
    # Rows, top to bottom: dialogue-wide, then the 2013 pillars, then the 2021 pillars.
    rows: list[tuple[str, str]] = [("wide", "Whole dialogue\n(no single pillar)")]
    rows += [(p.id, f"{p.edition} · Pillar {_roman(p.number)}\n{_short(p.title)}") for p in pillars]
    dated = [e.date for e in ds.events] + [a.date for a in ds.accomplishments]
    fig, ax = plt.subplots(figsize=(13, 1.9 + 0.62 * len(rows)), dpi=110)
    fig.subplots_adjust(left=0.2, right=0.985, top=0.84, bottom=0.15)
    chart = _Chart(
        ds=ds,
        ax=ax,
        rows=rows,
        row_of={key: len(rows) - 1 - i for i, (key, _) in enumerate(rows)},
        first_year=min(2013, *(d.earliest.year for d in dated)),
        last_year=max(d.latest.year for d in dated),
        dated=dated,
    )
    _editions(chart)
    used = _results(chart) | _events(chart)
    _empty_rows(chart, used)
    _axes(chart, pillars)
    _titles(fig, chart)
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path, metadata={"Software": None})
    plt.close(fig)
    return path


def _editions(chart: _Chart) -> None:
    """Shade each edition's period, labelled above the plot."""
    ds, ax = chart.ds, chart.ax
    for edition in ds.editions:
        start = edition.launched or edition.announced
        begin = _year_position(start) if start is not None else edition.year
        mine = [r.date for r in (*ds.events, *ds.accomplishments) if r.edition == edition.year]
        end = max((d.latest.year + 1 for d in mine), default=edition.year + 1)
        ax.axvspan(begin, end, color="#eef2f7", zorder=0)
        ax.text(
            begin + 0.04,
            1.01,
            f"{edition.year} edition",
            transform=ax.get_xaxis_transform(),
            fontsize=9,
            color="#1f4e79",
            weight="bold",
            va="bottom",
        )


def _results(chart: _Chart) -> set[int]:
    """One bubble per year and row, sized and labelled by how many results; return the rows used."""
    ds, ax, row_of = chart.ds, chart.ax, chart.row_of
    results: Counter[tuple[int, str]] = Counter()
    for acc in ds.accomplishments:
        results[acc.date.latest.year, acc.pillar.id if acc.pillar is not None else "wide"] += 1
    most = max(results.values(), default=1)
    for (year, key), count in results.items():
        x, y = year + 0.5, row_of[key] - 0.18
        size = 70 + 230 * (count / most) ** 0.5
        ax.scatter([x], [y], s=size, color=_RESULT_COLOR, alpha=0.85, zorder=2, edgecolors="white")
        ax.text(x, y, str(count), ha="center", va="center", fontsize=8, color="black", zorder=3, weight="bold")

    return {row_of[key] for _, key in results}


def _events(chart: _Chart) -> set[int]:
    """One marker per event (spans as bars), nudged apart where they coincide; return the rows used."""
    import hled

    ds, ax, row_of = chart.ds, chart.ax, chart.row_of
    edition_pillars = {e.year: {p.id for p in ds.pillars if p.edition == e.year} for e in ds.editions}
    crowd: defaultdict[tuple[int, float], int] = defaultdict(int)
    labelled: defaultdict[int, list[float]] = defaultdict(list)
    for event in sorted(ds.events, key=lambda e: e.date):
        own = {p.id for p in event.pillars}
        wide = not own or (event.edition in edition_pillars and own >= edition_pillars[event.edition])
        keys = ["wide"] if wide else sorted(own, key=lambda k: row_of[k], reverse=True)
        shape = _KIND_SHAPE.get(event.kind, "statement")
        marker, color, _ = _SHAPES[shape]
        x = _year_position(event.date)
        for key in keys:
            row = row_of[key]
            y = row + 0.2
            slot = crowd[row, round(x, 1)]
            crowd[row, round(x, 1)] += 1
            xs = x + 0.09 * slot
            if isinstance(event.date, hled.DateRange) and (event.date.latest - event.date.earliest).days > 20:
                ax.plot(
                    [_year_position_day(event.date.earliest), _year_position_day(event.date.latest)],
                    [y, y],
                    color=color,
                    lw=3,
                    alpha=0.45,
                    solid_capstyle="round",
                    zorder=2,
                )
            ax.scatter([xs], [y], marker=marker, s=60, color=color, zorder=4, edgecolors="white", linewidths=0.6)
            if event.kind in _LABELS:
                near = sum(1 for other in labelled[row] if abs(other - xs) < 0.6)
                labelled[row].append(xs)
                ax.annotate(
                    _label(event),
                    (xs, y),
                    xytext=(0, 7 + 17 * near),
                    textcoords="offset points",
                    ha="center",
                    fontsize=7.5,
                    color="#222",
                    zorder=5,
                    arrowprops={"arrowstyle": "-", "color": "#999", "lw": 0.5} if near else None,
                )

    return {row for row, _ in crowd}


def _empty_rows(chart: _Chart, used: set[int]) -> None:
    """Rows the sources place nothing under say so, rather than look broken."""
    for key, _ in chart.rows:
        if chart.row_of[key] not in used:
            chart.ax.text(
                chart.first_year + 0.1,
                chart.row_of[key],
                "the sources place no events or results under this pillar",
                fontsize=8,
                color="#999",
                style="italic",
                va="center",
            )


def _axes(chart: _Chart, pillars: list[Any]) -> None:
    """Ticks, grid, row separators and the note on the years without records."""
    ax, rows, row_of, first_year, last_year = chart.ax, chart.rows, chart.row_of, chart.first_year, chart.last_year
    dated = chart.dated
    years = range(first_year, last_year + 1)
    gap = [y for y in range(first_year, last_year + 1) if not any(d.earliest.year <= y <= d.latest.year for d in dated)]
    if len(gap) >= 2:
        ax.text(
            (gap[0] + gap[-1] + 1) / 2,
            len(rows) / 2 - 0.5,
            "no dialogue\nrecords",
            ha="center",
            va="center",
            fontsize=9,
            color="#999",
            style="italic",
        )

    ax.set_yticks(range(len(rows)), [label for _, label in reversed(rows)], fontsize=8.5)
    ax.set_ylim(-0.55, len(rows) - 0.5 + 0.35)
    ax.set_xlim(first_year, last_year + 1)
    ax.set_xticks([y + 0.5 for y in years], [str(y) for y in years])
    ax.set_xticks(range(first_year, last_year + 2), minor=True)
    ax.tick_params(axis="x", which="major", length=0, labelsize=9.5)
    ax.grid(axis="x", which="minor", color="#dddddd", lw=0.8)
    for y in range(len(rows)):
        ax.axhline(y - 0.5, color="#e6e6e6", lw=0.6, zorder=1)
    separator = row_of[pillars[0].id] + 0.5 if pillars else 0
    ax.axhline(separator, color="#999", lw=0.8)
    editions_2021 = [p for p in pillars if p.edition != pillars[0].edition]
    if editions_2021:
        ax.axhline(row_of[editions_2021[0].id] + 0.5, color="#999", lw=0.8)
    for side in ("top", "right", "left"):
        ax.spines[side].set_visible(False)


def _titles(fig: Any, chart: _Chart) -> None:
    """Title, subtitle and legend."""
    from matplotlib.lines import Line2D

    ds = chart.ds
    first_year, last_year = chart.first_year, chart.last_year
    fig.suptitle(
        "The U.S.–Mexico High-Level Economic Dialogue: events and results by year and pillar",
        x=0.015,
        ha="left",
        fontsize=13,
        weight="bold",
    )
    fig.text(
        0.015,
        0.915,
        f"{len(ds.events)} events and {len(ds.accomplishments)} reported results, {first_year}–{last_year}, "
        f"from hled data {ds.version}. Events known only to the year sit mid-year; "
        "results count in the last year their date covers.",
        fontsize=9,
        color="#444",
    )
    handles = [
        Line2D([], [], marker=m, color="white", markerfacecolor=c, markersize=8, label=f"event: {text}")
        for m, c, text in _SHAPES.values()
    ]
    result = Line2D([], [], marker="o", color="white", markerfacecolor=_RESULT_COLOR, markersize=12)
    result.set_label("results reported that year (count)")
    handles.append(result)
    fig.legend(handles=handles, loc="lower center", ncol=3, frameon=False, fontsize=8.5, bbox_to_anchor=(0.6, 0.0))


def _year_position_day(day: datetime.date) -> float:
    return day.year + (day - datetime.date(day.year, 1, 1)).days / 365.25


def _label(event: Any) -> str:
    """A short label: what kind of step, and when (``relaunch Sep 2021``)."""
    date = event.date.start
    when = datetime.date(date.year, date.month, 1).strftime("%b %Y") if date.month else str(date.year)
    return f"{_LABELS[event.kind]} {when}"


def main(argv: list[str]) -> int:
    out = Path(argv[0]) if argv else README_COPY
    render(out)
    print(f"wrote {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
