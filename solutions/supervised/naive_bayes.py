r"""Gaussian naive Bayes: a generative classifier with independent Gaussian features.

Fit one Gaussian per class and feature by maximum likelihood, combine them with the
class frequencies through Bayes' rule, and normalise the posterior in log space so that
far-away points neither underflow nor divide 0 by 0.
"""

from typing import NamedTuple

import numpy as np


class NB(NamedTuple):
    labels: np.ndarray
    log_proba: np.ndarray


def gaussian_naive_bayes(X_train, y_train, X_test, var_smoothing=1e-9):
    r"""Predicted labels and normalised log-posteriors of Gaussian naive Bayes.

    For each class c (in sorted order) with :math:`n_c` training samples, the prior,
    means and variances are the maximum-likelihood estimates, each variance raised by
    the same :math:`\varepsilon`:

    .. math::

        \pi_c = \frac{n_c}{n}, \qquad
        \mu_{cj} = \frac{1}{n_c} \sum_{i : y_i = c} x_{ij}, \qquad
        \sigma^2_{cj} = \frac{1}{n_c} \sum_{i : y_i = c} (x_{ij} - \mu_{cj})^2
            + \varepsilon

    with :math:`\varepsilon` = ``var_smoothing`` times the largest variance of a
    feature of X_train (divisor n), as scikit-learn does. Features are independent given
    the class, so

    .. math::

        \log p(x, c) = \log \pi_c - \frac{1}{2} \sum_{j=1}^{d}
            \Bigl[\log\bigl(2\pi\sigma^2_{cj}\bigr)
            + \frac{(x_j - \mu_{cj})^2}{\sigma^2_{cj}}\Bigr], \qquad
        \log p(c \mid x) = \log p(x, c) - \log \sum_{c'} e^{\log p(x, c')}

    where the last sum is a log-sum-exp taken stably; the label is the class of the
    largest posterior.

    Parameters
    ----------
    X_train : array_like, shape (n, d)
        Training inputs, one sample per row.
    y_train : array_like of int, shape (n,)
        Training labels (any integers); the classes are its distinct values, sorted.
    X_test : array_like, shape (m, d)
        Points to classify.
    var_smoothing : float, optional
        The fraction :math:`\ge 0` of the largest feature variance added to every
        variance (default 1e-9).

    Returns
    -------
    NB
        ``labels`` (array of shape (m,), values from y_train) and ``log_proba`` (array
        of shape (m, K), K the number of classes in sorted order; each row's
        exponentials sum to 1).

    Raises
    ------
    ValueError
        If X_train or X_test is not 2-D, y_train is not 1-D, their sizes do not match,
        the training set is empty, var_smoothing is not a finite number >= 0, or some
        smoothed variance is 0 (every feature of X_train is constant and
        var_smoothing cannot help).

    Examples
    --------
    Class 0 at 0 and 2, class 1 at 4, 6, 4, 6: both variances are 1, so at x = 3, halfway
    between the means, the posterior is the prior (1/3, 2/3).

    >>> labels, log_proba = gaussian_naive_bayes(
    ...     [[0.0], [2.0], [4.0], [6.0], [4.0], [6.0]], [0, 0, 1, 1, 1, 1], [[3.0], [0.5]],
    ...     var_smoothing=0.0)
    >>> labels.tolist()
    [1, 0]
    >>> np.exp(log_proba[0]).round(6).tolist()
    [0.333333, 0.666667]
    """
    # BEGIN SOLUTION
    X_train = np.asarray(X_train, dtype=float)
    y_train = np.asarray(y_train)
    X_test = np.asarray(X_test, dtype=float)
    if X_train.ndim != 2 or X_test.ndim != 2:
        raise ValueError(
            f"X_train and X_test must be 2-D, got shapes {X_train.shape} and {X_test.shape}"
        )
    if y_train.ndim != 1:
        raise ValueError(f"y_train must be 1-D, got shape {y_train.shape}")
    n, d = X_train.shape
    if n == 0 or d == 0:
        raise ValueError(f"the training set is empty (shape {X_train.shape})")
    if y_train.shape[0] != n:
        raise ValueError(f"X_train has {n} rows but y_train has {y_train.shape[0]} labels")
    if X_test.shape[1] != d:
        raise ValueError(f"X_test has {X_test.shape[1]} features but X_train has {d}")
    if not (np.isfinite(var_smoothing) and var_smoothing >= 0):
        raise ValueError(f"var_smoothing must be a finite number >= 0, got {var_smoothing!r}")
    classes = np.unique(y_train)  # sorted
    epsilon = var_smoothing * X_train.var(axis=0).max()
    joint = np.empty((X_test.shape[0], classes.size))
    for c, label in enumerate(classes):
        Xc = X_train[y_train == label]
        mean = Xc.mean(axis=0)
        var = Xc.var(axis=0) + epsilon  # MLE: divisor n_c
        if np.any(var <= 0):
            raise ValueError(
                f"class {label!r} has a zero variance even after smoothing "
                f"(epsilon = {epsilon}): the Gaussian density is undefined"
            )
        log_prior = np.log(Xc.shape[0] / n)
        joint[:, c] = log_prior - 0.5 * (
            np.log(2 * np.pi * var).sum() + (((X_test - mean) ** 2) / var).sum(axis=1)
        )
    top = joint.max(axis=1, keepdims=True)
    log_norm = top + np.log(np.exp(joint - top).sum(axis=1, keepdims=True))
    log_proba = joint - log_norm
    labels = classes[np.argmax(joint, axis=1)]
    return NB(labels, log_proba)
    # END SOLUTION
