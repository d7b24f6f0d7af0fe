"""Grader for information_theory/mutual_information: mutual_information(joint, base) -> float.

Every call runs with floating-point warnings turned into errors: cells with P_ij = 0
(whole zero rows and columns included) count as 0 without computing log(0) or 0 / 0.
"""

import math

import numpy as np
import pytest

from mlkata.grading import (
    assert_close,
    call_strictly,
    describe_call,
    expect_error,
    fail,
    random_distribution,
)

ADVICE = (
    "0 log 0 counts as 0: leave out the cells with P_ij = 0 instead of computing "
    "log(0) = -inf, 0 * -inf = nan or, in a row or column of zeros, 0 / (0 * q_j) = "
    "nan."
)


def plogp(values):
    return math.fsum(x * math.log(x) for x in values if x > 0)


def entropies(joint, base=2.0):
    """H(X), H(Y), H(X, Y) in plain Python, from row sums, column sums and all cells."""
    rows = [list(map(float, row)) for row in np.asarray(joint, dtype=float)]
    p = [math.fsum(row) for row in rows]
    q = [math.fsum(col) for col in zip(*rows, strict=True)]
    cells = [x for row in rows for x in row]
    return tuple(-plogp(v) / math.log(base) for v in (p, q, cells))


def reference(joint, base=2.0):
    """H(X) + H(Y) - H(X, Y): not the sum over cells the docstring uses."""
    hx, hy, hxy = entropies(joint, base)
    return hx + hy - hxy


def cell_sum(joint, p, q, base, weighted=True):
    """sum over P_ij > 0 of (P_ij) log(P_ij / (p_i q_j)), for wrong marginals p and q."""
    P = np.asarray(joint, dtype=float)
    total = []
    for (i, j), x in np.ndenumerate(P):
        if x > 0:
            if p[i] * q[j] == 0:
                return math.nan
            total.append((x if weighted else 1.0) * math.log(x / (p[i] * q[j])))
    return math.fsum(total) / math.log(base)


def check(kata, joint, base=2.0, expected=None):
    f = kata.mutual_information
    args = () if base == 2.0 else (base,)
    called = describe_call(f, joint, *args)
    result = call_strictly(f, joint, *args, advice=ADVICE)
    want = reference(joint, base) if expected is None else expected
    P = np.asarray(joint, dtype=float)
    rows, cols = P.sum(axis=1), P.sum(axis=0)
    square = P.shape[0] == P.shape[1]
    mistakes = {
        "the marginals on the wrong axes: P_ij / (q_i p_j) instead of P_ij / (p_i q_j)": (
            cell_sum(P, cols, rows, base) if square else math.nan
        ),
        "both marginals are row sums (sum over axis 1 twice)": (
            cell_sum(P, rows, rows, base) if square else math.nan
        ),
        "both marginals are column sums (sum over axis 0 twice)": (
            cell_sum(P, cols, cols, base) if square else math.nan
        ),
        "the sign is flipped: log(p_i q_j / P_ij)": -want,
        "the joint entropy H(X, Y), not the mutual information": entropies(P, base)[2],
        "the sum of log(P_ij / (p_i q_j)) without the weights P_ij": cell_sum(
            P, rows, cols, base, weighted=False
        ),
    }
    if base != 2.0:
        mistakes["log base 2 whatever the `base` argument says"] = want * math.log(base, 2)
    if base != math.e:
        mistakes[f"the natural log (nats) where log base {base:g} was asked"] = want * math.log(
            base
        )
    assert_close(result, want, what="the mutual information", called=called, mistakes=mistakes)
    return float(result)


def random_joint(rng, shape, zeros=0.0):
    """A random joint table; a fraction `zeros` of its cells exactly 0."""
    P = rng.dirichlet(np.ones(shape[0] * shape[1])).reshape(shape)
    P[rng.random(shape) < zeros] = 0.0
    P.flat[int(rng.integers(P.size))] += 1e-3  # never all zero
    return P / P.sum()


@pytest.mark.points(2)
def test_mutual_information_documented_example(kata):
    """Do the docstring's examples give 1, 0 and 3/2 - (3/4) log2 3 bits?

    [[1/2, 1/4], [0, 1/4]]: p = [3/4, 1/4], q = [1/2, 1/2], H(X) = 2 - (3/4) log2 3,
    H(Y) = 1, H(X, Y) = 3/2, so I = 3/2 - (3/4) log2 3.
    """
    check(kata, [[0.5, 0.0], [0.0, 0.5]], expected=1.0)
    check(kata, [[0.25, 0.25], [0.25, 0.25]], expected=0.0)
    check(kata, [[0.5, 0.25], [0.0, 0.25]], expected=1.5 - 0.75 * math.log2(3))


