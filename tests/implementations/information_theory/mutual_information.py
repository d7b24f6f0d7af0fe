from mlkata.mutation import Mutant, Variant

TERMS = "    terms = cells * (np.log(cells) - np.log(p[rows]) - np.log(q[cols]))\n"
CELLS = "    rows, cols = np.nonzero(P)  # only cells with P_ij > 0; then p_i, q_j > 0 too\n"
RESULT = "    return max(float(np.sum(terms) / np.log(base)), 0.0)  # >= 0: clip rounding below 0\n"

CHECK = """
def _check(joint, base):
    P = np.asarray(joint, dtype=float)
    if P.ndim != 2 or P.size == 0:
        raise ValueError("joint must be a non-empty 2-D table")
    if P.min() < 0 or abs(P.sum() - 1) > 1e-9:
        raise ValueError("joint is not a probability table")
    if base <= 0 or base == 1:
        raise ValueError("base must be positive and not 1")
    return P
"""

MUTANTS = [
    Mutant(
        "nan_from_0_log_0",
        "P * log(P / (p q^T)) summed over every cell",
        replace=[
            (
                RESULT,
                "    terms = P * np.log(P / np.outer(p, q))\n" + RESULT,
            )
        ],
        message="0 log 0 counts as 0",
    ),
    Mutant(
        "where_still_computes_log_0",
        "np.where(P > 0, P * log(P / (p q^T)), 0): right value, but log(0) is computed",
        replace=[
            (
                RESULT,
                "    terms = np.where(P > 0, P * np.log(P / np.outer(p, q)), 0.0)\n" + RESULT,
            )
        ],
        message="0 log 0 counts as 0",
    ),
    Mutant(
        "marginals_on_wrong_axes",
        "P_ij / (q_i p_j): the outer product of the marginals transposed (fails on non-square)",
        replace=[
            (
                TERMS,
                TERMS.replace(
                    "np.log(p[rows]) - np.log(q[cols])", "np.log(q[rows]) - np.log(p[cols])"
                ),
            )
        ],
        message="the marginals on the wrong axes",
    ),
    Mutant(
        "row_sums_twice",
        "q = P.sum(axis=1) as well",
        replace=[("    q = P.sum(axis=0)  # marginal of Y (columns)\n", "    q = P.sum(axis=1)\n")],
        message="both marginals are row sums",
    ),
    Mutant(
        "sign_flipped",
        "log(p_i q_j / P_ij)",
        replace=[
            (
                TERMS,
                "    terms = cells * (np.log(p[rows]) + np.log(q[cols]) - np.log(cells))\n",
            ),
            (RESULT, "    return float(np.sum(terms) / np.log(base))\n"),
        ],
        message="the sign is flipped",
    ),
    Mutant(
        "joint_entropy",
        "returns H(X, Y)",
        replace=[(TERMS, "    terms = -cells * np.log(cells)\n")],
        message="the joint entropy H(X, Y)",
    ),
    Mutant(
        "unweighted",
        "sum of log(P_ij / (p_i q_j)) without the weights",
        replace=[
            (TERMS, TERMS.replace("terms = cells * (", "terms = (")),
            (RESULT, "    return float(np.sum(terms) / np.log(base))\n"),
        ],
        message="without the weights P_ij",
    ),
    Mutant(
        "natural_log",
        "ln whatever the base",
        replace=[(RESULT, RESULT.replace(" / np.log(base)", ""))],
        message="the natural log (nats)",
    ),
    Mutant(
        "no_ndim_check",
        "marginals with keepdims and no ndim check: a 3-D table gives a number",
        append=CHECK.replace("P.ndim != 2 or ", "")
        + """
def mutual_information(joint, base=2.0):
    P = _check(joint, base)
    product = P.sum(axis=1, keepdims=True) * P.sum(axis=0, keepdims=True)
    m = P > 0
    return np.sum(P[m] * np.log(P[m] / product[m])) / np.log(base)
""",
    ),
    Mutant(
        "normalises_counts",
        "divides by the total instead of rejecting a table that does not sum to 1",
        replace=[("    if not abs(total - 1.0) <= 1e-9:\n", "    P = P / total\n    if False:\n")],
    ),
    Mutant(
        "no_negative_check",
        "negative cells are not rejected",
        replace=[("    if not np.all(P >= 0):\n", "    if False:\n")],
    ),
    Mutant(
        "isclose_sum_check",
        "np.isclose(total, 1) (tolerance 1e-5) instead of 1e-9",
        replace=[("if not abs(total - 1.0) <= 1e-9:", "if not np.isclose(total, 1.0):")],
    ),
    Mutant(
        "zeros_replaced_in_place",
        "sets the zero cells of the caller's table to a tiny number to avoid log(0)",
        replace=[(CELLS, "    P[P == 0] = 1e-300\n" + CELLS)],
        message="modified its input `joint`",
    ),
]

MUTANTS += [
    Mutant(
        "loose_sum_tolerance",
        "accepts a distribution whose sum is within 1e-6 of 1 (the kata says 1e-9)",
        replace=[
            ("    if not abs(total - 1.0) <= 1e-9:\n", "    if not abs(total - 1.0) <= 1e-6:\n")
        ],
    ),
]

VARIANTS = [
    Variant(
        "entropies",
        "H(X) + H(Y) - H(X, Y) with the entropy kata",
        append=CHECK
        + """
def mutual_information(joint, base=2.0):
    from information_theory.entropy import entropy

    P = _check(joint, base)
    hx = entropy(P.sum(axis=1), base)
    hy = entropy(P.sum(axis=0), base)
    return hx + hy - entropy(P.ravel(), base)
""",
    ),
    Variant(
        "scipy_kl_from_product",
        "scipy.special.rel_entr of the table against the product of its marginals",
        append=CHECK
        + """
def mutual_information(joint, base=2.0):
    from scipy.special import rel_entr

    P = _check(joint, base)
    product = P.sum(axis=1, keepdims=True) * P.sum(axis=0, keepdims=True)
    return rel_entr(P, product).sum() / np.log(base)
""",
    ),
    Variant(
        "masked_ratio",
        "P * log2(P / (p q^T)) on the mask P > 0, then a change of base",
        append=CHECK
        + """
def mutual_information(joint, base=2.0):
    P = _check(joint, base)
    pq = np.outer(P.sum(1), P.sum(0))
    m = P > 0
    return np.sum(P[m] * np.log2(P[m] / pq[m])) / np.log2(base)
""",
    ),
]
