"""Grader for nlp/bm25: bm25_scores(docs, query, k1, b) -> (n_docs,) Okapi BM25 scores
with Lucene's idf ln(1 + (N - n + 0.5)/(n + 0.5)), the query's tokens with repetition."""

import math

import numpy as np
import pytest

from mlkata.grading import assert_close, call, call_strictly, describe_call, expect_error, fail

RSJ = "the Robertson-Spärck Jones idf ln((N - n + 0.5)/(n + 0.5)), without Lucene's 1 +"
NO_K1_PLUS_ONE = "no (k1 + 1) factor in the numerator"
INVERTED = "|D|/avgdl inverted (avgdl/|D|)"
DEDUPLICATED = "the query deduplicated: a token twice in the query counts twice"
DISTINCT = "|D| as the number of distinct tokens instead of all tokens"
AVG_NONEMPTY = "avgdl averaged over the non-empty documents only (empty ones count)"
MISTAKES = (RSJ, NO_K1_PLUS_ONE, INVERTED, DEDUPLICATED, DISTINCT, AVG_NONEMPTY)


def reference(docs, query, k1=1.5, b=0.75, mistake=None):
    """BM25 in plain Python, document by document; ``mistake`` gives a known wrong answer."""
    N = len(docs)
    length = [len(set(d)) if mistake == DISTINCT else len(d) for d in docs]
    if mistake == AVG_NONEMPTY:
        avgdl = sum(length) / sum(1 for d in docs if d)
    else:
        avgdl = sum(length) / N
    if mistake == DEDUPLICATED:
        query = list(dict.fromkeys(query))
    scores = []
    for doc, size in zip(docs, length, strict=True):
        terms = []
        for q in query:
            f = doc.count(q)
            if f == 0:
                continue
            n = sum(1 for d in docs if q in d)
            ratio = (N - n + 0.5) / (n + 0.5)
            idf = math.log(ratio) if mistake == RSJ else math.log(1 + ratio)
            rel = avgdl / size if mistake == INVERTED else size / avgdl
            top = f if mistake == NO_K1_PLUS_ONE else f * (k1 + 1)
            terms.append(idf * top / (f + k1 * (1 - b + b * rel)))
        scores.append(math.fsum(terms))
    return np.array(scores)


def check(kata, docs, query, strict=False, **params):
    """Call bm25_scores, compare with the reference (naming known mistakes), return it."""
    f = kata.bm25_scores
    called = describe_call(f, docs, query, **params)
    result = (call_strictly if strict else call)(f, docs, query, **params)
    mistakes = {}
    for m in MISTAKES:
        if m == INVERTED and any(len(d) == 0 for d in docs):
            continue
        mistakes[m] = reference(docs, query, **params, mistake=m)
    want = reference(docs, query, **params)
    assert_close(result, want, what="the scores", called=called, mistakes=mistakes)
    return np.asarray(result, dtype=float)


def random_corpus(rng, n_docs, n_words, max_len=15, min_len=0):
    words = [f"t{i}" for i in range(n_words)]
    p = 1.0 / np.arange(1, n_words + 1)
    p /= p.sum()
    docs = [
        [words[i] for i in rng.choice(n_words, size=rng.integers(min_len, max_len + 1), p=p)]
        for _ in range(n_docs)
    ]
    query = [words[i] for i in rng.choice(n_words, size=rng.integers(1, 6), p=p)]
    return docs, query


@pytest.mark.points(2)
def test_bm25_scores_documented_example(kata):
    """Does the docstring's example give [ln 2, 0] and [2 ln 1.2, (8/3) ln 1.2]?"""
    docs = [["a", "b"], ["b", "b", "c", "d"]]
    got = check(kata, docs, ["a"], k1=1.0, b=0.0)
    assert_close(got, [math.log(2), 0.0], what="the scores for ['a']")
    got = check(kata, docs, ["b", "b"], k1=1.0, b=0.0)
    assert_close(got, [2 * math.log(1.2), 8 / 3 * math.log(1.2)], what="the scores")


def test_bm25_scores_small_case_worked_by_hand(kata):
    """Does a hand-computed case with length normalisation come out right?

    docs ["x", "y"], ["x", "x", "x", "y", "z", "z"]: N = 2, avgdl = 4; idf(x) =
    ln(1 + 0.5/2.5) = ln 1.2. With k1 = 2, b = 0.5: doc 0 has f = 1, |D|/avgdl = 1/2,
    norm = 2(0.5 + 0.25) = 1.5, so ln 1.2 · 3/2.5; doc 1 has f = 3, |D|/avgdl = 3/2,
    norm = 2(0.5 + 0.75) = 2.5, so ln 1.2 · 9/5.5.
    """
    docs = [["x", "y"], ["x", "x", "x", "y", "z", "z"]]
    got = check(kata, docs, ["x"], k1=2.0, b=0.5)
    assert_close(got, [math.log(1.2) * 3 / 2.5, math.log(1.2) * 9 / 5.5], what="the scores")


