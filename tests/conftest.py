from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import hled

MINI = Path(__file__).parent / "fixtures" / "mini"


@pytest.fixture(name="mini", scope="session")
def _mini() -> hled.Dataset:
    """A small dataset of real seed records, independent of the bundled data."""
    return hled.load(MINI)


@pytest.fixture(name="data_dir")
def _data_dir(tmp_path: Path) -> Path:
    """A writable copy of the mini data directory."""
    target = tmp_path / "data"
    shutil.copytree(MINI, target)
    return target
