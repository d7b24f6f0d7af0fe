"""Grader for optimization/sgd: sgd_linear_regression(X, y, lr, n_epochs, batch_size, rng) -> w.

The entry fixes the protocol (one rng.permutation(n) per epoch, consecutive batches of
it, the last one short, the batch-mean gradient), so the result is compared with the
protocol's weights, and the generator must be left exactly where the protocol leaves it."""

import numpy as np
import pytest

from mlkata.grading import assert_close, call, describe_call, expect_error, fail

# Every number is fixed by the protocol; the tolerance leaves room for summation order.
EXACT = {"rtol": 1e-9, "atol": 1e-12}
PROTOCOL = "each epoch perm = rng.permutation(n), then batches perm[0:b], perm[b:2b], ..."


def run(
    X,
    y,
    lr,
    n_epochs,
    b,
    seed,
    *,
    same_perm=False,
    drop_short=False,
    total=False,
    divide_by_b=False,
    shuffle=True,
    factor=2.0,
):
    """The protocol, step by step, with switches for the usual slips."""
    X, y = np.asarray(X, dtype=float), np.asarray(y, dtype=float)
    n = len(y)
    rng = np.random.default_rng(seed)
    w = np.zeros(X.shape[1])
    perm = rng.permutation(n) if same_perm else None
    for _ in range(n_epochs):
        if not same_perm:
            perm = rng.permutation(n) if shuffle else np.arange(n)
        for k in range(0, n, b):
            B = perm[k : k + b]
            if drop_short and len(B) < b and n > b:
                continue
            residual = np.einsum("ij,i->j", X[B], X[B] @ w - y[B])
            scale = 1.0 if total else 1.0 / (b if divide_by_b else len(B))
            w = w - lr * factor * scale * residual
    return w


def mistakes(X, y, lr, n_epochs, b, seed):
    args = (X, y, lr, n_epochs, b, seed)
    return {
        "one permutation for all epochs: draw perm = rng.permutation(n) again every epoch": (
            run(*args, same_perm=True)
        ),
        "the short last batch is dropped: perm[k:k + b] at the end is shorter, but it "
        "still takes a step": run(*args, drop_short=True),
        "the batch gradient is summed, not averaged: (2/|B|) X_B.T (X_B w - y_B)": run(
            *args, total=True
        ),
        "the short last batch is divided by batch_size, not by its own size |B|": run(
            *args, divide_by_b=True
        ),
        "the data are not shuffled: each epoch walks through rng.permutation(n)": run(
            *args, shuffle=False
        ),
        "the factor 2 of the squared error's gradient is missing": run(*args, factor=1.0),
    }


def check(kata, X, y, lr, n_epochs, b, seed=0, named=True):
    """Run the kata with default_rng(seed); compare w and the generator's final state."""
    f = kata.sgd_linear_regression
    rng = np.random.default_rng(seed)
    called = describe_call(f, X, y, lr, n_epochs, b, "rng")
    w = call(f, X, y, lr, n_epochs, b, rng)
    assert_close(
        w,
        run(X, y, lr, n_epochs, b, seed),
        what="w",
        called=called,
        mistakes=mistakes(X, y, lr, n_epochs, b, seed) if named else None,
        **EXACT,
    )
    expected = np.random.default_rng(seed)
    for _ in range(n_epochs):
        expected.permutation(len(y))
    if rng.bit_generator.state != expected.bit_generator.state:
        fail(
            f"{called}: w is right, but the generator was not used exactly as the protocol "
            f"says ({PROTOCOL}): exactly one rng.permutation(n) per epoch, nothing else"
        )
    return np.asarray(w, dtype=float)


class FixedPermutations:
    """A stand-in generator whose permutation(n) (or shuffle) hands out chosen orders."""

    def __init__(self, perms):
        self.perms = [np.asarray(p) for p in perms]
        self.used = 0

    def _next(self, n):
        if self.used >= len(self.perms):
            fail(f"rng.permutation was called more than {len(self.perms)} times ({PROTOCOL})")
        perm = self.perms[self.used]
        self.used += 1
        if len(perm) != n:
            fail(f"rng.permutation was asked for {n} items, the protocol needs {len(perm)}")
        return perm.copy()

    def permutation(self, x):
        if np.ndim(x) == 0:
            return self._next(int(x))
        x = np.asarray(x)
        return x[self._next(len(x))]

    def shuffle(self, x):
        x[...] = np.asarray(x)[self._next(len(x))]

    def __getattr__(self, name):
        if name.startswith("_"):
            raise AttributeError(name)
        fail(f"this test's stand-in generator has only permutation(); follow {PROTOCOL}")


def data(rng, n, d, noise=0.1):
    X = rng.standard_normal((n, d))
    return X, X @ rng.standard_normal(d) + noise * rng.standard_normal(n)


def test_sgd_linear_regression_documented_example(kata):
    """Does one full batch on X = [[1], [2]], y = [2, 4], lr = 0.1 give w = [1]?"""
    w = check(kata, [[1.0], [2.0]], [2.0, 4.0], 0.1, 1, 2)
    assert_close(w, [1.0], what="w")


