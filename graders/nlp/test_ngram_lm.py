"""Grader for nlp/ngram_lm: bigram_lm(sentences, k) -> BigramLM(vocabulary, counts, probs),
rows the W words then <s>, columns the W words then </s>, add-k over W + 1 outcomes."""

from collections import Counter

import numpy as np
import pytest

from mlkata.grading import assert_close, call, describe_call, expect_error, fail, fields

FIELDS = ("vocabulary", "counts", "probs")
DENOM_K = "the denominator Σ counts + k: add k·(W + 1), one k per possible next token"
W_PLUS_2 = "W + 2 outcomes: <s> is never predicted, so a row has W + 1 outcomes"
ACROSS = "bigrams across sentence boundaries: each sentence is <s> w1 … wn </s> on its own"
NO_END = "no </s>: the last word of a sentence must predict </s>"
NO_START = "no <s> row: <s> must predict the first word of every sentence"
MISTAKES = (DENOM_K, W_PLUS_2, ACROSS, NO_END, NO_START)


def reference(sentences, k=1.0, mistake=None):
    """Counting pairs in plain Python; ``mistake`` gives a known wrong answer."""
    vocabulary = sorted({w for s in sentences for w in s})
    W = len(vocabulary)
    row = {w: i for i, w in enumerate(vocabulary)} | {"<s>": W}
    col = {w: i for i, w in enumerate(vocabulary)} | {"</s>": W}
    if mistake == ACROSS:
        sentences = [[w for s in sentences for w in s]]
    pairs = Counter()
    for s in sentences:
        tokens = ["<s>", *s, "</s>"]
        if mistake == NO_END:
            tokens = tokens[:-1]
        if mistake == NO_START:
            tokens = tokens[1:]
        pairs.update(zip(tokens[:-1], tokens[1:], strict=True))
    counts = np.zeros((W + 1, W + 1))
    for (a, b), c in pairs.items():
        counts[row[a], col[b]] = c
    outcomes = W + 2 if mistake == W_PLUS_2 else W + 1
    probs = np.zeros_like(counts)
    for i in range(W + 1):
        total = sum(counts[i])
        denominator = total + (k if mistake == DENOM_K else k * outcomes)
        if denominator > 0:
            probs[i] = [(c + k) / denominator for c in counts[i]]
        else:
            probs[i] = np.nan
    return vocabulary, counts, probs


def check(kata, sentences, k=None):
    """Call bigram_lm, compare every field with the reference, and return them."""
    f = kata.bigram_lm
    args = (sentences,) if k is None else (sentences, k)
    called = describe_call(f, *args)
    vocabulary, counts, probs = fields(call(f, *args), FIELDS, "bigram_lm")
    k = 1.0 if k is None else k
    want_v, want_c, want_p = reference(sentences, k)
    if list(vocabulary) != want_v:
        fail(f"{called}: vocabulary is {list(vocabulary)!r}, expected the sorted {want_v!r}")
    wrong = {m: reference(sentences, k, mistake=m) for m in MISTAKES}
    assert_close(
        counts,
        want_c,
        what="counts",
        called=called,
        atol=0.0,
        rtol=0.0,
        mistakes={m: w[1] for m, w in wrong.items() if m in (ACROSS, NO_END, NO_START)},
    )
    assert_close(
        probs,
        want_p,
        what="probs",
        called=called,
        rtol=1e-12,
        atol=1e-14,
        mistakes={m: w[2] for m, w in wrong.items()},
    )
    return list(vocabulary), np.asarray(counts, dtype=float), np.asarray(probs, dtype=float)


def random_corpus(rng, n_sentences, n_words, max_len=8):
    words = [f"w{i}" for i in range(n_words)]
    return [
        [words[i] for i in rng.integers(0, n_words, size=rng.integers(0, max_len + 1))]
        for _ in range(n_sentences)
    ]


@pytest.mark.points(2)
def test_bigram_lm_documented_example(kata):
    """Does the docstring's example give its counts and maximum-likelihood probabilities?"""
    _, counts, probs = check(kata, [["a", "b"], ["b"]], 0.0)
    assert_close(counts, [[0, 1, 0], [0, 0, 2], [1, 1, 0]], what="counts")
    assert_close(probs, [[0, 1, 0], [0, 0, 1], [0.5, 0.5, 0]], what="probs")


def test_bigram_lm_small_case_worked_by_hand(kata):
    """Does add-one smoothing on a hand-counted corpus give the right probabilities?

    Sentences "x y x", "y": W = 2 (x, y). Row x: x→y once, x→</s> once, total 2, so
    (0 + 1, 1 + 1, 1 + 1)/(2 + 3) = (1/5, 2/5, 2/5). Row y: y→x once, y→</s> once:
    (2/5, 1/5, 2/5). Row <s>: <s>→x, <s>→y: (2/5, 2/5, 1/5).
    """
    _, _, probs = check(kata, [["x", "y", "x"], ["y"]], 1.0)
    want = np.array([[1, 2, 2], [2, 1, 2], [2, 2, 1]]) / 5
    assert_close(probs, want, what="probs")


