r"""Cell capstone: standardise with the training set's statistics.

Porosity is a fraction, thickness is tens of micrometres and pressure a hundred
megapascals: before PCA or a penalised regression compares them, each column is put on
the same scale. The mean and standard deviation come from the training rows only and
are applied unchanged to the test rows, so that nothing about the test set leaks into
the model.
"""

from typing import NamedTuple

import numpy as np


class Standardized(NamedTuple):
    train: np.ndarray
    test: np.ndarray
    mean: np.ndarray
    scale: np.ndarray


def standardize_train_test(X_train, X_test):
    r"""Z-scores of the training and the test rows, both with the training statistics.

    For each column j, with the n training rows :math:`x_{1j}, \dots, x_{nj}`,

    .. math::

        \mu_j = \frac1n \sum_{i=1}^{n} x_{ij}, \qquad
        s_j = \sqrt{\frac1n \sum_{i=1}^{n} (x_{ij} - \mu_j)^2}, \qquad
        z_{ij} = \frac{x_{ij} - \mu_j}{s_j}

    (the divisor is n, as scikit-learn's ``StandardScaler``), and every test row is
    transformed with the same :math:`\mu` and :math:`s`. The training z-scores have
    column means 0 and standard deviations 1; the test ones need not.

    Parameters
    ----------
    X_train : array_like, shape (n, d)
        The training rows, n >= 2, finite.
    X_test : array_like, shape (m, d)
        The test rows (m >= 0), finite, with the same d columns.

    Returns
    -------
    Standardized
        ``train`` (n, d) and ``test`` (m, d) z-scores, ``mean`` :math:`\mu` (d,) and
        ``scale`` :math:`s` (d,).

    Raises
    ------
    ValueError
        If an input is not 2-D, has no columns or a non-finite value, if the widths
        differ, if n < 2, or if a training column is constant (:math:`s_j \le 10^{-12}
        \max_i |x_{ij}|`, so that no z-score exists).

    Examples
    --------
    >>> result = standardize_train_test([[1.0, 10.0], [3.0, 30.0]], [[2.0, 50.0]])
    >>> result.train.tolist(), result.test.tolist()
    ([[-1.0, -1.0], [1.0, 1.0]], [[0.0, 3.0]])
    >>> result.mean.tolist(), result.scale.tolist()
    ([2.0, 20.0], [1.0, 10.0])
    """
    # BEGIN SOLUTION
    A = np.asarray(X_train, dtype=float)
    B = np.asarray(X_test, dtype=float)
    if A.ndim != 2 or B.ndim != 2:
        raise ValueError(f"X_train and X_test must be 2-D, got shapes {A.shape}, {B.shape}")
    if A.shape[1] == 0 or A.shape[1] != B.shape[1]:
        raise ValueError(f"X_train and X_test need the same d >= 1 columns: {A.shape}, {B.shape}")
    if A.shape[0] < 2:
        raise ValueError(f"need at least 2 training rows, got {A.shape[0]}")
    if not (np.all(np.isfinite(A)) and np.all(np.isfinite(B))):
        raise ValueError("X_train and X_test must be finite")
    mean = A.mean(axis=0)
    scale = np.sqrt(np.mean((A - mean) ** 2, axis=0))
    constant = scale <= 1e-12 * np.max(np.abs(A), axis=0)
    if np.any(constant):
        raise ValueError(f"training columns {np.flatnonzero(constant).tolist()} are constant")
    return Standardized((A - mean) / scale, (B - mean) / scale, mean, scale)
    # END SOLUTION
