"""Known mistakes in nlp/word2vec_sgns (the grader must fail each) and other correct
implementations (it must pass each)."""

from mlkata.mutation import Mutant, Variant

LOSS = "    loss = (np.logaddexp(0.0, -s_pos).sum() + np.logaddexp(0.0, s_neg).sum()) / B\n"
GPOS = "    g_pos = -np.exp(-np.logaddexp(0.0, s_pos)) / B  # (σ(s) - 1)/B = -σ(-s)/B\n"
GNEG = "    g_neg = np.exp(-np.logaddexp(0.0, -s_neg)) / B  # σ(s)/B\n"
DV = '    dv = g_pos[:, None] * u + np.einsum("bk,bkd->bd", g_neg, n)\n'
ADD_IN = "    np.add.at(dW_in, center, dv)\n"
ADD_CTX = "    np.add.at(dW_out, context, g_pos[:, None] * v)\n"
ADD_NEG = (
    "    np.add.at(dW_out, negatives.ravel(), (g_neg[:, :, None] * v[:, None, :]).reshape(-1, d))\n"
)

MUTANTS = [
    Mutant(
        "fancy_index_increment",
        "dW[idx] += g: repeated indices keep one update",
        replace=[
            (ADD_IN, "    dW_in[center] += dv\n"),
            (ADD_CTX, "    dW_out[context] += g_pos[:, None] * v\n"),
            (ADD_NEG, "    dW_out[negatives] += g_neg[:, :, None] * v[:, None, :]\n"),
        ],
        message="dW[idx] += g is buffered",
    ),
    Mutant(
        "fancy_index_negatives_only",
        "np.add.at for the centres and contexts, dW_out[negatives] += for the negatives",
        replace=[(ADD_NEG, "    dW_out[negatives] += g_neg[:, :, None] * v[:, None, :]\n")],
    ),
    Mutant(
        "negatives_sign",
        "σ(n·v) − 1 for the negatives' term",
        replace=[(GNEG, "    g_neg = -np.exp(-np.logaddexp(0.0, s_neg)) / B\n")],
        message="the negatives' term with σ(n·v) − 1",
    ),
    Mutant(
        "sum_over_batch",
        "loss and gradients summed over the batch",
        replace=[
            (LOSS, LOSS.replace(" / B\n", "\n")),
            (GPOS, "    g_pos = -np.exp(-np.logaddexp(0.0, s_pos))\n"),
            (GNEG, "    g_neg = np.exp(-np.logaddexp(0.0, -s_neg))\n"),
        ],
        message="summed over the batch",
    ),
    Mutant(
        "naive_log_sigmoid",
        "ln(sigmoid(x)) with sigmoid = 1/(1 + exp(-x)): overflow / log(0) at large scores",
        replace=[
            (
                LOSS,
                "    sig = lambda x: 1.0 / (1.0 + np.exp(-x))  # noqa: E731\n"
                "    loss = -(np.log(sig(s_pos)).sum() + np.log(sig(-s_neg)).sum()) / B\n",
            )
        ],
        message="hit a floating-point error",
    ),
    Mutant(
        "naive_sigmoid_gradients",
        "σ(x) = 1/(1 + exp(−x)) in the gradients: overflow at large negative scores",
        replace=[
            (GPOS, "    g_pos = (1.0 / (1.0 + np.exp(-s_pos)) - 1.0) / B\n"),
            (GNEG, "    g_neg = 1.0 / (1.0 + np.exp(-s_neg)) / B\n"),
        ],
    ),
    Mutant(
        "dw_in_without_negatives",
        "dW_in from the positive pair only",
        replace=[(DV, "    dv = g_pos[:, None] * u\n")],
        message="dW_in without the negatives' contribution",
    ),
    Mutant(
        "dw_out_without_negatives",
        "dW_out from the context only",
        replace=[(ADD_NEG, "")],
    ),
    Mutant(
        "positive_sign",
        "the positive pair's derivative as σ(u·v) instead of σ(u·v) − 1",
        replace=[(GPOS, "    g_pos = np.exp(-np.logaddexp(0.0, -s_pos)) / B\n")],
    ),
    Mutant(
        "no_range_check",
        "indices out of range are not rejected (negative ones wrap around)",
        replace=[("    if a.size and (a.min() < 0 or a.max() >= V):\n", "    if False:\n")],
    ),
    Mutant(
        "fractional_indices_truncated",
        "float indices cast to int without checking they are whole",
        replace=[
            (
                '        if a.dtype.kind != "f" or not np.all(np.isfinite(a)) or np.any(a != np.round(a)):\n',
                '        if a.dtype.kind != "f":\n',
            )
        ],
    ),
]

