"""Reading data files: the bundled ones from the package, a user's from a directory.

This is the only module that reads files. It returns raw bytes per file name;
decoding and validation happen in `hled._build`.
"""

from __future__ import annotations

import os
from collections.abc import Sequence

from hled.errors import DataError

__all__ = ["read_bundled", "read_directory"]


def read_bundled(names: Sequence[str]) -> dict[str, bytes]:
    """Read the data files *names* shipped in the package's ``data`` folder (works from a zip too).

    The package's own loader reads them (its ``get_data``, as `pkgutil.get_data` does, and
    as importlib-resources does for a zip): importing importlib.resources would cost the
    first query about 12 ms (see docs/performance.md).
    """
    folder = os.path.join(os.path.dirname(__file__), "data")
    get_data = __spec__.loader.get_data  # type: ignore[union-attr]
    return {name: get_data(os.path.join(folder, name)) for name in names}


def read_directory(path: str | os.PathLike[str], names: Sequence[str]) -> dict[str, bytes]:
    """Read the data files *names* from a user's directory.

    Raises:
        TypeError: *path* is not a string or path.
        DataError: the directory or one of its files is missing or unreadable.
    """
    if not isinstance(path, (str, os.PathLike)) or isinstance(path, bytes):
        msg = f"path must be a str or os.PathLike, got {type(path).__name__} {path!r}"
        raise TypeError(msg)
    folder = os.fsdecode(path) or "."  # as pathlib reads "": the current directory
    try:
        os.stat(folder)
        what = "" if os.path.isdir(folder) else "is not a directory"
    except FileNotFoundError:
        what = "does not exist"
    except (OSError, ValueError) as exc:  # a name too long for the file system, a NUL in it
        what = f"cannot be opened ({getattr(exc, 'strerror', None) or exc})"
    if what:
        msg = f"{folder!r} {what}; expected a data directory holding {', '.join(names)}"
        raise DataError([msg])
    found: dict[str, bytes] = {}
    problems = []
    for name in names:
        try:
            with open(os.path.join(folder, name), "rb") as file:
                found[name] = file.read()
        except IsADirectoryError:
            problems.append(f"{name}: is a directory, expected a JSON file")
        except FileNotFoundError:
            problems.append(f"{name}: missing from {folder!r}")
        except OSError as exc:
            problems.append(f"{name}: cannot be read ({exc.strerror or exc})")
    if problems:
        raise DataError(problems)
    return found
