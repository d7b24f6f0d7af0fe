r"""Log loss and the Brier score: proper scoring rules for probabilities.

A scoring rule is proper when reporting the true probability minimises the expected
score, so these reward honest, calibrated forecasts rather than confident guesses.
"""

import numpy as np


def log_loss(y_true, p, eps=1e-15):
    r"""Mean negative log-likelihood of binary labels under probabilities p.

    .. math::

        \mathrm{LL} = -\frac{1}{n} \sum_{i=1}^n \left[ y_i \ln \tilde p_i
            + (1 - y_i) \ln (1 - \tilde p_i) \right],
        \qquad \tilde p_i = \min(\max(p_i, \varepsilon), 1 - \varepsilon)

    The clipping keeps a confident wrong answer (p = 0 for a positive) finite.

    Parameters
    ----------
    y_true : array_like of int, shape (n,)
        Labels in {0, 1}.
    p : array_like, shape (n,)
        Predicted probabilities of label 1, in [0, 1].
    eps : float, optional
        The clipping margin, 0 < eps < 0.5.

    Returns
    -------
    float
        The log loss in nats, >= 0.

    Raises
    ------
    ValueError
        If the inputs are not 1-D, are empty or differ in length, if a label is not 0
        or 1, if a probability is outside [0, 1], or if eps is outside (0, 0.5).

    Examples
    --------
    >>> round(log_loss([1, 0, 1], [0.9, 0.2, 0.6]), 6)
    0.279777
    >>> round(log_loss([1], [0.0]), 6)  # -ln(1e-15)
    34.538776
    """
    # BEGIN SOLUTION
    if not 0 < eps < 0.5:
        raise ValueError(f"eps must lie in (0, 0.5), got {eps}")
    y = np.asarray(y_true)
    p = np.asarray(p, dtype=float)
    if y.ndim != 1 or p.ndim != 1:
        raise ValueError(f"y_true and p must be 1-D, got shapes {y.shape}, {p.shape}")
    if y.size == 0:
        raise ValueError("y_true is empty")
    if y.shape != p.shape:
        raise ValueError(f"y_true and p differ in length: {y.size}, {p.size}")
    if not np.all((y == 0) | (y == 1)):
        raise ValueError("labels must be 0 or 1")
    if not np.all((p >= 0) & (p <= 1)):
        raise ValueError("probabilities must lie in [0, 1]")
    y = y.astype(float)
    q = np.clip(p, eps, 1 - eps)
    return float(-np.mean(y * np.log(q) + (1 - y) * np.log1p(-q)))
    # END SOLUTION


def brier_score(y_true, p):
    r"""Mean squared difference between probabilities and binary outcomes.

    .. math::

        \mathrm{BS} = \frac{1}{n} \sum_{i=1}^n (p_i - y_i)^2

    Parameters
    ----------
    y_true : array_like of int, shape (n,)
        Labels in {0, 1}.
    p : array_like, shape (n,)
        Predicted probabilities of label 1, in [0, 1].

    Returns
    -------
    float
        The Brier score, in [0, 1].

    Raises
    ------
    ValueError
        If the inputs are not 1-D, are empty or differ in length, if a label is not 0
        or 1, or if a probability is outside [0, 1].

    Examples
    --------
    >>> round(brier_score([1, 0, 1], [0.9, 0.2, 0.6]), 6)
    0.07
    """
    # BEGIN SOLUTION
    y = np.asarray(y_true)
    p = np.asarray(p, dtype=float)
    if y.ndim != 1 or p.ndim != 1:
        raise ValueError(f"y_true and p must be 1-D, got shapes {y.shape}, {p.shape}")
    if y.size == 0:
        raise ValueError("y_true is empty")
    if y.shape != p.shape:
        raise ValueError(f"y_true and p differ in length: {y.size}, {p.size}")
    if not np.all((y == 0) | (y == 1)):
        raise ValueError("labels must be 0 or 1")
    if np.any(p < 0) or np.any(p > 1):
        raise ValueError("probabilities must lie in [0, 1]")
    y = y.astype(float)
    return float(np.mean((p - y) ** 2))
    # END SOLUTION
