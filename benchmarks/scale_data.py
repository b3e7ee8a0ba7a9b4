"""Synthetic hled data directories 10x, 100x, 1000x the bundled data, in the bundled format.

Copy *k* of every record (k = 1 .. factor-1; copy 0 is the bundled record itself)
gets the id ``<id>-x<k>``, refers to the copies *k* of the records it refers to,
and has its names, titles, acronyms and aliases suffixed with `` <k>`` and its
pillar number shifted, so every copy is as valid and as distinct as the original
(lookups stay unambiguous, indexes grow as they would with real data). The two
editions are not copied: every copy belongs to the 2013 or the 2021 edition.

    python benchmarks/scale_data.py 100 /tmp/hled-100x   # then hled.load("/tmp/hled-100x")
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from hled._dataset import FILES as ALL_FILES

KEPT = ("meta.json", "editions.json")
FILES = tuple(name for name in ALL_FILES if name not in (*KEPT, "crosswalk.json"))  # the files copied N times
REFS = frozenset(
    {
        "id",
        "source",
        "pillar",
        "pillars",
        "workstream",
        "organization",
        "organizations",
        "parent",
        "people",
        "chairs",
        "programs",
        "events",
        "continues",
        "earlier",
        "later",
        "part_of",
        "into",
        "provider",
        "recipient",
    }
)
NAMES = frozenset({"name", "title", "acronym", "name_es", "title_es", "aliases"})


def bundled() -> dict[str, Any]:
    """The bundled data files, parsed (file name -> JSON)."""
    from importlib.resources import files

    folder = files("hled") / "data"
    return {name: json.loads((folder / name).read_text(encoding="utf-8")) for name in (*KEPT, *FILES, "crosswalk.json")}


def _copy(value: Any, k: int, ids: frozenset[str], key: str | None = None) -> Any:
    if isinstance(value, dict):
        out = {name: _copy(v, k, ids, name) for name, v in value.items()}
        if key is None and isinstance(out.get("number"), int):
            out["number"] += 10 * k  # pillar numbers are unique within an edition
        return out
    if isinstance(value, list):
        return [_copy(v, k, ids, key) for v in value]
    if isinstance(value, str) and key in REFS and value in ids:
        return f"{value}-x{k}"
    if isinstance(value, str) and key in NAMES:
        return f"{value} {k}"
    return value


def scaled(factor: int, data: dict[str, Any] | None = None) -> dict[str, Any]:
    """Return the data files of a dataset *factor* times the bundled one (file name -> JSON)."""
    if factor < 1:
        msg = f"factor must be 1 or more, got {factor!r}"
        raise ValueError(msg)
    data = bundled() if data is None else data
    amounts = (a for name in FILES for r in data[name] for field in ("amounts", "counts") for a in r.get(field, ()))
    ids = frozenset(r["id"] for name in FILES for r in data[name]) | {a["id"] for a in amounts if "id" in a}
    out = {name: data[name] for name in KEPT}
    for name in (*FILES, "crosswalk.json"):
        records = list(data[name])
        for k in range(1, factor):
            records.extend(_copy(r, k, ids) for r in data[name])
        out[name] = records
    return out


def write(factor: int, folder: str | Path) -> int:
    """Write a dataset *factor* times the bundled one into *folder*; return its number of records."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    files = scaled(factor)
    for name, content in files.items():
        (folder / name).write_text(json.dumps(content, ensure_ascii=False) + "\n", encoding="utf-8")
    return sum(len(files[name]) for name in (*FILES, "editions.json"))


if __name__ == "__main__":
    count = write(int(sys.argv[1]), sys.argv[2])
    print(f"{count} records in {sys.argv[2]}")
