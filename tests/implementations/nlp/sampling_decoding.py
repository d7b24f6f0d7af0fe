"""Known mistakes in nlp/sampling_decoding (the grader must fail each) and other correct
implementations (it must pass each)."""

from mlkata.mutation import Mutant, Variant

SCALE = "scaled = (z - z.max()) / temperature  # <= 0: exp cannot overflow; -inf stays -inf"
DRAW = (
    "    u = rng.random()\n"
    "    cdf = np.cumsum(probs)\n"
    "    cdf[np.flatnonzero(probs)[-1] :] = 1.0\n"
    '    token = int(np.searchsorted(cdf, u, side="right"))  # the smallest j with u < cdf[j]\n'
)
TOP_P = "cumulative = np.cumsum(p[ranked] / p[ranked].sum())"
CUT = 'n = int(np.searchsorted(cumulative, top_p, side="left")) + 1  # first cum >= top_p'

MUTANTS = [
    Mutant(
        "temperature_on_probs",
        "the probabilities divided by the temperature (renormalising undoes it)",
        replace=[
            (SCALE, "scaled = z - z.max()"),
            ("    p = e / e.sum()\n", "    p = e / e.sum() / temperature\n    p = p / p.sum()\n"),
        ],
        message="the temperature divides the probabilities",
    ),
    Mutant(
        "temperature_after_filters",
        "filters on softmax(logits), temperature applied to the kept tokens",
        replace=[
            (SCALE, "scaled = z - z.max()"),
            ("probs[ranked] = p[ranked]", "probs[ranked] = np.exp(scaled[ranked] / temperature)"),
        ],
        message="the temperature applied after the filters",
    ),
    Mutant(
        "top_p_before_renormalising",
        "top-p accumulates the probabilities before the top-k renormalisation",
        replace=[(TOP_P, "cumulative = np.cumsum(p[ranked])")],
        message="before the top-k renormalisation",
    ),
    Mutant(
        "top_p_drops_crossing",
        "top-p keeps only the tokens with cumulative < top_p",
        replace=[(CUT, 'n = max(int(np.searchsorted(cumulative, top_p, side="left")), 1)')],
        message="cumulative probability is < top_p",
    ),
    Mutant(
        "sorted_order",
        "inverse transform along the ranking; returns the rank",
        replace=[
            (
                DRAW,
                "    u = rng.random()\n"
                "    order = np.argsort(-probs, kind='stable')\n"
                "    cdf = np.cumsum(probs[order])\n"
                "    cdf[-1] = 1.0\n"
                "    token = int(np.searchsorted(cdf, u, side='right'))\n",
            )
        ],
        message="sampled along the sorted order",
    ),
    Mutant(
        "not_renormalised",
        "probs left as the unnormalised kept probabilities",
        replace=[("    probs /= probs.sum()\n", "")],
        message="not renormalised",
    ),
    Mutant(
        "two_draws",
        "draws a second uniform",
        replace=[("    u = rng.random()\n", "    rng.random()\n    u = rng.random()\n")],
    ),
    Mutant(
        "u_at_most_cdf",
        "token = the smallest j with u <= F_j",
        replace=[('np.searchsorted(cdf, u, side="right")', 'np.searchsorted(cdf, u, side="left")')],
    ),
    Mutant(
        "unshifted_softmax",
        "exp(logits / temperature) without subtracting the max (overflow)",
        replace=[(SCALE, "scaled = z / temperature")],
    ),
    Mutant(
        "ties_to_highest",
        "ranking ties broken by decreasing index",
        replace=[
            (
                'ranked = np.argsort(-p, kind="stable")',
                "ranked = np.argsort(p, kind='stable')[::-1]",
            )
        ],
    ),
    Mutant(
        "top_p_not_checked",
        "top_p above 1 accepted",
        replace=[("not 0 < top_p <= 1", "not 0 < top_p")],
    ),
    Mutant(
        "shifts_logits_in_place",
        "subtracts the max from the caller's logits",
        replace=[
            ("z = np.array(logits, dtype=float)", "z = np.asarray(logits, dtype=float)"),
            (SCALE, "z -= z.max()\n    scaled = z / temperature"),
        ],
    ),
]

