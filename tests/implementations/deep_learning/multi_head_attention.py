"""Known mistakes in deep_learning/multi_head_attention (the grader must fail each) and
other correct implementations (it must pass each)."""

from mlkata.mutation import Mutant, Variant

SPLIT = "        return np.swapaxes(Z.reshape(Z.shape[:-1] + (H, d_h)), -2, -3)\n"
TRIL = "np.tril(np.ones((n, n), dtype=bool))"

MUTANTS = [
    Mutant(
        "scale_by_d_model",
        "scores divided by √d_model instead of √d_h",
        replace=[("/ np.sqrt(d_h)", "/ np.sqrt(d_model)")],
        message="scaled by 1/√d_model",
    ),
    Mutant(
        "bare_reshape",
        "(n, d_model) reshaped to (n_heads, n, d_h) without a transpose",
        replace=[(SPLIT, "        return Z.reshape(Z.shape[:-2] + (H, Z.shape[-2], d_h))\n")],
        message="bare reshape",
    ),
    Mutant(
        "interleaved_columns",
        "head h takes the columns h::n_heads",
        replace=[
            (SPLIT, "        return np.moveaxis(Z.reshape(Z.shape[:-1] + (d_h, H)), -1, -3)\n")
        ],
        message="interleaved columns",
    ),
    Mutant(
        "causal_without_diagonal",
        "the causal mask allows only j < i (query 0 sees nothing: nan)",
        replace=[(TRIL, "np.tril(np.ones((n, n), dtype=bool), -1)")],
        message="hides the diagonal",
    ),
    Mutant(
        "causal_without_diagonal_guarded",
        "the causal mask allows only j < i, query 0 given zero weights",
        replace=[
            (TRIL, "np.tril(np.ones((n, n), dtype=bool), -1)"),
            (
                "    S = S - S.max(axis=-1, keepdims=True)  # the diagonal is never masked: finite\n"
                "    A = np.exp(S)\n"
                "    A /= A.sum(axis=-1, keepdims=True)\n",
                "    m = S.max(axis=-1, keepdims=True)\n"
                "    A = np.exp(S - np.where(np.isfinite(m), m, 0.0))\n"
                "    A /= np.maximum(A.sum(axis=-1, keepdims=True), 1e-300)\n",
            ),
        ],
        message="hides the diagonal",
    ),
    Mutant(
        "causal_transposed",
        "the causal mask lets query i see keys j ≥ i (the future)",
        replace=[(TRIL, "np.triu(np.ones((n, n), dtype=bool))")],
        message="the future is visible",
    ),
    Mutant(
        "Wo_transposed",
        "output = concat Woᵀ",
        replace=[
            (
                "    return MHA(O.reshape(X.shape) @ Wo, A)\n",
                "    return MHA(O.reshape(X.shape) @ Wo.T, A)\n",
            )
        ],
        message="concat Woᵀ",
    ),
    Mutant(
        "softmax_over_queries",
        "each key's weights normalised over the queries",
        replace=[
            (
                "    S = S - S.max(axis=-1, keepdims=True)",
                "    S = S - S.max(axis=-2, keepdims=True)",
            ),
            (
                "    A /= A.sum(axis=-1, keepdims=True)\n",
                "    A /= A.sum(axis=-2, keepdims=True)\n",
            ),
        ],
    ),
    Mutant(
        "W_shapes_not_checked",
        "a W of the wrong shape is not refused",
        replace=[("        if W.shape != (d_model, d_model):\n", "        if W.ndim != 2:\n")],
    ),
    Mutant(
        "float_heads_accepted",
        "n_heads = 2.0 truncated with int()",
        replace=[("        H = operator.index(n_heads)\n", "        H = int(n_heads)\n")],
    ),
]

CHECKED = """
def _checked2(X, Ws, n_heads):
    X = np.asarray(X, dtype=float)
    if X.ndim not in (2, 3) or 0 in X.shape[-2:]:
        raise ValueError("X must be a non-empty (n, d) or (B, n, d) array")
    if isinstance(n_heads, bool) or not isinstance(n_heads, (int, np.integer)) or n_heads < 1:
        raise ValueError("n_heads must be an integer >= 1")
    d = X.shape[-1]
    if d % n_heads:
        raise ValueError("n_heads must divide d_model")
    Ws = [np.asarray(W, dtype=float) for W in Ws]
    if any(W.shape != (d, d) for W in Ws):
        raise ValueError("every W must be (d_model, d_model)")
    return X, Ws, int(n_heads)
"""

VARIANTS = [
    Variant(
        "loop_over_heads",
        "a loop over heads, slicing the columns of each projection, one sequence at a time",
        append=CHECKED
        + """

def _one(X, Wq, Wk, Wv, Wo, H, causal):
    n, d = X.shape
    d_h = d // H
    Q, K, V = X @ Wq, X @ Wk, X @ Wv
    outs, weights = [], []
    for h in range(H):
        cols = slice(h * d_h, (h + 1) * d_h)
        s = Q[:, cols] @ K[:, cols].T / np.sqrt(d_h)
        if causal:
            s = s + np.triu(np.full((n, n), -np.inf), 1)
        w = np.exp(s - s.max(axis=1, keepdims=True))
        w = w / w.sum(axis=1, keepdims=True)
        weights.append(w)
        outs.append(w @ V[:, cols])
    return np.hstack(outs) @ Wo, np.stack(weights)


def multi_head_attention(X, Wq, Wk, Wv, Wo, n_heads, causal=False):
    X, Ws, H = _checked2(X, (Wq, Wk, Wv, Wo), n_heads)
    if X.ndim == 2:
        return MHA(*_one(X, *Ws, H, causal))
    pairs = [_one(x, *Ws, H, causal) for x in X]
    return MHA(np.stack([p[0] for p in pairs]), np.stack([p[1] for p in pairs]))
""",
    ),
    Variant(
        "per_head_weight_blocks",
        "the projections split into per-head weight blocks (d_model, H, d_h), by einsum",
        append=CHECKED
        + """

def multi_head_attention(X, Wq, Wk, Wv, Wo, n_heads, causal=False):
    X, (Wq, Wk, Wv, Wo), H = _checked2(X, (Wq, Wk, Wv, Wo), n_heads)
    n, d = X.shape[-2:]
    d_h = d // H
    q, k, v = (np.einsum("...nd,dhe->...hne", X, W.reshape(d, H, d_h)) for W in (Wq, Wk, Wv))
    s = np.einsum("...hie,...hje->...hij", q, k) / np.sqrt(d_h)
    if causal:
        s = np.where(np.arange(n)[None, :] <= np.arange(n)[:, None], s, -np.inf)
    a = np.exp(s - s.max(axis=-1, keepdims=True))
    a /= a.sum(axis=-1, keepdims=True)
    o = np.einsum("...hij,...hje->...ihe", a, v)
    return MHA(np.einsum("...ihe,hef->...if", o, Wo.reshape(H, d_h, d)), a)
""",
    ),
]