@pytest.mark.points(2)
def test_mutual_information_hand_checked_cases(kata):
    """Do small cases worked by hand come out exactly?

    A 4 x 4 permutation table with 1/4 in each row: I = H(X) = 2 bits (1 in base 4,
    ln 4 nats). A single cell [[1]]: nothing is uncertain, I = 0. A 1 x 3 row: Y says
    nothing about a constant X, I = 0.
    """
    perm = np.eye(4)[[2, 0, 3, 1]] / 4
    check(kata, perm, expected=2.0)
    check(kata, perm, 4.0, expected=1.0)
    check(kata, perm, math.e, expected=math.log(4))
    check(kata, [[1.0]], expected=0.0)
    check(kata, [[0.2, 0.3, 0.5]], expected=0.0)


@pytest.mark.points(3)
@pytest.mark.parametrize("shape", [(2, 2), (3, 5), (6, 4), (40, 30)], ids=str)
@pytest.mark.parametrize("base", [2.0, math.e, 10.0], ids=["bits", "nats", "base-10"])
def test_mutual_information_random_tables(kata, rng, shape, base):
    """Do random tables match H(X) + H(Y) - H(X, Y), in every base?"""
    check(kata, random_joint(rng, shape), base)


@pytest.mark.points(2)
@pytest.mark.parametrize("shape", [(4, 4), (5, 3)], ids=str)
def test_mutual_information_sparse_tables(kata, rng, shape):
    """With many zero cells (whole zero rows or columns too), no nan and no warning?"""
    for zeros in (0.3, 0.6):
        check(kata, random_joint(rng, shape, zeros))
    P = random_joint(rng, shape)
    P[1, :] = 0.0
    P[:, 0] = 0.0
    check(kata, P / P.sum())


@pytest.mark.points(2)
def test_mutual_information_of_a_diagonal_table_is_the_entropy(kata, rng):
    """Is I = H(X) for a diagonal table (zeros on the diagonal included)?"""
    for zeros in (0, 3):
        p = random_distribution(rng, 7, zeros)
        want = -plogp(p) / math.log(2)
        check(kata, np.diag(p), expected=want)


@pytest.mark.points(2)
def test_mutual_information_is_zero_for_independent_tables(kata, rng):
    """Is I = 0 for an outer product p q^T (zero rows and columns included)?"""
    check(kata, np.outer(random_distribution(rng, 4), random_distribution(rng, 6)), expected=0.0)
    check(
        kata, np.outer(random_distribution(rng, 5, 2), random_distribution(rng, 3, 1)), expected=0.0
    )


@pytest.mark.points(2)
def test_mutual_information_is_symmetric_and_bounded(kata, rng):
    """Is I(X; Y) = I(Y; X) (the transposed table), with 0 <= I <= min(H(X), H(Y))?"""
    for shape in [(3, 3), (2, 6), (5, 4)]:
        P = random_joint(rng, shape, zeros=0.3)
        forward = check(kata, P)
        backward = check(kata, P.T.copy())
        assert_close(backward, forward, what="the mutual information of the transpose")
        hx, hy, _ = entropies(P)
        if not -1e-12 <= forward <= min(hx, hy) + 1e-12:
            fail(
                f"mutual_information of a {shape} table is {forward!r}, outside "
                f"[0, min(H(X), H(Y))] = [0, {min(hx, hy):.6g}]"
            )


def test_mutual_information_accepts_lists_of_ints(kata):
    """Are integer tables converted to float ([[0, 1], [0, 0]] gives 0)?"""
    check(kata, [[0, 1], [0, 0]], expected=0.0)


def test_mutual_information_leaves_input_unchanged(kata, rng):
    """Is the joint table (with zero cells) left exactly as it was?"""
    check(kata, random_joint(rng, (4, 5), zeros=0.4))  # call() compares joint after the call


@pytest.mark.points(2)
@pytest.mark.parametrize(
    "joint, base, why",
    [
        ([[0.6, -0.1], [0.25, 0.25]], 2.0, "a cell is negative (the table still sums to 1)"),
        ([[0.4, 0.1], [0.2, 0.2]], 2.0, "the table sums to 0.9"),
        ([[0.5, 0.0], [0.0, 0.5 + 1e-6]], 2.0, "the table sums to 1.000001"),
        ([[0.5, 0.0], [0.0, 0.5 - 1e-8]], 2.0, "the table sums to 1 - 1e-8"),
        ([[2, 1], [0, 1]], 2.0, "a table of counts: it sums to 4, not 1"),
        ([0.5, 0.5], 2.0, "the table is 1-D, it must be 2-D"),
        (np.full((2, 2, 2), 0.125), 2.0, "the table is 3-D, it must be 2-D"),
        (np.zeros((0, 3)), 2.0, "the table is empty"),
        ([[0.5, 0.0], [0.0, 0.5]], 1.0, "log base 1 is not defined"),
        ([[0.5, 0.0], [0.0, 0.5]], -2.0, "the base must be positive"),
    ],
    ids=[
        "negative",
        "sum",
        "sum-1e-6",
        "sum-1e-8",
        "counts",
        "1d",
        "3d",
        "empty",
        "base-1",
        "base-neg",
    ],
)
def test_mutual_information_rejects_bad_input(kata, joint, base, why):
    """Does a table that is not a joint distribution raise ValueError with a message?"""
    with np.errstate(all="ignore"):
        expect_error(ValueError, kata.mutual_information, joint, base, why=why)