VARIANTS = [
    Variant(
        "rng_choice",
        "the draw by rng.choice(V, p=probs), which uses one rng.random() the same way",
        replace=[(DRAW, "    token = int(rng.choice(V, p=probs))\n")],
    ),
    Variant(
        "scipy_softmax_python_nucleus",
        "scipy.special.softmax, a sorted() ranking and a Python loop for top-p",
        append="""
def sample_next_token(logits, rng, temperature=1.0, top_k=None, top_p=None):
    from scipy.special import softmax

    z = np.array(logits, dtype=float)
    if z.ndim != 1 or z.size == 0 or np.isnan(z).any() or (z == np.inf).any():
        raise ValueError("bad logits")
    if (z == -np.inf).all():
        raise ValueError("all logits masked")
    if not temperature > 0:
        raise ValueError("temperature must be > 0")
    if top_k is not None and (int(top_k) != top_k or top_k < 1):
        raise ValueError("top_k must be >= 1")
    if top_p is not None and not 0 < top_p <= 1:
        raise ValueError("top_p must be in (0, 1]")
    p = softmax(z / temperature)
    order = sorted(range(z.size), key=lambda j: (-p[j], j))
    if top_k is not None:
        order = order[:top_k]
    if top_p is not None and top_p < 1:
        mass, total, kept = p[order].sum(), 0.0, []
        for j in order:
            kept.append(j)
            total += p[j] / mass
            if total >= top_p:
                break
        order = kept
    probs = np.zeros(z.size)
    probs[order] = p[order]
    probs = probs / probs.sum()
    u = rng.random()
    last = max(j for j in range(z.size) if probs[j] > 0)
    total = 0.0
    for j in range(last):
        total += probs[j]
        if u < total:
            return Sample(j, probs)
    return Sample(last, probs)
""",
    ),
]

VARIANTS.append(
    Variant(
        "review_rng_choice",
        "independent review: filters by a stable argsort and a Python loop for top_p, "
        "the draw by rng.choice(V, p=probs)",
        append="""
def sample_next_token(logits, rng, temperature=1.0, top_k=None, top_p=None):
    z = np.asarray(logits, dtype=float)
    if z.ndim != 1 or z.size == 0:
        raise ValueError("logits must be a non-empty 1-D array")
    if np.any(np.isnan(z)) or np.any(z == np.inf) or not np.any(np.isfinite(z)):
        raise ValueError("logits must be finite or -inf, with one finite at least")
    if not temperature > 0:
        raise ValueError("temperature must be > 0")
    if top_k is not None and top_k < 1:
        raise ValueError("top_k must be >= 1")
    if top_p is not None and not 0 < top_p <= 1:
        raise ValueError("top_p must lie in (0, 1]")
    V = z.size
    s = z / temperature
    e = np.exp(s - s[np.isfinite(s)].max())
    p = e / e.sum()
    order = np.argsort(-p, kind="stable")
    keep = np.zeros(V, dtype=bool)
    n_keep = V if top_k is None else min(int(top_k), V)
    keep[order[:n_keep]] = True
    q = np.where(keep, p, 0.0)
    q = q / q.sum()
    if top_p is not None and top_p < 1:
        total = 0.0
        chosen = []
        for j in order[:n_keep]:
            chosen.append(j)
            total += q[j]
            if total >= top_p:
                break
        keep = np.zeros(V, dtype=bool)
        keep[chosen] = True
        q = np.where(keep, q, 0.0)
        q = q / q.sum()
    token = int(rng.choice(V, p=q))
    return Sample(token, q)
""",
    )
)

# Review: two more mistakes a learner makes.
MUTANTS += [
    Mutant(
        "top_p_strictly_above",
        "top-p keeps tokens until the cumulative sum exceeds top_p (> instead of >=)",
        replace=[
            (
                'np.searchsorted(cumulative, top_p, side="left")',
                'np.searchsorted(cumulative, top_p, side="right")',
            )
        ],
    ),
    Mutant(
        "temperature_multiplies",
        "the logits multiplied by the temperature instead of divided",
        replace=[("(z - z.max()) / temperature", "(z - z.max()) * temperature")],
    ),
]
