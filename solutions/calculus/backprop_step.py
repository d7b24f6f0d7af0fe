r"""One gradient-descent step of a two-layer ReLU network, by backpropagation.

The forward pass keeps every intermediate; the backward pass applies the chain rule
to them in reverse, layer by layer, down to the parameters.
"""

from typing import NamedTuple

import numpy as np

PARAMETER_NAMES = ("W1", "b1", "W2", "b2")


class Step(NamedTuple):
    loss: float
    grads: dict
    params: dict


def mlp_backprop_step(params, X, y, lr):
    r"""Loss, gradients and updated parameters after one step of gradient descent.

    The network and its loss, for n samples and K classes:

    .. math::

        H = \operatorname{relu}(X W_1 + b_1), \qquad
        Z = H W_2 + b_2, \qquad
        P_{ic} = \frac{e^{Z_{ic}}}{\sum_{c'} e^{Z_{ic'}}}, \qquad
        L = -\frac{1}{n} \sum_{i=1}^{n} \log P_{i y_i}

    Backpropagation, with :math:`Y` the one-hot labels and
    :math:`\operatorname{relu}'(0) = 0`:

    .. math::

        \frac{\partial L}{\partial Z} = \frac{P - Y}{n}, \quad
        \frac{\partial L}{\partial W_2} = H^\top \frac{\partial L}{\partial Z}, \quad
        \frac{\partial L}{\partial H} = \frac{\partial L}{\partial Z} W_2^\top, \quad
        \frac{\partial L}{\partial (XW_1 + b_1)} =
            \frac{\partial L}{\partial H} \odot [X W_1 + b_1 > 0], \quad
        \frac{\partial L}{\partial W_1} = X^\top \frac{\partial L}{\partial (XW_1 + b_1)}

    and each bias gradient is the column sum of the gradient of its layer's output.
    The update is :math:`\theta \leftarrow \theta - \text{lr}\,\partial L / \partial \theta`.

    Parameters
    ----------
    params : dict
        ``W1`` (d, h), ``b1`` (h,), ``W2`` (h, K), ``b2`` (K,). Not modified.
    X : array_like, shape (n, d)
        Inputs.
    y : array_like of int, shape (n,)
        Class labels in 0..K-1.
    lr : float
        Learning rate.

    Returns
    -------
    Step
        ``loss`` (float, at the given params), ``grads`` (dict with the keys of
        ``params``) and ``params`` (a new dict with the updated arrays).

    Raises
    ------
    ValueError
        If a parameter is missing or has the wrong shape, X is not 2-D or empty, or a
        label is not an integer in 0..K-1.

    Examples
    --------
    >>> params = {"W1": np.eye(2), "b1": np.zeros(2), "W2": np.eye(2), "b2": np.zeros(2)}
    >>> loss, grads, new = mlp_backprop_step(params, [[1.0, 0.0]], [0], lr=0.1)
    >>> round(float(loss), 6)
    0.313262
    >>> grads["b2"].round(6).tolist()
    [-0.268941, 0.268941]
    >>> new["b2"].round(6).tolist()
    [0.026894, -0.026894]
    """
    # BEGIN SOLUTION
    missing = [name for name in PARAMETER_NAMES if name not in params]
    if missing:
        raise ValueError(f"params lacks {missing}")
    W1, b1, W2, b2 = (np.asarray(params[name], dtype=float) for name in PARAMETER_NAMES)
    X = np.asarray(X, dtype=float)
    y = np.asarray(y)
    if X.ndim != 2 or X.shape[0] == 0:
        raise ValueError(f"X must be 2-D with at least one row, got shape {X.shape}")
    n, d = X.shape
    if W1.ndim != 2 or W1.shape[0] != d or b1.shape != (W1.shape[1],):
        raise ValueError(f"W1 must be (d={d}, h) and b1 (h,), got {W1.shape} and {b1.shape}")
    if W2.ndim != 2 or W2.shape[0] != W1.shape[1] or b2.shape != (W2.shape[1],):
        raise ValueError(f"W2 must be (h, K) and b2 (K,), got {W2.shape} and {b2.shape}")
    n_classes = W2.shape[1]
    if y.shape != (n,):
        raise ValueError(f"y must have shape ({n},), got {y.shape}")
    if y.dtype.kind not in "iu" and not np.all(np.mod(y, 1) == 0):
        raise ValueError("labels must be integers")
    labels = y.astype(int)
    if labels.min() < 0 or labels.max() >= n_classes:
        raise ValueError(f"labels must lie in 0..{n_classes - 1}")

    pre_activation = X @ W1 + b1
    hidden = np.maximum(pre_activation, 0.0)
    logits = hidden @ W2 + b2
    shifted = logits - logits.max(axis=1, keepdims=True)
    log_probs = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
    rows = np.arange(n)
    loss = float(-log_probs[rows, labels].mean())

    dlogits = np.exp(log_probs)
    dlogits[rows, labels] -= 1.0
    dlogits /= n
    dW2 = hidden.T @ dlogits
    db2 = dlogits.sum(axis=0)
    dpre = (dlogits @ W2.T) * (pre_activation > 0.0)
    dW1 = X.T @ dpre
    db1 = dpre.sum(axis=0)

    grads = {"W1": dW1, "b1": db1, "W2": dW2, "b2": db2}
    current = {"W1": W1, "b1": b1, "W2": W2, "b2": b2}
    new_params = {name: current[name] - lr * grads[name] for name in PARAMETER_NAMES}
    return Step(loss, grads, new_params)
    # END SOLUTION
