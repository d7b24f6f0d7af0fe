r"""One step of AdamW, Adam with decoupled weight decay.

Adding an L2 penalty to the loss does not regularise Adam as it does SGD: the penalty's
gradient is divided by √v̂ like every other, so weights with large gradients are
barely decayed. AdamW (Loshchilov & Hutter) takes the decay out of the gradient and
shrinks the weights directly, by lr·weight_decay·x at every step.
"""

import numbers
from typing import NamedTuple

import numpy as np


class AdamW(NamedTuple):
    x: np.ndarray
    m: np.ndarray
    v: np.ndarray


def adamw_step(x, g, m, v, t, lr=1e-3, beta1=0.9, beta2=0.999, eps=1e-8, weight_decay=1e-2):
    r"""One AdamW step at iteration t (counting from 1).

    .. math::

        m \leftarrow \beta_1 m + (1 - \beta_1)\, g, \qquad
        v \leftarrow \beta_2 v + (1 - \beta_2)\, g^2, \qquad
        \hat m = \frac{m}{1 - \beta_1^t}, \qquad
        \hat v = \frac{v}{1 - \beta_2^t}, \\
        x \leftarrow x - \eta \left( \frac{\hat m}{\sqrt{\hat v} + \epsilon}
            + \lambda\, x \right)

    (element-wise, with the old x in the decay term; :math:`\epsilon` outside the square
    root). The gradient and the moments never see the decay :math:`\lambda`; the step
    equals shrinking x by the factor :math:`1 - \eta\lambda` and then taking the Adam
    step, and :math:`\lambda = 0` is Adam.

    Parameters
    ----------
    x : array_like, any non-empty shape
        The current parameters.
    g : array_like, shaped like x
        The gradient of the loss at ``x`` (without any weight-decay term).
    m, v : array_like, shaped like x
        The raw running first and second moments (zeros before the first step).
    t : int
        The number of this step, 1 for the first.
    lr : float, optional
        The learning rate :math:`\eta > 0`.
    beta1, beta2 : float, optional
        The decay rates of the moments, each in [0, 1).
    eps : float, optional
        :math:`\epsilon \ge 0`, keeps the division finite.
    weight_decay : float, optional
        The decoupled decay :math:`\lambda \ge 0`.

    Returns
    -------
    AdamW
        ``x`` after the step and the updated raw (not bias-corrected) ``m`` and ``v``,
        new arrays shaped like x.

    Raises
    ------
    ValueError
        If t < 1 or is not an integer, weight_decay < 0, the arrays are empty or differ
        in shape, or lr, beta1, beta2 or eps is out of range.

    Examples
    --------
    The first step moves x = 1 by about lr = 0.1 (the Adam part, whatever the size of
    the gradient) plus lr·weight_decay·x = 0.05:

    >>> x, m, v = adamw_step([1.0], [2.0], [0.0], [0.0], t=1, lr=0.1, weight_decay=0.5)
    >>> x.round(6).tolist(), m.round(6).tolist(), v.round(6).tolist()
    ([0.85], [0.2], [0.004])
    """
    # TODO: write adamw_step (the docstring above has the maths).
    raise NotImplementedError("adamw_step is not implemented yet")
