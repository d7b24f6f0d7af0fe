r"""The bias-variance decomposition of the expected squared error.

Train the same model on B training sets and predict at n fixed points: the expected
squared error against noisy targets splits exactly into the squared bias of the average
prediction, the variance of the predictions across training sets, and the noise.
"""

from typing import NamedTuple

import numpy as np


class BiasVariance(NamedTuple):
    bias2: float
    variance: float
    expected_mse: float


def bias_variance(predictions, f_true, noise_var):
    r"""Squared bias, variance and expected squared error of a model's predictions.

    With :math:`\hat f_b(x_i)` the prediction of the model trained on set b at point i
    and :math:`\bar f(x_i) = \frac1B \sum_b \hat f_b(x_i)`, averaged over the n points:

    .. math::

        \text{bias}^2 = \frac1n \sum_i \left(\bar f(x_i) - f(x_i)\right)^2, \qquad
        \text{variance} = \frac1n \sum_i \frac1B \sum_b
            \left(\hat f_b(x_i) - \bar f(x_i)\right)^2

    .. math::

        \text{expected\_mse} = \text{bias}^2 + \text{variance} + \sigma^2
        = \frac{1}{nB} \sum_{i, b} \left(\hat f_b(x_i) - f(x_i)\right)^2 + \sigma^2

    the expected squared error against a new target :math:`y = f(x) + \varepsilon`
    with :math:`\operatorname{Var}\varepsilon = \sigma^2`. The variance divides by B
    (the spread of these B models, not an estimate for other ones).

    Parameters
    ----------
    predictions : array_like, shape (B, n)
        Row b holds the predictions of the model trained on set b; B >= 1, n >= 1.
    f_true : array_like, shape (n,)
        The noise-free true function at the n points.
    noise_var : float
        The noise variance :math:`\sigma^2 \ge 0`.

    Returns
    -------
    BiasVariance
        ``bias2``, ``variance`` and ``expected_mse`` (floats).

    Raises
    ------
    ValueError
        If predictions is not 2-D or is empty, f_true is not 1-D of length n, or
        noise_var is negative or not finite.

    Examples
    --------
    >>> result = bias_variance([[1.0, 2.0], [3.0, 2.0]], [1.0, 1.0], noise_var=0.5)
    >>> float(result.bias2), float(result.variance), float(result.expected_mse)
    (1.0, 0.5, 2.0)
    """
    # BEGIN SOLUTION
    predictions = np.asarray(predictions, dtype=float)
    f_true = np.asarray(f_true, dtype=float)
    if predictions.ndim != 2:
        raise ValueError(f"predictions must be 2-D (B, n), got shape {predictions.shape}")
    if predictions.size == 0:
        raise ValueError(f"predictions is empty (shape {predictions.shape})")
    if f_true.ndim != 1 or f_true.shape[0] != predictions.shape[1]:
        raise ValueError(
            f"f_true must have shape ({predictions.shape[1]},) to match predictions "
            f"{predictions.shape}, got {f_true.shape}"
        )
    noise_var = float(noise_var)
    if not (np.isfinite(noise_var) and noise_var >= 0):
        raise ValueError(f"noise_var must be a finite variance >= 0, got {noise_var}")
    average = predictions.mean(axis=0)
    bias2 = float(np.mean((average - f_true) ** 2))
    variance = float(np.mean((predictions - average) ** 2))
    return BiasVariance(bias2, variance, bias2 + variance + noise_var)
    # END SOLUTION
