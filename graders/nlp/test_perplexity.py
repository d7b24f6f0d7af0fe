"""Grader for nlp/perplexity: perplexity(token_probs) -> float and
bigram_perplexity(vocabulary, probs, sentences) -> Perplexity(perplexity, bits_per_token,
n_predictions), pooled over a corpus scored as <s> w1 … wn </s>."""

import math

import numpy as np
import pytest

from mlkata.grading import (
    assert_close,
    call_strictly,
    describe_call,
    expect_error,
    fail,
    fields,
)

FIELDS = ("perplexity", "bits_per_token", "n_predictions")
COUNTS_START = "N counting <s> as a prediction: only w1 … wn and </s> are predicted"
NO_END = "</s> left out: the end of each sentence is predicted too"
TWO_TO_NATS = "mixed bases: 2 ** (nats per token); perplexity = 2 ** bits = e ** nats"
E_TO_BITS = "mixed bases: e ** (bits per token); perplexity = 2 ** bits = e ** nats"
MEAN_OF_SENTENCES = "the mean of per-sentence perplexities instead of pooling every prediction"
ADVICE = (
    "a zero probability must give inf without evaluating log(0), and the probabilities "
    "must be combined as a mean of logarithms, not as a product"
)


def reference_pp(probs):
    """exp of the mean negative log-probability, by math.fsum (inf for a zero)."""
    if min(probs) == 0:
        return math.inf
    return math.exp(-math.fsum(math.log(p) for p in probs) / len(probs))


def predictions(vocabulary, probs, sentence, mistake=None):
    """The probabilities the model gives the predicted tokens of one sentence."""
    W = len(vocabulary)
    index = {w: i for i, w in enumerate(vocabulary)}
    ids = [index[w] for w in sentence]
    out = [probs[r][c] for r, c in zip([W, *ids], [*ids, W], strict=True)]
    return out[:-1] if mistake == NO_END else out


def reference(vocabulary, probs, sentences, mistake=None):
    """(perplexity, bits, N) in plain Python; ``mistake`` gives a known wrong answer."""
    probs = np.asarray(probs, dtype=float).tolist()
    per = [predictions(vocabulary, probs, s, mistake) for s in sentences]
    pooled = [p for ps in per for p in ps]
    N = len(pooled) + (len(sentences) if mistake == COUNTS_START else 0)
    if not pooled or min(pooled) == 0:
        return math.inf, math.inf, N
    nats = -math.fsum(math.log(p) for p in pooled) / N
    bits = nats / math.log(2)
    if mistake == MEAN_OF_SENTENCES:
        pp = math.fsum(reference_pp(ps) for ps in per) / len(per)
    elif mistake == TWO_TO_NATS:
        pp = 2**nats
    elif mistake == E_TO_BITS:
        pp = math.exp(bits)
    else:
        pp = math.exp(nats)
    return pp, bits, N


def check_pp(kata, token_probs, want=None):
    """Call perplexity under the strict errstate and compare it with the reference."""
    f = kata.perplexity
    called = describe_call(f, token_probs)
    result = call_strictly(f, token_probs, advice=ADVICE)
    if want is None:
        want = reference_pp(np.asarray(token_probs, dtype=float).tolist())
    if not isinstance(result, (float, np.floating)):
        fail(f"{called} should return a float, got {type(result).__name__}")
    assert_close(result, want, what="the perplexity", called=called, rtol=1e-10)
    return float(result)


def check(kata, vocabulary, probs, sentences):
    """Call bigram_perplexity under the strict errstate, compare every field, return them."""
    f = kata.bigram_perplexity
    called = describe_call(f, vocabulary, probs, sentences)
    result = call_strictly(f, vocabulary, probs, sentences, advice=ADVICE)
    pp, bits, n = fields(result, FIELDS, "bigram_perplexity")
    want = reference(vocabulary, probs, sentences)
    wrong = {
        m: reference(vocabulary, probs, sentences, mistake=m)
        for m in (COUNTS_START, NO_END, TWO_TO_NATS, E_TO_BITS, MEAN_OF_SENTENCES)
    }
    if n != want[2]:
        named = [m for m in (COUNTS_START, NO_END) if n == wrong[m][2]]
        fail(
            f"{called}: n_predictions is {n!r}, expected {want[2]}"
            + (f": {named[0]}" if named else "")
        )
    assert_close(
        bits,
        want[1],
        what="bits_per_token",
        called=called,
        rtol=1e-10,
        mistakes={m: w[1] for m, w in wrong.items() if m in (COUNTS_START, NO_END)},
    )
    assert_close(
        pp,
        want[0],
        what="the perplexity",
        called=called,
        rtol=1e-10,
        mistakes={m: w[0] for m, w in wrong.items()},
    )
    return float(pp), float(bits), n


