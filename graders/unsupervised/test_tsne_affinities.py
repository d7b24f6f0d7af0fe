"""Grader for unsupervised/tsne_affinities: tsne_joint_probabilities(X, perplexity=30.0,
tol=1e-5) -> P (n, n).

A correct beta_i is anywhere in the interval where |H_i(beta) - log2(perplexity)| <= tol
(H decreases in beta). The grader finds that interval's ends to machine precision, and
accepts P when every entry lies between the smallest and largest value p_{j|i} takes
over the interval (log p_{j|i} is concave in beta; a dense grid plus a margin covers
it): the tolerance follows from tol.
"""

import math

import numpy as np
import pytest

from mlkata.grading import assert_close, call, describe, describe_call, expect_error, fail

GRID = 33


def shifted_distances(X, power=2):
    """Each row's distances to the other points (power 2: squared), minus the row's minimum."""
    X = np.asarray(X, dtype=float)
    diff = X[:, None, :] - X[None, :, :]
    D = np.sqrt(np.einsum("ijk,ijk->ij", diff, diff)) ** power
    n = len(X)
    rows = [np.delete(D[i], i) for i in range(n)]
    return [r - r.min() for r in rows]


def conditional_row(beta, d):
    if beta == math.inf:
        p = (d == 0).astype(float)
    else:
        p = np.exp(-beta * d)
    return p / p.sum()


def entropy_bits(beta, d):
    p = conditional_row(beta, d)
    p = p[p > 0]
    return float(-(p * np.log2(p)).sum())


def beta_for(h, d):
    """The beta at which the entropy is h bits (0 if h is above the maximum, inf if <= 0)."""
    if h >= math.log2(len(d)):
        return 0.0
    if h <= entropy_bits(math.inf, d):
        return math.inf
    scale = float(np.median(d[d > 0]))
    lo, hi = math.log(1e-12 / scale), math.log(1e12 / scale)
    for _ in range(64):  # bisection on log beta: 55 / 2**64 is below round-off
        mid = (lo + hi) / 2
        if entropy_bits(math.exp(mid), d) > h:
            lo = mid
        else:
            hi = mid
    return math.exp((lo + hi) / 2)


def joint(conditional):
    n = len(conditional)
    return (conditional + conditional.T) / (2 * n)


def full(rows):
    n = len(rows)
    C = np.zeros((n, n))
    for i, r in enumerate(rows):
        C[i, np.arange(n) != i] = r
    return C


def exact(X, perplexity, *, power=2, target=None):
    """P with each beta_i solved to machine precision (power/target replay mistakes)."""
    h = math.log2(perplexity) if target is None else target
    rows = [conditional_row(beta_for(h, d), d) for d in shifted_distances(X, power)]
    return joint(full(rows))


def envelope(X, perplexity, tol):
    """Entry-wise bounds on P over every beta_i allowed by tol."""
    h = math.log2(perplexity)
    lows, highs = [], []
    for d in shifted_distances(X):
        b_lo, b_hi = beta_for(h + tol, d), beta_for(h - tol, d)
        if b_hi == math.inf:
            start = max(b_lo, 1e-12)
            betas = [b_lo, *np.geomspace(start, start * 1e8, GRID), math.inf]
        else:
            betas = np.linspace(b_lo, b_hi, GRID)
        values = np.array([conditional_row(b, d) for b in betas])
        lo, hi = values.min(axis=0), values.max(axis=0)
        margin = 0.1 * (hi - lo) + 1e-9 * hi + 1e-15
        lows.append(lo - margin)
        highs.append(hi + margin)
    return joint(full(lows)), joint(full(highs))


def check(kata, X, perplexity=30.0, tol=1e-5, *, defaults=False):
    f = kata.tsne_joint_probabilities
    X = np.asarray(X, dtype=float)
    args = (X,) if defaults else (X, perplexity, tol)
    called = describe_call(f, *args)
    P = np.asarray(call(f, *args), dtype=float)
    n = len(X)
    if P.shape != (n, n):
        fail(f"{called} returned shape {P.shape}, expected {(n, n)}")
    if not np.all(np.isfinite(P)):
        fail(
            f"{called}: P contains NaN or inf: exp(-beta d) underflowed to 0 for a whole row "
            "(0/0)? Subtract each row's smallest distance first: it cancels in p_{j|i}"
        )
    if np.abs(np.diag(P)).max() > 0:
        fail(
            f"{called}: the diagonal of P is {describe(np.diag(P))}, not 0: p_{{j|i}} is "
            "normalised over j != i, the point itself is not its own neighbour"
        )
    if np.abs(P - P.T).max() > 1e-12 * np.abs(P).max():
        fail(f"{called}: P is not symmetric: P not symmetrised, P_ij = (p_{{j|i}} + p_{{i|j}})/2n")
    total = P.sum()
    if abs(total - 1) > 1e-9:
        why = ": divided by 2 instead of 2n" if abs(total - n) < 1e-6 * n else ""
        fail(f"{called}: P sums to {total!r}, not 1{why}")
    lo, hi = envelope(X, perplexity, tol)
    outside = np.maximum(lo - P, P - hi)
    if outside.max() > 0:
        i, j = np.unravel_index(int(np.argmax(outside)), P.shape)
        lines = [
            f"{called}: P[{i}, {j}] = {P[i, j]!r}, but any beta allowed by tol = {tol:g} gives "
            f"a value in [{lo[i, j]!r}, {hi[i, j]!r}]; {int((outside > 0).sum())} of {n * n} "
            "entries are outside their interval"
        ]
        mistakes = {
            "the entropy in nats compared with log2(perplexity)": exact(
                X, perplexity, target=math.log2(perplexity) / math.log(2)
            ),
            "the entropy in bits compared with ln(perplexity)": exact(
                X, perplexity, target=math.log(perplexity)
            ),
            "exp(-beta * distance) instead of exp(-beta * squared distance)": exact(
                X, perplexity, power=1
            ),
        }
        for words, wrong in mistakes.items():
            if np.allclose(P, wrong, rtol=1e-3, atol=1e-9):
                lines.append(f"  this is what you get from a known mistake: {words}")
                break
        fail("\n".join(lines))
    return P


