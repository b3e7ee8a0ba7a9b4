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

__all__ = ["STOP_WORDS", "SearchIndex", "ascii_fold", "fold", "tokens"]

# every ASCII byte but 0-9 and a-z: `_alnum` deletes them (several times faster than a regex)
_NON_ALNUM = bytes(b for b in range(128) if not (0x30 <= b <= 0x39 or 0x61 <= b <= 0x7A))
_WORD = re.compile(r"[0-9a-z]+")
_STOP_WORDS = (
    "a an and are as at be by de del for from has have in into is it its la las los of on or our the "
    "their to was were will with y en el que por para con u s this that these those both two which who "
    "under its than also al se su sus"
)
STOP_WORDS = _STOP = frozenset(_STOP_WORDS.split())  # function words no search or title needs
# longest first: the first that fits is trimmed
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


def ascii_fold(text: str) -> str:
    """*text* in lowercase without accents (casefolded NFKD without combining marks)."""
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
    return _alnum(ascii_fold(text))


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
    return _terms(ascii_fold(text))


def _terms(folded: str) -> list[str]:
    words = _WORD.findall(folded.replace("'", ""))
    return [_stem(w) for w in words if w not in _STOP]


# The dialogue's own synonyms, and the English and Spanish words for its key terms: a query
# for one also finds the others, a little below (docs/tutorial.md, "Free-text search").
SYNONYMS = (
    ("farm", "agricultural", "agriculture", "agrícola", "agropecuario", "agricultura"),
    ("ICT", "telecommunications", "telecom", "telecomunicaciones"),
    ("SMEs", "MSMEs", "pymes", "mipymes"),
    ("investment", "inversión", "inversiones"),
    ("trade", "comercio"),
    ("border", "frontera", "fronteriza", "fronterizo"),
    ("energy", "energía"),
    ("women", "mujeres"),
    ("migration", "migración", "migrants", "migrantes"),
    ("semiconductors", "semiconductores", "chips"),
    ("cybersecurity", "ciberseguridad"),
    ("entrepreneurship", "emprendimiento", "entrepreneurs", "emprendedores"),
    ("education", "educación"),
    ("infrastructure", "infraestructura"),
    ("innovation", "innovación"),
    ("workers", "workforce", "trabajadores"),
    ("supply", "suministro"),
    ("economic", "económico", "económica"),
    ("dialogue", "diálogo"),
)
_SYNONYM_WEIGHT = 0.8  # of the term's own score: the word the user typed ranks first


def _synonyms() -> dict[str, tuple[str, ...]]:
    """Each stemmed term of the table, and the stems of its synonyms."""
    found: dict[str, tuple[str, ...]] = {}
    for group in SYNONYMS:
        stems = list(dict.fromkeys(term for word in group for term in tokens(word)))
        for stem in stems:
            found[stem] = tuple(other for other in stems if other != stem)
    return found


class SearchIndex:
    """An inverted index over weighted text fields, ranked with BM25.

    Documents are numbered 0..n-1. Each document has fields of text with a weight;
    names and titles weigh more than summaries. A query's score for a document is
    the sum of its terms' scores there. A query that is a whole field of a record's
    own (a field weighing 1 or more: name, title, acronym, alias, Spanish name,
    summary; not the names of records it refers to) adds a large bonus after
    folding, and twice that when it matches verbatim, so searching a record's own
    title or summary ranks that record first even beside a near-twin title.
    """

    __slots__ = ("_exact", "_scores", "_verbatim")

    _K1 = 1.2
    _B = 0.6

    def __init__(self, docs: Sequence[Iterable[tuple[str, float]]]):
        raw: dict[str, dict[int, float]] = {}
        lengths: list[float] = []
        self._exact: dict[str, set[int]] = {}
        self._verbatim: dict[str, set[int]] = {}
        for doc, fields in enumerate(docs):
            length = 0.0
            for text, weight in fields:
                folded = ascii_fold(text)  # once, for both the exact key and the terms
                key = _alnum(folded)
                if key and weight >= 1.0:
                    self._exact.setdefault(key, set()).add(doc)
                    self._verbatim.setdefault(text.strip(), set()).add(doc)
                for term in _terms(folded):
                    bucket = raw.setdefault(term, {})
                    bucket[doc] = bucket.get(doc, 0.0) + weight
                    length += weight
            lengths.append(length)
        count = len(lengths)
        average = (sum(lengths) / count) if count else 1.0
        self._scores: dict[str, dict[int, float]] = {}
        for term, hits in raw.items():
            idf = math.log(1.0 + (count - len(hits) + 0.5) / (len(hits) + 0.5))
            self._scores[term] = {
                doc: _on_grid(
                    idf * tf * (self._K1 + 1.0) / (tf + self._K1 * (1.0 - self._B + self._B * lengths[doc] / average))
                )
                for doc, tf in hits.items()
            }

    def query(self, text: str, limit: int) -> list[tuple[float, int]]:
        """Return up to *limit* ``(score, doc)`` pairs, best first (ties: lower doc first)."""
        folded = ascii_fold(text)
        scores: dict[int, float] = {}
        terms = dict.fromkeys(_terms(folded))
        for term in terms:
            postings = [(self._scores.get(term, {}), 1.0)]
            postings += [(self._scores.get(s, {}), _SYNONYM_WEIGHT) for s in _SYNONYMS.get(term, ()) if s not in terms]
            best: dict[int, float] = {}  # a document counts a term once: by the word itself or its best synonym
            for table, weight in postings:
                for doc, score in table.items():
                    best[doc] = max(best.get(doc, 0.0), score * weight)
            for doc, score in best.items():
                scores[doc] = scores.get(doc, 0.0) + score
        for doc in self._exact.get(_alnum(folded), ()):
            scores[doc] = scores.get(doc, 0.0) + _EXACT
        for doc in self._verbatim.get(text.strip(), ()):
            scores[doc] = scores.get(doc, 0.0) + _EXACT
        return [(score, doc) for doc, score in heapq.nsmallest(limit, scores.items(), key=_ranked)]


_SYNONYMS = _synonyms()
_EXACT = 1000.0  # far above any sum of term scores


def _on_grid(score: float) -> float:
    """Round a term score to a multiple of 2**-30: sums of them are then exact in any order, and ties true ties."""
    return max(round(score * 2.0**30), 1) / 2.0**30


def _ranked(item: tuple[int, float]) -> tuple[float, int]:
    return (-item[1], item[0])