def random_model(rng, W, zeros=False):
    """A random (W + 1, W + 1) bigram table, every row a distribution."""
    probs = rng.dirichlet(np.ones(W + 1), size=W + 1)
    if zeros:
        probs[rng.random(probs.shape) < 0.2] = 0.0
        probs[:, 0] += probs.sum(axis=1) == 0
        probs /= probs.sum(axis=1, keepdims=True)
    return [f"v{i}" for i in range(W)], probs


def random_sentences(rng, vocabulary, n, max_len=8):
    return [
        [vocabulary[i] for i in rng.integers(0, len(vocabulary), size=rng.integers(0, max_len))]
        for _ in range(n)
    ]


@pytest.mark.points(2)
def test_perplexity_documented_example(kata):
    """Do [0.5, 0.125] give 4 and 10 000 probabilities of 1e-3 give 1000?"""
    check_pp(kata, [0.5, 0.125], 4.0)
    check_pp(kata, np.full(10_000, 1e-3), 1000.0)


@pytest.mark.parametrize(
    "token_probs, want",
    [([0.25] * 7, 4.0), ([1.0], 1.0), ([0.1, 0.1, 0.1], 10.0), ([1.0, 0.25], 2.0)],
    ids=["uniform-4", "certain", "tenth", "mixed"],
)
def test_perplexity_small_cases_worked_by_hand(kata, token_probs, want):
    """Do small cases give their geometric-mean inverse (uniform over 4 → 4, 1 and 1/4 → 2)?"""
    check_pp(kata, token_probs, want)


def test_perplexity_random_probabilities(kata, rng):
    """Do random probabilities give exp(−mean ln p)?"""
    for n in [1, 5, 100, 3000]:
        check_pp(kata, rng.uniform(1e-4, 1.0, size=n))


def test_perplexity_does_not_underflow(kata, rng):
    """Do 20 000 small probabilities (product 0 in float64) give a finite perplexity?"""
    p = rng.uniform(1e-5, 1e-2, size=20_000)
    result = check_pp(kata, p)
    if not math.isfinite(result):
        fail("the product of the probabilities underflows: average their logarithms instead")


def test_perplexity_zero_probability_is_inf(kata):
    """Does a zero probability give inf, without a divide-by-zero error?"""
    check_pp(kata, [0.5, 0.0, 0.25], math.inf)


@pytest.mark.points(2)
def test_bigram_perplexity_documented_example(kata):
    """Does the docstring's example give N = 3 and bits = −(log2 0.5 + log2 0.75 + log2 0.5)/3?"""
    _, bits, _ = check(kata, ["a"], [[0.25, 0.75], [0.5, 0.5]], [["a"], []])
    want = -(math.log2(0.5) + math.log2(0.75) + math.log2(0.5)) / 3
    assert_close(bits, want, what="bits_per_token")


def test_bigram_perplexity_small_case_worked_by_hand(kata):
    """Does a uniform model over W + 1 = 4 outcomes give perplexity 4 and 2 bits?

    Every prediction has probability 1/4, so bits = 2 and perplexity = 4, whatever the
    corpus; sentences of 2 and 0 words make 3 + 1 = 4 predictions.
    """
    pp, bits, n = check(kata, ["x", "y", "z"], np.full((4, 4), 0.25), [["x", "z"], []])
    assert_close([pp, bits, n], [4.0, 2.0, 4], what="(perplexity, bits, N)")


@pytest.mark.points(3)
@pytest.mark.parametrize("W", [1, 4, 12])
def test_bigram_perplexity_random_models(kata, rng, W):
    """Do random models and corpora give the pooled perplexity, bits and N?"""
    for n_sentences in [1, 3, 30]:
        vocabulary, probs = random_model(rng, W)
        check(kata, vocabulary, probs, random_sentences(rng, vocabulary, n_sentences))


