"""Grader for nlp/viterbi: viterbi(obs, pi, A, B) -> Viterbi(path, log_prob)."""

import itertools
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
    hmm_bad_inputs,
    hmm_example,
    random_hmm,
)

FIELDS = ("path", "log_prob")

FIRST_EMISSION_MISSING = (
    "the first emission is missing: delta_0(i) = ln pi_i + ln B[i, x_0], not ln pi_i"
)
SUCCESSOR_AXIS = (
    "the max (or argmax) taken over the successor axis: delta_{t+1}(j) maximises over the "
    "PREVIOUS state i of delta_t(i) + ln A[i, j]"
)
A_TRANSPOSED = (
    "A transposed: A[i, j] is the probability of going from i to j, so the step into j "
    "uses the column A[:, j]"
)
UNDERFLOW = (
    "the scores underflowed: in probability space max_z P(z, x) shrinks geometrically "
    "with T and reaches 0 long before T = 10 000. Add logarithms instead of multiplying "
    "probabilities"
)
BACKTRACK = (
    "the returned path is not the path whose probability log_prob reports: follow the "
    "back-pointers from the best final state, z_{t-1} = psi_t(z_t), one step at a time "
    "(an off-by-one in the back-tracking?)"
)


def log(p):
    return math.log(p) if p > 0 else -math.inf


def path_log_prob(path, obs, pi, A, B):
    """ln P(z, x) of one path, as an exact sum of the logs of its factors."""
    terms = [log(pi[path[0]]), log(B[path[0], obs[0]])]
    for t in range(1, len(obs)):
        terms += [log(A[path[t - 1], path[t]]), log(B[path[t], obs[t]])]
    return -math.inf if -math.inf in terms else math.fsum(terms)


def brute_force(obs, pi, A, B):
    """Every path's exact ln P(z, x), best first (ties by reversed sequence, smallest first)."""
    S = len(pi)
    scored = [
        (path_log_prob(z, obs, pi, A, B), z) for z in itertools.product(range(S), repeat=len(obs))
    ]
    return sorted(scored, key=lambda item: (-item[0], item[1][::-1]))


def best_log_prob(obs, pi, A, B, *, emit_first=True, transpose=False, successor=False):
    """max_z ln P(z, x) by max-product in probability space, rescaled every step."""
    pi, A, B = (np.asarray(a, dtype=float) for a in (pi, A, B))
    A = A.T if transpose else A
    d = pi * B[:, obs[0]] if emit_first else pi.copy()
    total = 0.0
    for t in range(len(obs)):
        if t:
            step = d * A.max(axis=1) if successor else np.max(d[:, None] * A, axis=0)
            d = step * B[:, obs[t]]
        top = d.max()
        if top == 0:
            return -math.inf
        total += math.log(top)
        d = d / top
    return total


def check(kata, obs, pi, A, B, *, rtol=1e-10, strict=False):
    """Call viterbi; check log_prob against the optimum and the path against log_prob."""
    f = kata.viterbi
    called = describe_call(f, obs, pi, A, B)
    if strict:
        result = call_strictly(f, obs, pi, A, B, advice=UNDERFLOW)
    else:
        result = call(f, obs, pi, A, B)
    path, log_prob = fields(result, FIELDS, "viterbi")
    obs_list = [int(o) for o in obs]
    pi, A, B = (np.asarray(a, dtype=float) for a in (pi, A, B))
    want = best_log_prob(obs_list, pi, A, B)
    log_prob = float(log_prob)
    if math.isinf(log_prob) and math.isfinite(want):
        fail(f"{called}: log_prob is {log_prob}, but some path has P(z, x) > 0: {UNDERFLOW}")
    assert_close(
        log_prob,
        want,
        rtol=rtol,
        atol=0.0,
        what="log_prob",
        called=called,
        mistakes={
            FIRST_EMISSION_MISSING: best_log_prob(obs_list, pi, A, B, emit_first=False),
            SUCCESSOR_AXIS: best_log_prob(obs_list, pi, A, B, successor=True),
            A_TRANSPOSED: best_log_prob(obs_list, pi, A, B, transpose=True),
        },
    )
    path = np.asarray(path)
    if path.shape != (len(obs_list),) or path.dtype.kind not in "iu":
        fail(
            f"{called}: path should be an integer array of shape ({len(obs_list)},), "
            f"got {path.dtype} array of shape {path.shape}"
        )
    if math.isinf(want):
        return path, log_prob  # an impossible sequence: the path is not graded
    if path.min() < 0 or path.max() >= pi.size:
        fail(f"{called}: path holds states outside [0, {pi.size}): {path.tolist()[:10]}")
    own = path_log_prob([int(z) for z in path], obs_list, pi, A, B)
    if not (math.isfinite(own) and abs(own - log_prob) <= rtol * abs(want)):
        fail(f"{called}: ln P(path, x) = {own!r} but log_prob = {log_prob!r}: {BACKTRACK}")
    return path, log_prob


