"""Folding text for lookups and tokenizing it for search.

`fold` makes the key `lookup` matches on: case, accents, punctuation and
spacing are all dropped, so "Secretaría de Economía" and "SECRETARIA DE
ECONOMIA" are one key. `tokens` turns free text into search terms with a light
English/Spanish stemmer, so "chains" finds "chain" and "invest" finds "investing".
"""

from __future__ import annotations

import functools
import heapq
import math
import re
import unicodedata
from collections.abc import Iterable, Sequence

__all__ = ["SearchIndex", "fold", "tokens"]

_NON_ALNUM = re.compile(r"[^0-9a-z]+")
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


@functools.lru_cache(maxsize=4096)
def _ascii(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def fold(text: str) -> str:
    """Reduce *text* to lowercase ASCII letters and digits only.

    Examples:
        >>> fold("Secretaría de Economía (SE)")
        'secretariadeeconomiase'
    """
    return _NON_ALNUM.sub("", _ascii(text))


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
    words = _WORD.findall(_ascii(text).replace("'", ""))
    return [_stem(w) for w in words if w not in _STOP]


class SearchIndex:
    """An inverted index over weighted text fields, ranked with BM25.

    Documents are numbered 0..n-1. Each document has fields of text with a weight;
    names and titles weigh more than summaries. A query scores every document that
    shares a term with it; an exact match of a whole field adds a large bonus, so
    searching a record's own title or summary always ranks that record first.
    """

    __slots__ = ("_exact", "_idf", "_postings")

    _K1 = 1.2
    _B = 0.6

    def __init__(self, docs: Sequence[Iterable[tuple[str, float]]]):
        raw: dict[str, dict[int, float]] = {}
        lengths: list[float] = []
        exact: dict[str, set[int]] = {}
        for doc, fields in enumerate(docs):
            length = 0.0
            for text, weight in fields:
                key = fold(text)
                if key:
                    exact.setdefault(key, set()).add(doc)
                for term in tokens(text):
                    bucket = raw.setdefault(term, {})
                    bucket[doc] = bucket.get(doc, 0.0) + weight
                    length += weight
            lengths.append(length)
        count = len(lengths)
        average = (sum(lengths) / count) if count else 1.0
        self._idf: dict[str, float] = {}
        self._postings: dict[str, tuple[tuple[int, float], ...]] = {}
        for term, hits in raw.items():
            idf = math.log(1.0 + (count - len(hits) + 0.5) / (len(hits) + 0.5))
            self._idf[term] = idf
            scored = []
            for doc, tf in hits.items():
                norm = self._K1 * (1.0 - self._B + self._B * lengths[doc] / (average or 1.0))
                scored.append((doc, idf * tf * (self._K1 + 1.0) / (tf + norm)))
            self._postings[term] = tuple(scored)
        self._exact = {k: tuple(sorted(v)) for k, v in exact.items()}

    def query(self, text: str, limit: int) -> list[tuple[float, int]]:
        """Return up to *limit* ``(score, doc)`` pairs, best first."""
        scores: dict[int, float] = {}
        for term in dict.fromkeys(tokens(text)):
            for doc, score in self._postings.get(term, ()):
                scores[doc] = scores.get(doc, 0.0) + score
        for doc in self._exact.get(fold(text), ()):
            scores[doc] = scores.get(doc, 0.0) + 1000.0
        if not scores:
            return []
        best = heapq.nsmallest(limit, scores.items(), key=lambda item: (-item[1], item[0]))
        return [(score, doc) for doc, score in best]
