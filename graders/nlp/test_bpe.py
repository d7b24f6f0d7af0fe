"""Grader for nlp/bpe: learn_bpe(word_counts, num_merges) -> list of merges and
apply_bpe(word, merges) -> list of symbols (no end-of-word marker)."""

import re

import numpy as np
import pytest

from mlkata.grading import call, describe_call, expect_error, fail

COUNTS_IGNORED = "pairs counted once per word type: weight each pair by the word's count"
FIRST_SEEN = "ties broken by first-seen order: ties go to the smallest (left, right) tuple"
RIGHT_TO_LEFT = "occurrences merged right to left: scan left to right ('a a a' → 'aa a')"
NO_RECOUNT = "every merge taken from the first pair table: recount the pairs after each merge"
FIRST_ONLY = "only the first occurrence of a pair merged: merge every occurrence"


def _replace(text, left, right, mistake=None):
    """Sennrich et al.'s way: a regex over space-separated symbols (left to right)."""
    pattern = re.compile(r"(?<!\S)" + re.escape(left + " " + right) + r"(?!\S)")
    return pattern.sub(left + right, text, count=1 if mistake == FIRST_ONLY else 0)


def _right_to_left(symbols, left, right):
    out = list(symbols)
    i = len(out) - 2
    while i >= 0:
        if out[i] == left and out[i + 1] == right:
            out[i : i + 2] = [left + right]
        i -= 1
    return out


def reference_learn(word_counts, num_merges, mistake=None):
    """BPE on space-separated strings; ``mistake`` gives a known wrong answer."""
    vocab = {" ".join(w): int(c) for w, c in word_counts.items()}
    merges = []
    first_table = None
    for _ in range(num_merges):
        stats, order = {}, []
        for text, count in vocab.items():
            symbols = text.split()
            for pair in zip(symbols, symbols[1:], strict=False):
                if pair not in stats:
                    order.append(pair)
                stats[pair] = stats.get(pair, 0) + (1 if mistake == COUNTS_IGNORED else count)
        if mistake == NO_RECOUNT:
            first_table = first_table or sorted(stats, key=lambda p: (-stats[p], p))
            return first_table[:num_merges]
        if not stats:
            break
        top = max(stats.values())
        if mistake == FIRST_SEEN:
            best = next(p for p in order if stats[p] == top)
        else:
            best = min(p for p in stats if stats[p] == top)
        merges.append(best)
        if mistake == RIGHT_TO_LEFT:
            vocab = {" ".join(_right_to_left(t.split(), *best)): c for t, c in vocab.items()}
        else:
            vocab = {_replace(t, *best): c for t, c in vocab.items()}
    return merges


def reference_apply(word, merges, mistake=None):
    text = " ".join(word)
    for left, right in merges:
        if mistake == RIGHT_TO_LEFT:
            text = " ".join(_right_to_left(text.split(), left, right))
        else:
            text = _replace(text, left, right, mistake)
    return text.split()


def check_learn(kata, word_counts, num_merges, want=None):
    """Call learn_bpe, compare the merges with the reference, naming known mistakes."""
    f = kata.learn_bpe
    called = describe_call(f, word_counts, num_merges)
    result = call(f, word_counts, num_merges)
    if want is None:
        want = reference_learn(word_counts, num_merges)
    got = [tuple(m) for m in result] if isinstance(result, (list, tuple)) else result
    if not isinstance(result, list) or got != want:
        lines = [f"{called} returned {result!r}", f"  expected {want!r}"]
        for m in (COUNTS_IGNORED, FIRST_SEEN, RIGHT_TO_LEFT, NO_RECOUNT):
            if got == reference_learn(word_counts, num_merges, mistake=m):
                lines.append(f"  this is what you get from a known mistake: {m}")
                break
        if not isinstance(result, list):
            lines.append("  learn_bpe should return a list of (left, right) tuples")
        fail("\n".join(lines))
    return got


def check_apply(kata, word, merges, want=None):
    """Call apply_bpe, compare the symbols with the reference, naming known mistakes."""
    f = kata.apply_bpe
    called = describe_call(f, word, merges)
    result = call(f, word, merges)
    if want is None:
        want = reference_apply(word, merges)
    if not isinstance(result, list) or result != want:
        lines = [f"{called} returned {result!r}", f"  expected {want!r}"]
        for m in (RIGHT_TO_LEFT, FIRST_ONLY):
            if result == reference_apply(word, merges, mistake=m):
                lines.append(f"  this is what you get from a known mistake: {m}")
                break
        fail("\n".join(lines))
    return result


def random_counts(rng, n_words, alphabet="abcd", max_len=7):
    counts = {}
    while len(counts) < n_words:
        word = "".join(rng.choice(list(alphabet), size=rng.integers(1, max_len + 1)))
        counts[word] = int(rng.integers(1, 20))
    return counts


CLASSIC = {"low": 5, "lower": 2, "newest": 6, "widest": 3}


@pytest.mark.points(2)
def test_learn_bpe_documented_example(kata):
    """Does the docstring's corpus give es, est, lo, low as the first four merges?"""
    check_learn(kata, CLASSIC, 4, [("e", "s"), ("es", "t"), ("l", "o"), ("lo", "w")])


def test_apply_bpe_documented_example(kata):
    """Do those merges split "lowest" as low + est?"""
    check_apply(kata, "lowest", [("e", "s"), ("es", "t"), ("l", "o"), ("lo", "w")], ["low", "est"])


