"""Reading data files: the bundled ones through importlib-resources, a user's from a directory.

This is the only module that reads files. It returns raw bytes per file name;
decoding and validation happen in `_build`.
"""

from __future__ import annotations

import os
import sys

from hled.errors import DataError

__all__ = ["FILES", "META", "REGISTRIES", "intact", "read_bundled", "read_directory"]

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
# The registries in the order API.md lists them (FILES is the build order).
REGISTRIES = (
    "editions",
    "pillars",
    "workstreams",
    "actions",
    "organizations",
    "people",
    "programs",
    "events",
    "accomplishments",
    "sources",
)


def read_bundled() -> dict[str, bytes]:
    """Read the data files shipped inside the package (works from a zip too).

    The package's own loader reads them (``get_data``, as `pkgutil.get_data` does), which
    works from a zip like importlib-resources but spares the first query its import.
    """
    import hled

    get_data = getattr(hled.__spec__.loader if hled.__spec__ else None, "get_data", None)
    if get_data is not None and hled.__file__:
        folder = os.path.join(os.path.dirname(hled.__file__), "data")
        return {name: get_data(os.path.join(folder, name)) for name in FILES}
    return _read_resources()  # pragma: no cover - a loader without get_data


def intact(files: dict[str, bytes]) -> bool:
    """Whether *files* are, byte for byte, the bundled data the test suite built in full.

    Compares sizes and CRC-32 checksums with those recorded at release (`hled._bundled`):
    a guard against files edited in place, not against tampering (whoever can edit them
    can edit the code).
    """
    from zlib import crc32

    from hled._bundled import CHECKSUMS

    return {name: (len(data), crc32(data)) for name, data in files.items()} == CHECKSUMS


def _read_resources() -> dict[str, bytes]:  # pragma: no cover - a loader without get_data
    if sys.version_info >= (3, 12):
        from importlib.resources import files
    else:
        from importlib_resources import files
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
    from pathlib import Path

    folder = Path(path)
    try:
        what = "" if folder.is_dir() else "is not a directory" if folder.exists() else "does not exist"
    except OSError as exc:  # for example a name too long for the file system
        what = f"cannot be opened ({exc.strerror or exc})"
    if what:
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