EXAMPLE = hmm_example()


@pytest.mark.points(2)
def test_viterbi_documented_example(kata):
    """Does the docstring's example give the path 0, 0, 1 with probability 0.01512?

    delta_0 = (0.3, 0.04); delta_1 = (0.3 * 0.7 * 0.4, 0.3 * 0.3 * 0.3) = (0.084, 0.027);
    delta_2 = (0.084 * 0.7 * 0.1, 0.084 * 0.3 * 0.6) = (0.00588, 0.01512): end in 1, came from 0.
    """
    path, log_prob = check(kata, *EXAMPLE)
    assert_close(path, [0, 0, 1], atol=0.0, rtol=0.0, what="path")
    assert_close(math.exp(log_prob), 0.01512, rtol=1e-12, what="exp(log_prob)")


def test_viterbi_small_cases_worked_by_hand(kata):
    """Do T = 1, one state and a sticky two-state chain give their by-hand paths?

    T = 1: argmax of pi_i B[i, x_0] = (0.1, 0.3) is state 1. One state: the path is all 0
    and ln P is the sum of ln B. Sticky chain (A = [[0.9, 0.1], [0.1, 0.9]]) with
    B = [[0.9, 0.1], [0.2, 0.8]] and x = 0, 0, 1, 1, 1: staying in 0 for the first two and
    switching once gives 0.5 * .9 * .9 * .9 * .1 * .8 * .9 * .8 * .9 * .8 = 0.0151, more
    than 1, 1, 1, 1, 1 (0.0067) or 0, 1, 1, 1, 1 (0.0034).
    """
    pi, A, B = [0.5, 0.5], [[0.9, 0.1], [0.2, 0.8]], [[0.2, 0.8], [0.6, 0.4]]
    path, log_prob = check(kata, [0], pi, A, B)
    assert_close(path, [1], atol=0.0, rtol=0.0, what="path")
    assert_close(log_prob, math.log(0.3), rtol=1e-12, what="log_prob")
    path, log_prob = check(kata, [0, 1, 1], [1.0], [[1.0]], [[0.3, 0.7]])
    assert_close(path, [0, 0, 0], atol=0.0, rtol=0.0, what="path")
    assert_close(log_prob, math.log(0.3 * 0.7 * 0.7), rtol=1e-12, what="log_prob")
    A, B = [[0.9, 0.1], [0.1, 0.9]], [[0.9, 0.1], [0.2, 0.8]]
    path, log_prob = check(kata, [0, 0, 1, 1, 1], [0.5, 0.5], A, B)
    assert_close(path, [0, 0, 1, 1, 1], atol=0.0, rtol=0.0, what="path")
    want = 0.5 * 0.9 * 0.9 * 0.9 * 0.1 * 0.8 * 0.9 * 0.8 * 0.9 * 0.8
    assert_close(log_prob, math.log(want), rtol=1e-12, what="log_prob")


@pytest.mark.points(3)
@pytest.mark.parametrize("S, M, T", [(2, 3, 8), (3, 3, 7), (4, 2, 5)])
def test_viterbi_matches_brute_force_over_paths(kata, rng, S, M, T):
    """Is the path the best of all S^T paths, and the same path where it is best by a margin?"""
    for _ in range(4):
        pi, A, B = random_hmm(rng, S, M)
        obs = rng.integers(M, size=T)
        path, log_prob = check(kata, obs, pi, A, B)
        ranked = brute_force(obs, pi, A, B)
        assert_close(log_prob, ranked[0][0], rtol=1e-10, what="log_prob (brute force)")
        if ranked[0][0] - ranked[1][0] > 1e-6:  # a unique optimum: the path is determined
            assert_close(path, ranked[0][1], atol=0.0, rtol=0.0, what="path")


@pytest.mark.points(2)
@pytest.mark.parametrize("S, M, T", [(5, 4, 50), (8, 8, 200)])
def test_viterbi_random_models(kata, rng, S, M, T):
    """On longer random sequences, is log_prob the optimum and the path's own ln P(z, x)?"""
    pi, A, B = random_hmm(rng, S, M)
    check(kata, rng.integers(M, size=T), pi, A, B)


