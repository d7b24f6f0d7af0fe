"""Grader for supervised/pegasos: pegasos_svm(X, y, lam, n_iter, rng) -> w.

The protocol is graded exactly. The reference replays the same indices (the same seed,
or a stand-in rng handing out chosen indices) and uses the closed form of the iterates:
since the factors (1 - 1/t) telescope, the weights after T steps are

    w_T = 1/(lam T) * sum over the steps t <= T whose margin was violated of y_i x_i,

a different computation from the recursion the kata asks for.
"""

import numpy as np
import pytest

from mlkata.grading import assert_close, call, describe, describe_call, expect_error, fail

PROTOCOL = "the Pegasos protocol (one i = rng.integers(n) per step)"


class ChosenIndices:
    """A stand-in rng whose integers(n) hands out chosen indices (also choice(n))."""

    def __init__(self, indices, n):
        self.indices = [int(i) for i in indices]
        self.n = n
        self.used = 0

    def _next(self, size):
        count = 1 if size is None else int(np.prod(size))
        if self.used + count > len(self.indices):
            fail(
                f"rng was asked for {count} more indices after {self.used}, but {PROTOCOL} "
                f"draws only {len(self.indices)} here (one per step)"
            )
        out = self.indices[self.used : self.used + count]
        self.used += count
        return out[0] if size is None else np.array(out).reshape(size)

    def integers(self, low, high=None, size=None, **kwargs):
        __tracebackhide__ = True
        lo, hi = (0, low) if high is None else (low, high)
        if (lo, hi) != (0, self.n) or kwargs.get("endpoint"):
            fail(
                f"rng.integers was called with bounds [{lo}, {hi}); {PROTOCOL} draws a "
                f"sample index in [0, n) = [0, {self.n})"
            )
        return self._next(size)

    def choice(self, a, size=None, **kwargs):
        """choice(n) or choice(range of n items) draws integers(0, n) on a Generator."""
        __tracebackhide__ = True
        items = np.arange(a) if isinstance(a, (int, np.integer)) else np.asarray(a)
        if items.ndim != 1 or len(items) != self.n or kwargs:
            fail(f"rng.choice({describe(a)}, ...) is not {PROTOCOL}")
        return items[self._next(size)]

    def __getattr__(self, name):
        __tracebackhide__ = True
        if name.startswith("_"):
            raise AttributeError(name)
        fail(f"this test passes a stand-in rng; follow {PROTOCOL} instead of calling rng.{name}")


def closed_form(X, y, lam, indices, *, t0=1, strict=True, after=False):
    """The Pegasos weights through the telescoped sum (options: known mistakes)."""
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    total = np.zeros(X.shape[1])
    w = np.zeros(X.shape[1])
    for k, i in enumerate(indices):
        t = k + t0
        shrunk = (1 - 1 / t) * w if t > 1 else np.zeros_like(w)
        margin = y[i] * ((shrunk if after else w) @ X[i])
        if (margin < 1) if strict else (margin <= 1):
            total = total + y[i] * X[i]
        w = total / (lam * t)  # w_t = 1/(lam t) sum of the violated y_i x_i so far
    return w


def recursion(X, y, lam, indices, eta_of, project=False, average=False):
    """The recursion with another step size, a projection, or the iterates averaged."""
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    w = np.zeros(X.shape[1])
    mean = np.zeros_like(w)
    for k, i in enumerate(indices):
        t = k + 1
        eta = eta_of(t)
        violated = y[i] * (w @ X[i]) < 1
        w = (1 - eta * lam) * w + (eta * y[i] * X[i] if violated else 0.0)
        if project and np.linalg.norm(w) > 0:
            w = min(1.0, 1 / (np.sqrt(lam) * np.linalg.norm(w))) * w
        mean = mean + (w - mean) / t
    return mean if average else w


def mistakes_for(X, y, lam, indices):
    return {
        "the step counter starts at t = 0 (eta = 1/(lam (t + 1)))": closed_form(
            X, y, lam, indices, t0=2
        ),
        "the margin test is <= 1; Pegasos updates only when y w.x < 1": closed_form(
            X, y, lam, indices, strict=False
        ),
        "the margin is tested after the shrinking step; use w before the step": closed_form(
            X, y, lam, indices, after=True
        ),
        "eta = 1/t without lam": recursion(X, y, lam, indices, lambda s: 1.0 / s),
        "a projection onto the ball of radius 1/sqrt(lam) was added": recursion(
            X, y, lam, indices, lambda s: 1.0 / (lam * s), project=True
        ),
        "the average of the iterates is returned, not the last one": recursion(
            X, y, lam, indices, lambda s: 1.0 / (lam * s), average=True
        ),
    }


