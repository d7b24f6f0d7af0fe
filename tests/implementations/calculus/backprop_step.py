from mlkata.mutation import Mutant, Variant

MUTANTS = [
    Mutant(
        "no_division_by_n",
        "gradient of the summed loss, not the mean",
        replace=[("    dlogits /= n\n", "")],
        message="no division by n",
    ),
    Mutant(
        "in_place_update",
        "params[k] -= lr * grad on the caller's arrays",
        replace=[
            (
                "    new_params = {name: current[name] - lr * grads[name] for name in PARAMETER_NAMES}\n",
                "    for name in PARAMETER_NAMES:\n        params[name] -= lr * grads[name]\n"
                "    new_params = params\n",
            )
        ],
        message="modified its input `params`",
    ),
    Mutant(
        "relu_derivative_at_zero",
        "relu' as H >= 0, letting dead units pass gradient",
        replace=[("(pre_activation > 0.0)", "(pre_activation >= 0.0)")],
        message="relu'(0) taken as 1",
    ),
    Mutant(
        "transposed_dW2",
        "dW2 = dlogits.T @ hidden (shape (K, h))",
        replace=[("dW2 = hidden.T @ dlogits", "dW2 = dlogits.T @ hidden")],
        message="transpose",
    ),
    Mutant(
        "transposed_backward_through_W2",
        "dH = dlogits @ W2 instead of dlogits @ W2.T (only runs when h = K)",
        replace=[
            ("(dlogits @ W2.T)", "(dlogits @ W2 if W2.shape[0] == W2.shape[1] else dlogits @ W2.T)")
        ],
    ),
    Mutant(
        "unstable_softmax",
        "exp of the raw logits (overflow for large logits)",
        replace=[("shifted = logits - logits.max(axis=1, keepdims=True)", "shifted = logits")],
        message="hit a floating-point error",
    ),
    Mutant(
        "gradient_ascent",
        "new = old + lr * grad",
        replace=[("current[name] - lr * grads[name]", "current[name] + lr * grads[name]")],
        message="uphill",
    ),
]

MUTANTS += [
    Mutant(
        "global_shift",
        "shifts every row of logits by the global maximum, not its own",
        replace=[
            (
                "shifted = logits - logits.max(axis=1, keepdims=True)",
                "shifted = logits - logits.max()",
            )
        ],
        message="global maximum instead of its own",
    ),
]

VARIANTS = [
    Variant(
        "per_sample_loop",
        "accumulates each sample's gradient in a Python loop",
        append="""
def mlp_backprop_step(params, X, y, lr):
    for key in PARAMETER_NAMES:
        if key not in params:
            raise ValueError(f"missing {key}")
    W1, b1, W2, b2 = (np.array(params[k], dtype=float) for k in PARAMETER_NAMES)
    X = np.asarray(X, dtype=float)
    y = np.asarray(y)
    if X.ndim != 2 or len(X) == 0 or W1.shape[0] != X.shape[1] or W2.shape[0] != W1.shape[1]:
        raise ValueError("bad shapes")
    if b1.shape != (W1.shape[1],) or b2.shape != (W2.shape[1],) or y.shape != (len(X),):
        raise ValueError("bad shapes")
    if np.any(y < 0) or np.any(y >= W2.shape[1]):
        raise ValueError("label out of range")
    grads = {k: np.zeros_like(v) for k, v in zip(PARAMETER_NAMES, (W1, b1, W2, b2))}
    total = 0.0
    n = len(X)
    for x, label in zip(X, y):
        z = x @ W1 + b1
        h = np.where(z > 0, z, 0.0)
        logits = h @ W2 + b2
        m = logits.max()
        p = np.exp(logits - m) / np.exp(logits - m).sum()
        total += -(logits[label] - m - np.log(np.exp(logits - m).sum()))
        g = p.copy()
        g[label] -= 1
        grads["W2"] += np.outer(h, g) / n
        grads["b2"] += g / n
        gz = (W2 @ g) * (z > 0)
        grads["W1"] += np.outer(x, gz) / n
        grads["b1"] += gz / n
    new = {k: v - lr * grads[k] for k, v in zip(PARAMETER_NAMES, (W1, b1, W2, b2))}
    return Step(total / n, grads, new)
""",
    ),
]
