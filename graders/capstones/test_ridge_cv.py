"""Grader for capstones/ridge_cv: ridge_cv(X, y, lams, folds) -> (train_mse, cv_mse,
best_lam), against an augmented least-squares fit of every fold."""

import numpy as np
import pytest

from mlkata.grading import assert_close, call, describe_call, expect_error, fail, fields

NO_INTERCEPT = "fit an intercept: centre X and y with the fold's training means"
PENALISED_B = "the intercept is not penalised: only lambda ||w||^2"
POOLED = "the cross-validated error is the plain mean of the k fold errors, not pooled over n"
SSE = "each fold's error is a mean squared error, not a sum"
LEAK = "each fold fits on its training rows only, never on the held-out rows"
NAMES = ("train_mse", "cv_mse", "best_lam")


def fit(X, y, lam, penalise_b=False, intercept=True):
    """Ridge by least squares on the augmented system [1 X; 0 sqrt(lam) I] [b; w] = [y; 0]."""
    n, d = X.shape
    A = np.hstack([np.ones((n, 1)), X]) if intercept else X
    p = A.shape[1]
    pen = np.sqrt(lam) * np.eye(p)
    if intercept and not penalise_b:
        pen = pen[1:]
    coef = np.linalg.lstsq(np.vstack([A, pen]), np.concatenate([y, np.zeros(len(pen))]))[0]
    return (coef[1:], coef[0]) if intercept else (coef, 0.0)


def curves(X, y, lams, folds, **how):
    """(train, cv, pooled cv, cv by sums, leak cv, leak train) per lambda, by the augmented
    fit."""
    X, y = np.asarray(X, float), np.asarray(y, float)
    out = np.zeros((6, len(lams)))
    n_held = sum(len(te) for _, te in folds)
    for a, lam in enumerate(lams):
        w_all, b_all = fit(X, y, lam, **how)
        for tr, te in folds:
            tr, te = np.asarray(tr), np.asarray(te)
            w, b = fit(X[tr], y[tr], lam, **how)
            held = (y[te] - X[te] @ w - b) ** 2
            out[0, a] += np.mean((y[tr] - X[tr] @ w - b) ** 2) / len(folds)
            out[1, a] += np.mean(held) / len(folds)
            out[2, a] += np.sum(held) / n_held
            out[3, a] += np.sum(held) / len(folds)
            out[4, a] += np.mean((y[te] - X[te] @ w_all - b_all) ** 2) / len(folds)
            out[5, a] += np.mean((y[tr] - X[tr] @ w_all - b_all) ** 2) / len(folds)
    return out


def check(kata, X, y, lams, folds):
    f = kata.ridge_cv
    called = describe_call(f, X, y, lams, folds)
    train, cv, best = fields(call(f, X, y, lams, folds), NAMES, "ridge_cv")
    want = curves(X, y, lams, folds)
    plain = curves(X, y, lams, folds, intercept=False)
    pen_b = curves(X, y, lams, folds, penalise_b=True)
    assert_close(
        train,
        want[0],
        what="train_mse",
        called=called,
        mistakes={NO_INTERCEPT: plain[0], PENALISED_B: pen_b[0], LEAK: want[5]},
    )
    assert_close(
        cv,
        want[1],
        what="cv_mse",
        called=called,
        mistakes={
            NO_INTERCEPT: plain[1],
            PENALISED_B: pen_b[1],
            POOLED: want[2],
            SSE: want[3],
            LEAK: want[4],
        },
    )
    assert_close(best, lams[int(np.argmin(want[1]))], what="best_lam", called=called)
    return train, cv, best


def data(rng, n, d, noise=0.5):
    X = rng.standard_normal((n, d))
    y = X @ rng.standard_normal(d) + 3.0 + noise * rng.standard_normal(n)
    return X, y


def folds_of(rng, n, k):
    """k folds of unequal sizes from a random permutation."""
    perm = rng.permutation(n)
    return [(np.sort(np.setdiff1d(perm, part)), np.sort(part)) for part in np.array_split(perm, k)]


@pytest.mark.points(2)
def test_ridge_cv_documented_example(kata):
    """Two folds of two points: cv (2.8125 + 0.25) / 2 = 1.53125 at lambda 0.5 (w = 0.5,
    b = 0.25 on the first half; w = 1, b = 0.5 on the second)?"""
    folds = [([0, 1], [2, 3]), ([2, 3], [0, 1])]
    train, cv, best = check(
        kata, [[0.0], [1.0], [2.0], [3.0]], [0.0, 1.0, 2.0, 4.0], [0.5, 2.0], folds
    )
    assert_close(cv, [1.53125, 4.1], what="cv_mse")
    assert_close(train, [0.15625, 0.4], what="train_mse")
    assert_close(best, 0.5, what="best_lam")


@pytest.mark.points(3)
def test_ridge_cv_random_cases(kata, rng):
    """Seeded data, unequal folds, unsorted lambdas: does every curve match the augmented
    least-squares fit of every fold?"""
    for n, d, k in ((23, 3, 5), (40, 6, 4), (12, 2, 3), (30, 8, 10)):
        X, y = data(rng, n, d)
        lams = 10.0 ** rng.uniform(-3, 3, size=7)
        check(kata, X, y, lams, folds_of(rng, n, k))


