"""Write the CHANGELOG's data section for the bundled release: `hled diff` from the previous release.

    python scripts/data_changelog.py OLD_DATA_DIR

Replaces the lines between the ``<!-- data-diff -->`` markers of the ``[Unreleased]``
section with the diff's summary (a line per registry, with the fields changed); the full
record-by-record list is `hled diff OLD_DATA_DIR`.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import hled

CHANGELOG = Path(__file__).resolve().parent.parent / "CHANGELOG.md"
MARK = "<!-- data-diff -->"


def main(argv: list[str]) -> int:
    found = hled.diff(argv[0])
    section = "\n".join(
        [
            MARK,
            f"Data {found.old} -> {found.new} (`hled diff`): {len(found.added)} records added, "
            f"{len(found.removed)} removed, {len(found.changed)} changed.",
            "",
            *(f"- {line}" for line in found.summary()),
            MARK,
        ]
    )
    text = CHANGELOG.read_text(encoding="utf-8")
    updated, count = re.subn(f"{re.escape(MARK)}.*?{re.escape(MARK)}", lambda _: section, text, count=1, flags=re.S)
    if count != 1:
        print(f"{CHANGELOG}: no {MARK} markers to write between", file=sys.stderr)
        return 1
    CHANGELOG.write_text(updated, encoding="utf-8")
    print(section)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
