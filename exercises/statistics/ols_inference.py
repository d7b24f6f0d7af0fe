r"""Ordinary least squares with classical standard errors.

Under :math:`y = X\beta + \varepsilon` with i.i.d. noise of variance :math:`\sigma^2`,
the OLS estimate has covariance :math:`\sigma^2 (X^\top X)^{-1}`; estimating
:math:`\sigma^2` by the residual sum of squares over n - p degrees of freedom gives the
standard errors that regression tables print.
"""

from typing import NamedTuple

import numpy as np


class OLS(NamedTuple):
    coef: np.ndarray
    standard_errors: np.ndarray


def ols_standard_errors(X, y):
    r"""OLS coefficients and their standard errors.

    .. math::

        \hat\beta = (X^\top X)^{-1} X^\top y, \qquad
        \hat\sigma^2 = \frac{\lVert y - X\hat\beta \rVert^2}{n - p}, \qquad
        \operatorname{SE}(\hat\beta_j) = \sqrt{\hat\sigma^2 \left[(X^\top X)^{-1}\right]_{jj}}

    The divisor n - p makes :math:`\hat\sigma^2` unbiased (p parameters were fitted).
    X is used as given: add a column of ones yourself for an intercept.

    Parameters
    ----------
    X : array_like, shape (n, p)
        The design matrix, including any intercept column; n > p, full column rank.
    y : array_like, shape (n,)
        The responses.

    Returns
    -------
    OLS
        ``coef`` (p,) and ``standard_errors`` (p,).

    Raises
    ------
    ValueError
        If X is not 2-D, y is not 1-D, their lengths differ, X has no columns, or
        n <= p (no degrees of freedom left to estimate the noise).
    numpy.linalg.LinAlgError
        If X is rank-deficient (its columns are linearly dependent).

    Examples
    --------
    >>> X = [[1.0, 0.0], [1.0, 1.0], [1.0, 2.0], [1.0, 3.0]]
    >>> coef, se = ols_standard_errors(X, [1.0, 3.0, 2.0, 5.0])
    >>> coef.round(6).tolist()
    [1.1, 1.1]
    >>> se.round(6).tolist()
    [0.972111, 0.519615]
    """
    # TODO: write ols_standard_errors (the docstring above has the maths).
    raise NotImplementedError("ols_standard_errors is not implemented yet")