VARIANTS = [
    Variant(
        "scipy_log_expit_one_hot",
        "scipy.special.log_expit / expit for the loss and σ, one-hot matrices for the scatter",
        append="""
def sgns_loss_and_grad(W_in, W_out, center, context, negatives):
    from scipy.special import expit, log_expit

    W_in = np.asarray(W_in, dtype=float)
    W_out = np.asarray(W_out, dtype=float)
    if W_in.ndim != 2 or W_in.shape != W_out.shape:
        raise ValueError("W_in and W_out must be 2-D of one shape")
    V, d = W_in.shape
    c = np.asarray(center)
    o = np.asarray(context)
    N = np.asarray(negatives)
    if c.ndim != 1 or o.ndim != 1 or N.ndim != 2 or c.size == 0:
        raise ValueError("center, context (B,) and negatives (B, K) with B >= 1")
    if o.size != c.size or N.shape[0] != c.size:
        raise ValueError("lengths differ")
    for a in (c, o, N):
        if a.size and (np.any(a % 1 != 0) or a.min() < 0 or a.max() >= V):
            raise ValueError("indices must be integers in [0, V)")
    c, o, N = c.astype(int), o.astype(int), N.astype(int)
    B, K = N.shape
    C = np.eye(V)[c]  # (B, V) one-hot
    O = np.eye(V)[o]
    v = C @ W_in
    u = O @ W_out
    sp = np.sum(u * v, axis=1)
    loss = -log_expit(sp).sum() / B
    gp = (expit(sp) - 1) / B
    dv = gp[:, None] * u
    dW_out = O.T @ (gp[:, None] * v)
    for k in range(K):
        Nk = np.eye(V)[N[:, k]]
        nk = Nk @ W_out
        sn = np.sum(nk * v, axis=1)
        loss -= log_expit(-sn).sum() / B
        gn = expit(sn) / B
        dv += gn[:, None] * nk
        dW_out += Nk.T @ (gn[:, None] * v)
    return SGNS(float(loss), C.T @ dv, dW_out)
""",
    ),
    Variant(
        "per_pair_loop",
        "a Python loop over the pairs with a branch-stable sigmoid",
        append="""
def sgns_loss_and_grad(W_in, W_out, center, context, negatives):
    import math

    W_in = np.asarray(W_in, dtype=float)
    W_out = np.asarray(W_out, dtype=float)
    if W_in.ndim != 2 or W_in.shape != W_out.shape:
        raise ValueError("W_in and W_out must be 2-D of one shape")
    V = W_in.shape[0]
    center = _indices(center, "center", V, 1)
    context = _indices(context, "context", V, 1)
    negatives = _indices(negatives, "negatives", V, 2)
    B = len(center)
    if B == 0 or len(context) != B or negatives.shape[0] != B:
        raise ValueError("the batch must hold B >= 1 pairs of matching lengths")

    def softplus(x):  # ln(1 + e^x)
        return x + math.log1p(math.exp(-x)) if x > 0 else math.log1p(math.exp(x))

    def sigmoid(x):
        return 1 / (1 + math.exp(-x)) if x >= 0 else math.exp(x) / (1 + math.exp(x))

    loss = 0.0
    dW_in, dW_out = np.zeros_like(W_in), np.zeros_like(W_out)
    for b in range(B):
        v = W_in[center[b]]
        pairs = [(context[b], 1.0)] + [(k, 0.0) for k in negatives[b]]
        for word, label in pairs:
            s = float(W_out[word] @ v)
            loss += softplus(-s) if label else softplus(s)
            g = (sigmoid(s) - label) / B
            dW_in[center[b]] += g * W_out[word]
            dW_out[word] += g * v
    return SGNS(loss / B, dW_in, dW_out)
""",
    ),
]

