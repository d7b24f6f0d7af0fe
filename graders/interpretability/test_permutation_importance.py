"""Grader for interpretability/permutation_importance:
permutation_importance(predict, X, y, metric, n_repeats, rng) -> Importance(mean, std).

The protocol fixes every permutation (for j in features, for r in repeats:
perm = rng.permutation(n)), so the grader replays it on a generator with the same seed
and compares results, and the generator's state after the call. A stand-in generator
that hands out chosen permutations checks the order by hand. Models count their calls
and refuse anything but an (m, d) array; batching rows into fewer calls is fine.
"""

import numpy as np
import pytest

from mlkata.grading import assert_close, call, describe_call, expect_error, fail, fields

NAMES = ("mean", "std")
PROTOCOL = "for j in range(d): for r in range(n_repeats): perm = rng.permutation(n)"


class Model:
    """A model that counts its calls and rows and refuses anything but an (m, d) array."""

    def __init__(self, g, d, name="predict"):
        self.g, self.d, self.calls, self.rows = g, d, 0, 0
        self.__name__ = name

    def __call__(self, Z):
        Z = np.asarray(Z)
        if Z.ndim != 2 or Z.shape[1] != self.d:
            raise ValueError(
                f"the model was called with an array of shape {Z.shape}: a model maps an "
                f"(m, {self.d}) array to m predictions"
            )
        self.calls += 1
        self.rows += Z.shape[0]
        return np.asarray(self.g(np.array(Z, dtype=float)), dtype=float)


class ChosenPermutations:
    """A stand-in generator whose permutation(n) hands out given permutations in order."""

    def __init__(self, perms):
        self.perms, self.used = [np.asarray(p) for p in perms], 0

    def permutation(self, n):
        if self.used == len(self.perms):
            fail(f"rng.permutation was called more than the {len(self.perms)} times of {PROTOCOL}")
        perm = self.perms[self.used]
        if isinstance(n, (int, np.integer)) and n != len(perm):
            fail(f"rng.permutation({n}) was called; the protocol asks for rng.permutation(n)")
        self.used += 1
        return perm.copy() if isinstance(n, (int, np.integer)) else np.asarray(n)[perm]

    def shuffle(self, a):
        """The same draw as permutation(len(a)): a[:] = a[perm], in place."""
        a[...] = np.asarray(a)[self.permutation(len(a))]

    def __getattr__(self, name):
        if name.startswith("_"):
            raise AttributeError(name)
        fail(f"this test's stand-in rng only has permutation(); follow {PROTOCOL}, not rng.{name}")


def r2(y, p):
    """R² (asymmetric in its arguments, higher is better)."""
    y, p = np.asarray(y, dtype=float), np.asarray(p, dtype=float)
    return 1.0 - np.sum((y - p) ** 2) / np.sum((y - y.mean()) ** 2)


def neg_mse(y, p):
    return -float(np.mean((np.asarray(y, dtype=float) - np.asarray(p, dtype=float)) ** 2))


def replay(g, X, y, metric, n_repeats, rng, *, order="features first", per_repeat=False):
    """The drops Δ[j, r] under the protocol (or under a known wrong order of draws)."""
    X = np.asarray(X, dtype=float)
    n, d = X.shape
    base = metric(y, g(X))
    drops = np.empty((d, n_repeats))
    if per_repeat:  # one permutation per repeat, shared by all features
        perms = [rng.permutation(n) for _ in range(n_repeats)]
    pairs = [(j, r) for j in range(d) for r in range(n_repeats)]
    if order == "repeats first":
        pairs = [(j, r) for r in range(n_repeats) for j in range(d)]
    for j, r in pairs:
        perm = perms[r] if per_repeat else rng.permutation(n)
        Z = X.copy()
        Z[:, j] = X[perm, j]
        drops[j, r] = base - metric(y, g(Z))
    return drops


