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
    # TODO: write fisher_lda_direction (the docstring above has the maths).
    raise NotImplementedError("fisher_lda_direction is not implemented yet")
