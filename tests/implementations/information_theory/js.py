from mlkata.mutation import Mutant, Variant

RESULT = "    return 0.5 * kl_divergence(p, m, base) + 0.5 * kl_divergence(q, m, base)\n"

# Redefinition that keeps the reference's validation and changes only the computation.
WRAP = """
_checked_js = js_divergence


def _valid(p, q, base):
    _checked_js(p, q, base)  # raises ValueError on bad input
    return np.asarray(p, dtype=float), np.asarray(q, dtype=float), float(base)


def _kl(p, q):
    s = p > 0
    return np.sum(p[s] * np.log(p[s] / q[s]))
"""

MUTANTS = [
    Mutant(
        "symmetrised_kl",
        "(D(p||q) + D(q||p)) / 2 instead of the divergences from the mixture",
        replace=[
            (
                RESULT,
                "    return 0.5 * kl_divergence(p, q, base) + 0.5 * kl_divergence(q, p, base)\n",
            )
        ],
        message="the symmetrised KL",
    ),
    Mutant(
        "no_halves",
        "D(p||m) + D(q||m)",
        replace=[(RESULT, RESULT.replace("0.5 * ", ""))],
        message="without the factors 1/2",
    ),
    Mutant(
        "m_is_sum",
        "m = p + q, not (p + q) / 2 (computed inline: the kl kata would reject m)",
        append=WRAP
        + """
def js_divergence(p, q, base=2.0):
    p, q, base = _valid(p, q, base)
    m = p + q
    return (0.5 * _kl(p, m) + 0.5 * _kl(q, m)) / np.log(base)
""",
        message="m = p + q",
    ),
    Mutant(
        "distance",
        "the Jensen-Shannon distance: sqrt of the divergence (scipy's jensenshannon)",
        replace=[(RESULT, "    return float(np.sqrt(" + RESULT.strip()[len("return ") :] + "))\n")],
        message="the square root",
    ),
    Mutant(
        "one_half_only",
        "D(p||m) / 2 only",
        replace=[(RESULT, "    return 0.5 * kl_divergence(p, m, base)\n")],
        message="half is missing",
    ),
    Mutant(
        "natural_log",
        "ln whatever the base",
        replace=[(RESULT, RESULT.replace(", base)", ", np.e)"))],
        message="the natural log (nats)",
    ),
    Mutant(
        "nan_from_0_log_0",
        "p * log(p / m) summed over every entry: 0 * log(0) = nan",
        append=WRAP
        + """
def js_divergence(p, q, base=2.0):
    p, q, base = _valid(p, q, base)
    m = (p + q) / 2
    return (0.5 * np.sum(p * np.log(p / m)) + 0.5 * np.sum(q * np.log(q / m))) / np.log(base)
""",
        message="0 log 0 counts as 0",
    ),
    Mutant(
        "mixture_in_place",
        "m = p; m += q; m /= 2 overwrites the caller's p",
        replace=[
            (
                "    m = (p + q) / 2  # a new array: p and q stay as they were\n",
                "    m = p\n    m += q\n    m /= 2\n",
            )
        ],
        message="modified its input `p`",
    ),
    Mutant(
        "no_validation",
        "no input checks: negative entries and wrong sums go through",
        append="""
def js_divergence(p, q, base=2.0):
    p, q = np.asarray(p, dtype=float), np.asarray(q, dtype=float)
    m = (p + q) / 2
    total = 0.0
    for v in (p, q):
        s = v > 0
        total += 0.5 * np.sum(v[s] * np.log(v[s] / m[s]))
    return total / np.log(base)
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
        "loose_sum_tolerance",
        "its own KL terms, accepting distributions whose sum is within 1e-6 of 1 (not 1e-9)",
        append="""
def js_divergence(p, q, base=2.0):
    p = np.asarray(p, dtype=float)
    q = np.asarray(q, dtype=float)
    for v in (p, q):
        if v.ndim != 1 or v.size == 0 or np.any(v < 0) or abs(v.sum() - 1.0) > 1e-6:
            raise ValueError("not a distribution")
    if p.shape != q.shape or not (base > 0 and base != 1):
        raise ValueError("bad input")
    m = (p + q) / 2

    def kl(a):
        s = a > 0
        return float(np.sum(a[s] * np.log(a[s] / m[s])))

    return (0.5 * kl(p) + 0.5 * kl(q)) / np.log(base)
""",
    ),
]

VARIANTS = [
    Variant(
        "entropy_of_the_mixture",
        "H(m) - (H(p) + H(q)) / 2 with the entropy kata",
        append=CHECK
        + """
def js_divergence(p, q, base=2.0):
    from information_theory.entropy import entropy

    p, q = _check(p, q, base)
    m = 0.5 * (p + q)
    return entropy(m, base) - 0.5 * (entropy(p, base) + entropy(q, base))
""",
    ),
    Variant(
        "scipy_distance_squared",
        "scipy.spatial.distance.jensenshannon, squared",
        append=CHECK
        + """
def js_divergence(p, q, base=2.0):
    from scipy.spatial.distance import jensenshannon

    p, q = _check(p, q, base)
    return jensenshannon(p, q, base=base) ** 2
""",
    ),
    Variant(
        "masked_loops",
        "a masked KL per half, in bits, then a change of base",
        append=CHECK
        + """
def js_divergence(p, q, base=2.0):
    p, q = _check(p, q, base)
    m = (p + q) / 2
    bits = 0.0
    for v in (p, q):
        s = np.nonzero(v)[0]
        bits += np.dot(v[s], np.log2(v[s] / m[s])) / 2
    return bits / np.log2(base)
""",
    ),
]