def check(kata, X, y, lam, n_iter, seed=None, indices=None, expected=None):
    """Call pegasos_svm with a seeded Generator (or chosen indices), compare with the sum."""
    f = kata.pegasos_svm
    n = np.asarray(y).shape[0]
    if indices is None:
        rng = np.random.default_rng(seed)
        replay = np.random.default_rng(seed)
        indices = [int(replay.integers(n)) for _ in range(n_iter)]
    else:
        rng = ChosenIndices(indices, n)
    called = describe_call(f, X, y, lam, n_iter, rng)
    w = call(f, X, y, lam, n_iter, rng)
    want = closed_form(X, y, lam, indices) if expected is None else expected
    got = np.asarray(w, dtype=float)
    want = np.asarray(want, dtype=float)
    close = got.shape == want.shape and np.all(np.abs(got - want) <= 1e-10 + 1e-9 * np.abs(want))
    mistakes = None if close else mistakes_for(X, y, lam, indices)  # only when needed
    assert_close(w, want, rtol=1e-9, atol=1e-10, what="w", called=called, mistakes=mistakes)
    if isinstance(rng, ChosenIndices) and rng.used != len(indices):
        fail(f"{called} drew {rng.used} indices for {n_iter} steps: {PROTOCOL}")
    return w


@pytest.mark.points(2)
def test_pegasos_svm_documented_example(kata):
    """Does the docstring's example give [0.5, -1] after 200 steps, and 0 after 0 steps?"""
    X = [[2.0, 0.0], [0.0, 1.0]]
    check(kata, X, [1, -1], 0.5, 200, seed=0, expected=[0.5, -1.0])
    check(kata, X, [1, -1], 0.5, 0, seed=0, expected=[0.0, 0.0])


@pytest.mark.points(2)
def test_pegasos_svm_four_steps_worked_by_hand(kata):
    """Do the indices 0, 1, 0, 1 give w = [1, -1] (lam = 1/2)?

    X = [[2, 0], [0, 1]], y = [1, -1]. t=1: eta 2, w = 2 * [2, 0] = [4, 0]. t=2: eta 1,
    margin 0 < 1: w = [2, 0] - [0, 1] = [2, -1]. t=3: eta 2/3, margin 4: only shrink,
    w = (2/3) [2, -1]. t=4: eta 1/2, margin 2/3 < 1: w = (3/4) w - (1/2)[0, 1] = [1, -1].
    """
    X = [[2.0, 0.0], [0.0, 1.0]]
    check(kata, X, [1, -1], 0.5, 4, indices=[0, 1, 0, 1], expected=[1.0, -1.0])


@pytest.mark.points(2)
def test_pegasos_svm_margin_exactly_one_does_not_update(kata):
    """With y w.x exactly 1 at step 2, is w only shrunk ([1, 0] -> [0.5, 0])?

    X = [[1, 0]], y = [1], lam = 1: t=1 gives w = [1, 0]; at t=2 the margin is exactly 1,
    not < 1, so w = (1 - 1/2) w = [0.5, 0] (an update would give [1, 0]).
    """
    check(kata, [[1.0, 0.0]], [1], 1.0, 2, indices=[0, 0], expected=[0.5, 0.0])


@pytest.mark.points(3)
def test_pegasos_svm_follows_the_protocol_on_seeded_runs(kata, rng):
    """Do seeded runs on random data replay the protocol's indices and updates exactly?"""
    for _ in range(6):
        n, d = int(rng.integers(2, 30)), int(rng.integers(1, 5))
        X = rng.normal(size=(n, d))
        y = np.where(X @ rng.normal(size=d) + 0.3 * rng.normal(size=n) > 0, 1, -1)
        lam = float(10.0 ** rng.uniform(-2, 0))
        check(kata, X, y, lam, int(rng.integers(1, 120)), seed=int(rng.integers(2**31)))


