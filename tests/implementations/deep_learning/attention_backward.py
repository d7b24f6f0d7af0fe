"""Known mistakes in deep_learning/attention_backward (the grader must fail each) and other
correct implementations (it must pass each)."""

from mlkata.mutation import Mutant, Variant

DS = "    dS = P * (dP - np.sum(dP * P, axis=-1, keepdims=True))\n"

MUTANTS = [
    Mutant(
        "diagonal_jacobian",
        "dS = P ⊙ dP: only the diagonal of the softmax Jacobian",
        replace=[(DS, "    dS = P * dP\n")],
        message="only the diagonal of the softmax Jacobian",
    ),
    Mutant(
        "dQ_unscaled",
        "1/√d_k missing in dQ",
        replace=[("    dQ = dS @ K * scale\n", "    dQ = dS @ K\n")],
        message="missing in dQ",
    ),
    Mutant(
        "dK_unscaled",
        "1/√d_k missing in dK",
        replace=[
            (
                "    dK = np.swapaxes(dS, -1, -2) @ Q * scale\n",
                "    dK = np.swapaxes(dS, -1, -2) @ Q\n",
            )
        ],
        message="missing in dK",
    ),
    Mutant(
        "dV_not_transposed",
        "dV = P dO (only runs when n_q = n_k)",
        replace=[("    dV = np.swapaxes(P, -1, -2) @ dO\n", "    dV = P @ dO\n")],
        message="the transposes are missing",
    ),
    Mutant(
        "dK_not_transposed",
        "dK = dS Q/√d_k (only runs when n_q = n_k)",
        replace=[("    dK = np.swapaxes(dS, -1, -2) @ Q * scale\n", "    dK = dS @ Q * scale\n")],
        message="the transposes are missing",
    ),
    Mutant(
        "rowsum_over_queries",
        "the correction term summed over the query axis",
        replace=[(DS, "    dS = P * (dP - np.sum(dP * P, axis=-2, keepdims=True))\n")],
    ),
    Mutant(
        "correction_without_P",
        "dS = P ⊙ dP - rowsum(dP ⊙ P): the correction not multiplied by P",
        replace=[(DS, "    dS = P * dP - np.sum(dP * P, axis=-1, keepdims=True)\n")],
    ),
    Mutant(
        "fully_masked_row_nan",
        "no guard for a fully masked row: -inf - (-inf) and 0/0",
        replace=[
            (
                "    e = np.exp(S - np.where(np.isfinite(m), m, 0.0))\n",
                "    e = np.exp(S - m)\n",
            ),
            ("    P = e / np.where(total > 0, total, 1.0)\n", "    P = e / total\n"),
        ],
        message="floating-point error",
    ),
    Mutant(
        "mask_inverted",
        "True taken as 'masked out'",
        replace=[
            (
                "    S = np.where(mask, Q @ np.swapaxes(K, -1, -2) * scale, -np.inf)\n",
                "    S = np.where(~mask, Q @ np.swapaxes(K, -1, -2) * scale, -np.inf)\n",
            )
        ],
    ),
    Mutant(
        "dO_shape_not_checked",
        "a dO that only broadcasts is accepted",
        replace=[("    if dO.shape != Q.shape[:-1] + (d_v,):\n", "    if dO.ndim != Q.ndim:\n")],
    ),
]

CHECKED = """
def _checked2(Q, K, V, dO, mask):
    Q, K, V, dO = (np.asarray(a, dtype=float) for a in (Q, K, V, dO))
    if min(Q.ndim, K.ndim, V.ndim) < 2 or not (Q.shape[:-2] == K.shape[:-2] == V.shape[:-2]):
        raise ValueError("need (..., n, d) arrays with the same leading axes")
    if K.shape[-1] != Q.shape[-1] or K.shape[-2] != V.shape[-2]:
        raise ValueError("shapes do not fit")
    if 0 in Q.shape[-2:] + V.shape[-2:]:
        raise ValueError("empty")
    if dO.shape != Q.shape[:-1] + V.shape[-1:]:
        raise ValueError("dO does not fit")
    target = Q.shape[:-1] + (K.shape[-2],)
    mask = np.ones(target, dtype=bool) if mask is None else np.asarray(mask)
    if mask.dtype.kind != "b" or np.broadcast_shapes(mask.shape, target) != target:
        raise ValueError("bad mask")
    return Q, K, V, dO, np.broadcast_to(mask, target)
"""

VARIANTS = [
    Variant(
        "full_jacobian_per_row",
        "loops over rows, multiplying dP by the full softmax Jacobian diag(p) - p pᵀ",
        append=CHECKED
        + """

def attention_backward(Q, K, V, dO, mask=None):
    Q, K, V, dO, mask = _checked2(Q, K, V, dO, mask)
    lead, (n_q, d_k), n_k = Q.shape[:-2], Q.shape[-2:], K.shape[-2]
    q, k, v, do = (a.reshape((-1,) + a.shape[-2:]) for a in (Q, K, V, dO))
    mk = mask.reshape(-1, n_q, n_k)
    dq, dk, dv = np.zeros_like(q), np.zeros_like(k), np.zeros_like(v)
    for b in range(q.shape[0]):
        for i in range(n_q):
            keys = np.flatnonzero(mk[b, i])
            if not keys.size:
                continue
            s = k[b, keys] @ q[b, i] / np.sqrt(d_k)
            p = np.exp(s - s.max())
            p /= p.sum()
            dv[b, keys] += np.outer(p, do[b, i])
            ds = (np.diag(p) - np.outer(p, p)) @ (v[b, keys] @ do[b, i])
            dq[b, i] = ds @ k[b, keys] / np.sqrt(d_k)
            dk[b, keys] += np.outer(ds, q[b, i]) / np.sqrt(d_k)
    return AttentionGrads(dq.reshape(Q.shape), dk.reshape(K.shape), dv.reshape(V.shape))
""",
    ),
    Variant(
        "flash_attention_D",
        "FlashAttention's D = rowsum(dO ⊙ O) in place of rowsum(dP ⊙ P), by einsum",
        append=CHECKED
        + """

def attention_backward(Q, K, V, dO, mask=None):
    Q, K, V, dO, mask = _checked2(Q, K, V, dO, mask)
    c = 1.0 / np.sqrt(Q.shape[-1])
    S = np.einsum("...id,...jd->...ij", Q, K) * c
    m = np.max(np.where(mask, S, -np.inf), axis=-1, keepdims=True)
    m = np.where(mask.any(axis=-1, keepdims=True), m, 0.0)
    e = np.where(mask, np.exp(np.where(mask, S - m, 0.0)), 0.0)
    z = e.sum(axis=-1, keepdims=True)
    P = e / np.maximum(z, np.finfo(float).tiny)
    O = np.einsum("...ij,...jv->...iv", P, V)
    D = np.sum(dO * O, axis=-1, keepdims=True)
    dS = P * (np.einsum("...iv,...jv->...ij", dO, V) - D)
    return AttentionGrads(
        np.einsum("...ij,...jd->...id", dS, K) * c,
        np.einsum("...ij,...id->...jd", dS, Q) * c,
        np.einsum("...ij,...iv->...jv", P, dO),
    )
""",
    ),
]
