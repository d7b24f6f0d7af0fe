"""Grader for interpretability/partial_dependence:
partial_dependence(predict, X, feature, grid) -> (len(grid),).

The reference sets the column one grid value at a time and averages the model's
predictions. Models count their calls and refuse anything but an (m, d) array;
batching every grid value into one call is fine.
"""

import numpy as np
import pytest

from mlkata.grading import assert_close, call, describe_call, expect_error, fail


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


def reference(g, X, feature, grid):
    X = np.asarray(X, dtype=float)
    out = []
    for value in np.asarray(grid, dtype=float):
        Z = X.copy()
        Z[:, feature] = value
        out.append(np.mean(g(Z)))
    return np.array(out)


def check(kata, g, X, feature, grid, expected=None):
    X = np.asarray(X, dtype=float)
    model = Model(g, X.shape[1])
    f = kata.partial_dependence
    called = describe_call(f, model, X, feature, grid)
    pd = call(f, model, X, feature, grid)
    want = reference(g, X, feature, grid) if expected is None else np.asarray(expected)
    grid_ = np.asarray(grid, dtype=float)
    mean_row = X.mean(axis=0, keepdims=True)
    mistakes = {
        "the model is evaluated at the mean row of X: partial dependence is the mean of the "
        "predictions over the rows, not the prediction at the mean": reference(
            g, mean_row, feature, grid
        ),
        "the curve is centred (its mean subtracted): return the plain mean predictions": want
        - want.mean(),
        "the median over the rows instead of the mean": np.array(
            [np.median(g(np.where(np.arange(X.shape[1]) == feature, v, X))) for v in grid_]
        ),
        "the grid was sorted: report the values in the grid's own order": reference(
            g, X, feature, np.sort(grid_)
        ),
    }
    assert_close(
        pd,
        want,
        rtol=1e-9,
        atol=1e-12,
        what="the partial dependence",
        called=called,
        mistakes=mistakes,
    )
    return np.asarray(pd, dtype=float), model


def nonlinear(rng, d):
    a = rng.standard_normal(d)
    return lambda Z: np.tanh(Z @ a) + Z[:, 0] * Z[:, -1] + 0.3 * Z[:, 0] ** 2


@pytest.mark.points(2)
def test_partial_dependence_documented_example(kata):
    """f = z0·z1, X = [[1, 2], [3, 4]], feature 0, grid [0, 1, 2]: is PD = [0, 3, 6]?

    PD(g) = mean(g·2, g·4) = 3g.
    """
    check(
        kata,
        lambda Z: Z[:, 0] * Z[:, 1],
        [[1.0, 2.0], [3.0, 4.0]],
        0,
        [0.0, 1.0, 2.0],
        [0.0, 3.0, 6.0],
    )


@pytest.mark.points(2)
def test_partial_dependence_mean_of_predictions_by_hand(kata):
    """f = z0² + z1, X rows [1, 0], [2, 2], [3, 4], feature 1, grid [-1, 1]: [11/3, 17/3]?

    PD(g) = mean(1, 4, 9) + g = 14/3 + g; the prediction at the mean row would be
    2² + g = 4 + g instead.
    """
    X = [[1.0, 0.0], [2.0, 2.0], [3.0, 4.0]]
    check(kata, lambda Z: Z[:, 0] ** 2 + Z[:, 1], X, 1, [-1.0, 1.0], [11 / 3, 17 / 3])


@pytest.mark.points(3)
@pytest.mark.parametrize(
    "n, d, feature, G", [(20, 3, 0, 5), (7, 4, 3, 9), (1, 2, 1, 4), (30, 1, 0, 3)]
)
def test_partial_dependence_random_models(kata, rng, n, d, feature, G):
    """Do random nonlinear models match the mean prediction at each grid value?"""
    check(kata, nonlinear(rng, d), rng.standard_normal((n, d)), feature, rng.standard_normal(G))


