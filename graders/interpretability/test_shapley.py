"""Grader for interpretability/shapley: exact_shapley_values(f, x, background) -> phi (d,).

The reference is an independent route to the same numbers: the Harsanyi dividends
m(T) = Σ_{S⊆T} (-1)^{|T|-|S|} v(S) (a Möbius transform of the game), each shared
equally by the members of T, φ_i = Σ_{T∋i} m(T)/|T|. The axioms (efficiency,
symmetry, dummy, linearity) are checked as properties. Models are wrapped so that
they count their calls and refuse anything but an (m, d) array.
"""

import math

import numpy as np
import pytest

from mlkata.grading import assert_close, call, describe_call, expect_error, fail


class Model:
    """A model that counts its calls and rows and refuses anything but an (m, d) array."""

    def __init__(self, g, d, name="f"):
        self.g, self.d, self.calls, self.rows = g, d, 0, 0
        self.__name__ = name

    def __call__(self, Z):
        Z = np.asarray(Z)
        if Z.ndim != 2 or Z.shape[1] != self.d:
            raise ValueError(
                f"the model was called with an array of shape {Z.shape}: a model maps an "
                f"(m, {self.d}) array to m predictions; to predict one point x, pass "
                "x[None, :] (shape (1, d))"
            )
        self.calls += 1
        self.rows += Z.shape[0]
        return np.asarray(self.g(np.array(Z, dtype=float)), dtype=float)


def game(g, x, bg):
    """v(S) for every coalition S (bit i of the index set: feature i from x)."""
    x, bg = np.asarray(x, dtype=float), np.asarray(bg, dtype=float)
    d = x.size
    v = np.empty(1 << d)
    for S in range(1 << d):
        Z = bg.copy()
        cols = [i for i in range(d) if S >> i & 1]
        Z[:, cols] = x[cols]
        v[S] = np.mean(g(Z))
    return v


def dividends_reference(v, d):
    """Shapley values from the Harsanyi dividends of the game v."""
    m = v.copy()
    for i in range(d):  # Möbius transform, one feature at a time
        for S in range(1 << d):
            if S >> i & 1:
                m[S] -= m[S ^ (1 << i)]
    phi = np.zeros(d)
    for T in range(1, 1 << d):
        members = [i for i in range(d) if T >> i & 1]
        phi[members] += m[T] / len(members)
    return phi


def weighted(v, d, weight):
    """Σ_{S∌i} weight(|S|)·(v(S ∪ i) - v(S)) for each i (for known wrong weightings)."""
    phi = np.zeros(d)
    for i in range(d):
        for S in range(1 << d):
            if not S >> i & 1:
                phi[i] += weight(bin(S).count("1")) * (v[S | 1 << i] - v[S])
    return phi


def check(kata, g, x, bg, expected=None, atol=1e-9):
    """Call exact_shapley_values with a counting model, compare, and return phi."""
    x, bg = np.asarray(x, dtype=float), np.asarray(bg, dtype=float)
    d = x.size
    model = Model(g, d)
    f = kata.exact_shapley_values
    called = describe_call(f, model, x, bg)
    phi = call(f, model, x, bg)
    mistakes = {}
    if d <= 8:
        v = game(g, x, bg)
        want = dividends_reference(v, d) if expected is None else expected
        mean_row = bg.mean(axis=0, keepdims=True)
        mistakes = {
            "v(S) is f at the mean background row, not the mean of f over the background "
            "rows (they differ for a nonlinear model)": dividends_reference(
                game(g, x, mean_row), d
            ),
            "equal weights 1/2^(d-1) for every coalition (that is the Banzhaf value): the "
            "Shapley weight of S is |S|!(d-|S|-1)!/d!": weighted(v, d, lambda s: 0.5 ** (d - 1)),
            "the weight is missing its 1/d!": weighted(
                v, d, lambda s: math.factorial(s) * math.factorial(d - s - 1)
            ),
            "the marginal contribution has the wrong sign: v(S ∪ {i}) - v(S)": -np.asarray(want),
        }
    else:
        want = expected
    assert_close(phi, want, rtol=1e-9, atol=atol, what="phi", called=called, mistakes=mistakes)
    if model.calls == 0:
        fail(f"{called} never called the model")
    return np.asarray(phi, dtype=float), model