@pytest.mark.points(2)
def test_pegasos_svm_follows_the_protocol_on_chosen_indices(kata, rng):
    """With a stand-in rng handing out chosen indices, is each step the protocol's?"""
    X = rng.normal(size=(6, 3))
    y = np.array([1, -1, 1, -1, 1, 1])
    check(kata, X, y, 0.1, 8, indices=[5, 0, 0, 3, 2, 2, 1, 4])
    check(kata, X, y, 2.0, 5, indices=[1, 1, 1, 1, 1])


@pytest.mark.points(2)
def test_pegasos_svm_approaches_the_svm_optimum(kata, rng):
    """After many steps, is the SVM objective near its minimum (no better nearby point)?

    The objective F(w) = lam/2 |w|^2 + mean hinge is strongly convex; Pegasos' iterate
    after 5000 steps must have F within 2% of the smallest F on a fine grid.
    """
    X = rng.normal(size=(40, 2))
    y = np.where(X[:, 0] - X[:, 1] > 0, 1, -1)
    lam = 0.1

    def F(w):
        return lam / 2 * w @ w + np.mean(np.maximum(0.0, 1 - y * (X @ w)))

    w = check(kata, X, y, lam, 5000, seed=7)
    a, b = np.meshgrid(np.linspace(-4, 4, 161), np.linspace(-4, 4, 161))
    W = np.column_stack([a.ravel(), b.ravel()])  # a grid of candidate weights
    hinge = np.maximum(0.0, 1 - y[:, None] * (X @ W.T)).mean(axis=0)
    best = float(np.min(lam / 2 * np.sum(W**2, axis=1) + hinge))
    if F(w) > best + 0.02 * best:
        fail(f"after 5000 steps F(w) = {F(w):.6g}, but F reaches {best:.6g} on a grid")


def test_pegasos_svm_zero_steps_give_zero(kata, rng):
    """Does n_iter = 0 return the zero vector without drawing an index?"""
    X = rng.normal(size=(5, 3))
    check(kata, X, [1, -1, 1, 1, -1], 0.5, 0, indices=[], expected=np.zeros(3))


def test_pegasos_svm_returns_a_vector_of_features(kata, rng):
    """Is w a 1-D array of n_features floats (no intercept)?"""
    X = rng.normal(size=(8, 4))
    w = check(kata, X, np.where(rng.random(8) < 0.5, -1, 1), 0.3, 10, seed=1)
    if np.asarray(w).shape != (4,):
        fail(f"pegasos_svm returned shape {np.asarray(w).shape}; w should be (n_features,)")


def test_pegasos_svm_leaves_inputs_unchanged(kata, rng):
    """Are X and y left exactly as they were (call() compares them after the call)?"""
    X = rng.normal(size=(10, 3))
    check(kata, X, np.where(rng.random(10) < 0.5, -1, 1), 0.2, 30, seed=3)


@pytest.mark.points(2)
@pytest.mark.parametrize(
    "X, y, lam, n_iter, why",
    [
        ([1.0, 2.0], [1, -1], 0.1, 5, "X is 1-D"),
        ([[1.0], [2.0]], [1, -1, 1], 0.1, 5, "3 labels for 2 samples"),
        (np.zeros((0, 2)), [], 0.1, 5, "no samples"),
        ([[1.0], [2.0]], [0, 1], 0.1, 5, "labels are 0/1, not -1/+1"),
        ([[1.0], [2.0]], [1, -1], 0.0, 5, "lam = 0"),
        ([[1.0], [2.0]], [1, -1], -1.0, 5, "lam < 0"),
        ([[1.0], [2.0]], [1, -1], 0.1, -1, "n_iter < 0"),
        ([[1.0], [2.0]], [1, -1], 0.1, 2.5, "n_iter is not an integer"),
    ],
    ids=["X-1d", "lengths", "empty", "labels-01", "lam-0", "lam-neg", "n_iter-neg", "n_iter-float"],
)
def test_pegasos_svm_rejects_bad_input(kata, X, y, lam, n_iter, why):
    """Does bad input raise ValueError with a message?"""
    expect_error(ValueError, kata.pegasos_svm, X, y, lam, n_iter, np.random.default_rng(0), why=why)


@pytest.mark.timeout(5)
def test_pegasos_svm_many_steps(kata, rng):
    """Do 20000 steps on 500 samples of 20 features run quickly and follow the protocol?"""
    X = rng.normal(size=(500, 20))
    y = np.where(X @ rng.normal(size=20) > 0, 1, -1)
    check(kata, X, y, 0.01, 20000, seed=11)