VARIANTS.append(
    Variant(
        "review_scipy_loop",
        "independent review: scipy.special.log_expit / expit, one Python loop over the "
        "batch accumulating each row's gradient in place",
        append="""
def _review_index(value, V, ndim, what):
    a = np.asarray(value)
    if a.ndim != ndim:
        raise ValueError(f"{what} has the wrong number of dimensions")
    if a.size:
        if a.dtype.kind == "f":
            if not np.all(np.isfinite(a)) or np.any(np.floor(a) != a):
                raise ValueError(f"{what} must hold integers")
        elif a.dtype.kind not in "iu":
            raise ValueError(f"{what} must hold integers")
        if a.min() < 0 or a.max() >= V:
            raise ValueError(f"{what} out of range")
    return a.astype(int)


def sgns_loss_and_grad(W_in, W_out, center, context, negatives):
    from scipy.special import expit, log_expit

    W_in = np.asarray(W_in, dtype=float)
    W_out = np.asarray(W_out, dtype=float)
    if W_in.ndim != 2 or W_in.shape != W_out.shape:
        raise ValueError("W_in and W_out must be (V, d) of the same shape")
    V = W_in.shape[0]
    c = _review_index(center, V, 1, "center")
    o = _review_index(context, V, 1, "context")
    neg = _review_index(negatives, V, 2, "negatives")
    B = c.shape[0]
    if B == 0 or o.shape[0] != B or neg.shape[0] != B:
        raise ValueError("batch sizes must match and be >= 1")
    dW_in = np.zeros_like(W_in)
    dW_out = np.zeros_like(W_out)
    terms = []
    for b in range(B):
        v = W_in[c[b]]
        u = W_out[o[b]]
        s = float(u @ v)
        terms.append(-float(log_expit(s)))
        g = float(expit(s)) - 1.0
        dv = g * u
        dW_out[o[b]] += g * v / B
        for k in range(neg.shape[1]):
            n = W_out[neg[b, k]]
            t = float(n @ v)
            terms.append(-float(log_expit(-t)))
            h = float(expit(t))
            dv = dv + h * n
            dW_out[neg[b, k]] += h * v / B
        dW_in[c[b]] += dv / B
    return SGNS(float(np.sum(terms)) / B, dW_in, dW_out)
""",
    )
)

# Review: two more mistakes a learner makes.
MUTANTS += [
    Mutant(
        "mean_over_all_terms",
        "the loss and gradients divided by B·(K + 1), the number of terms, not by B",
        replace=[
            (
                "    B = center.size\n",
                "    B = center.size\n    M = B * (1 + negatives.shape[1])\n",
            ),
            (
                "np.logaddexp(0.0, s_neg).sum()) / B\n",
                "np.logaddexp(0.0, s_neg).sum()) / M\n",
            ),
            ("np.logaddexp(0.0, s_pos)) / B  #", "np.logaddexp(0.0, s_pos)) / M  #"),
            ("np.logaddexp(0.0, -s_neg)) / B  #", "np.logaddexp(0.0, -s_neg)) / M  #"),
        ],
    ),
    Mutant(
        "dw_in_from_own_vector",
        "the positive pair's dW_in term as (σ(u·v) − 1)·v instead of (σ(u·v) − 1)·u",
        replace=[
            (
                "    dv = g_pos[:, None] * u + ",
                "    dv = g_pos[:, None] * v + ",
            )
        ],
    ),
]
