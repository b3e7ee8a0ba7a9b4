"""Reading data files: the bundled ones from the package, a user's from a directory.

This is the only module that reads files. It returns raw bytes per file name;
decoding and validation happen in `hled._build`.
"""

from __future__ import annotations

import os
import stat
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
            data = _read_file(os.path.join(folder, name))
        except FileNotFoundError:
            problems.append(f"{name}: missing from {folder!r}")
        except OSError as exc:
            problems.append(f"{name}: cannot be read ({exc.strerror or exc})")
        else:
            if isinstance(data, str):
                problems.append(f"{name}: {data}")
            else:
                found[name] = data
    if problems:
        raise DataError(problems)
    return found


# bytes: over a hundred times the bundled data's largest file (132 kB); it bounds a load's memory (docs/robustness.md)
MAX_FILE_SIZE = 16 * 1024 * 1024
_KINDS = ((stat.S_ISDIR, "a directory"), (stat.S_ISFIFO, "a FIFO"), (stat.S_ISSOCK, "a socket"))


def _read_file(path: str) -> bytes | str:
    """The bytes of a regular data file, or why it is none: a directory, a device, a FIFO, too large.

    Opened without blocking (a FIFO would wait for a writer forever) and checked on the
    open file itself, so a symlink is judged by what it points to (``/dev/zero`` is a
    device, and never read).
    """
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            what = next((word for test, word in _KINDS if test(info.st_mode)), "a device")
            return f"is {what}, expected a JSON file"
        if info.st_size > MAX_FILE_SIZE:
            return f"holds {info.st_size:,} bytes, over the {MAX_FILE_SIZE:,} a data file may hold"
        with open(fd, "rb", closefd=False) as file:
            data = file.read(MAX_FILE_SIZE + 1)  # a file growing while it is read stops at the cap too
        if len(data) > MAX_FILE_SIZE:
            return f"grew past the {MAX_FILE_SIZE:,} bytes a data file may hold while it was read"
        return data
    finally:
        os.close(fd)
