"""Grader for nlp/tfidf: tfidf(docs, smooth_idf, sublinear_tf, norm) ->
TfIdf(matrix, vocabulary, idf), scikit-learn's TfidfVectorizer on token lists, dense."""

import math
from collections import Counter

import numpy as np
import pytest

from mlkata.grading import (
    assert_close,
    call,
    call_strictly,
    describe_call,
    expect_error,
    fail,
    fields,
    forbid,
)

FIELDS = ("matrix", "vocabulary", "idf")
SHORTCUTS = ("sklearn.feature_extraction.text.*",)
NO_PLUS_ONE = "idf without the + 1 (a term in every document would weigh 0)"
OCCURRENCES = "df counting occurrences instead of the documents that contain the term"
UNSMOOTHED = "ln(n/df) + 1 although smooth_idf asks for ln((1 + n)/(1 + df)) + 1"
TF_LENGTH = "tf as count / document length: tf is the raw count"
FIRST_SEEN = "the vocabulary in first-seen order: it must be sorted (Python string order)"


def reference(docs, smooth_idf=True, sublinear_tf=False, norm="l2", mistake=None):
    """TF-IDF in plain Python, term by term; ``mistake`` builds a known wrong answer."""
    vocabulary = sorted({t for doc in docs for t in doc})
    if mistake == FIRST_SEEN:
        vocabulary = list(dict.fromkeys(t for doc in docs for t in doc))
    n = len(docs)
    counts = [Counter(doc) for doc in docs]
    idf = []
    for t in vocabulary:
        df = sum(1 for c in counts if t in c)
        if mistake == OCCURRENCES:
            df = sum(c[t] for c in counts)
        if smooth_idf and mistake != UNSMOOTHED:
            value = math.log((1 + n) / (1 + df))
        else:
            value = math.log(n / df)
        idf.append(value if mistake == NO_PLUS_ONE else value + 1)
    rows = []
    for doc, table in zip(docs, counts, strict=True):
        row = []
        for t, w in zip(vocabulary, idf, strict=True):
            c = table[t]
            tf = (1 + math.log(c) if c else 0.0) if sublinear_tf else float(c)
            if mistake == TF_LENGTH:
                tf = tf / len(doc)
            row.append(tf * w)
        if norm == "l2":
            size = math.sqrt(math.fsum(x * x for x in row))
        elif norm == "l1":
            size = math.fsum(abs(x) for x in row)
        else:
            size = 1.0
        rows.append([x / size if size else 0.0 for x in row])
    return np.array(rows), vocabulary, np.array(idf)


def check(kata, docs, *, strict=False, **options):
    """Call tfidf, compare all three fields with the reference, and return them."""
    f = kata.tfidf
    called = describe_call(f, docs, **options)
    result = (call_strictly if strict else call)(f, docs, **options)
    matrix, vocabulary, idf = fields(result, FIELDS, "tfidf")
    want_m, want_v, want_i = reference(docs, **options)
    if list(vocabulary) != want_v:
        if list(vocabulary) == reference(docs, mistake=FIRST_SEEN)[1]:
            fail(f"{called}: vocabulary is {list(vocabulary)!r}: {FIRST_SEEN}")
        fail(f"{called}: vocabulary is {list(vocabulary)!r}, expected {want_v!r}")
    wrong = {m: reference(docs, **options, mistake=m) for m in (NO_PLUS_ONE, OCCURRENCES)}
    if options.get("smooth_idf", True):
        wrong[UNSMOOTHED] = reference(docs, **options, mistake=UNSMOOTHED)
    assert_close(
        idf, want_i, what="idf", called=called, mistakes={k: v[2] for k, v in wrong.items()}
    )
    if all(len(doc) for doc in docs):
        wrong[TF_LENGTH] = reference(docs, **options, mistake=TF_LENGTH)
    assert_close(
        matrix,
        want_m,
        what="the matrix",
        called=called,
        mistakes={k: v[0] for k, v in wrong.items()},
    )
    return np.asarray(matrix, dtype=float), list(vocabulary), np.asarray(idf, dtype=float)


def random_docs(rng, n_docs, n_words, max_len=12, min_len=0):
    words = [f"w{i:02d}" for i in range(n_words)]
    weights = 1.0 / np.arange(1, n_words + 1)  # Zipf-like: some words in most documents
    weights /= weights.sum()
    return [
        [words[i] for i in rng.choice(n_words, size=rng.integers(min_len, max_len + 1), p=weights)]
        for _ in range(n_docs)
    ]


@pytest.mark.points(2)
def test_tfidf_documented_example(kata):
    """Does the docstring's example give idf [1.405465, 1, 1.405465] and its matrix?"""
    matrix, vocabulary, idf = check(kata, [["a", "b", "a"], ["b", "c"]], norm=None)
    a = math.log(3 / 2) + 1
    assert_close(idf, [a, 1.0, a], what="idf")
    assert_close(matrix, [[2 * a, 1.0, 0.0], [0.0, 1.0, a]], what="the matrix")


def test_tfidf_small_cases_worked_by_hand(kata):
    """Do hand-computed cases come out right?

    Two documents ["x"], ["x", "y"] without smoothing: idf(x) = ln(2/2) + 1 = 1,
    idf(y) = ln(2/1) + 1; with norm=None the rows are [1, 0] and [1, 1 + ln 2]; with
    "l1" the second row is [1, 1 + ln 2] / (2 + ln 2).
    """
    docs = [["x"], ["x", "y"]]
    y = 1 + math.log(2)
    matrix, _, idf = check(kata, docs, smooth_idf=False, norm=None)
    assert_close(idf, [1.0, y], what="idf", mistakes={NO_PLUS_ONE: [0.0, y - 1]})
    assert_close(matrix, [[1.0, 0.0], [1.0, y]], what="the matrix")
    matrix, _, _ = check(kata, docs, smooth_idf=False, norm="l1")
    assert_close(matrix, [[1.0, 0.0], [1 / (2 + math.log(2)), y / (2 + math.log(2))]])


