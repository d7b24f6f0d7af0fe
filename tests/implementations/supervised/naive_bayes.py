from mlkata.mutation import Mutant, Variant

EPS = "    epsilon = var_smoothing * X_train.var(axis=0).max()\n"
QUAD = "np.log(2 * np.pi * var).sum() + (((X_test - mean) ** 2) / var).sum(axis=1)"

MUTANTS = [
    Mutant(
        "unbiased_class_variances",
        "per-class variances with the divisor n_c - 1",
        replace=[
            (
                "        var = Xc.var(axis=0) + epsilon  # MLE: divisor n_c\n",
                "        var = Xc.var(axis=0, ddof=1 if len(Xc) > 1 else 0) + epsilon\n",
            )
        ],
        message="divisor n_c - 1",
    ),
    Mutant(
        "uniform_priors",
        "every class gets prior 1/K",
        replace=[("np.log(Xc.shape[0] / n)", "np.log(1 / classes.size)")],
        message="priors are uniform",
    ),
    Mutant(
        "not_normalised",
        "returns the joint log-likelihoods as log_proba",
        replace=[("    log_proba = joint - log_norm\n", "    log_proba = joint + 0 * log_norm\n")],
        message="not normalised",
    ),
    Mutant(
        "classes_in_order_of_appearance",
        "classes in the order they first appear in y_train",
        replace=[
            (
                "    classes = np.unique(y_train)  # sorted\n",
                "    classes = np.array(list(dict.fromkeys(y_train.tolist())))\n",
            )
        ],
        message="sorted class order",
    ),
    Mutant(
        "epsilon_is_var_smoothing",
        "adds var_smoothing itself to every variance",
        replace=[(EPS, "    epsilon = var_smoothing\n")],
        message="epsilon = var_smoothing",
    ),
    Mutant(
        "epsilon_per_feature",
        "var_smoothing times each feature's own variance",
        replace=[(EPS, "    epsilon = var_smoothing * X_train.var(axis=0)\n")],
        message="each feature's own variance",
    ),
    Mutant(
        "epsilon_unbiased",
        "the largest feature variance with the divisor n - 1",
        replace=[(EPS, "    epsilon = var_smoothing * X_train.var(axis=0, ddof=1).max()\n")],
        message="behind epsilon",
    ),
    Mutant(
        "no_smoothing",
        "var_smoothing ignored",
        replace=[(EPS, "    epsilon = 0.0 * var_smoothing\n")],
    ),
    Mutant(
        "std_in_the_exponent",
        "(x - mu)^2 / sigma instead of / sigma^2",
        replace=[
            (
                QUAD,
                "np.log(2 * np.pi * var).sum() + (((X_test - mean) ** 2) / np.sqrt(var)).sum(axis=1)",
            )
        ],
        message="standard deviation",
    ),
    Mutant(
        "no_density_normaliser",
        "the -1/2 log(2 pi sigma^2) term left out",
        replace=[(QUAD, "(((X_test - mean) ** 2) / var).sum(axis=1)")],
        message="normaliser",
    ),
    Mutant(
        "labels_are_indices",
        "returns argmax indices instead of class values",
        replace=[
            (
                "    labels = classes[np.argmax(joint, axis=1)]\n",
                "    labels = np.argmax(joint, axis=1)\n",
            )
        ],
        message="class indices",
    ),
    Mutant(
        "naive_normalisation",
        "log(sum(exp(joint))) without subtracting the maximum",
        replace=[
            (
                "    log_norm = top + np.log(np.exp(joint - top).sum(axis=1, keepdims=True))\n",
                "    log_norm = 0 * top + np.log(np.exp(joint).sum(axis=1, keepdims=True))\n",
            )
        ],
        message="hit a floating-point error",
    ),
    Mutant(
        "negative_smoothing_accepted",
        "no check that var_smoothing >= 0",
        replace=[(" and var_smoothing >= 0):", "):")],
        message="var_smoothing < 0",
    ),
    Mutant(
        "modifies_input",
        "overwrites the caller's X_test",
        replace=[
            (
                "    return NB(labels, log_proba)\n",
                "    X_test[...] = 0.0\n    return NB(labels, log_proba)\n",
            )
        ],
        message="modified its input",
    ),
]

VARIANTS = [
    Variant(
        "scipy_norm_logpdf",
        "per-class log densities from scipy.stats.norm.logpdf, normalised by scipy's logsumexp",
        append="""
def gaussian_naive_bayes(X_train, y_train, X_test, var_smoothing=1e-9):
    from scipy.special import logsumexp
    from scipy.stats import norm

    X_train = np.asarray(X_train, dtype=float)
    X_test = np.asarray(X_test, dtype=float)
    y_train = np.asarray(y_train)
    if X_train.ndim != 2 or X_test.ndim != 2 or y_train.ndim != 1 or X_train.size == 0:
        raise ValueError("bad shapes or empty training set")
    if len(y_train) != len(X_train) or X_test.shape[1] != X_train.shape[1]:
        raise ValueError("shapes do not match")
    if not var_smoothing >= 0:
        raise ValueError("var_smoothing must be >= 0")
    classes = np.unique(y_train)
    eps = var_smoothing * np.var(X_train, axis=0).max()
    jll = []
    for c in classes:
        Xc = X_train[y_train == c]
        scale = np.sqrt(np.var(Xc, axis=0) + eps)
        logpdf = norm.logpdf(X_test, loc=Xc.mean(axis=0), scale=scale).sum(axis=1)
        jll.append(np.log(len(Xc) / len(X_train)) + logpdf)
    jll = np.stack(jll, axis=1)
    return NB(classes[jll.argmax(axis=1)], jll - logsumexp(jll, axis=1, keepdims=True))
""",
    ),
    Variant(
        "sklearn_gaussian_nb",
        "scikit-learn's GaussianNB, whose var_smoothing convention the entry follows",
        append="""
def gaussian_naive_bayes(X_train, y_train, X_test, var_smoothing=1e-9):
    from sklearn.naive_bayes import GaussianNB

    X_train = np.asarray(X_train, dtype=float)
    X_test = np.asarray(X_test, dtype=float)
    y_train = np.asarray(y_train)
    if X_train.ndim != 2 or X_test.ndim != 2 or y_train.ndim != 1 or X_train.size == 0:
        raise ValueError("bad shapes or empty training set")
    if len(y_train) != len(X_train) or X_test.shape[1] != X_train.shape[1]:
        raise ValueError("shapes do not match")
    if not var_smoothing >= 0:
        raise ValueError("var_smoothing must be >= 0")
    model = GaussianNB(var_smoothing=var_smoothing).fit(X_train, y_train)
    return NB(model.predict(X_test), model.predict_log_proba(X_test))
""",
    ),
]