def check(kata, g, X, y, metric, n_repeats, seed):
    """Run the kata with a counting model on default_rng(seed); compare with the replay."""
    X = np.asarray(X, dtype=float)
    model = Model(g, X.shape[1])
    rng = np.random.default_rng(seed)
    f = kata.permutation_importance
    called = describe_call(f, model, X, y, metric, n_repeats, rng)
    mean, std = fields(call(f, model, X, y, metric, n_repeats, rng), NAMES, f.__name__)
    drops = replay(g, X, y, metric, n_repeats, np.random.default_rng(seed))
    score = lambda Z: metric(y, g(Z))  # noqa: E731
    wrong_order = replay(
        g, X, y, metric, n_repeats, np.random.default_rng(seed), order="repeats first"
    )
    shared = replay(g, X, y, metric, n_repeats, np.random.default_rng(seed), per_repeat=True)
    base = score(X)
    mean_mistakes = {
        "the sign is flipped: the importance is the baseline minus the permuted score": -drops.mean(
            axis=1
        ),
        "the draws are in the wrong order: the protocol loops over features outside and "
        "repeats inside": wrong_order.mean(axis=1),
        "one permutation per repeat shared by all features: draw a new one for every "
        "feature and repeat": shared.mean(axis=1),
        "a ratio of scores instead of their difference": ((base - drops) / base).mean(axis=1)
        if base != 0
        else np.nan,
    }
    assert_close(
        mean,
        drops.mean(axis=1),
        rtol=1e-9,
        atol=1e-12,
        what="mean",
        called=called,
        mistakes=mean_mistakes,
    )
    std_mistakes = {}
    if n_repeats > 1:
        std_mistakes["the std has divisor n_repeats - 1: this kata divides by n_repeats"] = (
            drops.std(axis=1, ddof=1)
        )
    assert_close(
        std,
        drops.std(axis=1),
        rtol=1e-9,
        atol=1e-12,
        what="std",
        called=called,
        mistakes=std_mistakes,
    )
    after, want = rng.bit_generator.state, np.random.default_rng(seed)
    replay(g, X, y, metric, n_repeats, want)
    if after != want.bit_generator.state:
        fail(
            f"{called}: the results match, but the generator was used differently from the "
            f"protocol ({PROTOCOL}, and nothing else drawn)"
        )
    return np.asarray(mean, dtype=float), np.asarray(std, dtype=float), model


def nonlinear(rng, d):
    a = rng.standard_normal(d)
    return lambda Z: np.tanh(Z @ a) + 0.5 * Z[:, 0] ** 2


@pytest.mark.points(2)
def test_permutation_importance_documented_example(kata):
    """Does the docstring's example (an unused and a constant feature) give zeros?"""
    X = [[0.0, 5.0], [1.0, 5.0], [2.0, 5.0], [3.0, 5.0]]
    mean, std, _ = check(kata, lambda Z: Z[:, 1] - 5.0, X, np.zeros(4), neg_mse, 3, 0)
    assert_close(mean, [0.0, 0.0], atol=0.0, what="mean")
    assert_close(std, [0.0, 0.0], atol=0.0, what="std")


@pytest.mark.points(3)
def test_permutation_importance_chosen_permutations_by_hand(kata):
    """With chosen permutations, in protocol order, is mean = [4/3, 0], std = [2/3, 0]?

    X = [[1, 0], [2, 0], [3, 0]], y = [1, 2, 3], predict = column 0, metric = -MSE:
    the baseline is 0. Feature 0 with perm [2, 0, 1] predicts [3, 1, 2], MSE 2, then
    with [1, 0, 2] predicts [2, 1, 3], MSE 2/3: drops 2 and 2/3, mean 4/3, std 2/3
    (divisor 2). Feature 1 is ignored: drops 0 and 0.
    """
    X = np.array([[1.0, 0.0], [2.0, 0.0], [3.0, 0.0]])
    y = np.array([1.0, 2.0, 3.0])
    perms = [[2, 0, 1], [1, 0, 2], [0, 2, 1], [2, 1, 0]]
    rng = ChosenPermutations(perms)
    model = Model(lambda Z: Z[:, 0], 2)
    f = kata.permutation_importance
    called = describe_call(f, model, X, y, neg_mse, 2, rng)
    mean, std = fields(call(f, model, X, y, neg_mse, 2, rng), NAMES, f.__name__)
    assert_close(
        mean,
        [4 / 3, 0.0],
        what="mean",
        called=called,
        mistakes={
            "the draws are in the wrong order: the protocol loops over features outside and "
            "repeats inside": [1.0, 0.0],
            "the sign is flipped: the importance is the baseline minus the permuted score": [
                -4 / 3,
                0.0,
            ],
        },
    )
    assert_close(
        std,
        [2 / 3, 0.0],
        what="std",
        called=called,
        mistakes={
            "the std has divisor n_repeats - 1: this kata divides by n_repeats": [
                np.sqrt(8 / 9),
                0.0,
            ]
        },
    )
    if rng.used != 4:
        fail(f"{called} drew {rng.used} permutations; {PROTOCOL} draws d·n_repeats = 4")


