from mlkata.mutation import Mutant, Variant

CE_RETURN = "    return float(-np.sum(p[support] * np.log(q[support])) / np.log(base)) + 0.0\n"
CE_INF = '        return float("inf")  # q_i = 0 < p_i: log q_i = -inf\n'
KL_INF = '        return float("inf")  # q_i = 0 < p_i: log(p_i / q_i) = +inf\n'
KL_RETURN = "    return float(np.sum(ps * (np.log(ps) - np.log(qs))) / np.log(base)) + 0.0\n"

# Redefinitions that keep the reference's validation and change only the computation.
WRAP = """
_checked_cross_entropy, _checked_kl = cross_entropy, kl_divergence


def _valid(p, q, base, function):
    function(p, q, base)  # raises ValueError on bad input
    return np.asarray(p, dtype=float), np.asarray(q, dtype=float), float(base)
"""

MUTANTS = [
    # --- cross_entropy
    Mutant(
        "ce_nan_from_0_log_0",
        "cross-entropy summed over every entry: 0 * log(0) = nan where p_i = q_i = 0",
        append=WRAP
        + """
def cross_entropy(p, q, base=2.0):
    p, q, base = _valid(p, q, base, _checked_cross_entropy)
    return float(-np.sum(p * np.log(q)) / np.log(base))
""",
        message="0 log 0 counts as 0",
    ),
    Mutant(
        "ce_log_of_zero_q",
        "no check for q_i = 0 < p_i: inf comes from log(0), with a warning",
        replace=[("    if np.any(q[support] == 0):\n" + CE_INF, "")],
        message="return inf after checking",
    ),
    Mutant(
        "ce_swapped",
        "-sum q log p",
        append=WRAP
        + """
def cross_entropy(p, q, base=2.0):
    p, q, base = _valid(p, q, base, _checked_cross_entropy)
    return _checked_cross_entropy(q, p, base)
""",
        message="wrong way round",
    ),
    Mutant(
        "ce_missing_minus",
        "sum p log q without the minus sign",
        replace=[(CE_RETURN, CE_RETURN.replace("float(-np.sum(", "float(np.sum("))],
        message="minus sign",
    ),
    Mutant(
        "ce_natural_log",
        "ln instead of log base b",
        replace=[(CE_RETURN, CE_RETURN.replace(" / np.log(base)", ""))],
        message="the natural log (nats)",
    ),
    Mutant(
        "ce_is_kl",
        "returns the KL divergence",
        append=WRAP
        + """
def cross_entropy(p, q, base=2.0):
    return _checked_kl(p, q, base)
""",
        message="the KL divergence, not the cross-entropy",
    ),
    Mutant(
        "ce_zip_truncates",
        "each vector validated, lengths not compared: zip drops the extra entries",
        append=WRAP
        + """
def cross_entropy(p, q, base=2.0):
    import math

    for v in (p, q):
        _checked_cross_entropy(v, v, base)  # validates one vector
    total = 0.0
    for a, b in zip(np.asarray(p, float).tolist(), np.asarray(q, float).tolist()):
        if a > 0:
            if b == 0:
                return math.inf
            total -= a * math.log(b, base)
    return total
""",
    ),
    Mutant(
        "ce_no_validation",
        "no input checks at all",
        append="""
def cross_entropy(p, q, base=2.0):
    p, q = np.asarray(p, dtype=float), np.asarray(q, dtype=float)
    support = p > 0
    if np.any(q[support] == 0):
        return float("inf")
    return float(-np.sum(p[support] * np.log(q[support])) / np.log(base))
""",
    ),
    # --- kl_divergence
    Mutant(
        "kl_nan_from_0_log_0",
        "p * log(p / q) summed over every entry: 0 * log(0) = nan where p_i = 0",
        append=WRAP
        + """
def kl_divergence(p, q, base=2.0):
    p, q, base = _valid(p, q, base, _checked_kl)
    if np.any((q == 0) & (p > 0)):
        return float("inf")
    return float(np.sum(p * np.log(p / q)) / np.log(base))
""",
        message="0 log 0 counts as 0",
    ),
    Mutant(
        "kl_divides_by_zero_q",
        "masks p > 0 but has no check for q_i = 0 < p_i: inf comes from p / 0",
        append=WRAP
        + """
def kl_divergence(p, q, base=2.0):
    p, q, base = _valid(p, q, base, _checked_kl)
    m = p > 0
    return float(np.sum(p[m] * np.log(p[m] / q[m])) / np.log(base))
""",
        message="return inf after checking",
    ),
    Mutant(
        "kl_clips_q",
        "clips q to [1e-12, 1]: a large finite number instead of inf",
        replace=[("    if np.any(q[support] == 0):\n" + KL_INF, "    q = np.clip(q, 1e-12, 1)\n")],
        message="do not clip q or add an epsilon",
    ),
    Mutant(
        "ce_adds_epsilon",
        "-sum p log(q + 1e-12): a large finite number instead of inf",
        replace=[
            ("    if np.any(q[support] == 0):\n" + CE_INF, ""),
            (CE_RETURN, CE_RETURN.replace("np.log(q[support])", "np.log(q[support] + 1e-12)")),
        ],
        message="do not clip q or add an epsilon",
    ),
    Mutant(
        "kl_swapped",
        "KL(q || p)",
        append=WRAP
        + """
def kl_divergence(p, q, base=2.0):
    _valid(p, q, base, _checked_kl)
    return _checked_kl(q, p, base)
""",
        message="wrong way round",
    ),
    Mutant(
        "kl_log_q_over_p",
        "log(q / p) instead of log(p / q)",
        replace=[
            (KL_RETURN, KL_RETURN.replace("np.log(ps) - np.log(qs)", "np.log(qs) - np.log(ps)"))
        ],
        message="log(q_i / p_i)",
    ),
    Mutant(
        "kl_is_cross_entropy",
        "returns H(p, q) instead of H(p, q) - H(p)",
        replace=[(KL_RETURN, KL_RETURN.replace("np.log(ps) - np.log(qs)", "-np.log(qs)"))],
        message="the cross-entropy H(p, q), not",
    ),
    Mutant(
        "kl_unweighted",
        "sum of log(p / q) without the weights p",
        replace=[(KL_RETURN, KL_RETURN.replace("np.sum(ps * (", "np.sum(("))],
        message="without the weights p_i",
    ),
    Mutant(
        "kl_natural_log",
        "ln instead of log base b",
        replace=[(KL_RETURN, KL_RETURN.replace(" / np.log(base)", ""))],
        message="the natural log (nats)",
    ),
    Mutant(
        "kl_always_log2",
        "np.log2 whatever the base",
        replace=[
            (
                KL_RETURN,
                "    return float(np.sum(ps * (np.log2(ps) - np.log2(qs))))\n",
            )
        ],
        message="log base 2 whatever",
    ),
    Mutant(
        "kl_smooths_q_in_place",
        "adds 1e-12 to the caller's q and renormalises it in place",
        replace=[
            (
                "    ps, qs = p[support], q[support]\n",
                "    q += 1e-12\n    q /= q.sum()\n    ps, qs = p[support], q[support]\n",
            )
        ],
        message="modified its input `q`",
    ),
    Mutant(
        "kl_no_validation",
        "no input checks at all",
        append="""
def kl_divergence(p, q, base=2.0):
    p, q = np.asarray(p, dtype=float), np.asarray(q, dtype=float)
    m = p > 0
    if np.any(q[m] == 0):
        return float("inf")
    return float(np.sum(p[m] * np.log(p[m] / q[m])) / np.log(base))
""",
    ),
]