@pytest.mark.points(3)
@pytest.mark.parametrize("k", [1.0, 0.5, 0.01, 2.0, 0.0])
def test_bigram_lm_random_corpora(kata, rng, k):
    """Do random corpora give the counted bigrams and add-k probabilities, for several k?"""
    for n_sentences, n_words in [(1, 3), (5, 4), (40, 15)]:
        sentences = random_corpus(rng, n_sentences, n_words)
        check(kata, sentences, k)


def test_bigram_lm_rows_sum_to_one(kata, rng):
    """Is every row of probs a distribution over the W + 1 next tokens?"""
    _, _, probs = check(kata, random_corpus(rng, 30, 10), 0.3)
    W = probs.shape[0] - 1
    assert_close(probs.sum(axis=1), np.ones(W + 1), what="the row sums of probs", rtol=1e-12)


def test_bigram_lm_default_k_is_one(kata, rng):
    """Does the default k give add-one (Laplace) smoothing?"""
    check(kata, random_corpus(rng, 6, 5))


def test_bigram_lm_no_bigram_across_sentences(kata):
    """Are "a" then "b" in two sentences never counted as the bigram (a, b)?"""
    _, counts, _ = check(kata, [["a"], ["b"]], 1.0)
    if counts[0, 1] != 0:
        fail(
            f"'a' ends sentence 0 and 'b' starts sentence 1: counts[a, b] should be 0, got {counts}"
        )


def test_bigram_lm_empty_sentence_counts_start_end(kata):
    """Does an empty sentence count one (<s>, </s>)?"""
    _, counts, _ = check(kata, [[], ["c"], []], 0.0)
    assert_close(counts, [[0, 1], [1, 2]], what="counts", atol=0.0, rtol=0.0)


def test_bigram_lm_maximum_likelihood_has_no_nan(kata, rng):
    """With k = 0, are the probabilities counts over row totals, with no nan?"""
    sentences = random_corpus(rng, 20, 6)
    _, counts, probs = check(kata, sentences, 0.0)
    assert_close(probs, counts / counts.sum(axis=1, keepdims=True), what="probs with k = 0")


def test_bigram_lm_counts_total(kata, rng):
    """Do the counts hold one bigram per predicted token, Σ (n + 1) in all, integer-valued?"""
    sentences = random_corpus(rng, 25, 7)
    _, counts, _ = check(kata, sentences, 1.0)
    total = sum(len(s) + 1 for s in sentences)
    if counts.sum() != total or np.any(counts != np.round(counts)):
        fail(f"the counts should be whole numbers summing to {total}, got sum {counts.sum()}")


def test_bigram_lm_vocabulary_is_sorted(kata):
    """Is the vocabulary sorted in Python string order ("Z" < "a"), markers excluded?"""
    vocabulary, _, _ = check(kata, [["the", "cat"], ["Zed", "a", "cat"]], 1.0)
    if vocabulary != ["Zed", "a", "cat", "the"]:
        fail(f"the vocabulary should be ['Zed', 'a', 'cat', 'the'], got {vocabulary!r}")


def test_bigram_lm_accepts_tuples(kata):
    """Are tuples of sentences and of tokens accepted like lists?"""
    check(kata, (("a", "b"), ("b", "a", "a")), 0.5)


def test_bigram_lm_leaves_its_input_unchanged(kata, rng):
    """Are the sentences left exactly as they were (no markers added in place)?"""
    sentences = random_corpus(rng, 8, 5)
    before = [list(s) for s in sentences]
    check(kata, sentences, 1.0)
    if sentences != before:
        fail("bigram_lm modified its input sentences")


@pytest.mark.points(2)
@pytest.mark.parametrize(
    "sentences, k, why",
    [
        ([], 1.0, "no sentences"),
        ([["a"]], -0.5, "k < 0"),
        ([["<s>", "a"]], 1.0, "the token <s> in a sentence"),
        ([["a", "</s>"]], 1.0, "the token </s> in a sentence"),
        (["a b"], 1.0, "a sentence that is a bare str"),
        ([["a", 3]], 1.0, "a token that is not a str"),
    ],
    ids=["empty", "negative-k", "start-marker", "end-marker", "str-sentence", "int-token"],
)
def test_bigram_lm_rejects_bad_input(kata, sentences, k, why):
    """Does bad input raise ValueError with a message?"""
    expect_error(ValueError, kata.bigram_lm, sentences, k, why=why)
