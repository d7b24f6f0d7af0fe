"""Grader for nlp/bleu: corpus_bleu(references, hypotheses, ...) and sentence_bleu -> BLEU."""

import math

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

FIELDS = ("bleu", "precisions", "brevity_penalty", "hyp_length", "ref_length")

NO_CLIPPING = (
    "no clipping: a hypothesis n-gram counts at most as often as it occurs in one "
    'reference ("the the the ..." must not score precision 1)'
)
SUMMED_CLIPPING = (
    "clipped by the summed counts of all references: the clip is the LARGEST count in any "
    "single reference"
)
MEAN_OF_SENTENCES = (
    "the mean of sentence BLEUs: corpus BLEU pools the clipped counts, totals and lengths "
    "over all sentences first"
)
SHORTEST_REFERENCE = (
    "the brevity penalty from the shortest reference: r uses the reference whose length "
    "is closest to the hypothesis (ties: the shorter)"
)
ARITHMETIC_MEAN = (
    "the arithmetic mean of the precisions: BLEU takes their geometric mean, exp(mean(ln p_n))"
)


def ngrams(tokens, n):
    counts = {}
    for i in range(len(tokens) - n + 1):
        gram = tuple(tokens[i : i + n])
        counts[gram] = counts.get(gram, 0) + 1
    return counts


def reference(references, hypotheses, max_n=4, smoothing=None, mistake=""):
    """(bleu, precisions, bp, c, r) by the catalogue's formulas; mistake= reproduces one."""
    if mistake == "mean_of_sentences":
        values = [
            reference([rs], [h], max_n, smoothing)[0]
            for rs, h in zip(references, hypotheses, strict=True)
        ]
        return (sum(values) / len(values),) + reference(references, hypotheses, max_n, smoothing)[
            1:
        ]
    m, l = [0] * max_n, [0] * max_n
    c = r = 0
    for refs, hyp in zip(references, hypotheses, strict=True):
        c += len(hyp)
        if mistake == "shortest":
            r += min(len(x) for x in refs)
        else:
            r += sorted((abs(len(x) - len(hyp)), len(x)) for x in refs)[0][1]
        for n in range(1, max_n + 1):
            ref_counts = [ngrams(x, n) for x in refs]
            for gram, k in ngrams(hyp, n).items():
                if mistake == "no_clipping":
                    clip = k if any(gram in rc for rc in ref_counts) else 0
                elif mistake == "summed":
                    clip = sum(rc.get(gram, 0) for rc in ref_counts)
                else:
                    clip = max(rc.get(gram, 0) for rc in ref_counts)
                m[n - 1] += min(k, clip)
            l[n - 1] += max(len(hyp) - n + 1, 0)
    p = []
    for n in range(max_n):
        if smoothing == "add1" and n >= 1:
            p.append((m[n] + 1) / (l[n] + 1))
        else:
            p.append(m[n] / l[n] if l[n] else 0.0)
    bp = 1.0 if c > r else (math.exp(1 - r / c) if c else 0.0)
    if min(p) == 0:
        bleu = 0.0
    elif mistake == "arithmetic":
        bleu = bp * sum(p) / max_n
    else:
        bleu = bp * math.exp(math.fsum(math.log(x) for x in p) / max_n)
    return bleu, p, bp, c, r


def check(kata, references, hypotheses, **options):
    """Call corpus_bleu under the strict errstate and compare every field; return them."""
    f = kata.corpus_bleu
    called = describe_call(f, references, hypotheses, **options)
    result = call_strictly(
        f, references, hypotheses, advice="no log(0): BLEU is 0 when some p_n = 0", **options
    )
    bleu, precisions, bp, c, r = fields(result, FIELDS, "corpus_bleu")
    want = reference(references, hypotheses, **options)
    wrong = {
        words: reference(references, hypotheses, mistake=key, **options)
        for key, words in [
            ("no_clipping", NO_CLIPPING),
            ("summed", SUMMED_CLIPPING),
            ("mean_of_sentences", MEAN_OF_SENTENCES),
            ("shortest", SHORTEST_REFERENCE),
            ("arithmetic", ARITHMETIC_MEAN),
        ]
    }
    for value, index, what in [(c, 3, "hyp_length"), (r, 4, "ref_length")]:
        if value != want[index]:
            named = [w for w, v in wrong.items() if v[index] == value and v[index] != want[index]]
            fail(
                f"{called}: {what} is {value!r}, expected {want[index]}"
                + (f"\n  this is what you get from a known mistake: {named[0]}" if named else "")
            )
    assert_close(
        precisions,
        want[1],
        rtol=1e-12,
        atol=0.0,
        what="precisions",
        called=called,
        mistakes={w: v[1] for w, v in wrong.items()},
    )
    assert_close(
        bp,
        want[2],
        rtol=1e-12,
        atol=0.0,
        what="brevity_penalty",
        called=called,
        mistakes={w: v[2] for w, v in wrong.items()},
    )
    if want[0] == 0.0 and bleu != 0.0:
        fail(f"{called}: bleu is {bleu!r}, expected exactly 0.0 (some p_n is 0)")
    assert_close(
        bleu,
        want[0],
        rtol=1e-12,
        atol=0.0,
        what="bleu",
        called=called,
        mistakes={w: v[0] for w, v in wrong.items()},
    )
    return float(bleu), np.asarray(precisions, dtype=float), float(bp), c, r


