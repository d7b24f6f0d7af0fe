r"""One step of Adam.

Adam keeps running averages of the gradient and of its square and scales each
coordinate's step by their ratio, so every parameter gets a step of about the learning
rate whatever the scale of its gradient. Bias correction undoes the averages' start at
zero; getting it (and the place of eps) right is what this kata is about.
"""

import numbers
from typing import NamedTuple

import numpy as np


class Adam(NamedTuple):
    x: np.ndarray
    m: np.ndarray
    v: np.ndarray


def adam_step(x, g, m, v, t, lr=1e-3, beta1=0.9, beta2=0.999, eps=1e-8):
    r"""One Adam step at iteration t (counting from 1).

    .. math::

        m \leftarrow \beta_1 m + (1 - \beta_1)\, g, \qquad
        v \leftarrow \beta_2 v + (1 - \beta_2)\, g^2, \\
        \hat m = \frac{m}{1 - \beta_1^t}, \qquad
        \hat v = \frac{v}{1 - \beta_2^t}, \qquad
        x \leftarrow x - \eta \, \frac{\hat m}{\sqrt{\hat v} + \epsilon}

    (element-wise; :math:`\epsilon` is added outside the square root).

    Parameters
    ----------
    x : array_like, shape (d,)
        The current point.
    g : array_like, shape (d,)
        The gradient at ``x``.
    m, v : array_like, shape (d,)
        The raw running first and second moments (zeros before the first step).
    t : int
        The number of this step, 1 for the first.
    lr : float, optional
        The learning rate :math:`\eta > 0`.
    beta1, beta2 : float, optional
        The decay rates of the moments, each in [0, 1).
    eps : float, optional
        :math:`\epsilon \ge 0`, keeps the division finite.

    Returns
    -------
    Adam
        ``x`` after the step and the updated raw (not bias-corrected) ``m`` and ``v``,
        new arrays of shape (d,).

    Raises
    ------
    ValueError
        If t < 1 or is not an integer, the arrays are empty or differ in shape, or lr,
        beta1, beta2 or eps is out of range.

    Examples
    --------
    The first step moves every coordinate by about lr, whatever the scale of its
    gradient (eps shows only where the gradient is tiny):

    >>> x, m, v = adam_step([1.0, 1.0], [2.0, -1e-3], [0.0, 0.0], [0.0, 0.0], t=1, lr=0.1)
    >>> x.round(6).tolist(), m.round(6).tolist(), v.round(9).tolist()
    ([0.9, 1.099999], [0.2, -0.0001], [0.004, 1e-09])
    """
    # BEGIN SOLUTION
    x, g, m, v = (np.asarray(a, dtype=float) for a in (x, g, m, v))
    if x.size == 0:
        raise ValueError("x is empty")
    if not (g.shape == m.shape == v.shape == x.shape):
        raise ValueError(f"shapes differ: x {x.shape}, g {g.shape}, m {m.shape}, v {v.shape}")
    if isinstance(t, bool) or not isinstance(t, numbers.Integral) or t < 1:
        raise ValueError(f"t counts steps from 1 and must be an integer >= 1, got {t!r}")
    if not lr > 0:
        raise ValueError(f"the learning rate must be positive, got {lr}")
    if not (0 <= beta1 < 1 and 0 <= beta2 < 1):
        raise ValueError(f"beta1 and beta2 must be in [0, 1), got {beta1}, {beta2}")
    if not eps >= 0:
        raise ValueError(f"eps must be non-negative, got {eps}")
    m = beta1 * m + (1 - beta1) * g
    v = beta2 * v + (1 - beta2) * g * g
    m_hat = m / (1 - beta1**t)
    v_hat = v / (1 - beta2**t)
    return Adam(x - lr * m_hat / (np.sqrt(v_hat) + eps), m, v)
    # END SOLUTION
