"""Reading data files: the bundled ones through importlib-resources, a user's from a directory.

This is the only module that reads files. It returns raw bytes per file name;
decoding and validation happen in `_build`.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from hled.errors import DataError

if sys.version_info >= (3, 12):  # pragma: no cover - depends on the interpreter
    from importlib.resources import files
else:  # pragma: no cover - depends on the interpreter
    from importlib_resources import files

__all__ = ["FILES", "META", "read_bundled", "read_directory"]

META = "meta.json"
FILES = (
    META,
    "sources.json",
    "organizations.json",
    "people.json",
    "editions.json",
    "pillars.json",
    "workstreams.json",
    "programs.json",
    "actions.json",
    "events.json",
    "accomplishments.json",
    "crosswalk.json",
)


def read_bundled() -> dict[str, bytes]:
    """Read the data files shipped inside the package (works from a zip too)."""
    folder = files("hled") / "data"
    return {name: (folder / name).read_bytes() for name in FILES}


def read_directory(path: str | os.PathLike[str]) -> dict[str, bytes]:
    """Read every data file from a user's directory.

    Raises:
        TypeError: *path* is not a string or path.
        DataError: the directory or one of its files is missing or unreadable.
    """
    if not isinstance(path, (str, os.PathLike)) or isinstance(path, bytes):
        msg = f"path must be a str or os.PathLike, got {type(path).__name__} {path!r}"
        raise TypeError(msg)
    folder = Path(path)
    if not folder.is_dir():
        what = "does not exist" if not folder.exists() else "is not a directory"
        msg = f"{str(folder)!r} {what}; expected a data directory holding {', '.join(FILES)}"
        raise DataError([msg])
    found: dict[str, bytes] = {}
    problems = []
    for name in FILES:
        file = folder / name
        try:
            found[name] = file.read_bytes()
        except IsADirectoryError:
            problems.append(f"{name}: is a directory, expected a JSON file")
        except FileNotFoundError:
            problems.append(f"{name}: missing from {str(folder)!r}")
        except OSError as exc:
            problems.append(f"{name}: cannot be read ({exc.strerror or exc})")
    if problems:
        raise DataError(problems)
    return found