def nonlinear(rng, d):
    a, c = rng.standard_normal(d), rng.standard_normal(d)
    return lambda Z: np.tanh(Z @ a) + 0.5 * (Z @ c) ** 2 + np.sin(Z[:, 0])


@pytest.mark.points(2)
def test_exact_shapley_values_documented_example(kata):
    """f = z0·z1 + z0, x = [1, 2], background [[0, 0]]: is phi = [2, 1]?

    v(∅) = 0, v({0}) = 1, v({1}) = 0, v({0, 1}) = 3; phi_0 = ½(1 - 0) + ½(3 - 0) = 2,
    phi_1 = ½(0 - 0) + ½(3 - 1) = 1.
    """
    check(kata, lambda Z: Z[:, 0] * Z[:, 1] + Z[:, 0], [1.0, 2.0], [[0.0, 0.0]], [2.0, 1.0])


@pytest.mark.points(2)
def test_exact_shapley_values_two_background_rows_by_hand(kata):
    """f = z0·z1, x = [1, 1], background [[0, 0], [2, 2]]: is phi = [-1/2, -1/2]?

    v(∅) = mean(0, 4) = 2, v({0}) = mean(1·0, 1·2) = 1 = v({1}), v({0, 1}) = 1, so
    phi_0 = ½(1 - 2) + ½(1 - 1) = -½. Evaluating f at the mean row [1, 1] instead
    would give 0.
    """
    check(kata, lambda Z: Z[:, 0] * Z[:, 1], [1.0, 1.0], [[0.0, 0.0], [2.0, 2.0]], [-0.5, -0.5])


@pytest.mark.points(2)
def test_exact_shapley_values_linear_model(kata, rng):
    """For f(z) = w·z + 3, is phi_i = w_i (x_i - mean of background column i)?"""
    w = rng.standard_normal(5)
    x, bg = rng.standard_normal(5), rng.standard_normal((7, 5))
    check(kata, lambda Z: Z @ w + 3.0, x, bg, w * (x - bg.mean(axis=0)))


@pytest.mark.points(3)
@pytest.mark.parametrize("d, B", [(1, 3), (2, 1), (3, 4), (5, 6), (7, 2)])
def test_exact_shapley_values_random_models(kata, rng, d, B):
    """Do nonlinear models match the Harsanyi-dividend route to the Shapley values?"""
    check(kata, nonlinear(rng, d), rng.standard_normal(d), rng.standard_normal((B, d)))


@pytest.mark.points(2)
def test_exact_shapley_values_efficiency(kata, rng):
    """Efficiency: is Σ phi_i = f(x) - mean f(background)?"""
    g = nonlinear(rng, 6)
    x, bg = rng.standard_normal(6), rng.standard_normal((5, 6))
    phi, _ = check(kata, g, x, bg)
    total = float(g(x[None, :])[0] - np.mean(g(bg)))
    assert_close(phi.sum(), total, rtol=1e-9, atol=1e-9, what="Σ phi (efficiency)")


def test_exact_shapley_values_symmetry(kata, rng):
    """Symmetry: features that play the same role (in f, x and the background) tie?"""
    a = rng.standard_normal(4)
    a[1] = a[0]

    def g(Z):
        return np.tanh(Z @ a) + Z[:, 0] * Z[:, 1] * Z[:, 2]

    x = rng.standard_normal(4)
    x[1] = x[0]
    bg = rng.standard_normal((3, 4))
    bg = np.vstack([bg, bg[:, [1, 0, 2, 3]]])  # swapping columns 0 and 1 keeps the rows
    phi, _ = check(kata, g, x, bg)
    assert_close(phi[1], phi[0], rtol=1e-9, atol=1e-9, what="phi_1 against phi_0")


def test_exact_shapley_values_dummy_feature(kata, rng):
    """Dummy: does a feature the model ignores get exactly 0?"""

    def g(Z):
        return np.exp(0.3 * Z[:, 0]) * Z[:, 1] + Z[:, 3] ** 2

    x, bg = rng.standard_normal(4), rng.standard_normal((4, 4))
    phi, _ = check(kata, g, x, bg)
    assert_close(phi[2], 0.0, atol=1e-12, what="phi_2 of an unused feature")


