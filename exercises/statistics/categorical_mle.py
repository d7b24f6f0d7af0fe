r"""Maximum-likelihood (and Laplace-smoothed) categorical distribution.

The MLE of a categorical distribution is the vector of class frequencies. Adding a
pseudo-count alpha to every class (the MAP estimate under a Dirichlet(alpha + 1) prior)
keeps classes never seen from getting probability 0.
"""

import numpy as np


def categorical_mle(labels, n_classes, alpha=0.0):
    r"""Class probabilities estimated from integer labels, with additive smoothing.

    With :math:`c_k = \#\{i : y_i = k\}` the count of class k among n labels and K
    classes,

    .. math::

        \hat p_k = \frac{c_k + \alpha}{n + K\alpha}, \qquad k = 0, \dots, K - 1

    which sums to 1. :math:`\alpha = 0` is the maximum-likelihood estimate; with no
    labels and :math:`\alpha > 0` it is the uniform distribution :math:`1/K`.

    Parameters
    ----------
    labels : array_like of int, shape (n,)
        Class labels in 0, ..., n_classes - 1 (integral floats are accepted). May be
        empty when alpha > 0.
    n_classes : int
        K >= 1, the number of classes (classes never seen count too).
    alpha : float, default 0.0
        The pseudo-count added to every class, alpha >= 0.

    Returns
    -------
    ndarray, shape (n_classes,)
        The probabilities, non-negative and summing to 1.

    Raises
    ------
    ValueError
        If labels is not 1-D, holds a non-integer or out-of-range label, n_classes is
        not a positive integer, alpha is negative or not finite, or there are no labels
        and alpha = 0 (0/0).

    Examples
    --------
    >>> categorical_mle([0, 2, 2, 1, 2], 4).tolist()
    [0.2, 0.2, 0.6, 0.0]
    >>> categorical_mle([0, 2, 2, 1, 2], 4, alpha=1.0).round(6).tolist()
    [0.222222, 0.222222, 0.444444, 0.111111]
    """
    # TODO: write categorical_mle (the docstring above has the maths).
    raise NotImplementedError("categorical_mle is not implemented yet")
