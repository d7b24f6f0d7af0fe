r"""Embedding capstone: the t-SNE optimisation loop.

Given the input affinities P, t-SNE places points in the plane by gradient descent on
KL(P || Q): a tiny seeded random start, early exaggeration (P multiplied by a factor
for the first iterations, so that clusters form) and momentum that grows once the
exaggeration stops.
"""

import numbers
from typing import NamedTuple

import numpy as np


class Embedding(NamedTuple):
    Y: np.ndarray
    kl: np.ndarray


def tsne_embedding(
    P,
    rng,
    n_components=2,
    n_iter=300,
    learning_rate=100.0,
    exaggeration=12.0,
    exaggeration_iter=100,
):
    r"""Embed the points of the joint affinities P by t-SNE's gradient descent.

    Start from :math:`Y^{(0)} = 10^{-4} G` with ``G = rng.standard_normal((n,
    n_components))`` (the only draw), :math:`V^{(0)} = 0`, and for
    :math:`t = 0, \dots, T - 1` (``n_iter`` = T) with
    :math:`\alpha_t = ` ``exaggeration`` and :math:`m_t = 0.5` while
    :math:`t <` ``exaggeration_iter``, then :math:`\alpha_t = 1` and :math:`m_t = 0.8`:

    .. math::

        w_{ij} = \bigl(1 + \lVert y_i - y_j \rVert^2\bigr)^{-1}, \quad
        q_{ij} = \frac{w_{ij}}{\sum_{k \ne l} w_{kl}}, \quad
        g_i = 4 \sum_{j \ne i} (\alpha_t\, p_{ij} - q_{ij})\, w_{ij}\, (y_i - y_j),

    .. math::

        V^{(t+1)} = m_t V^{(t)} - \eta\, G^{(t)}, \qquad Y^{(t+1)} = Y^{(t)} + V^{(t+1)}

    (:math:`\eta` = ``learning_rate``; all at :math:`Y^{(t)}`). ``kl[t]`` is
    :math:`\mathrm{KL}(P \,\|\, Q)` of :math:`Y^{(t)}` with the un-exaggerated P, in
    nats, for t = 0..T. P itself is never changed.

    Parameters
    ----------
    P : array_like, shape (n, n)
        Joint affinities: non-negative, symmetric, zero diagonal, summing to 1, n >= 2.
    rng : numpy.random.Generator
        The source of the initial positions.
    n_components : int, optional
        The dimension of the map, >= 1.
    n_iter : int, optional
        The number T >= 0 of updates.
    learning_rate : float, optional
        :math:`\eta > 0`.
    exaggeration : float, optional
        :math:`\alpha \ge 1` for the first ``exaggeration_iter`` updates.
    exaggeration_iter : int, optional
        The number of exaggerated updates, >= 0.

    Returns
    -------
    Embedding
        ``Y`` (n, n_components), :math:`Y^{(T)}`; ``kl`` (T + 1,), the divergence of
        each iterate.

    Raises
    ------
    ValueError
        If P is not a valid (n, n) joint affinity matrix with n >= 2 (negative, not
        symmetric, non-zero diagonal, not summing to 1 within 1e-9), rng is not a
        ``numpy.random.Generator``, an integer argument is not an integer in range,
        learning_rate <= 0 or exaggeration < 1.

    Examples
    --------
    Two points that must be neighbours: their map distance grows from about 1e-4
    until q_01 = p_01 (which holds at any distance for n = 2), so KL falls to 0.

    >>> P = [[0.0, 0.5], [0.5, 0.0]]
    >>> result = tsne_embedding(P, np.random.default_rng(0), n_iter=5)
    >>> result.kl.round(6).tolist()
    [0.0, 0.0, 0.0, 0.0, 0.0, 0.0]
    >>> P = [[0, 0.2, 0.05, 0], [0.2, 0, 0, 0.05], [0.05, 0, 0, 0.2], [0, 0.05, 0.2, 0]]
    >>> result = tsne_embedding(P, np.random.default_rng(0), n_iter=100, learning_rate=1.0,
    ...                         exaggeration=2.0, exaggeration_iter=20)
    >>> result.kl[[0, 20, 100]].round(4).tolist(), result.Y.shape
    ([0.5982, 0.2363, 0.1386], (4, 2))
    """
    # BEGIN SOLUTION
    P = np.asarray(P, dtype=float)
    if P.ndim != 2 or P.shape[0] != P.shape[1] or P.shape[0] < 2:
        raise ValueError(f"P must be a square (n, n) array with n >= 2, got {P.shape}")
    if not np.all(np.isfinite(P)) or np.any(P < 0):
        raise ValueError("P must be finite and non-negative")
    if np.abs(P - P.T).max() > 1e-10 * np.abs(P).max() or np.any(np.diag(P) != 0):
        raise ValueError("P must be symmetric with a zero diagonal")
    if abs(P.sum() - 1.0) > 1e-9:
        raise ValueError(f"P must sum to 1, it sums to {P.sum()!r}")
    if not isinstance(rng, np.random.Generator):
        raise ValueError(f"rng must be a numpy.random.Generator, got {type(rng).__name__}")
    for name, value, least in (
        ("n_components", n_components, 1),
        ("n_iter", n_iter, 0),
        ("exaggeration_iter", exaggeration_iter, 0),
    ):
        if isinstance(value, bool) or not isinstance(value, numbers.Integral) or value < least:
            raise ValueError(f"{name} must be an integer >= {least}, got {value!r}")
    if not (np.isfinite(learning_rate) and learning_rate > 0):
        raise ValueError(f"learning_rate must be a finite number > 0, got {learning_rate!r}")
    if not (np.isfinite(exaggeration) and exaggeration >= 1):
        raise ValueError(f"exaggeration must be a finite number >= 1, got {exaggeration!r}")
    n = P.shape[0]
    Y = 1e-4 * rng.standard_normal((n, n_components))
    V = np.zeros_like(Y)
    positive = P > 0

    def affinities(Y):
        sq = np.sum(Y**2, axis=1)
        W = 1.0 / (1.0 + np.maximum(sq[:, None] + sq[None, :] - 2 * Y @ Y.T, 0.0))
        np.fill_diagonal(W, 0.0)
        Q = W / W.sum()
        kl = float(np.sum(P[positive] * np.log(P[positive] / Q[positive])))
        return W, Q, kl

    kl = np.empty(n_iter + 1)
    for t in range(n_iter):
        W, Q, kl[t] = affinities(Y)
        early = t < exaggeration_iter
        F = ((exaggeration if early else 1.0) * P - Q) * W
        grad = 4.0 * (F.sum(axis=1)[:, None] * Y - F @ Y)
        V = (0.5 if early else 0.8) * V - learning_rate * grad
        Y = Y + V
    kl[n_iter] = affinities(Y)[2]
    return Embedding(Y, kl)
    # END SOLUTION