def test_exact_shapley_values_linearity(kata, rng):
    """Linearity: is phi(2f + 3g) = 2 phi(f) + 3 phi(g)?"""
    g1, g2 = nonlinear(rng, 4), nonlinear(rng, 4)
    x, bg = rng.standard_normal(4), rng.standard_normal((3, 4))
    p1, _ = check(kata, g1, x, bg)
    p2, _ = check(kata, g2, x, bg)
    p3, _ = check(kata, lambda Z: 2 * g1(Z) + 3 * g2(Z), x, bg)
    assert_close(p3, 2 * p1 + 3 * p2, rtol=1e-9, atol=1e-9, what="phi(2f + 3g)")


@pytest.mark.points(2)
@pytest.mark.timeout(10)
def test_exact_shapley_values_sixteen_features(kata, rng):
    """d = 16 (the largest allowed): an additive model plus z0·z1, in closed form?

    For f(z) = Σ_j sin(z_j) + z0·z1, the sines give phi_j = sin(x_j) - mean sin(b_j).
    The product is a game of features 0 and 1 alone, with v(∅) = mean(b0·b1),
    v({0}) = x0·mean(b1), v({1}) = mean(b0)·x1, v({0, 1}) = x0·x1: it adds
    ½(v({0}) - v(∅)) + ½(v({0, 1}) - v({1})) to phi_0, and symmetrically to phi_1.
    """
    x, bg = rng.standard_normal(16), rng.standard_normal((2, 16))
    want = np.sin(x) - np.sin(bg).mean(axis=0)
    m0, m1, m01 = bg[:, 0].mean(), bg[:, 1].mean(), (bg[:, 0] * bg[:, 1]).mean()
    v_none, v0, v1, v01 = m01, x[0] * m1, m0 * x[1], x[0] * x[1]
    want[0] += 0.5 * (v0 - v_none) + 0.5 * (v01 - v1)
    want[1] += 0.5 * (v1 - v_none) + 0.5 * (v01 - v0)
    check(kata, lambda Z: np.sin(Z).sum(axis=1) + Z[:, 0] * Z[:, 1], x, bg, want)


@pytest.mark.points(2)
def test_exact_shapley_values_refuses_more_than_16_features(kata, rng):
    """With d = 17, is ValueError raised before the model is ever called?"""
    model = Model(lambda Z: Z.sum(axis=1), 17)
    expect_error(
        ValueError,
        kata.exact_shapley_values,
        model,
        rng.standard_normal(17),
        rng.standard_normal((2, 17)),
        why="d = 17 > 16: 2^17 coalitions",
    )
    if model.calls:
        fail(f"exact_shapley_values called the model {model.calls} times before refusing d = 17")


def test_exact_shapley_values_calls_the_model_with_2d_arrays(kata, rng):
    """Is the model only ever given (m, d) arrays (f(x) of one point is f(x[None, :]))?"""
    phi, model = check(kata, nonlinear(rng, 3), rng.standard_normal(3), rng.standard_normal((4, 3)))
    if model.rows < 4:
        fail(f"the model saw only {model.rows} rows in {model.calls} calls")


def test_exact_shapley_values_leaves_inputs_unchanged(kata, rng):
    """Are x and background left exactly as they were (call() compares them after the call)?"""
    x, bg = rng.standard_normal(4), rng.standard_normal((3, 4))
    check(kata, nonlinear(rng, 4), x, bg)


@pytest.mark.points(2)
@pytest.mark.parametrize(
    "x, bg, why",
    [
        (np.ones((1, 3)), np.ones((2, 3)), "x is 2-D"),
        (np.ones(3), np.ones(3), "background is 1-D"),
        (np.ones(3), np.ones((2, 4)), "background has 4 columns, x has 3"),
        (np.ones(3), np.ones((0, 3)), "background has no rows"),
        (np.ones(0), np.ones((2, 0)), "there are no features"),
    ],
    ids=["x-2d", "bg-1d", "widths", "bg-empty", "d-zero"],
)
def test_exact_shapley_values_rejects_bad_input(kata, x, bg, why):
    """Do shapes that do not fit raise ValueError with a message?"""
    model = Model(lambda Z: Z.sum(axis=1), np.shape(x)[-1])
    expect_error(ValueError, kata.exact_shapley_values, model, x, bg, why=why)
