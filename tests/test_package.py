from __future__ import annotations

import json
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

import hled


def _python(code: str, **kwargs) -> str:
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, **kwargs)
    return result.stdout


class TestImport:
    def test_import_reads_no_data_and_defers_dependencies(self):
        """import hled opens no data file and imports neither cattrs, dateutil nor attrs."""
        out = _python(
            "import os, sys\n"
            "opened = []\n"
            "sys.addaudithook(lambda ev, args: opened.append(str(args[0])) if ev == 'open' else None)\n"
            "import hled\n"
            "print(sum(os.sep + 'data' + os.sep in p for p in opened))\n"
            "deferred = ('cattrs', 'dateutil', 'attrs', 'attr', 'importlib.metadata')\n"
            "print(sorted(m for m in deferred if m in sys.modules))\n"
        )

        assert out.splitlines() == ["0", "[]"]

    def test_first_access_loads_once_from_many_threads(self):
        """32 threads asking at once all get the same dataset."""
        out = _python(
            "import sys, threading, hled\n"
            "sys.setswitchinterval(1e-6)\n"
            "seen = []\n"
            "barrier = threading.Barrier(32)\n"
            "def go():\n"
            "    barrier.wait(); seen.append(hled.dataset())\n"
            "threads = [threading.Thread(target=go) for _ in range(32)]\n"
            "[t.start() for t in threads]; [t.join() for t in threads]\n"
            "print(len(seen), len({id(d) for d in seen}))\n"
        )

        assert out.split() == ["32", "1"]

    def test_public_names(self):
        """Every name in __all__ resolves, and unknown names raise AttributeError."""
        for name in hled.__all__:
            assert getattr(hled, name) is not None

        assert set(hled.__all__) <= set(dir(hled))
        with pytest.raises(AttributeError, match=r"^module 'hled' has no attribute 'no_such_name'$"):
            hled.no_such_name  # noqa: B018

    def test_agencies_is_organizations(self):
        """hled.agencies is the organizations registry."""
        assert hled.agencies is hled.organizations

    def test_versions(self):
        """The package and data versions and the digest are strings."""
        assert hled.__version__.count(".") >= 2
        assert hled.dataset().version
        assert len(hled.dataset().digest) == 64

    def test_py_typed_and_data_ship(self):
        """py.typed and every data file are package resources."""
        from importlib.resources import files

        folder = files("hled")
        assert (folder / "py.typed").is_file()
        for name in ("meta.json", "pillars.json", "accomplishments.json", "crosswalk.json"):
            assert (folder / "data" / name).is_file()


class TestZip:
    def test_imports_and_answers_from_a_zip(self, tmp_path):
        """The package works when imported from a zip file on sys.path."""
        package = Path(hled.__file__).parent
        archive = tmp_path / "hled.zip"
        with zipfile.ZipFile(archive, "w") as zf:
            for path in package.rglob("*"):
                if path.is_file() and "__pycache__" not in path.parts:
                    zf.write(path, Path("hled") / path.relative_to(package))

        out = _python(
            "import sys, json; sys.path.insert(0, sys.argv[1]) if len(sys.argv) > 1 else None\n"
            f"sys.path.insert(0, {str(archive)!r})\n"
            "import hled\n"
            "print(json.dumps([hled.__file__, len(hled.pillars), hled.organizations.lookup('USAID').id]))\n",
            cwd=tmp_path,
        )

        where, count, found = json.loads(out)
        assert where.startswith(str(archive))
        assert (count, found) == (7, "usaid")
