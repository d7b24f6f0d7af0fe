"""Known mistakes in supervised/pegasos (the grader must fail each) and other correct
implementations (it must pass each)."""

from mlkata.mutation import Mutant, Variant

DRAW = "        i = rng.integers(n)\n"
ETA = "        eta = 1.0 / (lam * t)\n"
MARGIN = "        violated = y[i] * (w @ X[i]) < 1  # the margin with w before the step\n"
SHRINK = "        w *= 1.0 - eta * lam\n"
UPDATE = "            w += eta * y[i] * X[i]\n"

MUTANTS = [
    Mutant(
        "t_from_zero",
        "eta = 1/(lam (t + 1)): the step counter starts at 0",
        replace=[(ETA, "        eta = 1.0 / (lam * (t + 1))\n")],
        message="the step counter starts at t = 0",
    ),
    Mutant(
        "t_zero_division",
        "t runs from 0: eta = 1/(lam * 0) at the first step",
        replace=[("    for t in range(1, n_iter + 1):\n", "    for t in range(n_iter):\n")],
    ),
    Mutant(
        "margin_after_shrink",
        "the margin is tested with the shrunk w",
        replace=[(MARGIN, ""), (SHRINK, SHRINK + MARGIN)],
        message="the margin is tested after the shrinking step",
    ),
    Mutant(
        "margin_at_most_one",
        "update when y w.x <= 1",
        replace=[(MARGIN, "        violated = y[i] * (w @ X[i]) <= 1\n")],
        message="the margin test is <= 1",
    ),
    Mutant(
        "misclassified_only",
        "update only when y w.x <= 0 (the perceptron's test, not the hinge's)",
        replace=[(MARGIN, "        violated = y[i] * (w @ X[i]) <= 0\n")],
    ),
    Mutant(
        "eta_without_lam",
        "eta = 1/t",
        replace=[(ETA, "        eta = 1.0 / t\n")],
        message="eta = 1/t without lam",
    ),
    Mutant(
        "projection_added",
        "the optional projection onto the ball of radius 1/sqrt(lam) after each step",
        replace=[
            (
                UPDATE,
                UPDATE
                + "        norm = np.linalg.norm(w)\n"
                + "        if norm > 0:\n"
                + "            w *= min(1.0, 1.0 / (np.sqrt(lam) * norm))\n",
            ),
        ],
        message="a projection onto the ball",
    ),
    Mutant(
        "averaged_iterates",
        "the average of the iterates is returned",
        replace=[
            (
                "    w = np.zeros(X.shape[1])\n",
                "    w = np.zeros(X.shape[1])\n    mean = w.copy()\n",
            ),
            (UPDATE, UPDATE + "        mean += (w - mean) / t\n"),
            ("    return w\n", "    return mean\n"),
        ],
        message="the average of the iterates",
    ),
    Mutant(
        "update_sign",
        "w -= eta y x: the update pushes the wrong way",
        replace=[(UPDATE, "            w -= eta * y[i] * X[i]\n")],
    ),
    Mutant(
        "epochs_of_permutations",
        "indices from rng.permutation(n), epoch after epoch",
        replace=[
            (
                DRAW,
                "        if (t - 1) % n == 0:\n"
                "            order = rng.permutation(n)\n"
                "        i = order[(t - 1) % n]\n",
            )
        ],
        message="instead of calling rng.permutation",
    ),
    Mutant(
        "indices_from_one",
        "rng.integers(1, n + 1) - 1",
        replace=[(DRAW, "        i = rng.integers(1, n + 1) - 1\n")],
        message="rng.integers was called with bounds",
    ),
    Mutant(
        "two_draws_per_step",
        "a second index drawn for the update",
        replace=[
            (UPDATE, "            j = rng.integers(n)\n            w += eta * y[j] * X[j]\n"),
        ],
    ),
    Mutant(
        "intercept_column",
        "a column of ones appended for an intercept",
        replace=[
            (
                "    n = y.size\n",
                "    n = y.size\n    X = np.column_stack([X, np.ones(n)])\n",
            )
        ],
        message="has shape",
    ),
    Mutant(
        "labels_not_checked",
        "0/1 labels are accepted",
        replace=[("    if not np.all((y == 1) | (y == -1)):\n", "    if False:\n")],
    ),
    Mutant(
        "lam_not_checked",
        "lam <= 0 is accepted",
        replace=[("    if not lam > 0:\n", "    if False:\n")],
    ),
    Mutant(
        "X_scaled_in_place",
        "the rows of the caller's X multiplied by their labels in place",
        replace=[
            ("    n = y.size\n", "    n = y.size\n    X *= y[:, None]\n"),
            (MARGIN, "        violated = w @ X[i] < 1\n"),
            (UPDATE, "            w += eta * X[i]\n"),
        ],
        message="modified its input `X`",
    ),
]

VARIANTS = [
    Variant(
        "indices_drawn_at_once",
        "all the indices drawn up front with rng.integers(n, size=n_iter) (the same stream)",
        replace=[
            (
                "    for t in range(1, n_iter + 1):\n",
                "    draws = rng.integers(n, size=n_iter)\n    for t in range(1, n_iter + 1):\n",
            ),
            (DRAW, "        i = draws[t - 1]\n"),
        ],
    ),
    Variant(
        "choice_and_explicit_update",
        "rng.choice(n) per step (the same stream) and w rebuilt as a new array each step",
        append="""
def pegasos_svm(X, y, lam, n_iter, rng):
    X = np.array(X, dtype=float)
    y = np.array(y, dtype=float)
    if X.ndim != 2 or y.ndim != 1 or len(y) != len(X) or len(y) == 0:
        raise ValueError("X must be (n, d) and y (n,), n > 0")
    if set(np.unique(y)) - {-1.0, 1.0} or lam <= 0:
        raise ValueError("labels must be +-1 and lam > 0")
    if int(n_iter) != n_iter or n_iter < 0:
        raise ValueError("n_iter must be a non-negative integer")
    w = np.zeros(X.shape[1])
    for t in range(1, n_iter + 1):
        i = rng.choice(len(y))
        step = 1.0 / (lam * t)
        hinge_active = y[i] * X[i].dot(w) < 1.0
        w = (1.0 - 1.0 / t) * w + (step * y[i] * X[i] if hinge_active else 0.0)
    return w
""",
    ),
    Variant(
        "choice_of_the_indices",
        "rng.choice(np.arange(n)) per step (draws integers(0, n): the same stream)",
        replace=[(DRAW, "        i = rng.choice(np.arange(n))\n")],
    ),
]