CHECK = """
def _check(p, q, base):
    p = np.asarray(p, dtype=float)
    q = np.asarray(q, dtype=float)
    if p.ndim != 1 or p.shape != q.shape or p.size == 0:
        raise ValueError("p and q must be 1-D vectors of the same non-zero length")
    for v in (p, q):
        if v.min() < 0 or abs(v.sum() - 1) > 1e-9:
            raise ValueError("not a probability vector")
    if base <= 0 or base == 1:
        raise ValueError("base must be positive and not 1")
    return p, q
"""

MUTANTS += [
    Mutant(
        "tiny_q_is_zero",
        "treats q_i < 1e-12 as 0 (an absolute threshold): returns inf for tiny q",
        replace=[
            (
                '    if np.any(q[support] == 0):\n        return float("inf")  # q_i = 0 < p_i: log(p_i / q_i) = +inf\n',
                '    if np.any(q[support] < 1e-12):\n        return float("inf")\n',
            )
        ],
        message="not q_i below an absolute threshold",
    ),
]

MUTANTS += [
    Mutant(
        "loose_sum_tolerance",
        "kl_divergence accepts a distribution whose sum is within 1e-6 of 1 (not 1e-9)",
        append="""
_own_kl = kl_divergence


def kl_divergence(p, q, base=2.0):
    p = np.asarray(p, dtype=float)
    if p.ndim == 1 and p.size and abs(p.sum() - 1.0) <= 1e-6:
        p = p / p.sum()
    return _own_kl(p, q, base)
""",
    ),
]

VARIANTS = [
    Variant(
        "masked_ratio",
        "p * log(p / q) on the mask p > 0, inf checked first, log2 then change of base",
        append=CHECK
        + """
def cross_entropy(p, q, base=2.0):
    p, q = _check(p, q, base)
    m = p > 0
    if (q[m] == 0).any():
        return np.inf
    return -(p[m] @ np.log2(q[m])) / np.log2(base)


def kl_divergence(p, q, base=2.0):
    p, q = _check(p, q, base)
    m = p > 0
    if (q[m] == 0).any():
        return np.inf
    return np.sum(p[m] * np.log(p[m] / q[m])) / np.log(base)
""",
    ),
    Variant(
        "scipy_special",
        "scipy.special.rel_entr and xlogy",
        append=CHECK
        + """
def cross_entropy(p, q, base=2.0):
    from scipy.special import xlogy

    p, q = _check(p, q, base)
    return -np.sum(xlogy(p, q)) / np.log(base)


def kl_divergence(p, q, base=2.0):
    from scipy.special import rel_entr

    p, q = _check(p, q, base)
    return np.sum(rel_entr(p, q)) / np.log(base)
""",
    ),
    Variant(
        "errstate_nansum",
        "warnings silenced inside, nan terms (0 log 0) dropped by nansum; KL = H(p, q) - H(p)",
        append=CHECK
        + """
def cross_entropy(p, q, base=2.0):
    p, q = _check(p, q, base)
    with np.errstate(divide="ignore", invalid="ignore"):
        return -np.nansum(p * np.log(q)) / np.log(base)


def kl_divergence(p, q, base=2.0):
    p, q = _check(p, q, base)
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.nansum(p * np.log(p / q)) / np.log(base)
""",
    ),
]
