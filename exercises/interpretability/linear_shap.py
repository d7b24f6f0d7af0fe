r"""Shapley values of a linear model, in closed form.

For f(z) = w·z the exact Shapley values need no coalitions at all: each feature gets
its weight times how far x is from the background's mean in that feature. This is
what SHAP's LinearExplainer computes (for independent features).
"""

import numpy as np


def linear_shap(w, x, background):
    r"""The Shapley values of the linear model :math:`f(z) = w \cdot z` at the point x.

    .. math::

        \phi_i = w_i \, (x_i - \bar b_i), \qquad
        \bar b_i = \frac{1}{B} \sum_{r=1}^{B} b^{(r)}_i

    With the game :math:`v(S)` = mean over background rows of :math:`f` with the
    features in :math:`S` taken from :math:`x`, every marginal contribution of
    feature :math:`i` is the same, :math:`w_i (x_i - \bar b_i)`, whatever the
    coalition: so that is its Shapley value, and
    :math:`\sum_i \phi_i = f(x) - \frac{1}{B} \sum_r f(b^{(r)})`. An intercept
    cancels out.

    Parameters
    ----------
    w : array_like, shape (d,)
        The model's weights.
    x : array_like, shape (d,)
        The point to explain, d ≥ 1.
    background : array_like, shape (B, d)
        Background rows, B ≥ 1.

    Returns
    -------
    numpy.ndarray, shape (d,)
        The Shapley values :math:`\phi_1, \dots, \phi_d`.

    Raises
    ------
    ValueError
        If w or x is not 1-D or is empty, their lengths differ, or background is not
        2-D, has no rows, or has another width.

    Examples
    --------
    >>> linear_shap([2.0, -1.0], [3.0, 1.0], [[1.0, 1.0], [3.0, 3.0]]).tolist()
    [2.0, 1.0]
    """
    # TODO: write linear_shap (the docstring above has the maths).
    raise NotImplementedError("linear_shap is not implemented yet")