@pytest.mark.points(3)
@pytest.mark.parametrize("k1, b", [(1.5, 0.75), (1.2, 0.0), (0.5, 1.0), (3.0, 0.3)])
def test_bm25_scores_random_corpora(kata, rng, k1, b):
    """Do random corpora and queries give the BM25 scores, for several k1 and b?"""
    for n_docs, n_words in [(1, 4), (6, 10), (40, 60)]:
        for _ in range(3):
            docs, query = random_corpus(rng, n_docs, n_words, min_len=1)
            check(kata, docs, query, k1=k1, b=b)


def test_bm25_scores_repeated_query_token_counts_twice(kata, rng):
    """Does a token twice in the query give exactly twice its single score?"""
    docs, _ = random_corpus(rng, 8, 10, min_len=1)
    once = check(kata, docs, ["t1"])
    twice = check(kata, docs, ["t1", "t1"])
    assert_close(twice, 2 * once, what="the scores for ['t1', 't1']", mistakes={DEDUPLICATED: once})


def test_bm25_scores_common_token_scores_positive(kata):
    """Does a token in most documents still add a positive amount (Lucene's idf > 0)?"""
    docs = [["the", "cat"], ["the", "dog"], ["the"], ["a", "bird"]]
    got = check(kata, docs, ["the"])
    if not np.all(got[:3] > 0):
        fail(f"'the' is in 3 of 4 documents: its idf ln(1 + 1.5/3.5) > 0, got scores {got}")


def test_bm25_scores_k1_zero(kata, rng):
    """With k1 = 0, does a present token add its idf, an absent one exactly 0 (no 0/0)?"""
    docs = [["a", "a", "b"], ["b"], [], ["c"]]
    got = check(kata, docs, ["a", "c", "zzz"], strict=True, k1=0.0, b=1.0)
    idf = math.log(1 + 3.5 / 1.5)
    assert_close(got, [idf, 0.0, 0.0, idf], what="the scores with k1 = 0")
    docs, query = random_corpus(rng, 10, 8)
    check(kata, docs, query, strict=True, k1=0.0, b=0.6)


def test_bm25_scores_empty_query_gives_zeros(kata, rng):
    """Does an empty query give a score of 0 for every document?"""
    docs, _ = random_corpus(rng, 5, 6, min_len=1)
    got = check(kata, docs, [])
    if got.shape != (5,) or np.any(got != 0):
        fail(f"an empty query should give five zeros, got {got}")


def test_bm25_scores_empty_document(kata, rng):
    """Does an empty document score 0 and count in avgdl (no 0/0)?"""
    docs, query = random_corpus(rng, 6, 8, min_len=1)
    docs[3] = []
    got = check(kata, docs, query + ["t0"], strict=True, b=1.0)
    if got[3] != 0:
        fail(f"the empty document 3 should score 0, got {got[3]}")


def test_bm25_scores_b_zero_ignores_length(kata):
    """With b = 0, do two documents with the same count of the token score the same?"""
    docs = [["q", "x"], ["q"] + ["y"] * 9, ["z"]]
    got = check(kata, docs, ["q"], b=0.0)
    assert_close(got[1], got[0], what="the score of the long document with b = 0")
    got = check(kata, docs, ["q"], b=1.0)
    if not got[0] > got[1]:
        fail(f"with b = 1 the short document should score higher, got {got}")


def test_bm25_scores_accepts_tuples(kata):
    """Are tuples of documents and of tokens accepted like lists?"""
    check(kata, (("a", "b"), ("b",)), ("b", "a"))


def test_bm25_scores_leaves_its_inputs_unchanged(kata, rng):
    """Are the documents and the query left exactly as they were?"""
    docs, query = random_corpus(rng, 7, 9)
    before = [list(d) for d in docs], list(query)
    check(kata, docs, query)
    if docs != before[0] or query != before[1]:
        fail("bm25_scores modified its inputs")


@pytest.mark.timeout(5)
def test_bm25_scores_large_corpus(kata, rng):
    """Do 500 documents and a 20-token query come out right, in good time?"""
    docs, _ = random_corpus(rng, 500, 300, max_len=30)
    query = [f"t{i}" for i in rng.integers(0, 300, size=20)]
    check(kata, docs, query)


@pytest.mark.points(2)
@pytest.mark.parametrize(
    "docs, query, params, why",
    [
        ([], ["a"], {}, "no documents"),
        ([[], []], ["a"], {}, "no token in any document"),
        ([["a"]], ["a"], {"k1": -0.1}, "k1 < 0"),
        ([["a"]], ["a"], {"b": 1.5}, "b > 1"),
        ([["a"]], ["a"], {"b": -0.5}, "b < 0"),
        ([["a"]], "a", {}, "a query that is a bare str"),
        (["a b"], ["a"], {}, "a document that is a bare str"),
        ([["a", 2]], ["a"], {}, "a token that is not a str"),
        ([["a"]], ["a", None], {}, "a query token that is not a str"),
    ],
    ids=["no-docs", "no-tokens", "k1", "b-high", "b-low", "str-query", "str-doc", "int", "none"],
)
def test_bm25_scores_rejects_bad_input(kata, docs, query, params, why):
    """Does bad input raise ValueError with a message?"""
    expect_error(ValueError, kata.bm25_scores, docs, query, why=why, **params)
