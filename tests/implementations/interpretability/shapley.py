"""Known mistakes in interpretability/shapley (the grader must fail each) and other
correct implementations (it must pass each)."""

from mlkata.mutation import Mutant, Variant

WEIGHT = "[math.factorial(s) * math.factorial(d - s - 1) / math.factorial(d) for s in range(d)]"
STEP = "        phi[i] = np.sum(weight[size[without]] * (v[without | (1 << i)] - v[without]))\n"

MUTANTS = [
    Mutant(
        "banzhaf_weights",
        "every coalition weighted 1/2^(d-1)",
        replace=[(WEIGHT, "[0.5 ** (d - 1) for s in range(d)]")],
        message="that is the Banzhaf value",
    ),
    Mutant(
        "no_factorial_normalisation",
        "weights |S|!(d-|S|-1)! without the 1/d!",
        replace=[(WEIGHT, "[math.factorial(s) * math.factorial(d - s - 1) for s in range(d)]")],
        message="missing its 1/d!",
    ),
    Mutant(
        "weights_off_by_one",
        "weights |S|!(d-|S|)!/d!",
        replace=[
            (
                WEIGHT,
                "[math.factorial(s) * math.factorial(d - s) / math.factorial(d) for s in range(d)]",
            )
        ],
    ),
    Mutant(
        "mean_background_row",
        "replaces the background by its mean row: f(mean) instead of mean f",
        replace=[
            (
                "    B = background.shape[0]\n",
                "    background = background.mean(axis=0, keepdims=True)\n"
                "    B = background.shape[0]\n",
            )
        ],
        message="v(S) is f at the mean background row",
    ),
    Mutant(
        "marginal_sign_flipped",
        "v(S) - v(S ∪ {i})",
        replace=[
            (
                STEP,
                STEP.replace(
                    "(v[without | (1 << i)] - v[without])", "(v[without] - v[without | (1 << i)])"
                ),
            )
        ],
        message="the wrong sign",
    ),
    Mutant(
        "coalition_from_background",
        "the features in S come from the background and the others from x",
        replace=[
            (
                "np.where(masks[:, None, :], x, background[None, :, :])",
                "np.where(masks[:, None, :], background[None, :, :], x)",
            )
        ],
        message="the wrong sign",
    ),
    Mutant(
        "no_limit_on_d",
        "d > 16 is not refused",
        replace=[("    if d > MAX_FEATURES:\n", "    if False:\n")],
    ),
    Mutant(
        "limit_off_by_one",
        "refuses d = 16 as well",
        replace=[("    if d > MAX_FEATURES:\n", "    if d >= MAX_FEATURES:\n")],
    ),
    Mutant(
        "one_dimensional_model_call",
        "computes f(x) with x as a 1-D array for the grand coalition",
        append="""
_shapley = exact_shapley_values


def exact_shapley_values(f, x, background):
    fx = float(np.asarray(f(np.asarray(x, dtype=float))).reshape(-1)[0])  # f(x), x 1-D
    phi = _shapley(f, x, background)
    return phi if np.isfinite(fx) else phi * np.nan
""",
        message="a model maps an",
    ),
    Mutant(
        "background_overwritten",
        "builds each coalition's rows in the caller's background array (no copy)",
        append="""
def exact_shapley_values(f, x, background):
    x = np.asarray(x, dtype=float)
    background = np.asarray(background, dtype=float)
    if x.ndim != 1 or x.size == 0 or background.ndim != 2 or background.shape[1] != x.size:
        raise ValueError("bad shapes")
    if background.shape[0] == 0 or x.size > 16:
        raise ValueError("bad sizes")
    d = x.size
    original = background.copy()
    v = np.empty(1 << d)
    for S in range(1 << d):
        Z = background
        Z[:] = original
        cols = [i for i in range(d) if S >> i & 1]
        Z[:, cols] = x[cols]
        v[S] = np.mean(f(Z))
    phi = np.zeros(d)
    for i in range(d):
        for S in range(1 << d):
            if not S >> i & 1:
                s = bin(S).count("1")
                w = math.factorial(s) * math.factorial(d - s - 1) / math.factorial(d)
                phi[i] += w * (v[S | 1 << i] - v[S])
    return phi
""",
        message="modified its input",
    ),
]

VARIANTS = [
    Variant(
        "one_call_per_coalition",
        "a Python loop over the coalitions, one model call of B rows each",
        append="""
def exact_shapley_values(f, x, background):
    x = np.asarray(x, dtype=float)
    bg = np.asarray(background, dtype=float)
    if x.ndim != 1 or x.size == 0 or bg.ndim != 2 or bg.shape[1] != x.size or len(bg) == 0:
        raise ValueError("x must be (d,) and background (B, d) with B, d >= 1")
    d = x.size
    if d > 16:
        raise ValueError("at most 16 features")
    v = np.empty(1 << d)
    Z = bg.copy()
    for S in range(1 << d):
        mask = (S >> np.arange(d)) & 1 == 1
        Z[:] = bg
        Z[:, mask] = x[mask]
        v[S] = np.mean(f(Z))
    sizes = np.array([bin(S).count("1") for S in range(1 << d)])
    phi = np.zeros(d)
    for i in range(d):
        bit = 1 << i
        S = np.array([S for S in range(1 << d) if not S & bit])
        s = sizes[S]
        w = np.array([math.factorial(k) * math.factorial(d - k - 1) for k in s]) / math.factorial(d)
        phi[i] = np.sum(w * (v[S | bit] - v[S]))
    return phi
""",
    ),
    Variant(
        "harsanyi_dividends",
        "all coalition values in one call, then the Möbius transform: phi_i = Σ_{T∋i} m(T)/|T|",
        append="""
def exact_shapley_values(f, x, background):
    x = np.asarray(x, dtype=float)
    bg = np.asarray(background, dtype=float)
    if x.ndim != 1 or x.size == 0 or bg.ndim != 2 or bg.shape[1] != x.size or len(bg) == 0:
        raise ValueError("x must be (d,) and background (B, d) with B, d >= 1")
    d = x.size
    if d > 16:
        raise ValueError("at most 16 features")
    masks = ((np.arange(1 << d)[:, None] >> np.arange(d)) & 1).astype(bool)
    Z = np.where(masks[:, None, :], x, bg[None])
    m = np.asarray(f(Z.reshape(-1, d)), dtype=float).reshape(1 << d, -1).mean(axis=1)
    for i in range(d):
        m = m.reshape(-1, 2, 1 << i)
        m[:, 1, :] -= m[:, 0, :]
        m = m.reshape(-1)
    sizes = masks.sum(axis=1)
    share = np.zeros(1 << d)
    share[1:] = m[1:] / sizes[1:]
    return masks.T.astype(float) @ share
""",
    ),
]
