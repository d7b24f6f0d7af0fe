r"""One step of gradient descent with (heavy-ball) momentum.

A velocity remembers past gradients: steps along a consistent direction grow, and
oscillations across a narrow valley cancel. The same update, in this sign convention,
is what ``torch.optim.SGD(momentum=beta)`` does up to where the learning rate sits.
"""

from typing import NamedTuple

import numpy as np


class State(NamedTuple):
    x: np.ndarray
    v: np.ndarray


def momentum_step(x, v, g, lr, beta):
    r"""One momentum step: update the velocity, then move by it.

    .. math::

        v \leftarrow \beta v - \eta\, g, \qquad x \leftarrow x + v

    (the new velocity moves x). Unrolled, :math:`x_{k+1} = x_k - \eta g_k +
    \beta (x_k - x_{k-1})`: Polyak's heavy ball.

    Parameters
    ----------
    x : array_like, shape (d,)
        The current point.
    v : array_like, shape (d,)
        The current velocity (zeros at the start).
    g : array_like, shape (d,)
        The gradient at ``x``.
    lr : float
        The learning rate :math:`\eta > 0`.
    beta : float
        The momentum coefficient, :math:`0 \le \beta < 1` (0 is plain gradient descent).

    Returns
    -------
    State
        ``x`` and ``v`` after the step, new arrays of shape (d,).

    Raises
    ------
    ValueError
        If x, v and g are empty or differ in shape, lr is not positive, or beta is
        outside [0, 1).

    Examples
    --------
    >>> x, v = momentum_step([1.0], [0.5], [2.0], lr=0.25, beta=0.5)
    >>> x.tolist(), v.tolist()
    ([0.75], [-0.25])
    """
    # BEGIN SOLUTION
    x = np.asarray(x, dtype=float)
    v = np.asarray(v, dtype=float)
    g = np.asarray(g, dtype=float)
    if x.size == 0:
        raise ValueError("x is empty")
    if v.shape != x.shape or g.shape != x.shape:
        raise ValueError(f"shapes do not match: x {x.shape}, v {v.shape}, g {g.shape}")
    if not lr > 0:
        raise ValueError(f"the learning rate must be positive, got {lr}")
    if not 0 <= beta < 1:
        raise ValueError(f"beta must be in [0, 1), got {beta}")
    v_new = beta * v - lr * g
    return State(x + v_new, v_new)
    # END SOLUTION
