"""Isolation: hled opens no socket and writes only where the user said, at import, first load and after.

An audit hook (PEP 578) in a fresh interpreter records every socket event and
every file opened for writing, while the script imports hled and exercises every
public call and every CLI command. Only ``export --out DIR`` may write, and only
inside DIR.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from importlib.metadata import distribution
from pathlib import Path

import hled

from .conftest import MINI

EXERCISE = r"""
import io, json, os, sys
from contextlib import redirect_stderr, redirect_stdout

out_dir, zip_path, mini = sys.argv[1], sys.argv[2], sys.argv[3]
light = bool(zip_path)  # the zip run proves the same calls answer; pandas' import is tested once
if zip_path:
    sys.path.insert(0, zip_path)
allowed = os.path.realpath(out_dir) + os.sep
report = []
WRITE = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_APPEND | os.O_TRUNC
CHANGES = {"os.mkdir", "os.rename", "os.remove", "os.rmdir", "os.truncate", "os.symlink", "os.link", "os.chmod",
           "shutil.rmtree", "shutil.copyfile", "shutil.move"}


def outside(path):
    if isinstance(path, int):
        return False
    path = os.fsdecode(path)
    return not os.path.realpath(path).startswith(allowed)


def hook(event, args):
    if event.startswith(("socket.", "http.", "urllib.", "ftplib.", "smtplib.", "webbrowser.")):
        report.append(event)
    elif event == "open":
        path, mode, flags = args
        writes = (isinstance(mode, str) and any(c in mode for c in "wax+")) or bool((flags or 0) & WRITE)
        if writes and outside(path):
            report.append(f"open for writing: {path!r}")
    elif event in CHANGES and args and outside(args[0]):
        report.append(f"{event}: {args[0]!r}")


sys.addaudithook(hook)

import hled
from hled._cli import main

assert not report, report
stage = {"import": list(report)}
len(hled.pillars)
stage["first load"] = list(report)

for name, registry in hled.dataset().registries.items():
    records = list(registry)
    first = records[0]
    registry.get(first.id)
    registry.lookup(first.id)
    registry.search("supply chains")
    selection = registry.filter()
    selection.to_dicts()
    if not light:
        selection.to_dataframe()
    selection._repr_html_()
    first._repr_html_()
    hled.to_dict(first)
    try:
        registry.get("no-such-id")
    except hled.RecordNotFound:
        pass
hled.search("water")
hled.compare_editions()
hled.dataset().digest
hled.__version__
user = hled.load(mini)
user.digest
try:
    hled.load(os.path.join(out_dir, "missing"))
except hled.DataError:
    pass

commands = [
    ["pillars", "--edition", "2013"],
    ["accomplishments", "--agency", "USAID", "--year", "2022", "--json"],
    ["show", "USAID"],
    ["show", "USAID", "--json"],
    ["search", "supply chains"],
    ["compare"],
    ["compare", "--json"],
    ["validate", mini],
    ["--version"],
    ["events", "--data", mini, "--json"],
    ["pillars", "--edition", "2017"],
    ["export", "--format", "json", "--out", os.path.join(out_dir, "json")],
    ["export", "--format", "csv", "--out", os.path.join(out_dir, "csv", "nested")],
]
codes = []
for argv in commands:
    with redirect_stdout(io.StringIO()), redirect_stderr(io.StringIO()):
        codes.append(main(argv))
stage["everything"] = list(report)
print(json.dumps({"file": hled.__file__, "stages": stage, "codes": codes}))
"""


def run_exercise(out_dir: Path, zip_path: str = "", *flags: str) -> dict[str, object]:
    """Run the exercise in a fresh interpreter (with *flags*) that writes no bytecode; return its report."""
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
    result = subprocess.run(
        [sys.executable, *flags, "-c", EXERCISE, str(out_dir), zip_path, str(MINI)],
        capture_output=True,
        text=True,
        check=False,
        env=env,
        cwd=out_dir,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    report: dict[str, object] = json.loads(result.stdout.splitlines()[-1])
    return report


def zipped_wheel(target: Path) -> Path:
    """A wheel-shaped zip of the installed package: ``hled/`` and its ``.dist-info`` at the root."""
    package = Path(hled.__file__).parent
    archive = target / f"hled-{hled.__version__}-py3-none-any.whl"
    with zipfile.ZipFile(archive, "w") as zf:
        for path in package.rglob("*"):
            if path.is_file() and "__pycache__" not in path.parts:
                zf.write(path, Path("hled") / path.relative_to(package))
        meta = distribution("hled")
        for file in meta.files or ():
            if ".dist-info" in str(file):
                located = Path(str(meta.locate_file(file)))
                if located.is_file():
                    zf.write(located, str(file))
    return archive


class TestNoNetworkNoStrayWrites:
    def test_import_first_load_and_every_call(self, tmp_path):
        """No socket event and no write outside the export directory, at import, first load or any call."""
        report = run_exercise(tmp_path)

        assert report["stages"] == {"import": [], "first load": [], "everything": []}
        assert report["codes"] == [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0]
        assert (tmp_path / "json" / "pillars.json").is_file()
        assert (tmp_path / "csv" / "nested" / "pillars.csv").is_file()

    def test_under_python_oo(self, tmp_path):
        """Under ``python -OO`` (no docstrings, no asserts) every call and command answers as it does without."""
        report = run_exercise(tmp_path, "", "-OO")

        assert report["codes"] == [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0]
        assert (tmp_path / "csv" / "nested" / "datapackage.json").is_file()
        assert hled.load(tmp_path / "json").digest == hled.dataset().digest

    def test_from_a_zipped_wheel(self, tmp_path):
        """From a zipped wheel on sys.path, hled imports, answers every call and still writes nothing stray."""
        wheel = zipped_wheel(tmp_path)
        out = tmp_path / "out"
        out.mkdir()

        report = run_exercise(out, str(wheel))

        assert str(report["file"]).startswith(str(wheel))
        assert report["stages"] == {"import": [], "first load": [], "everything": []}
        assert report["codes"] == [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0]
        assert hled.load(out / "json").digest == hled.dataset().digest
