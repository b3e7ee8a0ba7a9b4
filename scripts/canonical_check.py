"""Fail if any bundled data file is not byte-for-byte in canonical form.

Canonical form is what ``hled export --format json`` writes; fix a file with
``python scripts/canonicalize.py``.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

import hled
from hled._export import write_json

DATA = Path(__file__).resolve().parent.parent / "src" / "hled" / "data"


def main() -> int:
    ds = hled.load(DATA)
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        write_json(ds, out)
        bad = [f.name for f in sorted(out.iterdir()) if f.read_bytes() != (DATA / f.name).read_bytes()]
    if bad:
        print(f"not in canonical form: {', '.join(bad)}; run: python scripts/canonicalize.py", file=sys.stderr)
        return 1
    print(f"{len(list(DATA.glob('*.json')))} data files in canonical form")
    return 0


if __name__ == "__main__":
    sys.exit(main())
