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
    # TODO: write mlp_backprop_step (the docstring above has the maths).
    raise NotImplementedError("mlp_backprop_step is not implemented yet")