def spread(rng, n, d):
    return rng.normal(size=(n, d)) * rng.uniform(0.5, 2.0, size=d)


@pytest.mark.points(2)
def test_tsne_joint_probabilities_documented_example(kata):
    """With perplexity 1 on 0, 1, 3, is P about [[0, 1/3, 0], [1/3, 0, 1/6], [0, 1/6, 0]]?"""
    P = check(kata, [[0.0], [1.0], [3.0]], 1.0)
    want = [[0, 1 / 3, 0], [1 / 3, 0, 1 / 6], [0, 1 / 6, 0]]
    assert_close(P, want, atol=1e-4, what="P")


@pytest.mark.points(2)
def test_tsne_joint_probabilities_uniform_at_n_minus_one(kata, rng):
    """With perplexity n - 1, is every off-diagonal P_ij about 1/(n(n - 1)) (beta near 0)?

    The entropy of n - 1 neighbours is at most log2(n - 1), reached only by the uniform
    conditional, i.e. beta = 0.
    """
    X = spread(rng, 6, 2)
    P = check(kata, X, 5.0, 1e-8)
    assert_close(P, (1 - np.eye(6)) / 30, atol=1e-5, what="P")


def test_tsne_joint_probabilities_two_points(kata):
    """Do two points (perplexity 1, the only choice) give [[0, 0.5], [0.5, 0]]?"""
    P = check(kata, [[0.0, 0.0], [3.0, 4.0]], 1.0)
    assert_close(P, [[0.0, 0.5], [0.5, 0.0]], what="P")


@pytest.mark.points(3)
@pytest.mark.parametrize("n, d, perplexity", [(10, 2, 3.0), (30, 3, 10.0), (50, 5, 5.5)])
def test_tsne_joint_probabilities_within_tol(kata, rng, n, d, perplexity):
    """On random points, is P within what tol = 1e-5 on every entropy allows?"""
    check(kata, spread(rng, n, d), perplexity, 1e-5)


@pytest.mark.points(3)
@pytest.mark.parametrize("perplexity", [2.0, 7.5, 15.0])
def test_tsne_joint_probabilities_tight_tol(kata, rng, perplexity):
    """With tol = 1e-10, is P as close to the exact affinities as that allows?"""
    check(kata, spread(rng, 20, 3), perplexity, 1e-10)


def test_tsne_joint_probabilities_default_arguments(kata, rng):
    """Called as f(X) on 40 points, is it perplexity 30 and tol 1e-5?"""
    check(kata, spread(rng, 40, 4), 30.0, 1e-5, defaults=True)


@pytest.mark.parametrize("scale", [1e-3, 1e3])
def test_tsne_joint_probabilities_any_scale(kata, rng, scale):
    """Do very close (1e-3) and very far (1e3) points give finite P within tol?

    Far apart, exp(-beta d) with beta = 1 underflows to 0 for every neighbour: subtract
    each row's smallest distance before exponentiating (it cancels in p_{j|i}).
    """
    X = spread(rng, 15, 2) * scale
    try:
        check(kata, X, 4.0, 1e-6)
    except (ArithmeticError, ValueError) as exc:
        fail(
            f"{describe_call(kata.tsne_joint_probabilities, X, 4.0, 1e-6)} raised "
            f"{type(exc).__name__}: {exc}. At this scale exp(-beta d) underflowed to 0 for "
            "every neighbour? Subtract each row's smallest distance first: it cancels in p_{j|i}"
        )


def test_tsne_joint_probabilities_leaves_x_unchanged(kata, rng):
    """Is X left exactly as it was?"""
    X = spread(rng, 12, 2)
    check(kata, X, 3.0)  # call() compares X after the call


@pytest.mark.parametrize(
    "X, perplexity, tol, why",
    [
        ([[0.0], [1.0], [3.0]], 0.5, 1e-5, "perplexity < 1"),
        ([[0.0], [1.0], [3.0]], 3.0, 1e-5, "perplexity > n - 1"),
        ([[0.0]], 1.0, 1e-5, "one point"),
        ([0.0, 1.0, 3.0], 1.5, 1e-5, "X is 1-D"),
        (np.zeros((0, 2)), 1.0, 1e-5, "X is empty"),
        ([[0.0], [1.0], [3.0]], 1.5, 0.0, "tol = 0"),
    ],
    ids=["perplexity_low", "perplexity_high", "one_point", "1d", "empty", "tol_zero"],
)
def test_tsne_joint_probabilities_rejects_bad_input(kata, X, perplexity, tol, why):
    """Does bad input raise ValueError with a message?"""
    expect_error(ValueError, kata.tsne_joint_probabilities, X, perplexity, tol, why=why)


@pytest.mark.timeout(5)
def test_tsne_joint_probabilities_large_input(kata, rng):
    """Are 300 points done quickly, with a symmetric P that sums to 1?"""
    X = spread(rng, 300, 5)
    f = kata.tsne_joint_probabilities
    called = describe_call(f, X, 30.0)
    P = np.asarray(call(f, X, 30.0), dtype=float)
    assert_close(P.sum(), 1.0, what="the sum of P", called=called)
    assert_close(P, P.T, atol=1e-15, what="P against its transpose", called=called)
