"""Write the JSON Schema of every data file into src/hled/schema/ (generated from the model).

python scripts/make_schemas.py           # rewrite the shipped schemas
python scripts/make_schemas.py --check   # exit 1 if a shipped schema differs
"""

from __future__ import annotations

import sys
from pathlib import Path

from hled._export import canonical_json
from hled._schema import schemas

OUT = Path(__file__).resolve().parent.parent / "src" / "hled" / "schema"


def main(argv: list[str]) -> int:
    check = "--check" in argv
    stale = []
    OUT.mkdir(exist_ok=True)
    for name, schema in schemas().items():
        path = OUT / name
        text = canonical_json(schema)
        if path.exists() and path.read_text(encoding="utf-8") == text:
            continue
        stale.append(name)
        if not check:
            path.write_text(text, encoding="utf-8")
    if check and stale:
        print(f"stale schemas (run python scripts/make_schemas.py): {', '.join(stale)}", file=sys.stderr)
        return 1
    print(f"{len(stale)} schema(s) {'stale' if check else 'written'} in {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