@pytest.mark.points(2)
def test_viterbi_ties_go_to_the_lowest_index(kata, rng):
    """On ties made by symmetric states, is every choice the lowest index?

    States 1 and 2 are swapped images of each other (pi, A and B unchanged by the swap),
    so every path through them ties with its mirror exactly. Of all optimal paths the
    kata's rule picks the one whose reversed sequence is lexicographically smallest.
    """
    for _ in range(6):
        _, _, B = random_hmm(rng, 3, 3)
        B[2] = B[1]
        r, a = rng.uniform(0.1, 0.9, size=2)
        q = rng.dirichlet(np.ones(3))
        pi = np.array([r, (1 - r) / 2, (1 - r) / 2])
        A = np.array([[a, (1 - a) / 2, (1 - a) / 2], q, q[[0, 2, 1]]])
        obs = rng.integers(3, size=6)
        path, _ = check(kata, obs, pi, A, B)
        ranked = brute_force(obs, pi, A, B)
        assert_close(
            path,
            ranked[0][1],
            atol=0.0,
            rtol=0.0,
            what="path (ties go to the lowest index: np.argmax's first maximum)",
        )
    # two mirror states with identical emissions: every all-0 / all-1 pair ties
    path, _ = check(kata, [0, 1, 0, 1], [0.5, 0.5], [[0.8, 0.2], [0.2, 0.8]], [[0.5, 0.5]] * 2)
    assert_close(path, [0, 0, 0, 0], atol=0.0, rtol=0.0, what="path (ties go to the lowest index)")


def test_viterbi_zero_probabilities_and_impossible_sequence(kata):
    """Do zeros give -inf scores without nan, and an impossible sequence log_prob = -inf?

    State 0 emits only 0, state 1 only 1, and 0 never leaves 0; from pi = (0.5, 0.5),
    x = 1, 1, 0 is explained only by 1, 1, 0 (probability 0.5 * 0.3); x = 0, 1 is impossible.
    """
    pi, A, B = [0.5, 0.5], [[1.0, 0.0], [0.3, 0.7]], [[1.0, 0.0], [0.0, 1.0]]
    path, log_prob = check(kata, [1, 1, 0], pi, A, B)
    assert_close(path, [1, 1, 0], atol=0.0, rtol=0.0, what="path")
    assert_close(log_prob, math.log(0.5 * 0.7 * 0.3), rtol=1e-12, what="log_prob")
    _, log_prob = check(kata, [0, 1], pi, A, B)
    if log_prob != -math.inf:
        fail(f"viterbi of an impossible sequence gave log_prob {log_prob!r}, expected -inf")


@pytest.mark.points(3)
@pytest.mark.timeout(5)
def test_viterbi_long_sequence_does_not_underflow(kata, rng):
    """Does T = 10 000 give the optimum (rtol 1e-9) under the strict errstate?"""
    pi, A, B = random_hmm(rng, 4, 5)
    pi, A, B = (0.9 * P + 0.1 / P.shape[-1] for P in (pi, A, B))  # all positive
    check(kata, rng.integers(5, size=10_000), pi, A, B, rtol=1e-9, strict=True)


def test_viterbi_accepts_integral_floats_and_lists(kata, rng):
    """Do obs as integral floats and parameters as nested lists work?"""
    pi, A, B = random_hmm(rng, 3, 4)
    obs = rng.integers(4, size=9)
    check(kata, obs.astype(float), pi.tolist(), A.tolist(), B.tolist())


GOOD = EXAMPLE[1:]


@pytest.mark.parametrize(
    "obs, pi, A, B, why",
    [
        *hmm_bad_inputs(GOOD),
    ],
)
def test_viterbi_rejects_bad_input(kata, obs, pi, A, B, why):
    """Does bad input raise ValueError with a message?"""
    expect_error(ValueError, kata.viterbi, obs, pi, A, B, why=why)


def test_viterbi_leaves_its_input_unchanged(kata, rng):
    """Are obs, startprob, transmat and emissionprob left exactly as they were?"""
    pi, A, B = random_hmm(rng, 3, 3)
    obs = rng.integers(3, size=6)
    check(kata, obs, pi, A, B)  # call() compares every argument after the call


def test_viterbi_makes_no_shortcut_call(kata, rng):
    """Does viterbi decode by itself, without hmmlearn?"""
    pi, A, B = random_hmm(rng, 3, 4)
    with forbid("hmmlearn.*", called="viterbi"):
        check(kata, rng.integers(4, size=12), pi, A, B)