@pytest.mark.points(3)
@pytest.mark.parametrize("n, d, R", [(30, 4, 5), (12, 1, 3), (50, 3, 1), (8, 6, 4)])
def test_permutation_importance_replays_the_protocol(kata, rng, n, d, R):
    """Do random models match a replay of the protocol on the same seed (R² metric)?"""
    X = rng.standard_normal((n, d))
    g = nonlinear(rng, d)
    y = g(X) + 0.3 * rng.standard_normal(n)
    check(kata, g, X, y, r2, R, int(rng.integers(2**32)))


@pytest.mark.points(2)
def test_permutation_importance_integer_labels_and_accuracy(kata, rng):
    """With int labels and accuracy, does the feature that decides the class matter most?"""
    X = rng.standard_normal((40, 3))
    y = (X[:, 1] > 0).astype(int)

    def accuracy(t, p):
        return float(np.mean(np.asarray(t) == p))

    mean, _, _ = check(kata, lambda Z: (Z[:, 1] > 0).astype(float), X, y, accuracy, 4, 7)
    assert_close(mean[[0, 2]], [0.0, 0.0], atol=0.0, what="importance of the unused features")
    if not mean[1] > 0.2:
        fail(f"the deciding feature 1 has importance {mean[1]!r}, expected a clear drop")


def test_permutation_importance_unused_feature_is_exactly_zero(kata, rng):
    """Does a feature the model ignores get mean 0 and std 0 exactly?"""
    X = rng.standard_normal((25, 3))
    mean, std, _ = check(kata, lambda Z: Z[:, 0] * Z[:, 2], X, X[:, 0], neg_mse, 3, 11)
    assert_close([mean[1], std[1]], [0.0, 0.0], atol=0.0, what="mean and std of feature 1")


def test_permutation_importance_model_gets_2d_arrays(kata, rng):
    """Is the model only given (m, d) arrays, and at least the baseline and d·R data sets?"""
    X = rng.standard_normal((10, 3))
    g = nonlinear(rng, 3)
    _, _, model = check(kata, g, X, g(X), neg_mse, 2, 5)
    if model.rows < 10 * (1 + 3 * 2):
        fail(f"the model saw {model.rows} rows; the baseline and 3·2 permuted copies of X need 70")


def test_permutation_importance_leaves_inputs_unchanged(kata, rng):
    """Are X and y left exactly as they were (a permuted column goes into a copy)?"""
    X = rng.standard_normal((15, 3))
    y = X[:, 0] - X[:, 2]
    check(kata, lambda Z: Z[:, 0] - Z[:, 2], X, y, r2, 3, 3)


@pytest.mark.points(2)
@pytest.mark.parametrize(
    "X, y, R, why",
    [
        (np.ones(5), np.ones(5), 2, "X is 1-D"),
        (np.ones((5, 2)), np.ones(4), 2, "y has 4 entries for 5 rows"),
        (np.ones((5, 2)), np.ones((5, 1)), 2, "y is 2-D"),
        (np.ones((5, 2)), np.ones(5), 0, "n_repeats = 0"),
        (np.ones((5, 2)), np.ones(5), 2.5, "n_repeats is not an integer"),
        (np.ones((0, 2)), np.ones(0), 2, "X has no rows"),
    ],
    ids=["X-1d", "y-length", "y-2d", "repeats-0", "repeats-float", "empty"],
)
def test_permutation_importance_rejects_bad_input(kata, X, y, R, why):
    """Do bad shapes and a bad n_repeats raise ValueError with a message?"""
    model = Model(lambda Z: Z.sum(axis=1), np.shape(X)[-1])
    expect_error(
        ValueError,
        kata.permutation_importance,
        model,
        X,
        y,
        neg_mse,
        R,
        np.random.default_rng(0),
        why=why,
    )
