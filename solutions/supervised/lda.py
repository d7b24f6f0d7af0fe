r"""Fisher's linear discriminant: the projection that best separates two classes.

Projected onto w, the class means should lie far apart relative to the spread of each
class; the best direction solves a linear system with the within-class scatter.
"""

import numpy as np


def fisher_lda_direction(X, y):
    r"""The unit direction of Fisher's linear discriminant for labels 0 and 1.

    With :math:`\mu_c` the mean of the samples of class :math:`c` and

    .. math::

        S_W = \sum_{c \in \{0, 1\}} \sum_{i : y_i = c} (x_i - \mu_c)(x_i - \mu_c)^\top

    the summed within-class scatter, the direction maximising Fisher's criterion
    :math:`J(w) = \frac{(w^\top(\mu_1 - \mu_0))^2}{w^\top S_W w}` is

    .. math::

        w \propto S_W^{-1} (\mu_1 - \mu_0), \qquad \|w\|_2 = 1, \qquad
        w^\top (\mu_1 - \mu_0) > 0

    (any positive multiple of :math:`S_W`, such as the pooled covariance, gives the
    same unit vector).

    Parameters
    ----------
    X : array_like, shape (n_samples, n_features)
        The samples.
    y : array_like, shape (n_samples,)
        Their labels, each 0 or 1, with both classes present.

    Returns
    -------
    numpy.ndarray, shape (n_features,)
        The unit direction, pointing from class 0 towards class 1.

    Raises
    ------
    numpy.linalg.LinAlgError
        If :math:`S_W` is singular to working precision (a constant feature, features
        that are exact multiples of each other, too few samples for the features).
    ValueError
        If X is not 2-D, y is not 1-D, their lengths differ, a label is not 0 or 1, a
        class has no sample, or the two class means coincide.

    Examples
    --------
    >>> X = [[0, 0], [2, 0], [1, 1], [1, -1], [2, 1], [6, 1], [4, 2], [4, 0]]
    >>> fisher_lda_direction(X, [0, 0, 0, 0, 1, 1, 1, 1]).round(6).tolist()
    [0.768221, 0.640184]
    """
    # BEGIN SOLUTION
    X = np.asarray(X, dtype=float)
    y = np.asarray(y)
    if X.ndim != 2:
        raise ValueError(f"X must be 2-D (n_samples, n_features), got shape {X.shape}")
    if y.ndim != 1 or y.shape[0] != X.shape[0]:
        raise ValueError(f"y must be 1-D with one label per row of X, got shape {y.shape}")
    if not np.all((y == 0) | (y == 1)):
        raise ValueError("labels must be 0 or 1")
    X0, X1 = X[y == 0], X[y == 1]
    if len(X0) == 0 or len(X1) == 0:
        raise ValueError("both classes need at least one sample")

    mu0, mu1 = X0.mean(axis=0), X1.mean(axis=0)
    D0, D1 = X0 - mu0, X1 - mu1
    S_W = D0.T @ D0 + D1.T @ D1
    s = np.linalg.svd(S_W, compute_uv=False)
    if s[-1] <= 1e3 * S_W.shape[0] * np.finfo(float).eps * s[0]:
        raise np.linalg.LinAlgError("the within-class scatter S_W is singular")
    diff = mu1 - mu0
    if not np.any(diff):
        raise ValueError("the two class means coincide: no direction separates them")
    w = np.linalg.solve(S_W, diff)
    w /= np.linalg.norm(w)
    return w if w @ diff > 0 else -w
    # END SOLUTION
