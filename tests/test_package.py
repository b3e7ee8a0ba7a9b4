from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest

import hled

from .conftest import run_python


class TestImport:
    def test_import_reads_no_data_and_defers_dependencies(self):
        """import hled opens no data file and imports neither cattrs, dateutil nor attrs."""
        out = run_python(
            "import os, sys\n"
            "opened = []\n"
            "sys.addaudithook(lambda ev, args: opened.append(str(args[0])) if ev == 'open' else None)\n"
            "import hled\n"
            "print(sum(os.sep + 'data' + os.sep in p for p in opened))\n"
            "deferred = ('cattrs', 'dateutil', 'attrs', 'attr', 'importlib.metadata')\n"
            "print(sorted(m for m in deferred if m in sys.modules))\n"
        )

        assert out.splitlines() == ["0", "[]"]

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

        out = run_python(
            "import sys, json; sys.path.insert(0, sys.argv[1]) if len(sys.argv) > 1 else None\n"
            f"sys.path.insert(0, {str(archive)!r})\n"
            "import hled\n"
            "print(json.dumps([hled.__file__, len(hled.pillars), hled.organizations.lookup('USAID').id]))\n",
            cwd=tmp_path,
        )

        where, count, found = json.loads(out)
        assert where.startswith(str(archive))
        assert (count, found) == (7, "usaid")


def test_static_names_follow_the_kinds():
    """What `hled` declares for type checkers and `__all__` names every registry of `hled.Dataset`, and no other."""
    import typing

    from hled._dataset import KINDS, Dataset

    source = (Path(hled.__file__).parent / "__init__.py").read_text(encoding="utf-8")
    names = {kind.name for kind in KINDS}

    assert names | {"agencies"} <= set(hled.__all__)
    for kind in KINDS:
        assert f"    {kind.name}: {kind.registry_class.__name__}\n" in source
        assert typing.get_type_hints(Dataset)[kind.name] is kind.registry_class
