"""Known mistakes in probabilistic_models/importance_sampling (the grader must fail each)
and other correct implementations (it must pass each)."""

from mlkata.mutation import Mutant, Variant

SHIFT = "    scaled = np.exp(ell - top)  # the largest is exactly 1\n"
ELL = "    ell = log_p - log_q\n"
WEIGHTS = "    weights = scaled / total\n"
ESTIMATE = "    estimate = weights @ f\n"
ESS = "    ess = 1.0 / float(np.sum(weights**2))\n"
LMW = "    log_mean_weight = float(top + np.log(total) - np.log(n))\n"

MUTANTS = [
    Mutant(
        "no_max_shift",
        "exponentiates the raw log weights (overflow at 1e4, 0/0 at -1e4)",
        replace=[
            (SHIFT, "    scaled = np.exp(ell)\n    top = 0.0\n"),
        ],
        message="subtracting their maximum",
    ),
    Mutant(
        "inverse_weights",
        "weights q/p: log_q - log_p",
        replace=[(ELL, "    ell = log_q - log_p\n")],
        message="weights q/p",
    ),
    Mutant(
        "unnormalised_estimate",
        "the estimate (1/n) sum w_i f_i with the raw weights",
        replace=[(ESTIMATE, "    estimate = (scaled * np.exp(top)) @ f / n\n")],
        message="unnormalised estimate",
    ),
    Mutant(
        "ess_raw_weights",
        "the ESS as 1/sum w_i^2 of the raw weights",
        replace=[(ESS, "    ess = 1.0 / float(np.sum((scaled * np.exp(top)) ** 2))\n")],
        message="ESS from the raw weights",
    ),
    Mutant(
        "log_mean_weight_without_log_n",
        "log_mean_weight as logsumexp(l), without - log n",
        replace=[(LMW, "    log_mean_weight = float(top + np.log(total))\n")],
        message="without - log n",
    ),
    Mutant(
        "log_mean_weight_shift_dropped",
        "review: log_mean_weight = log(sum exp(l - max l)) - log n, the max not added back",
        replace=[(LMW, "    log_mean_weight = float(np.log(total) - np.log(n))\n")],
        message="the shift not added back",
    ),
    Mutant(
        "estimate_also_divided_by_n",
        "review: the self-normalised estimate divided by n once more",
        replace=[(ESTIMATE, "    estimate = weights @ f / n\n")],
    ),
    Mutant(
        "log_mean_weight_as_mean_log",
        "log_mean_weight as the mean of the log weights (Jensen: a lower bound)",
        replace=[(LMW, "    log_mean_weight = float(np.mean(ell))\n")],
    ),
    Mutant(
        "ess_as_n",
        "the ESS as the number of draws",
        replace=[(ESS, "    ess = float(n)\n")],
    ),
    Mutant(
        "ess_sum_squared_over_sum_of_squares_unsquared",
        "the ESS as 1 / sum of the normalised weights (always 1)",
        replace=[(ESS, "    ess = 1.0 / float(np.sum(weights))\n")],
    ),
    Mutant(
        "shift_by_mean",
        "shifts the log weights by their mean, not their maximum (overflow for a wide spread)",
        replace=[
            (SHIFT, "    top = ell[np.isfinite(ell)].mean()\n    scaled = np.exp(ell - top)\n")
        ],
    ),
    Mutant(
        "log_p_only",
        "weights from log_p alone (the proposal ignored)",
        replace=[(ELL, "    ell = log_p + 0.0 * log_q\n")],
    ),
    Mutant(
        "estimate_array_for_1d",
        "returns the estimate as a 1-element array for 1-D f_values",
        replace=[
            ("        estimate = float(estimate)\n", "        estimate = np.atleast_1d(estimate)\n")
        ],
        message="return a float",
    ),
    Mutant(
        "minus_inf_rejected",
        "refuses -inf in log_p (a weight of 0 is allowed)",
        replace=[
            (
                "    if np.any(np.isnan(log_p)) or np.any(log_p == np.inf):\n",
                "    if not np.all(np.isfinite(log_p)):\n",
            )
        ],
    ),
    Mutant(
        "no_validation_of_log_q",
        "log_q is not checked for non-finite values",
        replace=[("    if not np.all(np.isfinite(log_q)):\n", "    if False:\n")],
    ),
    Mutant(
        "no_length_check_for_f",
        "f_values of the wrong length are not refused (broadcast or truncated)",
        replace=[
            (
                "    if f.ndim not in (1, 2) or f.shape[0] != n:\n",
                "    if f.ndim not in (1, 2):\n",
            ),
            (
                ESTIMATE,
                "    estimate = weights @ f[:n] if f.shape[0] >= n else weights[0] * f[0]\n",
            ),
        ],
    ),
    Mutant(
        "modifies_log_p",
        "subtracts log_q from log_p in place",
        replace=[
            (
                "    log_p = np.array(log_p, dtype=float)\n",
                "    log_p = np.asarray(log_p, dtype=float)\n",
            ),
            (ELL, "    log_p -= log_q\n    ell = log_p\n"),
        ],
        message="modified its input",
    ),
]

