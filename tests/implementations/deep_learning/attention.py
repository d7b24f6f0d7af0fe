"""Known mistakes in deep_learning/attention (the grader must fail each) and other correct
implementations (it must pass each)."""

from mlkata.mutation import Mutant, Variant

SCORES = "    S = Q @ np.swapaxes(K, -1, -2) / np.sqrt(d_k)\n"
GUARD = "    m = np.where(np.isfinite(m), m, 0.0)\n"

MUTANTS = [
    Mutant(
        "divide_by_d_k",
        "scores divided by d_k instead of √d_k",
        replace=[(SCORES, "    S = Q @ np.swapaxes(K, -1, -2) / d_k\n")],
        message="divided by d_k",
    ),
    Mutant(
        "divide_by_root_d_v",
        "scores divided by √d_v",
        replace=[(SCORES, "    S = Q @ np.swapaxes(K, -1, -2) / np.sqrt(V.shape[-1])\n")],
        message="divided by √d_v",
    ),
    Mutant(
        "no_scale",
        "scores not scaled",
        replace=[(SCORES, "    S = Q @ np.swapaxes(K, -1, -2)\n")],
        message="not scaled at all",
    ),
    Mutant(
        "softmax_over_queries",
        "the softmax normalises over the query axis",
        replace=[
            ("m = np.max(S, axis=-1, keepdims=True)", "m = np.max(S, axis=-2, keepdims=True)"),
            (
                "total = np.sum(e, axis=-1, keepdims=True)",
                "total = np.sum(e, axis=-2, keepdims=True)",
            ),
        ],
        message="over the query axis",
    ),
    Mutant(
        "no_max_shift",
        "np.exp of the raw scores (overflow for large ones)",
        replace=[(GUARD, "    m = np.zeros_like(m)\n")],
        message="subtract each row's largest unmasked score",
    ),
    Mutant(
        "mask_inverted",
        "True taken as 'masked out' (key_padding_mask's sense)",
        replace=[("    S = np.where(mask, S, -np.inf)\n", "    S = np.where(mask, -np.inf, S)\n")],
        message="mask's sense is inverted",
    ),
    Mutant(
        "large_negative_fill",
        "masked scores filled with -1e9: a fully masked row gets uniform weights",
        replace=[("    S = np.where(mask, S, -np.inf)\n", "    S = np.where(mask, S, -1e9)\n")],
        message="filled with a large negative number",
    ),
    Mutant(
        "minus_inf_without_guard",
        "masked scores at -inf, no guard for a fully masked row (nan)",
        replace=[
            (GUARD, ""),
            (
                "    weights = e / np.where(total > 0, total, 1.0)\n",
                "    weights = e / total\n",
            ),
        ],
        message="all-zero weights",
    ),
    Mutant(
        "mask_dtype_not_checked",
        "a 0/1 integer mask is accepted",
        replace=[("    if mask.dtype != bool:\n", "    if False:\n")],
    ),
    Mutant(
        "leading_axes_broadcast",
        "leading axes that differ are broadcast instead of refused",
        replace=[("    if not Q.shape[:-2] == K.shape[:-2] == V.shape[:-2]:\n", "    if False:\n")],
    ),
]

CHECKED = """
def _checked2(Q, K, V, mask):
    Q, K, V = (np.asarray(a, dtype=float) for a in (Q, K, V))
    if min(Q.ndim, K.ndim, V.ndim) < 2 or not (Q.shape[:-2] == K.shape[:-2] == V.shape[:-2]):
        raise ValueError("need (..., n, d) arrays with the same leading axes")
    if K.shape[-1] != Q.shape[-1] or K.shape[-2] != V.shape[-2]:
        raise ValueError("shapes do not fit")
    if 0 in Q.shape[-2:] + V.shape[-2:]:
        raise ValueError("empty")
    target = Q.shape[:-1] + (K.shape[-2],)
    if mask is None:
        return Q, K, V, np.ones(target, dtype=bool)
    mask = np.asarray(mask)
    if mask.dtype.kind != "b" or np.broadcast_shapes(mask.shape, target) != target:
        raise ValueError("bad mask")
    return Q, K, V, np.broadcast_to(mask, target)
"""

VARIANTS = [
    Variant(
        "log_sum_exp",
        "weights = exp(S - logsumexp over the unmasked keys), by einsum",
        append=CHECKED
        + """

def attention(Q, K, V, mask=None):
    Q, K, V, mask = _checked2(Q, K, V, mask)
    S = np.einsum("...qd,...kd->...qk", Q, K) / np.sqrt(Q.shape[-1])
    any_key = mask.any(axis=-1, keepdims=True)
    m = np.max(np.where(mask, S, -np.inf), axis=-1, keepdims=True, initial=-np.inf)
    m = np.where(any_key, m, 0.0)
    z = np.where(mask, S - m, -np.inf)
    s = np.sum(np.exp(z), axis=-1, keepdims=True)
    lse = np.log(np.where(any_key, s, 1.0))
    P = np.where(mask, np.exp(z - lse), 0.0)
    return Attention(np.einsum("...qk,...kv->...qv", P, V), P)
""",
    ),
    Variant(
        "row_by_row",
        "a loop over the flattened leading axes and the query rows, only the unmasked keys",
        append=CHECKED
        + """

def attention(Q, K, V, mask=None):
    Q, K, V, mask = _checked2(Q, K, V, mask)
    lead, (n_q, d_k), n_k = Q.shape[:-2], Q.shape[-2:], K.shape[-2]
    q, k, v = (a.reshape((-1,) + a.shape[-2:]) for a in (Q, K, V))
    mk = mask.reshape(-1, n_q, n_k)
    P = np.zeros(mk.shape)
    for b in range(q.shape[0]):
        for i in range(n_q):
            keys = np.flatnonzero(mk[b, i])
            if keys.size:
                s = k[b, keys] @ q[b, i] / d_k**0.5
                w = np.exp(s - s.max())
                P[b, i, keys] = w / w.sum()
    out = P @ v
    return Attention(out.reshape(lead + (n_q, V.shape[-1])), P.reshape(lead + (n_q, n_k)))
""",
    ),
]