def test_ridge_cv_chooses_the_held_out_minimum(kata, rng):
    """On noisy data with many correlated columns, is best_lam the cv minimum, not the
    train minimum (the smallest lambda)?"""
    z = rng.standard_normal((30, 1))
    X = z + 0.05 * rng.standard_normal((30, 10))
    y = z[:, 0] + 1.5 * rng.standard_normal(30)
    lams = np.logspace(-4, 4, 17)
    train, cv, best = check(kata, X, y, lams, folds_of(rng, 30, 5))
    if best == lams[0]:
        fail("best_lam is the smallest lambda: it must minimise the held-out cv_mse")
    if not np.all(np.diff(train) >= -1e-9):
        fail(f"train_mse must not decrease as lambda grows: {np.round(train, 4)}")


def test_ridge_cv_ties_go_to_the_largest_lambda(kata):
    """A constant y gives w = 0 and the same errors for every lambda: is the largest
    lambda chosen?"""
    X = [[0.0, 1.0], [1.0, 0.0], [2.0, 2.0], [3.0, 1.0], [4.0, 5.0], [5.0, 3.0]]
    y = [2.0] * 6
    lams = [1.0, 100.0, 0.01, 10.0]
    folds = [([0, 1, 2, 3], [4, 5]), ([2, 3, 4, 5], [0, 1]), ([0, 1, 4, 5], [2, 3])]
    f = kata.ridge_cv
    train, cv, best = fields(call(f, X, y, lams, folds), NAMES, "ridge_cv")
    assert_close(cv, np.zeros(4), atol=1e-20, what="cv_mse for a constant y")
    # Centring gives exactly 0 for every lambda; a fit without centring (an intercept
    # column) leaves rounding noise of ~1e-31 that really orders the lambdas. So the tie
    # rule is checked on the returned errors: the largest lambda among the least.
    cv = np.asarray(cv, dtype=float)
    least = [lam for lam, c in zip(lams, cv.tolist(), strict=True) if c == cv.min()]
    assert_close(
        best,
        max(least),
        what="best_lam among equal errors (the largest lambda)",
        mistakes={
            k: v
            for k, v in (
                ("ties go to the smallest lambda: the kata asks for the largest", min(least)),
                ("ties go to the first lambda listed: the kata asks for the largest", least[0]),
            )
            if v != max(least)
        },
    )


def test_ridge_cv_a_huge_penalty_predicts_the_training_mean(kata, rng):
    """lambda = 1e12: w is 0, so each fold predicts its training mean of y?"""
    X, y = data(rng, 20, 3)
    folds = folds_of(rng, 20, 4)
    _, cv, _ = fields(call(kata.ridge_cv, X, y, [1e12], folds), NAMES, "ridge_cv")
    want = np.mean([np.mean((y[te] - y[tr].mean()) ** 2) for tr, te in folds])
    plain = np.mean([np.mean(y[te] ** 2) for _, te in folds])
    assert_close(
        cv, [want], rtol=1e-6, what="cv_mse at lambda 1e12", mistakes={NO_INTERCEPT: [plain]}
    )


def test_ridge_cv_one_fold_and_one_lambda(kata, rng):
    """A single (train, test) split and a single lambda work, lams given as a list?"""
    X, y = data(rng, 15, 2)
    check(kata, X, y, [0.3], [(np.arange(10), np.arange(10, 15))])


def test_ridge_cv_leaves_inputs_unmodified(kata, rng):
    """Are X, y, lams and the folds unchanged after the call?"""
    X, y = data(rng, 18, 3)
    lams, folds = np.array([0.1, 1.0, 10.0]), folds_of(rng, 18, 3)
    train, _, _ = fields(call(kata.ridge_cv, X, y, lams, folds), NAMES, "ridge_cv")
    assert_close(train, curves(X, y, lams, folds)[0], what="train_mse")


@pytest.mark.points(2)
@pytest.mark.parametrize(
    "args, why",
    [
        (([1.0, 2.0, 3.0], [1.0, 2.0, 3.0], [1.0], "F"), "X 1-D"),
        (("X", [1.0, 2.0], [1.0], "F"), "y of another length"),
        (("X", "y", [0.0, 1.0], "F"), "lambda = 0"),
        (("X", "y", [-1.0], "F"), "lambda < 0"),
        (("X", "y", [np.inf], "F"), "lambda = inf"),
        (("X", "y", [], "F"), "no lambda"),
        (("X", "y", [1.0], []), "no fold"),
        (("X", "y", [1.0], [([0, 1, 2], np.array([], dtype=int))]), "an empty test fold"),
        (("X", "y", [1.0], [([0, 1, 2], [6])]), "an index out of range"),
        (("X", "y", [1.0], [([0, 1, 2], [-1])]), "a negative index"),
        (("X", "y", [1.0], [([0.0, 1.0], [3.0])]), "float indices"),
        (("Xnan", "y", [1.0], "F"), "nan in X"),
    ],
)
def test_ridge_cv_rejects_bad_input(kata, args, why):
    """Does bad input raise ValueError with a message?"""
    X = np.arange(12.0).reshape(6, 2) ** 1.5
    Xnan = X.copy()
    Xnan[2, 1] = np.nan
    values = {"X": X, "Xnan": Xnan, "y": np.arange(6.0), "F": [([0, 1, 2, 3], [4, 5])]}
    args = tuple(values[a] if isinstance(a, str) else a for a in args)
    expect_error(ValueError, kata.ridge_cv, *args, why=why)