def random_corpus(rng, n_sentences, vocabulary=6, n_refs=3, length=(3, 12)):
    words = [f"w{i}" for i in range(vocabulary)]
    hyps, refs = [], []
    for _ in range(n_sentences):
        base = [words[i] for i in rng.integers(vocabulary, size=int(rng.integers(*length)))]
        rs = []
        for _ in range(int(rng.integers(1, n_refs + 1))):
            r = [w if rng.random() < 0.7 else words[int(rng.integers(vocabulary))] for w in base]
            rs.append(
                r[: max(1, len(r) - int(rng.integers(0, 4)))] + ["end"] * int(rng.integers(0, 3))
            )
        hyps.append(
            [w if rng.random() < 0.8 else words[int(rng.integers(vocabulary))] for w in base]
        )
        refs.append(rs)
    return refs, hyps


CAT = ["the", "cat", "is", "on", "the", "mat"]
THERE = ["there", "is", "a", "cat", "on", "the", "mat"]


@pytest.mark.points(2)
def test_corpus_bleu_documented_example(kata):
    """Does "the cat sat on the mat" against "the cat is on the mat" give sqrt(5/6 * 3/5)?

    Unigrams: 5 of 6 match ("sat" does not); bigrams: "the cat", "on the", "the mat" match,
    3 of 5; equal lengths: BP = 1.
    """
    bleu, p, bp, c, r = check(kata, [[CAT]], [["the", "cat", "sat", "on", "the", "mat"]], max_n=2)
    assert_close(p, [5 / 6, 3 / 5], rtol=1e-12, what="precisions")
    assert_close(bleu, math.sqrt(0.5), rtol=1e-12, what="bleu")


@pytest.mark.points(2)
def test_corpus_bleu_clipping_worked_by_hand(kata):
    """Does "the" x 7 score p_1 = 2/7 (Papineni et al.), clipped by the largest single count?

    "the" occurs twice in the first reference and once in the second: the clip is 2, not 3
    (the sum). BLEU is 0 (no bigram matches) and BP = 1 (7 tokens vs 7).
    """
    _, p, bp, c, r = check(kata, [[CAT, THERE]], [["the"] * 7], max_n=2)
    assert_close(p, [2 / 7, 0.0], rtol=1e-12, what="precisions")
    assert (c, r) == (7, 7), f"hyp_length, ref_length should be 7, 7; got {c}, {r}"


@pytest.mark.points(2)
def test_corpus_bleu_brevity_penalty_worked_by_hand(kata):
    """Is r the closest reference length (ties to the shorter), and BP = exp(1 - r/c)?

    Hypothesis of 4 tokens, references of 2, 6 and 3 tokens... closest: 3 (|4 - 3| = 1);
    c = 4 > 3: BP = 1. Hypothesis of 4 with references of 3 and 5: tie, the shorter (3).
    Hypothesis "on the mat" (3) vs CAT (6): BP = exp(1 - 6/3) = e^-1.
    """
    hyp = ["a", "b", "c", "d"]
    _, _, bp, c, r = check(
        kata, [[["a", "b"], ["a", "b", "c", "d", "e", "f"], ["a", "b", "c"]]], [hyp], max_n=1
    )
    assert (r, bp) == (3, 1.0), f"ref_length 3 and BP 1 expected, got {r}, {bp}"
    _, _, bp, c, r = check(kata, [[["a", "b", "c"], ["a", "b", "c", "d", "e"]]], [hyp], max_n=1)
    assert r == 3, f"a tie between 3 and 5 goes to the shorter reference: r = 3, got {r}"
    bleu, _, bp, _, _ = check(kata, [[CAT]], [["on", "the", "mat"]], max_n=3)
    assert_close(bp, math.exp(-1.0), rtol=1e-12, what="brevity_penalty")
    assert_close(bleu, math.exp(-1.0), rtol=1e-12, what="bleu (every n-gram matches)")


@pytest.mark.points(3)
@pytest.mark.parametrize("max_n, smoothing", [(4, None), (2, None), (4, "add1"), (3, "add1")])
def test_corpus_bleu_random_corpora(kata, rng, max_n, smoothing):
    """On random corpora with several references, do all fields match pooled counts?"""
    for _ in range(5):
        refs, hyps = random_corpus(rng, int(rng.integers(1, 8)))
        check(kata, refs, hyps, max_n=max_n, smoothing=smoothing)


@pytest.mark.points(2)
def test_corpus_bleu_pools_counts_over_sentences(kata):
    """Is corpus BLEU computed from pooled counts, not the mean of sentence BLEUs?

    Sentence 1 matches fully (4 of 4 unigrams, 3 of 3 bigrams); sentence 2 matches 1 of 2
    unigrams and 0 of 1 bigram: pooled p = (5/6, 3/4), so BLEU = sqrt(5/8) > 0 though
    sentence 2's BLEU alone is 0.
    """
    refs = [[["a", "b", "c", "d"]], [["x", "y"]]]
    hyps = [["a", "b", "c", "d"], ["x", "z"]]
    bleu, p, _, _, _ = check(kata, refs, hyps, max_n=2)
    assert_close(p, [5 / 6, 3 / 4], rtol=1e-12, what="precisions")
    assert_close(bleu, math.sqrt(5 / 8), rtol=1e-12, what="bleu")


