r"""Pegasos: a linear support vector machine by stochastic subgradient descent.

Each step looks at one random sample, shrinks the weights (the L2 penalty) and, if the
sample is inside the margin, pushes the weights towards classifying it with margin 1;
the step size 1/(λt) makes the iterates converge to the SVM solution.
"""

import numbers

import numpy as np


def pegasos_svm(X, y, lam, n_iter, rng):
    r"""Weights of a linear SVM (no intercept) trained by the Pegasos protocol.

    Pegasos minimises the primal SVM objective

    .. math::

        F(w) = \frac{\lambda}{2}\|w\|^2
               + \frac{1}{n}\sum_{i=1}^n \max(0,\ 1 - y_i w^\top x_i)

    by stochastic subgradient steps from :math:`w = 0`. For :math:`t = 1, \dots,`
    ``n_iter``, exactly in this order:

    .. math::

        i_t = \texttt{rng.integers(n)}, \qquad \eta_t = \frac{1}{\lambda t}, \qquad
        w \leftarrow (1 - \eta_t \lambda)\, w
              + [\,y_{i_t} w^\top x_{i_t} < 1\,]\ \eta_t\, y_{i_t} x_{i_t}

    where the margin condition uses :math:`w` *before* the step and :math:`[\cdot]` is
    1 when it holds and 0 otherwise. No projection step, no averaging.

    Parameters
    ----------
    X : array_like, shape (n_samples, n_features)
        The training samples.
    y : array_like, shape (n_samples,)
        Their labels, each -1 or +1.
    lam : float
        The regularisation strength :math:`\lambda > 0`.
    n_iter : int
        The number of steps, :math:`\ge 0` (0 returns the zero vector).
    rng : numpy.random.Generator
        The source of the sample indices: one ``rng.integers(n)`` per step, nothing else.

    Returns
    -------
    numpy.ndarray, shape (n_features,)
        The weights after ``n_iter`` steps.

    Raises
    ------
    ValueError
        If X is not 2-D, y is not 1-D, their lengths differ, there are no samples, a
        label is not -1 or +1, lam is not positive, or n_iter is not an integer >= 0.

    Examples
    --------
    >>> X = [[2.0, 0.0], [0.0, 1.0]]
    >>> w = pegasos_svm(X, [1, -1], lam=0.5, n_iter=200, rng=np.random.default_rng(0))
    >>> w.round(6).tolist()
    [0.5, -1.0]
    >>> pegasos_svm(X, [1, -1], lam=0.5, n_iter=0, rng=np.random.default_rng(0)).tolist()
    [0.0, 0.0]
    """
    # BEGIN SOLUTION
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    if X.ndim != 2:
        raise ValueError(f"X must be 2-D (n_samples, n_features), got shape {X.shape}")
    if y.ndim != 1 or y.shape[0] != X.shape[0]:
        raise ValueError(f"y must be 1-D with one label per row of X, got shape {y.shape}")
    if y.size == 0:
        raise ValueError("there are no samples to train on")
    if not np.all((y == 1) | (y == -1)):
        raise ValueError("labels must be -1 or +1")
    if not lam > 0:
        raise ValueError(f"lam must be positive, got {lam!r}")
    if not isinstance(n_iter, numbers.Integral) or isinstance(n_iter, bool) or n_iter < 0:
        raise ValueError(f"n_iter must be an integer >= 0, got {n_iter!r}")

    n = y.size
    w = np.zeros(X.shape[1])
    for t in range(1, n_iter + 1):
        i = rng.integers(n)
        eta = 1.0 / (lam * t)
        violated = y[i] * (w @ X[i]) < 1  # the margin with w before the step
        w *= 1.0 - eta * lam
        if violated:
            w += eta * y[i] * X[i]
    return w
    # END SOLUTION