@pytest.mark.points(3)
@pytest.mark.parametrize("smooth_idf", [True, False])
@pytest.mark.parametrize("sublinear_tf", [False, True])
@pytest.mark.parametrize("norm", ["l2", "l1", None])
def test_tfidf_random_corpora(kata, rng, smooth_idf, sublinear_tf, norm):
    """Do random corpora give scikit-learn's TF-IDF, for every combination of options?"""
    for n_docs, n_words in [(1, 3), (5, 8), (30, 40)]:
        docs = random_docs(rng, n_docs, n_words, min_len=1)
        check(kata, docs, smooth_idf=smooth_idf, sublinear_tf=sublinear_tf, norm=norm)


def test_tfidf_term_in_every_document_keeps_weight(kata):
    """Does a term in every document keep idf 1 (not 0) without smoothing?"""
    _, vocabulary, idf = check(kata, [["the", "cat"], ["the", "dog"]], smooth_idf=False)
    assert_close(idf[vocabulary.index("the")], 1.0, what="idf of 'the'")


def test_tfidf_df_counts_documents(kata):
    """Does a term repeated five times in one document have df = 1?"""
    docs = [["spam"] * 5 + ["egg"], ["egg"], ["ham", "egg"]]
    _, _, idf = check(kata, docs, norm=None)
    assert_close(idf[2], math.log(4 / 2) + 1, what="idf of 'spam' (df = 1)")


def test_tfidf_counts_are_raw_with_norm_none(kata):
    """With norm=None, is tf the raw count (3 occurrences weigh 3 idf, not 3/len)?"""
    matrix, _, idf = check(kata, [["a", "a", "a", "b"], ["b"]], norm=None)
    assert_close(matrix[0, 0], 3 * idf[0], what="matrix[0, 0]")


def test_tfidf_sublinear_counts(kata):
    """With sublinear_tf, does a count c give 1 + ln c (1 for c = 1, 0 stays 0)?"""
    matrix, _, idf = check(kata, [["a"] * 4 + ["b"], ["c"]], sublinear_tf=True, norm=None)
    assert_close(matrix[0], [(1 + math.log(4)) * idf[0], idf[1], 0.0], what="row 0")


def test_tfidf_vocabulary_is_sorted(kata):
    """Is the vocabulary sorted in Python string order ("B" < "a" < "b"), not first seen?"""
    _, vocabulary, _ = check(kata, [["b", "a"], ["B", "zz", "a"], ["aa", "Z"]])
    if vocabulary != ["B", "Z", "a", "aa", "b", "zz"]:
        fail(f"the vocabulary should be ['B', 'Z', 'a', 'aa', 'b', 'zz'], got {vocabulary!r}")


@pytest.mark.parametrize("norm", ["l2", "l1"])
def test_tfidf_empty_document_gives_a_zero_row(kata, rng, norm):
    """Does an empty document give a row of zeros (no nan, no 0/0 error)?"""
    docs = random_docs(rng, 4, 6, min_len=1)
    docs.insert(2, [])
    matrix, _, _ = check(kata, docs, norm=norm, strict=True)
    if np.any(matrix[2] != 0.0):
        fail(f"the empty document 2 should give a row of zeros, got {matrix[2]}")
    order = 2 if norm == "l2" else 1
    norms = np.linalg.norm(np.delete(matrix, 2, axis=0), ord=order, axis=1)
    assert_close(norms, np.ones(4), what=f"the {norm} norms of the other rows")


def test_tfidf_accepts_tuples(kata):
    """Are tuples of documents and tuples of tokens accepted like lists?"""
    check(kata, (("a", "b"), ("b",), ()))


def test_tfidf_leaves_its_input_unchanged(kata, rng):
    """Are the documents left exactly as they were?"""
    docs = random_docs(rng, 6, 10)
    before = [list(doc) for doc in docs]
    check(kata, docs)
    if docs != before:
        fail("tfidf modified the documents")


def test_tfidf_makes_no_shortcut_call(kata, rng):
    """Does tfidf compute the weights without scikit-learn's vectorizers?"""
    docs = random_docs(rng, 8, 12, min_len=1)
    with forbid(*SHORTCUTS, called=describe_call(kata.tfidf, docs)):
        check(kata, docs)


@pytest.mark.timeout(5)
def test_tfidf_large_corpus(kata, rng):
    """Does a corpus of 400 documents and 200 terms come out right, in good time?"""
    docs = random_docs(rng, 400, 200, max_len=40)
    check(kata, docs, sublinear_tf=True)


@pytest.mark.points(2)
@pytest.mark.parametrize(
    "docs, options, why",
    [
        ([], {}, "no documents"),
        ([[], []], {}, "no token in any document"),
        (["a b", ["a"]], {}, "a document that is a bare str"),
        ("ab", {}, "docs is a bare str"),
        ([["a", 1]], {}, "a token that is not a str"),
        ([["a"]], {"norm": "l3"}, "an unknown norm"),
        ([["a"]], {"norm": "max"}, "an unknown norm"),
    ],
    ids=["no-docs", "no-tokens", "str-doc", "str-docs", "int-token", "l3", "max"],
)
def test_tfidf_rejects_bad_input(kata, docs, options, why):
    """Does bad input raise ValueError with a message?"""
    expect_error(ValueError, kata.tfidf, docs, why=why, **options)
