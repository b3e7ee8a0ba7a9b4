"""The loader's messages and limits, exactly as a user meets them (killing _load's mutants)."""

from __future__ import annotations

import pytest

import hled

NAMES = (
    "meta.json, sources.json, organizations.json, people.json, editions.json, pillars.json, workstreams.json, "
    "programs.json, actions.json, events.json, accomplishments.json, crosswalk.json"
)


def test_file_instead_of_directory_message(tmp_path):
    """A file given as the data directory is named, with the whole message and nothing else."""
    file = tmp_path / "x.json"
    file.write_text("[]")

    with pytest.raises(hled.DataError) as info:
        hled.load(file)

    assert info.value.problems == (f"{str(file)!r} is not a directory; expected a data directory holding {NAMES}",)


def test_a_file_exactly_at_the_size_cap_is_read(data_dir, monkeypatch, mini):
    """The size cap is inclusive: a file of exactly the cap's size (the largest one here) loads."""
    from hled import _load

    monkeypatch.setattr(_load, "MAX_FILE_SIZE", max(f.stat().st_size for f in data_dir.iterdir()))

    assert hled.load(data_dir).digest == mini.digest


def test_a_file_one_byte_over_the_cap_is_refused(data_dir, monkeypatch):
    """One byte over the cap is refused, with the file's size and the cap in the message."""
    from hled import _load

    largest = max(data_dir.iterdir(), key=lambda f: f.stat().st_size)
    size = largest.stat().st_size
    monkeypatch.setattr(_load, "MAX_FILE_SIZE", size - 1)

    with pytest.raises(hled.DataError) as info:
        hled.load(data_dir)

    assert f"{largest.name}: holds {size:,} bytes, over the {size - 1:,} a data file may hold" in info.value.problems
