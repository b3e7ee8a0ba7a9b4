"""Folding text for lookups and tokenizing it for search.

`fold` makes the key `lookup` matches on: case, accents, punctuation and
spacing are all dropped, so "Secretaría de Economía" and "SECRETARIA DE
ECONOMIA" are one key. `tokens` turns free text into search terms with a light
English/Spanish stemmer, so "chains" finds "chain" and "invest" finds "investing".
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable, Sequence

__all__ = ["SearchIndex", "fold", "tokens"]

# every ASCII byte but 0-9 and a-z: `_alnum` deletes them (several times faster than a regex)
_NON_ALNUM = bytes(b for b in range(128) if not (0x30 <= b <= 0x39 or 0x61 <= b <= 0x7A))
_WORD = re.compile(r"[0-9a-z]+")
_STOP = frozenset(
    [
        "a",
        "an",
        "and",
        "are",
        "as",
        "at",
        "be",
        "by",
        "de",
        "del",
        "for",
        "from",
        "has",
        "have",
        "in",
        "into",
        "is",
        "it",
        "its",
        "la",
        "las",
        "los",
        "of",
        "on",
        "or",
        "our",
        "the",
        "their",
        "to",
        "was",
        "were",
        "will",
        "with",
        "y",
        "en",
        "el",
        "que",
        "por",
        "para",
        "con",
        "u",
        "s",
        "this",
        "that",
        "these",
        "those",
        "both",
        "two",
        "which",
        "who",
        "under",
        "its",
        "than",
        "also",
        "al",
        "se",
        "su",
        "sus",
    ]
)
_SUFFIXES = (
    "izations",
    "ization",
    "ations",
    "ation",
    "ments",
    "ment",
    "ities",
    "ity",
    "ness",
    "ings",
    "ing",
    "ies",
    "ied",
    "ers",
    "er",
    "ed",
    "es",
    "s",
)


def _ascii(text: str) -> str:
    if text.isascii():  # NFKD leaves ASCII as it is and no ASCII character is combining
        return text.casefold()
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join([c for c in decomposed if not unicodedata.combining(c)]).casefold()


def fold(text: str) -> str:
    """Reduce *text* to lowercase ASCII letters and digits only.

    Examples:
        >>> fold("Secretaría de Economía (SE)")
        'secretariadeeconomiase'
    """
    return _alnum(_ascii(text))


def _alnum(folded: str) -> str:
    """Keep only the ASCII digits and lowercase letters of *folded*."""
    return folded.encode("ascii", "ignore").translate(None, _NON_ALNUM).decode("ascii")


@functools.lru_cache(maxsize=65536)
def _stem(word: str) -> str:
    if word.isdigit() or len(word) <= 4:
        return word[:-1] if len(word) == 4 and word.endswith("s") and not word.endswith("ss") else word
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            stem = word[: -len(suffix)]
            if suffix == "ies":
                return stem + "y"
            return stem
    return word


def tokens(text: str) -> list[str]:
    """Split *text* into stemmed search terms, dropping common words.

    Examples:
        >>> tokens("Strengthening Existing and New Supply Chains")
        ['strengthen', 'exist', 'new', 'supply', 'chain']
    """
    return _terms(_ascii(text))


def _terms(folded: str) -> list[str]:
    words = _WORD.findall(folded.replace("'", ""))
    return [_stem(w) for w in words if w not in _STOP]


@functools.lru_cache(maxsize=1024)
def _query(text: str) -> tuple[tuple[str, ...], str]:
    """The distinct terms and the folded key of a query: `hled.search` asks every registry's index."""
    folded = _ascii(text)
    return tuple(dict.fromkeys(_terms(folded))), _alnum(folded)


