"""Check the built wheel and sdist: data files and py.typed shipped, metadata complete.

python scripts/check_dist.py dist
"""

from __future__ import annotations

import sys
import tarfile
import zipfile
from email.parser import Parser
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "src" / "hled" / "data"


def main(argv: list[str]) -> int:
    dist = Path(argv[0])
    wheel = next(dist.glob("hled-*.whl"))
    sdist = next(dist.glob("hled-*.tar.gz"))
    problems = []
    with zipfile.ZipFile(wheel) as zf:
        names = set(zf.namelist())
        meta_name = next(n for n in names if n.endswith(".dist-info/METADATA"))
        meta = Parser().parsestr(zf.read(meta_name).decode("utf-8"))
    for f in [*sorted(p.name for p in DATA.glob("*.json"))]:
        if f"hled/data/{f}" not in names:
            problems.append(f"wheel lacks hled/data/{f}")
    for f in sorted(p.name for p in (DATA.parent / "schema").glob("*.schema.json")):
        if f"hled/schema/{f}" not in names:
            problems.append(f"wheel lacks hled/schema/{f}")
    for f in ("hled/py.typed", "hled/__init__.py", "hled/__main__.py"):
        if f not in names:
            problems.append(f"wheel lacks {f}")
    for key in ("Name", "Version", "Summary", "Requires-Python", "License-Expression"):
        if not meta.get(key):
            problems.append(f"wheel metadata lacks {key}")
    if meta.get_content_type() != "text/markdown" and "markdown" not in (meta.get("Description-Content-Type") or ""):
        problems.append("wheel metadata: README is not declared as Markdown")
    requires = meta.get_all("Requires-Dist") or []
    runtime = sorted(r.split(";")[0].split(">")[0].split("=")[0].strip() for r in requires if "extra ==" not in r)
    if runtime != ["attrs", "cattrs", "python-dateutil"]:
        problems.append(f"unexpected runtime dependencies: {runtime}")
    with tarfile.open(sdist) as tf:
        members = {m.split("/", 1)[1] for m in tf.getnames() if "/" in m}
    for f in ("pyproject.toml", "README.md", "CHANGELOG.md", "LICENSE", "src/hled/data/meta.json"):
        if f not in members:
            problems.append(f"sdist lacks {f}")
    for p in problems:
        print(p, file=sys.stderr)
    if not problems:
        print(f"{wheel.name} and {sdist.name}: contents and metadata ok")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
