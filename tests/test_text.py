from __future__ import annotations

import heapq
import random

from hypothesis import given, settings
from hypothesis import strategies as st

from hled._text import SearchIndex, fold, tokens

WORDS = ["supply", "chain", "border", "trade", "energy", "women", "entrepreneur", "digital", "port", "customs"]


def exhaustive(index: SearchIndex, text: str, limit: int) -> list[tuple[float, int]]:
    """Score every posting of every query term: what the early-stopping query must equal."""
    scores: dict[int, float] = {}
    for term in dict.fromkeys(tokens(text)):
        for doc, score in index._scores.get(term, {}).items():
            scores[doc] = scores.get(doc, 0.0) + score
    for doc, bonus in index._bonuses(text, fold(text)).items():
        scores[doc] = scores.get(doc, 0.0) + bonus
    return [(s, d) for d, s in heapq.nsmallest(limit, scores.items(), key=lambda item: (-item[1], item[0]))]


class TestSearchIndex:
    @settings(derandomize=True, database=None, deadline=None, max_examples=40)
    @given(seed=st.integers(0, 2**32 - 1), copies=st.sampled_from([1, 3, 40]))
    def test_early_stop_gives_the_exhaustive_ranking(self, seed, copies):
        """Reading postings in step and stopping early ranks exactly as scoring everything, ties included."""
        rng = random.Random(seed)
        distinct = [
            [(" ".join(rng.choices(WORDS, k=rng.randint(1, 6))), rng.choice([0.5, 1.0, 3.0])) for _ in range(2)]
            for _ in range(60)
        ]
        index = SearchIndex([doc for doc in distinct for _ in range(copies)])  # copies tie exactly

        for _ in range(20):
            text = " ".join(rng.choices(WORDS, k=rng.randint(1, 3)))
            limit = rng.choice([1, 5, 10, 400])

            assert index.query(text, limit) == exhaustive(index, text, limit)

    def test_whole_field_bonus(self):
        """A whole own field matches above any term score, verbatim above folded; referenced names do not."""
        index = SearchIndex(
            [
                [("U.S.-Mexico High-Level Economic Dialogue", 3.0)],
                [("U.S.–Mexico High-Level Economic Dialogue", 3.0)],
                [("an event with USAID", 1.0), ("USAID", 0.5)],
                [("USAID", 3.0)],
            ]
        )

        assert [doc for _, doc in index.query("U.S.–Mexico High-Level Economic Dialogue", 2)] == [1, 0]
        assert [doc for _, doc in index.query("USAID", 2)] == [3, 2]

    def test_fields_without_letters_or_digits_match_nothing_exactly(self):
        """A field of punctuation only adds no exact-match key: searching it finds nothing."""
        index = SearchIndex([[("—", 3.0), ("supply chains", 1.0)]])

        assert index.query("—", 10) == []
        assert [doc for _, doc in index.query("supply", 10)] == [0]


class TestFold:
    @given(st.text())
    def test_keeps_exactly_the_ascii_digits_and_lowercase_letters(self, text):
        """`fold` drops what the pattern [^0-9a-z] matches in the casefolded, accent-free text, and nothing else."""
        import re

        from hled._text import _ascii

        assert fold(text) == re.sub(r"[^0-9a-z]+", "", _ascii(text))

    def test_examples(self):
        assert fold("Secretaría de Economía (SE)") == "secretariadeeconomiase"
        assert fold("Straße\ud800 № 5") == "strasseno5"  # NFKD spells № as "No"