class SearchIndex:
    """An inverted index over weighted text fields, ranked with BM25.

    Documents are numbered 0..n-1. Each document has fields of text with a weight;
    names and titles weigh more than summaries. A query's score for a document is
    the sum of its terms' scores there. A query that is a whole field of a record's
    own (a field weighing 1 or more: name, title, acronym, alias, Spanish name,
    summary; not the names of records it refers to) adds a large bonus after
    folding, and twice that when it matches verbatim, so searching a record's own
    title or summary ranks that record first even beside a near-twin title.

    Each term's postings are kept best first, and a query reads them in step, a
    rank at a time, stopping as soon as no document it has not read can still
    enter the best *limit* (Fagin's threshold algorithm): the cost follows the
    answer, not the number of documents sharing a common word.
    """

    __slots__ = ("_exact", "_postings", "_scores", "_verbatim")

    _K1 = 1.2
    _B = 0.6
    # Term scores are rounded to multiples of 2**-30, so that sums of them are exact
    # whatever the order: ties are then true ties, and the early stop provably safe.
    _GRID = 2.0**30

    def __init__(self, docs: Sequence[Iterable[tuple[str, float]]]):
        import math  # here and in `query`, not at import: a first lookup never searches

        raw: dict[str, dict[int, float]] = {}
        lengths: list[float] = []
        exact: dict[str, set[int]] = {}
        verbatim: dict[str, set[int]] = {}
        for doc, fields in enumerate(docs):
            length = 0.0
            for text, weight in fields:
                folded = _ascii(text)  # once, for both the exact key and the terms
                key = _alnum(folded)
                if key and weight >= 1.0:
                    exact.setdefault(key, set()).add(doc)
                    verbatim.setdefault(text.strip(), set()).add(doc)
                for term in _terms(folded):
                    bucket = raw.setdefault(term, {})
                    bucket[doc] = bucket.get(doc, 0.0) + weight
                    length += weight
            lengths.append(length)
        count = len(lengths)
        average = (sum(lengths) / count) if count else 1.0
        grid = self._GRID
        self._scores: dict[str, dict[int, float]] = {}
        self._postings: dict[str, tuple[tuple[float, int], ...]] = {}
        for term, hits in raw.items():
            idf = math.log(1.0 + (count - len(hits) + 0.5) / (len(hits) + 0.5))
            scored: dict[int, float] = {}
            for doc, tf in hits.items():
                norm = self._K1 * (1.0 - self._B + self._B * lengths[doc] / (average or 1.0))
                scored[doc] = max(round(idf * tf * (self._K1 + 1.0) / (tf + norm) * grid), 1) / grid
            self._scores[term] = scored
            self._postings[term] = tuple(sorted([(score, doc) for doc, score in scored.items()], key=_best_first))
        self._exact = {k: tuple(sorted(v)) for k, v in exact.items()}
        self._verbatim = {k: tuple(sorted(v)) for k, v in verbatim.items()}

    def _bonuses(self, text: str, key: str) -> dict[int, float]:
        bonus = dict.fromkeys(self._exact.get(key, ()), _EXACT)
        for doc in self._verbatim.get(text.strip(), ()):
            bonus[doc] = 2 * _EXACT
        return bonus

    def query(self, text: str, limit: int) -> list[tuple[float, int]]:
        """Return up to *limit* ``(score, doc)`` pairs, best first (ties: lower doc first)."""
        import heapq

        words, key = _query(text)
        terms = [t for t in words if t in self._scores]
        tables = [self._scores[t] for t in terms]
        if sum(map(len, tables)) <= _FEW:  # scoring every posting is then cheaper than reading in step
            scores: dict[int, float] = {}
            for table in tables:
                for doc, score in table.items():
                    scores[doc] = scores.get(doc, 0.0) + score
            for doc, extra in self._bonuses(text, key).items():
                scores[doc] = scores.get(doc, 0.0) + extra
            return [(score, doc) for doc, score in heapq.nsmallest(limit, scores.items(), key=_ranked)]
        lists = [self._postings[t] for t in terms]
        best: list[tuple[float, int]] = []  # a heap of (score, -doc): the worst of the best on top
        seen: set[int] = set()

        def offer(doc: int, bonus: float) -> None:
            seen.add(doc)
            score = 0.0
            for table in tables:
                score += table.get(doc, 0.0)
            item = (score + bonus, -doc)
            if len(best) < limit:
                heapq.heappush(best, item)
            elif item > best[0]:
                heapq.heapreplace(best, item)

        for doc, extra in self._bonuses(text, key).items():
            offer(doc, extra)
        deepest = max(map(len, lists), default=0)
        for depth in range(deepest):
            for postings in lists:
                if depth < len(postings) and postings[depth][1] not in seen:
                    offer(postings[depth][1], 0.0)
            if len(best) == limit and self._settled(best[0], lists, depth + 1):
                break
        return [(score, -neg) for score, neg in sorted(best, key=_best_first_neg)]

    @staticmethod
    def _settled(worst: tuple[float, int], lists: list[tuple[tuple[float, int], ...]], depth: int) -> bool:
        """Whether no document below *depth* in every list can beat *worst* (score, -doc)."""
        bound = 0.0
        last = -1
        for postings in lists:
            if depth < len(postings):
                score, doc = postings[depth]
                bound += score
                last = max(last, doc)
        # an unread document scores at most `bound`, and only ties it by sitting at or
        # after the cursor of every list (same score, higher doc): its doc is >= `last`
        return worst[0] > bound or (worst[0] == bound and -worst[1] < last)


_EXACT = 1000.0  # far above any sum of term scores
_FEW = 200  # postings a query scores exhaustively; beyond, it reads them in step (same answer, sums being exact)


def _ranked(item: tuple[int, float]) -> tuple[float, int]:
    return (-item[1], item[0])


def _best_first(item: tuple[float, int]) -> tuple[float, int]:
    return (-item[0], item[1])


def _best_first_neg(item: tuple[float, int]) -> tuple[float, int]:
    return (-item[0], -item[1])
