"""The exceptions hled raises about lookups and data.

Each one also derives from the builtin it resembles, so ``except LookupError``
and ``except ValueError`` keep working for code that does not know hled.
"""

from __future__ import annotations

__all__ = ["AmbiguousLookup", "DataError", "HledError", "RecordNotFound"]


class HledError(Exception):
    """Base class of every hled-specific error."""


class RecordNotFound(HledError, LookupError):
    """No record matches the id or text that was asked for.

    Attributes:
        key: the id or text that was looked up.
        kind: the record kind that was searched, for example ``"organization"``.
        suggestions: ids of close records, best first (possibly empty).
        forms: the forms a name of this kind can take, where the kind has several, or "".
    """

    def __init__(self, key: str, kind: str, suggestions: tuple[str, ...] = (), how: str = "id", forms: str = ""):
        self.key = key
        self.kind = kind
        self.suggestions = tuple(suggestions)
        self.how = how
        self.forms = forms
        super().__init__(key, kind, self.suggestions, how)

    def __str__(self) -> str:
        msg = f"no {self.kind} with {self.how} {self.key!r}"
        if self.suggestions:
            quoted = ", ".join(repr(s) for s in self.suggestions)
            msg += f"; did you mean {quoted}?"
        if self.forms:
            msg += f" ({self.forms})"
        return msg


class AmbiguousLookup(HledError, LookupError):
    """Several records match the text that was looked up.

    Attributes:
        key: the text that was looked up.
        kind: the record kind that was searched.
        candidates: ids of every matching record.
    """

    def __init__(self, key: str, kind: str, candidates: tuple[str, ...]):
        self.key = key
        self.kind = kind
        self.candidates = tuple(candidates)
        super().__init__(key, kind, self.candidates)

    def __str__(self) -> str:
        quoted = ", ".join(repr(c) for c in self.candidates)
        noun = "records" if self.kind == "record" else f"{self.kind} records"
        return f"{self.key!r} matches {len(self.candidates)} {noun}: {quoted}; pass one of these ids instead"


class DataError(HledError, ValueError):
    """A data directory or file failed validation.

    Attributes:
        problems: one line per problem, each naming the file, the record id
            (where there is one), the field path and the offending value.
        stopped: True when checking stopped at `STOP` problems, so that *problems* holds the
            first ones found and fixing them may bring others to light.
        LISTED: how many problems the message lists; it counts the rest.
        STOP: how many problems a load finds before it stops checking.
    """

    LISTED = 100
    STOP = 1000

    def __init__(self, problems: list[str] | tuple[str, ...], stopped: bool = False):
        self.problems = tuple(problems)
        self.stopped = stopped
        super().__init__(self.problems, stopped)

    def listed(self) -> list[str]:
        """The first `LISTED` problems, a line counting the others if there are more, and one if checking stopped."""
        more = len(self.problems) - self.LISTED
        lines = [*self.problems[: self.LISTED], *([f"... and {more:,} more problems"] if more > 0 else [])]
        if self.stopped:
            lines.append(f"... checking stopped at {len(self.problems):,}: fix these and validate again for the rest")
        return lines

    def __str__(self) -> str:
        count = len(self.problems)
        head = f"{count:,} problem{'s' if count != 1 else ''} in the data"
        return head + ":\n" + "\n".join(f"  {p}" for p in self.listed())