@pytest.mark.parametrize(
    "word_counts, num_merges, want",
    [
        ({"aaaa": 1, "ab": 2}, 3, [("a", "a"), ("a", "b"), ("aa", "aa")]),
        ({"ab": 1, "xy": 5}, 1, [("x", "y")]),
        ({"ba": 1, "ab": 1}, 1, [("a", "b")]),
        ({"abc": 1}, 2, [("a", "b"), ("ab", "c")]),
        ({"aaa": 3}, 2, [("a", "a"), ("aa", "a")]),
    ],
    ids=["overlapping", "weighted", "tie", "recount", "left-to-right"],
)
def test_learn_bpe_small_cases_worked_by_hand(kata, word_counts, num_merges, want):
    """Do hand-worked corpora give their merges?

    "aaaa" holds (a, a) 3 times (overlapping), more than (a, b) 2 times; it becomes
    "aa aa". "xy" counts 5 against 1 for "ab". (a, b) and (b, a) tie: (a, b) is smaller.
    After (a, b), "abc" is "ab c": its only pair is (ab, c). "aaa" merged left to right
    is "aa a", so the second merge is (aa, a).
    """
    check_learn(kata, word_counts, num_merges, want)


@pytest.mark.points(3)
@pytest.mark.parametrize("alphabet", ["ab", "abcd", "abcdefgh"])
def test_learn_bpe_random_corpora(kata, rng, alphabet):
    """Do random word counts give the merges of the reference, round by round?"""
    for n_words, num_merges in [(1, 3), (5, 8), (30, 25)]:
        check_learn(kata, random_counts(rng, n_words, alphabet), num_merges)


def test_learn_bpe_stops_when_nothing_to_merge(kata):
    """Do merges stop once every word is one symbol (and num_merges = 0 give [])?"""
    check_learn(kata, {"ab": 3, "b": 1}, 5, [("a", "b")])
    check_learn(kata, {"ab": 3}, 0, [])
    check_learn(kata, {"a": 2, "b": 1}, 3, [])


def test_learn_bpe_accepts_numpy_integer_counts(kata):
    """Are NumPy integer counts accepted like ints?"""
    counts = {w: np.int64(c) for w, c in CLASSIC.items()}
    check_learn(kata, counts, 6)


@pytest.mark.parametrize(
    "word, merges, want",
    [
        ("abab", [("a", "b")], ["ab", "ab"]),
        ("aaa", [("a", "a")], ["aa", "a"]),
        ("xyz", [("a", "b")], ["x", "y", "z"]),
        ("abcab", [("b", "c"), ("a", "b"), ("a", "bc")], ["abc", "ab"]),
    ],
    ids=["every-occurrence", "left-to-right", "unseen", "list-order"],
)
def test_apply_bpe_small_cases_worked_by_hand(kata, word, merges, want):
    """Are merges applied in list order, to every occurrence, left to right?"""
    check_apply(kata, word, merges, want)


def test_apply_bpe_reproduces_training_segmentation(kata, rng):
    """Does apply_bpe split each training word as learning left it, and rebuild the word?"""
    counts = random_counts(rng, 25, "abcde")
    merges = reference_learn(counts, 20)
    for word in counts:
        symbols = check_apply(kata, word, merges)
        if "".join(symbols) != word:
            fail(f"apply_bpe({word!r}) gave {symbols!r}, which does not concatenate to the word")
    for word in ["edcba", "aaaaaa", "zab"]:
        check_apply(kata, word, merges)


def test_learn_bpe_leaves_its_input_unchanged(kata, rng):
    """Is the word-count mapping left exactly as it was?"""
    counts = random_counts(rng, 10)
    before = dict(counts)
    check_learn(kata, counts, 6)
    if counts != before or list(counts) != list(before):
        fail("learn_bpe modified word_counts")


@pytest.mark.timeout(5)
def test_learn_bpe_larger_corpus(kata, rng):
    """Do 300 words and 60 merges come out right, in good time?"""
    check_learn(kata, random_counts(rng, 300, "abcdefghij", max_len=10), 60)


@pytest.mark.points(2)
@pytest.mark.parametrize(
    "word_counts, num_merges, why",
    [
        ({}, 3, "an empty mapping"),
        ({"ab": 1}, -1, "num_merges < 0"),
        ({"ab": 1}, 2.5, "num_merges not an integer"),
        ({"": 2, "ab": 1}, 1, "an empty word"),
        ({"ab": 0}, 1, "a count of 0"),
        ({"ab": -3}, 1, "a negative count"),
        ({"ab": 1.5}, 1, "a count of 1.5"),
        ({3: 1}, 1, "a word that is not a str"),
    ],
    ids=["empty", "negative", "fraction", "empty-word", "zero", "neg-count", "1.5", "int-word"],
)
def test_learn_bpe_rejects_bad_input(kata, word_counts, num_merges, why):
    """Does bad input raise ValueError with a message?"""
    expect_error(ValueError, kata.learn_bpe, word_counts, num_merges, why=why)


def test_apply_bpe_rejects_an_empty_word(kata):
    """Does apply_bpe of an empty word raise ValueError?"""
    expect_error(ValueError, kata.apply_bpe, "", [("a", "b")], why="an empty word")