def test_bigram_perplexity_pools_predictions(kata):
    """Do a long and a short sentence pool their predictions (not average two perplexities)?

    Uniform-ish model: the long sentence's predictions dominate the pooled value.
    """
    vocabulary = ["a", "b"]
    probs = [[0.8, 0.1, 0.1], [0.3, 0.3, 0.4], [0.5, 0.25, 0.25]]
    check(kata, vocabulary, probs, [["a"] * 20, ["b"]])


def test_bigram_perplexity_bases_agree(kata, rng):
    """Is perplexity = 2 ** bits_per_token (= e ** nats per token)?"""
    vocabulary, probs = random_model(rng, 5)
    pp, bits, _ = check(kata, vocabulary, probs, random_sentences(rng, vocabulary, 10))
    assert_close(pp, 2.0**bits, what="perplexity against 2 ** bits_per_token", rtol=1e-10)


def test_bigram_perplexity_zero_probability_is_inf(kata, rng):
    """Does a prediction with probability 0 give inf perplexity and bits, with no error?"""
    probs = np.array([[0.5, 0.5, 0.0], [0.0, 0.5, 0.5], [1.0, 0.0, 0.0]])
    pp, bits, _ = check(kata, ["a", "b"], probs, [["a", "b"], ["a", "a"]])
    if pp != math.inf or bits != math.inf:
        fail(f"a → </s> has probability 0: expected inf perplexity and bits, got {pp}, {bits}")


def test_bigram_perplexity_long_corpus_does_not_underflow(kata, rng):
    """Does a 20 000-word corpus give a finite perplexity (the product would be 0)?"""
    vocabulary, probs = random_model(rng, 30)
    sentences = random_sentences(rng, vocabulary, 40, max_len=1000)
    pp, _, _ = check(kata, vocabulary, probs, sentences)
    if not math.isfinite(pp):
        fail("the perplexity of a long corpus should be finite: average the log-probabilities")


def test_bigram_perplexity_leaves_its_inputs_unchanged(kata, rng):
    """Are the vocabulary, probs and sentences left exactly as they were?"""
    vocabulary, probs = random_model(rng, 4, zeros=True)
    sentences = random_sentences(rng, vocabulary, 6)
    check(kata, vocabulary, probs, sentences)  # call_strictly() compares every argument


@pytest.mark.parametrize(
    "token_probs, why",
    [
        ([], "no probabilities"),
        ([[0.5, 0.5]], "2-D probabilities"),
        ([0.5, 1.5], "a probability above 1"),
        ([0.5, -0.1], "a negative probability"),
        ([0.5, float("nan")], "a nan probability"),
    ],
    ids=["empty", "2d", "above-1", "negative", "nan"],
)
def test_perplexity_rejects_bad_input(kata, token_probs, why):
    """Does bad input raise ValueError with a message?"""
    expect_error(ValueError, kata.perplexity, token_probs, why=why)


UNIFORM = np.full((3, 3), 1 / 3)


@pytest.mark.points(2)
@pytest.mark.parametrize(
    "vocabulary, probs, sentences, why",
    [
        (["a", "b"], UNIFORM, [], "no sentences"),
        (["a", "b"], UNIFORM, [["a", "c"]], "a word not in the vocabulary"),
        (["a", "b"], UNIFORM, [["<s>", "a"]], "the marker <s> in a sentence"),
        (["a", "b"], UNIFORM, [["a", "</s>"]], "the marker </s> in a sentence"),
        (["a", "b"], np.full((2, 2), 0.5), [["a"]], "probs of shape (W, W)"),
        (["a", "b"], np.full((3, 3), 0.3), [["a"]], "rows that do not sum to 1"),
        (["a", "b"], [[1.5, -0.5, 0], [0, 1, 0], [0, 0, 1]], [["a"]], "a negative probability"),
        (["a", "b"], UNIFORM, ["a b"], "a sentence that is a bare str"),
    ],
    ids=["empty", "unknown", "start", "end", "shape", "row-sum", "negative", "str-sentence"],
)
def test_bigram_perplexity_rejects_bad_input(kata, vocabulary, probs, sentences, why):
    """Does bad input raise ValueError with a message?"""
    expect_error(ValueError, kata.bigram_perplexity, vocabulary, probs, sentences, why=why)
