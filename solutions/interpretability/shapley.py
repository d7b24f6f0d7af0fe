r"""Exact Shapley values of a model's prediction, over all coalitions of features.

Shapley values split a prediction's difference from the average prediction fairly
among the features: the only split that is efficient, symmetric, ignores dummy
features and is linear in the model. SHAP's explanations approximate them.
"""

import math

import numpy as np

MAX_FEATURES = 16


def exact_shapley_values(f, x, background):
    r"""The Shapley value of every feature for the prediction f(x), by all 2^d coalitions.

    The value of a coalition :math:`S` of features is the mean prediction when the
    features in :math:`S` are taken from :math:`x` and the others from each background
    row :math:`b^{(r)}`, r = 1..B:

    .. math::

        v(S) = \frac{1}{B} \sum_{r=1}^{B} f\bigl(z^{(r)}\bigr), \qquad
        z^{(r)}_j = \begin{cases} x_j & j \in S \\ b^{(r)}_j & j \notin S \end{cases}

    and feature :math:`i` gets its average marginal contribution over all orders in
    which the features could join:

    .. math::

        \phi_i = \sum_{S \subseteq N \setminus \{i\}}
            \frac{|S|! \, (d - |S| - 1)!}{d!} \bigl( v(S \cup \{i\}) - v(S) \bigr)

    so that :math:`\sum_i \phi_i = v(N) - v(\emptyset) = f(x) - \frac{1}{B}\sum_r
    f(b^{(r)})`.

    Parameters
    ----------
    f : callable
        The model: maps an array of shape (m, d) to m predictions (any m).
    x : array_like, shape (d,)
        The point to explain, 1 ≤ d ≤ 16.
    background : array_like, shape (B, d)
        Background rows (B ≥ 1) that stand for "feature unknown".

    Returns
    -------
    numpy.ndarray, shape (d,)
        The Shapley values :math:`\phi_1, \dots, \phi_d`.

    Raises
    ------
    ValueError
        If x is not 1-D or empty, background is not 2-D, empty or of another width,
        d > 16 (2^d coalitions would be too many), or f does not return one
        prediction per row.

    Examples
    --------
    >>> def f(Z):
    ...     return Z[:, 0] * Z[:, 1] + Z[:, 0]
    >>> exact_shapley_values(f, [1.0, 2.0], [[0.0, 0.0]]).tolist()
    [2.0, 1.0]
    """
    # BEGIN SOLUTION
    x = np.asarray(x, dtype=float)
    background = np.asarray(background, dtype=float)
    if x.ndim != 1 or x.size == 0:
        raise ValueError(f"x must be a non-empty 1-D point, got shape {x.shape}")
    d = x.size
    if background.ndim != 2 or background.shape[0] == 0 or background.shape[1] != d:
        raise ValueError(f"background must have shape (B >= 1, {d}), got {background.shape}")
    if d > MAX_FEATURES:
        raise ValueError(f"d = {d} features means 2^{d} coalitions: at most {MAX_FEATURES}")
    B = background.shape[0]
    count = 1 << d
    members = (np.arange(count)[:, None] >> np.arange(d)) & 1 == 1  # (2^d, d): i in S?
    # v(S) for every coalition, evaluating a few hundred thousand rows per call.
    v = np.empty(count)
    chunk = max(1, (1 << 18) // B)
    for start in range(0, count, chunk):
        masks = members[start : start + chunk]
        Z = np.where(masks[:, None, :], x, background[None, :, :])  # (c, B, d)
        predictions = np.asarray(f(Z.reshape(-1, d)), dtype=float).reshape(-1)
        if predictions.size != Z.shape[0] * B:
            raise ValueError(f"f returned {predictions.size} predictions for {Z.shape[0] * B} rows")
        v[start : start + chunk] = predictions.reshape(-1, B).mean(axis=1)
    size = members.sum(axis=1)
    weight = np.array(
        [math.factorial(s) * math.factorial(d - s - 1) / math.factorial(d) for s in range(d)]
    )
    phi = np.empty(d)
    coalitions = np.arange(count)
    for i in range(d):
        without = coalitions[~members[:, i]]  # every S that does not contain i
        phi[i] = np.sum(weight[size[without]] * (v[without | (1 << i)] - v[without]))
    return phi
    # END SOLUTION