def test_sgd_linear_regression_hand_checked_with_a_short_batch(kata):
    """With perm = [2, 0, 1] and b = 2, is w = 0.172 after the batches {2, 0} and {1}?

    X = [1, 2, 3], y = [1, 2, 3], lr = 0.01. Batch {2, 0}: gradient (2/2)(3(0 - 3) +
    1(0 - 1)) = -10, w = 0.1. Short batch {1}: gradient (2/1) 2 (0.2 - 2) = -7.2,
    w = 0.1 + 0.072 = 0.172.
    """
    f = kata.sgd_linear_regression
    X, y = [[1.0], [2.0], [3.0]], [1.0, 2.0, 3.0]
    fake = FixedPermutations([[2, 0, 1]])
    w = call(f, X, y, 0.01, 1, 2, fake)
    assert_close(
        w,
        [0.172],
        what="w",
        called=describe_call(f, X, y, 0.01, 1, 2, fake),
        mistakes={
            "the short last batch is dropped": [0.1],
            "the batch gradient is summed, not averaged": [0.2 + 0.01 * 2 * 2 * (2 - 0.4)],
            "the short last batch is divided by batch_size, not by its own size": [0.136],
        },
    )


@pytest.mark.parametrize(
    "n, d, b, n_epochs, lr",
    [(10, 2, 3, 4, 0.05), (17, 3, 5, 3, 0.02), (12, 2, 4, 5, 0.03), (9, 4, 1, 2, 0.01)],
    ids=["10-by-3", "17-by-5", "12-by-4-exact", "batch-1"],
)
def test_sgd_linear_regression_follows_the_protocol(kata, rng, n, d, b, n_epochs, lr):
    """Do seeded runs give the protocol's w and leave the generator where it should be?"""
    X, y = data(rng, n, d)
    check(kata, X, y, lr, n_epochs, b, seed=int(rng.integers(2**31)))


def test_sgd_linear_regression_reshuffles_every_epoch(kata, rng):
    """Is a fresh permutation drawn each epoch (not one for all epochs)?"""
    X, y = data(rng, 8, 2)
    check(kata, X, y, 0.05, 6, 3, seed=7)


def test_sgd_linear_regression_batch_at_least_n_is_full_batch(kata, rng):
    """With batch_size >= n, is each epoch one full-batch gradient step?"""
    X, y = data(rng, 6, 2)
    w = check(kata, X, y, 0.05, 5, 6)
    full = np.zeros(2)
    for _ in range(5):
        full = full - 0.05 * 2 / 6 * X.T @ (X @ full - y)
    assert_close(w, full, what="w (full-batch gradient descent)")
    check(kata, X, y, 0.05, 5, 100)


def test_sgd_linear_regression_zero_epochs(kata, rng):
    """Does n_epochs = 0 return w = 0 and draw nothing?"""
    X, y = data(rng, 5, 3)
    w = check(kata, X, y, 0.1, 0, 2)
    assert_close(w, np.zeros(3), atol=0.0, what="w")


def test_sgd_linear_regression_converges_to_least_squares(kata, rng):
    """With a small step and many epochs on noise-free data, is w the exact fit?"""
    X = rng.standard_normal((20, 3))
    w_true = np.array([1.0, -2.0, 0.5])
    w = check(kata, X, X @ w_true, 0.02, 300, 4, seed=3, named=False)
    assert_close(w, w_true, rtol=1e-6, atol=1e-6, what="w after 300 epochs")


def test_sgd_linear_regression_integer_input(kata):
    """Are integer X and y converted to float (no integer arithmetic)?"""
    check(kata, [[1, 0], [0, 1], [1, 1]], [1, 2, 3], 0.1, 3, 2, seed=5)


@pytest.mark.parametrize(
    "X, y, lr, n_epochs, b, why",
    [
        ([1.0, 2.0], [1.0, 2.0], 0.1, 1, 1, "X is 1-D"),
        ([[1.0], [2.0]], [[1.0], [2.0]], 0.1, 1, 1, "y is 2-D"),
        ([[1.0], [2.0]], [1.0, 2.0, 3.0], 0.1, 1, 1, "y has 3 entries for 2 samples"),
        (np.zeros((0, 2)), np.zeros(0), 0.1, 1, 1, "X is empty"),
        ([[1.0], [2.0]], [1.0, 2.0], 0.0, 1, 1, "lr is 0"),
        ([[1.0], [2.0]], [1.0, 2.0], 0.1, -1, 1, "n_epochs is negative"),
        ([[1.0], [2.0]], [1.0, 2.0], 0.1, 1, 0, "batch_size is 0"),
        ([[1.0], [2.0]], [1.0, 2.0], 0.1, 1, 1.5, "batch_size is not an integer"),
    ],
    ids=["X-1d", "y-2d", "y-length", "empty", "lr-0", "epochs<0", "batch-0", "batch-float"],
)
def test_sgd_linear_regression_rejects_bad_input(kata, X, y, lr, n_epochs, b, why):
    """Does bad input raise ValueError with a message?"""
    rng = np.random.default_rng(0)
    expect_error(ValueError, kata.sgd_linear_regression, X, y, lr, n_epochs, b, rng, why=why)


def test_sgd_linear_regression_leaves_inputs_unchanged(kata, rng):
    """Are X and y left exactly as they were (no shuffling of the caller's data)?"""
    X, y = data(rng, 10, 2)
    check(kata, X, y, 0.05, 2, 3)