def test_partial_dependence_additive_model(kata, rng):
    """For f = sin(z1) + h(other features), is PD(g) = sin(g) + mean h over the rows?"""
    X = rng.standard_normal((15, 3))
    grid = np.linspace(-2, 2, 7)
    want = np.sin(grid) + np.mean(X[:, 0] * X[:, 2])
    check(kata, lambda Z: np.sin(Z[:, 1]) + Z[:, 0] * Z[:, 2], X, 1, grid, want)


def test_partial_dependence_unused_feature_is_flat(kata, rng):
    """For a feature the model ignores, is the curve flat at the mean prediction?"""
    X = rng.standard_normal((12, 3))
    pd, _ = check(kata, lambda Z: np.exp(0.5 * Z[:, 0]) - Z[:, 2], X, 1, [-3.0, 0.0, 5.0])
    want = np.mean(np.exp(0.5 * X[:, 0]) - X[:, 2])
    assert_close(pd, np.full(3, want), rtol=1e-9, atol=1e-12, what="the flat curve")


def test_partial_dependence_keeps_the_grid_order(kata, rng):
    """Is an unsorted grid with a repeated value reported in its own order?"""
    X = rng.standard_normal((10, 2))
    pd, _ = check(kata, lambda Z: Z[:, 0] ** 3 + Z[:, 1], X, 0, [2.0, -1.0, 0.5, 2.0])
    assert_close(pd[3], pd[0], rtol=0.0, atol=1e-12, what="PD at the repeated value 2")


def test_partial_dependence_model_gets_2d_arrays(kata, rng):
    """Is the model only given (m, d) arrays covering every row at every grid value?"""
    X = rng.standard_normal((6, 3))
    _, model = check(kata, nonlinear(rng, 3), X, 2, [0.0, 1.0, 2.0, 3.0])
    if model.rows < 24:
        fail(f"the model saw {model.rows} rows; 4 grid values times 6 rows need 24")


def test_partial_dependence_accepts_lists_of_ints(kata):
    """Are integers converted: f = z0 + z1, X = [[1, 2], [3, 4]], feature 1, grid [0, 10]?"""
    check(kata, lambda Z: Z[:, 0] + Z[:, 1], [[1, 2], [3, 4]], 1, [0, 10], [2.0, 12.0])


def test_partial_dependence_leaves_inputs_unchanged(kata, rng):
    """Are X and grid left exactly as they were (the column is set in a copy)?"""
    X, grid = rng.standard_normal((8, 3)), rng.standard_normal(4)
    check(kata, nonlinear(rng, 3), X, 1, grid)


@pytest.mark.points(2)
@pytest.mark.parametrize(
    "X, feature, grid, why",
    [
        (np.ones((4, 3)), -1, [0.0, 1.0], "feature -1 is out of range (no negative indices)"),
        (np.ones((4, 3)), 3, [0.0, 1.0], "feature 3 is out of range for d = 3"),
        (np.ones((4, 3)), 1.5, [0.0, 1.0], "feature 1.5 is not an integer"),
        (np.ones((4, 3)), 1, [], "the grid is empty"),
        (np.ones((4, 3)), 1, [[0.0, 1.0]], "the grid is 2-D"),
        (np.ones(3), 0, [0.0], "X is 1-D"),
        (np.ones((0, 3)), 0, [0.0], "X has no rows"),
    ],
    ids=[
        "feature-negative",
        "feature-d",
        "feature-float",
        "grid-empty",
        "grid-2d",
        "X-1d",
        "X-empty",
    ],
)
def test_partial_dependence_rejects_bad_input(kata, X, feature, grid, why):
    """Do a feature outside [0, d), a bad grid and a bad X raise ValueError?"""
    model = Model(lambda Z: Z.sum(axis=1), np.shape(X)[-1])
    expect_error(ValueError, kata.partial_dependence, model, X, feature, grid, why=why)
