r"""Partial dependence: a model's average prediction as one feature is set to each value.

A partial dependence plot shows how a model's output moves with one feature, the
others averaged over the data: the global picture behind the individual conditional
expectation (ICE) curves of each sample.
"""

import numpy as np


def partial_dependence(predict, X, feature, grid):
    r"""The mean prediction over the data with one feature set to each grid value.

    .. math::

        \mathrm{PD}(g) = \frac{1}{n} \sum_{i=1}^{n}
            f\bigl(x_{i, 1}, \dots, x_{i, j-1}, \; g, \; x_{i, j+1}, \dots, x_{i, d}\bigr)

    for :math:`j` = ``feature`` and each :math:`g` in ``grid``: every row keeps its
    other features, so this is the mean of the prediction, not the prediction at the
    mean row (they differ for a nonlinear model).

    Parameters
    ----------
    predict : callable
        The model: maps an array of shape (m, d) to m predictions (any m).
    X : array_like, shape (n, d)
        The data, n ≥ 1.
    feature : int
        The column to vary, 0 ≤ feature < d.
    grid : array_like, shape (G,)
        The values to set it to, G ≥ 1, in the order to report them.

    Returns
    -------
    numpy.ndarray, shape (G,)
        :math:`\mathrm{PD}(g)` for each grid value, in the grid's order.

    Raises
    ------
    ValueError
        If X is not 2-D or is empty, feature is not an integer in [0, d), or grid is
        not 1-D or is empty.

    Examples
    --------
    >>> def f(Z):
    ...     return Z[:, 0] * Z[:, 1]
    >>> partial_dependence(f, [[1.0, 2.0], [3.0, 4.0]], 0, [0.0, 1.0, 2.0]).tolist()
    [0.0, 3.0, 6.0]
    """
    # TODO: write partial_dependence (the docstring above has the maths).
    raise NotImplementedError("partial_dependence is not implemented yet")