@pytest.mark.points(2)
def test_corpus_bleu_zero_precision_is_exactly_zero(kata):
    """Does a zero p_n give bleu exactly 0.0 with no log(0), and an empty hypothesis BP 0?"""
    bleu, _, _, _, _ = check(kata, [[CAT]], [["a", "b", "c", "d", "e"]])
    assert bleu == 0.0, f"bleu should be exactly 0.0, got {bleu!r}"
    bleu, p, bp, c, _ = check(kata, [[CAT]], [[]], max_n=2)
    assert (bleu, bp, c) == (0.0, 0.0, 0), (
        f"an empty hypothesis: bleu 0, BP 0, c 0; got {bleu}, {bp}, {c}"
    )
    # shorter than max_n: l_4 = 0 gives p_4 = 0, unless add1 makes it (0 + 1) / (0 + 1)
    bleu, p, _, _, _ = check(kata, [[CAT]], [["the", "cat", "is"]])
    assert bleu == 0.0 and p[3] == 0.0, f"a 3-token hypothesis has no 4-gram: p_4 = 0, got {p}"
    bleu, p, _, _, _ = check(kata, [[CAT]], [["the", "cat", "is"]], smoothing="add1")
    assert_close(p, [1.0, 1.0, 1.0, 1.0], rtol=1e-12, what="precisions with add1")


def test_sentence_bleu_is_a_corpus_of_one(kata, rng):
    """Does sentence_bleu(refs, hyp) return corpus_bleu([refs], [hyp]) field by field?"""
    refs, hyps = random_corpus(rng, 4)
    for rs, h in zip(refs, hyps, strict=True):
        for options in ({}, {"max_n": 2, "smoothing": "add1"}):
            f = kata.sentence_bleu
            result = call_strictly(f, rs, h, **options)
            got = fields(result, FIELDS, "sentence_bleu")
            want = reference([rs], [h], **options)
            assert_close(
                got[0],
                want[0],
                rtol=1e-12,
                atol=0,
                what="sentence_bleu's bleu",
                called=describe_call(f, rs, h, **options),
            )
            assert_close(got[1], want[1], rtol=1e-12, atol=0, what="sentence_bleu's precisions")
            assert (got[3], got[4]) == (want[3], want[4]), "sentence_bleu's lengths"


def test_corpus_bleu_accepts_tuples(kata):
    """Are tuples of tokens accepted as lists are?"""
    bleu, _, _, _, _ = check(kata, [[tuple(CAT)]], [tuple(CAT)], max_n=4)
    assert_close(bleu, 1.0, rtol=1e-12, what="bleu of a perfect match")


@pytest.mark.parametrize(
    "refs, hyps, options, why",
    [
        ([[CAT]], [CAT, CAT], {}, "two hypotheses, one reference set"),
        ([], [], {}, "the corpus is empty"),
        ([[]], [CAT], {}, "a sentence without references"),
        ([[CAT]], [CAT], {"max_n": 0}, "max_n is 0"),
        ([[CAT]], [CAT], {"smoothing": "add2"}, "unknown smoothing"),
        ([[CAT]], ["the cat"], {}, "a hypothesis is a bare str"),
        ([["the cat"]], [CAT], {}, "a reference is a bare str"),
        ([[CAT]], [["the", 1]], {}, "a token is not a str"),
    ],
    ids=["lengths", "empty", "no_refs", "max_n", "smoothing", "str_hyp", "str_ref", "int_token"],
)
def test_corpus_bleu_rejects_bad_input(kata, refs, hyps, options, why):
    """Does bad input raise ValueError with a message?"""
    expect_error(ValueError, kata.corpus_bleu, refs, hyps, why=why, **options)


def test_sentence_bleu_rejects_a_bare_string(kata):
    """Does sentence_bleu reject a hypothesis given as one str (its characters are not tokens)?"""
    expect_error(ValueError, kata.sentence_bleu, [CAT], "the cat", why="hypothesis is a str")
    result = call(kata.sentence_bleu, [CAT], list(CAT))
    assert_close(fields(result, FIELDS, "sentence_bleu")[0], 1.0, rtol=1e-12, what="bleu")


def test_corpus_bleu_leaves_its_input_unchanged(kata, rng):
    """Are the references and hypotheses left exactly as they were?"""
    refs, hyps = random_corpus(rng, 3)
    check(kata, refs, hyps)  # call() compares both arguments after the call


def test_corpus_bleu_makes_no_shortcut_call(kata, rng):
    """Does corpus_bleu count n-grams itself, without nltk.translate?"""
    refs, hyps = random_corpus(rng, 4)
    with forbid("nltk.translate.*", called="corpus_bleu"):
        check(kata, refs, hyps)