VARIANTS = [
    Variant(
        "scipy_logsumexp_softmax",
        "normalised weights by scipy.special.softmax, the log mean weight by logsumexp",
        replace=[
            (
                "    ell = log_p - log_q\n",
                "    from scipy.special import logsumexp, softmax\n\n    ell = log_p - log_q\n",
            ),
            (WEIGHTS, "    weights = softmax(ell)\n"),
            (LMW, "    log_mean_weight = float(logsumexp(ell) - np.log(n))\n"),
        ],
    ),
    Variant(
        "logaddexp_loop",
        "log normaliser by np.logaddexp.reduce, weights exp(l - log Z), ESS via exp(-logsumexp(2 l'))",
        append="""
def importance_sampling(log_p, log_q, f_values):
    log_p = np.array(log_p, dtype=float)
    log_q = np.array(log_q, dtype=float)
    f = np.array(f_values, dtype=float)
    if log_p.ndim != 1 or len(log_p) < 1 or log_q.shape != log_p.shape:
        raise ValueError("log_p and log_q must be 1-D of one length n >= 1")
    if np.isnan(log_p).any() or (log_p == np.inf).any() or (log_p == -np.inf).all():
        raise ValueError("bad log_p")
    if not np.isfinite(log_q).all():
        raise ValueError("bad log_q")
    if f.ndim not in (1, 2) or len(f) != len(log_p):
        raise ValueError("bad f_values")
    ell = log_p - log_q
    log_z = np.logaddexp.reduce(ell)
    log_w = ell - log_z
    w = np.exp(log_w)
    est = np.einsum("i,i...->...", w, f)
    ess = float(np.exp(-np.logaddexp.reduce(2 * log_w)))
    lmw = float(log_z - np.log(len(ell)))
    return IS(float(est) if f.ndim == 1 else est, ess, lmw)
""",
    ),
    Variant(
        "max_shift_ratio_review",
        "review's independent road: unnormalised shifted weights w = exp(l - max l), "
        "estimate (w . f)/sum w, ess (sum w)^2/sum w^2, log mean weight max + log(sum w/n)",
        append="""
def importance_sampling(log_p, log_q, f_values):
    lp = np.array(log_p, dtype=float)
    lq = np.array(log_q, dtype=float)
    f = np.array(f_values, dtype=float)
    if lp.ndim != 1 or lq.shape != lp.shape or lp.size < 1:
        raise ValueError("log_p and log_q must be 1-D of one length n >= 1")
    if f.ndim not in (1, 2) or f.shape[0] != lp.size:
        raise ValueError("f_values must be (n,) or (n, k)")
    if np.any(np.isnan(lp)) or np.any(lp == np.inf) or np.all(lp == -np.inf):
        raise ValueError("bad log_p")
    if not np.all(np.isfinite(lq)):
        raise ValueError("log_q must be finite")
    ell = lp - lq
    top = ell.max()
    w = np.exp(ell - top)
    total = w.sum()
    est = (w @ f) / total
    ess = total * total / np.sum(w * w)
    lmw = top + np.log(total / lp.size)
    return IS(float(est) if f.ndim == 1 else est, float(ess), float(lmw))
""",
    ),
]
