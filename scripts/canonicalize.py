"""Rewrite a data directory (default: the bundled one) in canonical form.

Loads it with full validation, then writes every file back exactly as
``hled export --format json`` would: model field order, defaults left out,
registry order, 2-space indent, UTF-8, trailing newline.

    python scripts/canonicalize.py [DIR]
"""

from __future__ import annotations

import sys
from pathlib import Path

import hled
from hled._export import write_json

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str]) -> int:
    folder = Path(argv[0]) if argv else ROOT / "src" / "hled" / "data"
    try:
        ds = hled.load(folder)
    except hled.DataError as exc:
        print(exc, file=sys.stderr)
        return 1
    write_json(ds, folder)
    print(f"{folder}: rewritten in canonical form (digest {ds.digest[:16]})")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
