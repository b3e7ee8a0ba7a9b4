"""The docs' examples run: console commands, Python blocks, JSON snippets and the example notebook.

``>>>`` examples in ``docs/*.md`` run as doctests (``--doctest-glob=*.md``); this
module runs the rest.
"""

from __future__ import annotations

import json
import re
import shlex
from pathlib import Path

import pytest

from hled._cli import main

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
PAGES = [*sorted(DOCS.glob("*.md")), ROOT / "README.md"]
_FENCE = re.compile(r"^```(\w+)[^\n]*\n(.*?)^```", re.MULTILINE | re.DOTALL)


def _blocks(page: Path) -> list[tuple[str, str]]:
    return [(m.group(1), m.group(2)) for m in _FENCE.finditer(page.read_text(encoding="utf-8"))]


def _commands(block: str) -> list[list[str]]:
    """The ``hled`` commands of a console block: lines like ``$ hled pillars --edition 2021``."""
    found = []
    for raw in block.splitlines():
        line = raw.strip().removeprefix("$ ").split("&& .venv/bin/")[-1].removeprefix(".venv/bin/")
        if line.startswith("hled "):
            found.append(shlex.split(line)[1:])
    return found


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_examples_run(page, tmp_path, monkeypatch, capsys):
    """Every `hled` command, Python block and JSON snippet on a page runs, in page order."""
    monkeypatch.chdir(tmp_path)
    namespace: dict[str, object] = {"__name__": "__docs__"}
    ran = 0

    for language, block in _blocks(page):
        if language == "console":
            for args in _commands(block):
                assert main(args) == 0, f"{page.name}: hled {shlex.join(args)}"
                ran += 1
        elif language == "python":
            exec(compile(block, f"{page.name} python block", "exec"), namespace)
            ran += 1
        elif language == "json":
            json.loads(block)
            ran += 1

    capsys.readouterr()
    if page.name in ("README.md", "cli.md", "export.md", "quickstart.md"):
        assert ran > 0


def test_readme_shows_the_timeline():
    """The README shows the committed timeline picture, which is a PNG."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")

    assert "](docs/images/timeline.png)" in readme
    assert (DOCS / "images" / "timeline.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


@pytest.mark.filterwarnings("ignore::DeprecationWarning")
def test_example_notebook_runs(monkeypatch):
    """docs/example.ipynb runs top to bottom without error, and shows HTML tables."""
    nbclient = pytest.importorskip("nbclient", reason="the test dependency group installs nbclient")
    import nbformat

    monkeypatch.setenv("JUPYTER_PLATFORM_DIRS", "1")
    notebook = nbformat.read(DOCS / "example.ipynb", as_version=4)
    assert all(not cell.get("outputs") for cell in notebook.cells if cell.cell_type == "code"), "clear the outputs"

    nbclient.NotebookClient(
        notebook, timeout=60, kernel_name="python3", resources={"metadata": {"path": str(DOCS)}}
    ).execute()

    outputs = [out for cell in notebook.cells if cell.cell_type == "code" for out in cell.outputs]
    assert not [out for out in outputs if out.output_type == "error"]
    html = [out["data"]["text/html"] for out in outputs if "text/html" in out.get("data", {})]
    assert any(h.startswith("<table><caption>4 pillar records</caption>") for h in html)
    assert any(h.startswith("<table><caption>Organization <code>usaid</code>") for h in html)
