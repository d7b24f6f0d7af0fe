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
    # TODO: write momentum_step (the docstring above has the maths).
    raise NotImplementedError("momentum_step is not implemented yet")
