r"""The softmax function, stable for logits of any size.

Softmax turns a vector of logits into probabilities: positive, summing to 1, ordered
like the logits. Subtracting the maximum first changes nothing but the overflow.
"""

import numpy as np


def softmax(z, axis=-1):
    r"""Softmax along one axis, without overflow.

    .. math::

        \operatorname{softmax}(z)_i = \frac{e^{z_i}}{\sum_j e^{z_j}}
                                    = \frac{e^{z_i - m}}{\sum_j e^{z_j - m}},
        \qquad m = \max_j z_j

    taken separately for every slice along ``axis``, each with its own maximum
    :math:`m` (a shift by a common constant cancels in the ratio). Entries equal to
    :math:`-\infty` get probability 0.

    Parameters
    ----------
    z : array_like, at least 1-D, not empty
        Logits.
    axis : int, optional
        The axis along which the probabilities sum to 1 (default: the last).

    Returns
    -------
    numpy.ndarray
        Probabilities of z's shape, each slice along ``axis`` summing to 1.

    Raises
    ------
    ValueError
        If z is empty or 0-d (numpy.exceptions.AxisError, a ValueError, for a bad axis).

    Examples
    --------
    >>> softmax([0.0, np.log(3.0)]).round(6).tolist()
    [0.25, 0.75]
    >>> softmax([[1000.0, 1000.0], [0.0, -np.inf]]).round(6).tolist()
    [[0.5, 0.5], [1.0, 0.0]]
    >>> softmax([[0.0, 1.0], [0.0, 1.0]], axis=0).round(6).tolist()
    [[0.5, 0.5], [0.5, 0.5]]
    """
    # TODO: write softmax (the docstring above has the maths).
    raise NotImplementedError("softmax is not implemented yet")
