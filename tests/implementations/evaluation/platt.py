"""Known mistakes in evaluation/platt (the grader must fail each) and other correct
implementations (it must pass each)."""

from mlkata.mutation import Mutant, Variant

TARGETS = "    t = t.astype(float)\n"
RETURN = "    return Platt(float(theta[0]), float(theta[1]))\n"

MUTANTS = [
    Mutant(
        "target_smoothing",
        "Platt's smoothed targets (N+ + 1) / (N+ + 2) and 1 / (N- + 2)",
        replace=[
            (
                TARGETS,
                "    n_pos = float(np.sum(t == 1))\n"
                "    n_neg = t.size - n_pos\n"
                "    t = np.where(t == 1, (n_pos + 1) / (n_pos + 2), 1 / (n_neg + 2))\n",
            )
        ],
        message="target smoothing",
    ),
    Mutant(
        "paper_signs",
        "returns Platt's (A, B) of 1 / (1 + exp(A s + B)), the negatives",
        replace=[(RETURN, "    return Platt(-float(theta[0]), -float(theta[1]))\n")],
        message="opposite sign",
    ),
    Mutant(
        "two_iterations",
        "stops after two Newton steps",
        replace=[("    for _ in range(int(max_iter)):\n", "    for _ in range(2):\n")],
        message="not at the maximum of the likelihood",
    ),
    Mutant(
        "gradient_steps",
        "plain gradient descent (step 0.01) instead of Newton: not converged",
        replace=[
            (
                "        step = np.linalg.solve(hess, grad)\n",
                "        step = 0.01 * grad / len(t)\n",
            )
        ],
        message="not at the maximum of the likelihood",
    ),
    Mutant(
        "no_intercept",
        "fits sigma(a s) only, b = 0",
        replace=[
            (
                "    X = np.column_stack([s, np.ones_like(s)])\n",
                "    X = np.column_stack([s, np.zeros_like(s)])\n",
            ),
            (
                "        step = np.linalg.solve(hess, grad)\n",
                "        step = np.array([grad[0] / hess[0, 0], 0.0])\n",
            ),
        ],
    ),
    Mutant(
        "identity_hessian_weights",
        "Hessian without the p (1 - p) weights",
        replace=[
            ("        hess = (X * (p * (1 - p))[:, None]).T @ X\n", "        hess = X.T @ X\n")
        ],
        message="not at the maximum of the likelihood",
    ),
    Mutant(
        "one_class_accepted",
        "one class only is not refused (and a pseudo-inverse step never fails)",
        replace=[
            ("    if t.min() == t.max():\n", "    if False:\n"),
            (
                "        step = np.linalg.solve(hess, grad)\n",
                "        step = np.linalg.pinv(hess) @ grad\n",
            ),
        ],
    ),
    Mutant(
        "max_iter_unchecked",
        "max_iter = 0 returns (0, 0)",
        replace=[
            (
                "    if isinstance(max_iter, bool) or int(max_iter) != max_iter or max_iter < 1:\n",
                "    if max_iter < 0:\n",
            )
        ],
    ),
]

VARIANTS = [
    Variant(
        "sklearn_unpenalised",
        "scikit-learn's LogisticRegression without penalty (C = inf), Newton-Cholesky",
        append="""
def platt_scaling(scores, y, max_iter=100):
    from sklearn.linear_model import LogisticRegression

    s, t = np.asarray(scores, dtype=float), np.asarray(y)
    if s.ndim != 1 or s.size == 0 or s.shape != t.shape or not np.all(np.isfinite(s)):
        raise ValueError("scores must be 1-D, finite, non-empty, of y's length")
    if not np.all(np.isin(t, [0, 1])) or np.unique(t).size < 2:
        raise ValueError("labels must be 0/1 with both classes")
    if int(max_iter) != max_iter or max_iter < 1:
        raise ValueError("max_iter must be a positive integer")
    model = LogisticRegression(C=np.inf, solver="newton-cholesky", tol=1e-14, max_iter=500)
    model.fit(s[:, None], t)
    return Platt(float(model.coef_[0, 0]), float(model.intercept_[0]))
""",
    ),
    Variant(
        "irls_closed_form",
        "iteratively reweighted least squares with the 2 x 2 inverse written out, no line search",
        append="""
def platt_scaling(scores, y, max_iter=100):
    s, t = np.asarray(scores, dtype=float), np.asarray(y, dtype=float)
    if s.ndim != 1 or s.size == 0 or s.shape != t.shape or not np.all(np.isfinite(s)):
        raise ValueError("scores must be 1-D, finite, non-empty, of y's length")
    if not np.all(np.isin(t, [0, 1])) or t.min() == t.max():
        raise ValueError("labels must be 0/1 with both classes")
    if int(max_iter) != max_iter or max_iter < 1:
        raise ValueError("max_iter must be a positive integer")
    a = b = 0.0
    for _ in range(int(max_iter)):
        p = 1 / (1 + np.exp(-(a * s + b)))
        w = p * (1 - p)
        g1, g2 = np.sum((p - t) * s), np.sum(p - t)
        h11, h12, h22 = np.sum(w * s * s), np.sum(w * s), np.sum(w)
        det = h11 * h22 - h12 * h12
        da, db = (h22 * g1 - h12 * g2) / det, (h11 * g2 - h12 * g1) / det
        a, b = a - da, b - db
        if abs(da) + abs(db) < 1e-13 * (1 + abs(a) + abs(b)):
            break
    return Platt(float(a), float(b))
""",
    ),
]
