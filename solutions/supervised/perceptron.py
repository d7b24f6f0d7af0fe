r"""The perceptron: Rosenblatt's mistake-driven linear classifier.

It sweeps the samples in order and nudges the hyperplane towards each one it gets
wrong; on linearly separable data it stops after finitely many updates (Novikoff).
"""

import numbers
from typing import NamedTuple

import numpy as np


class Perceptron(NamedTuple):
    """The hyperplane w.x + b = 0 and how many updates found it."""

    w: np.ndarray
    b: float
    n_updates: int


def perceptron(X, y, max_epochs=100):
    r"""Train a perceptron by cyclic passes over the samples.

    From :math:`w = 0,\ b = 0`, each epoch visits :math:`i = 0, 1, \dots, n-1` in order
    and updates on every mistake (a margin of exactly 0 counts as one):

    .. math::

        \text{if } y_i (w^\top x_i + b) \le 0: \qquad
        w \leftarrow w + y_i x_i, \qquad b \leftarrow b + y_i

    Training stops after the first epoch without an update (every sample then has
    :math:`y_i (w^\top x_i + b) > 0`), or after ``max_epochs`` epochs, whichever comes
    first.

    Parameters
    ----------
    X : array_like, shape (n_samples, n_features)
        The training samples.
    y : array_like, shape (n_samples,)
        Their labels, each -1 or +1.
    max_epochs : int, optional
        The most passes over the data, at least 1.

    Returns
    -------
    Perceptron
        ``w`` (ndarray of shape (n_features,)), ``b`` (float) and ``n_updates`` (int,
        the total number of updates made).

    Raises
    ------
    ValueError
        If X is not 2-D, y is not 1-D, their lengths differ, there are no samples, a
        label is not -1 or +1, or max_epochs is not an integer >= 1.

    Examples
    --------
    >>> w, b, n_updates = perceptron([[2.0, 1.0], [-1.0, -1.0]], [1, -1])
    >>> w.tolist(), float(b), int(n_updates)
    ([2.0, 1.0], 1.0, 1)
    >>> w, b, n_updates = perceptron([[1.0], [2.0], [3.0]], [-1, 1, 1])
    >>> w.tolist(), float(b), int(n_updates)
    ([2.0], -3.0, 13)
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
    if not isinstance(max_epochs, numbers.Integral) or isinstance(max_epochs, bool):
        raise ValueError(f"max_epochs must be an integer, got {max_epochs!r}")
    if max_epochs < 1:
        raise ValueError(f"max_epochs must be at least 1, got {max_epochs}")

    w = np.zeros(X.shape[1])
    b = 0.0
    n_updates = 0
    for _ in range(max_epochs):
        clean = True
        for x_i, y_i in zip(X, y, strict=True):
            if y_i * (w @ x_i + b) <= 0:  # a mistake, or exactly on the hyperplane
                w += y_i * x_i
                b += y_i
                n_updates += 1
                clean = False
        if clean:
            break
    return Perceptron(w, float(b), n_updates)
    # END SOLUTION
