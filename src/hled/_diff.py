"""What changed between two data releases: records added, removed and changed, field by field."""

from __future__ import annotations

import collections
import json
import os
from typing import Any

import attrs

__all__ = ["Change", "DataDiff", "diff"]


@attrs.frozen(kw_only=True)
class Change:
    """One record added, removed or changed between two releases.

    Attributes:
        registry: the registry's name (``"events"``).
        id: the record's id.
        fields: for a changed record, the fields whose values differ, in the model's order;
            empty for a record added or removed.
        redirect: for a removed record whose id the new release redirects, the id it now
            goes by (`Registry.get` follows it); None otherwise.
    """

    registry: str
    id: str
    fields: tuple[str, ...] = ()
    redirect: str | None = None

    def __str__(self) -> str:
        if self.redirect is not None:
            return f"{self.registry}/{self.id} -> {self.redirect}"
        return f"{self.registry}/{self.id}" + (f": {', '.join(self.fields)}" if self.fields else "")


@attrs.frozen(kw_only=True)
class DataDiff:
    """The differences between two datasets (`hled.diff`).

    Attributes:
        old: the older dataset's version.
        new: the newer dataset's version.
        added: records only the new one has.
        removed: records only the old one has (each with its redirect, where the new one has one).
        changed: records both have whose fields differ, with the fields.
    """

    old: str
    new: str
    added: tuple[Change, ...] = ()
    removed: tuple[Change, ...] = ()
    changed: tuple[Change, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.added or self.removed or self.changed)

    def summary(self) -> list[str]:
        """One line per registry: how many records were added, removed and changed, and which fields changed."""
        lines = []
        for registry in dict.fromkeys(c.registry for c in (*self.added, *self.removed, *self.changed)):
            parts = []
            for what, changes in (("added", self.added), ("removed", self.removed), ("changed", self.changed)):
                mine = [c for c in changes if c.registry == registry]
                if mine:
                    parts.append(f"{len(mine)} {what}")
            fields = collections.Counter(f for c in self.changed if c.registry == registry for f in c.fields)
            tally = ", ".join(f"{field} {count}" for field, count in fields.most_common())
            lines.append(f"{registry}: {', '.join(parts)}" + (f" (fields changed: {tally})" if tally else ""))
        return lines

    def to_markdown(self) -> str:
        """The differences as a changelog section: a line per registry, then each record with its fields."""
        counts = f"{len(self.added)} added, {len(self.removed)} removed, {len(self.changed)} changed"
        lines = [f"Data {self.old} -> {self.new}: {counts}.", ""]
        lines += [f"- {line}" for line in self.summary()]
        for title, changes in (("Added", self.added), ("Removed", self.removed), ("Changed", self.changed)):
            if changes:
                lines += ["", f"#### {title}", ""]
                lines += [f"- `{change}`" for change in changes]
        return "\n".join(lines) + "\n"


def diff(old: Any, new: Any = None) -> DataDiff:
    """Compare two datasets record by record and field by field.

    A data directory is compared as its files hold it, without loading it, so a release
    whose format an older or newer hled reads differently compares all the same.

    Args:
        old: a `Dataset`, or the path of a data directory.
        new: the same; None for the bundled data.

    Raises:
        DataError: a path is not a data directory, or a file is not JSON.
        TypeError: *old* or *new* is neither a Dataset nor a path.
    """
    from hled._dataset import BUILD_ORDER, default

    old_meta, old_files = _files(old, "old")
    new_meta, new_files = _files(default() if new is None else new, "new")
    added: list[Change] = []
    removed: list[Change] = []
    changed: list[Change] = []
    for kind in BUILD_ORDER:
        was = {r["id"]: _plain(r) for r in old_files[kind.file] if isinstance(r, dict) and "id" in r}
        now = {r["id"]: _plain(r) for r in new_files[kind.file] if isinstance(r, dict) and "id" in r}
        moved = new_meta.get("redirects", {}).get(kind.name, {})
        added += [Change(registry=kind.name, id=rid) for rid in now if rid not in was]
        removed += [Change(registry=kind.name, id=rid, redirect=moved.get(rid)) for rid in was if rid not in now]
        for rid, record in now.items():
            if rid in was and record != was[rid]:
                fields = tuple(f for f in {**was[rid], **record} if record.get(f) != was[rid].get(f))
                changed.append(Change(registry=kind.name, id=rid, fields=fields))
    return DataDiff(
        old=str(old_meta.get("version")),
        new=str(new_meta.get("version")),
        added=tuple(added),
        removed=tuple(removed),
        changed=tuple(changed),
    )


def _files(value: Any, name: str) -> tuple[dict[str, Any], dict[str, Any]]:
    """The meta.json and the record files of a dataset or a data directory, as JSON."""
    from hled._build import META
    from hled._dataset import FILES, Dataset
    from hled._load import read_directory
    from hled.errors import DataError

    if isinstance(value, Dataset):
        return value._meta_json(), value.to_files(omit_defaults=True)
    if not isinstance(value, (str, os.PathLike)):
        msg = f"{name} must be a Dataset or a data directory's path, got {type(value).__name__} {value!r}"
        raise TypeError(msg)
    found: dict[str, Any] = {}
    for file, raw in read_directory(value, FILES).items():
        try:
            found[file] = json.loads(raw)
        except ValueError as exc:
            raise DataError([f"{file}: not JSON ({exc})"]) from None
    meta = found.pop(META)
    return (meta if isinstance(meta, dict) else {}), {f: v if isinstance(v, list) else [] for f, v in found.items()}


def _plain(record: dict[str, Any]) -> dict[str, Any]:
    """A record without its empty fields, so that a field left out and one given empty compare equal."""
    return {field: value for field, value in record.items() if value not in (None, [], {}, "")}
