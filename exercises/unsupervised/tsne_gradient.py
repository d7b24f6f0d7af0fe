r"""The t-SNE objective and its gradient: KL(P || Q) with Student-t affinities Q.

The heavy tail of the Student-t kernel lets moderately distant points sit far apart in
the map (no crowding), and gives the gradient a simple closed form: attractions and
repulsions along every pair, weighted by (p_ij - q_ij).
"""

from typing import NamedTuple

import numpy as np


class TSNE(NamedTuple):
    """The result of :func:`tsne_kl_gradient`."""

    kl: float
    grad: np.ndarray


def tsne_kl_gradient(P, Y):
    r"""KL(P || Q) of a t-SNE embedding Y and its gradient with respect to Y.

    .. math::

        w_{ij} = \left(1 + \lVert y_i - y_j \rVert_2^2\right)^{-1}, \qquad
        q_{ij} = \frac{w_{ij}}{\sum_{k \ne l} w_{kl}} \ (i \ne j), \qquad
        \mathrm{KL} = \sum_{i \ne j} p_{ij} \ln \frac{p_{ij}}{q_{ij}}

    (terms with :math:`p_{ij} = 0` are 0), and

    .. math::

        \frac{\partial\, \mathrm{KL}}{\partial y_i}
        = 4 \sum_j (p_{ij} - q_{ij})\, w_{ij}\, (y_i - y_j).

    Parameters
    ----------
    P : array_like, shape (n, n)
        Joint input affinities: non-negative, symmetric, zero diagonal, summing to 1.
    Y : array_like, shape (n, d)
        The embedding, one point per row, n >= 2.

    Returns
    -------
    TSNE
        ``kl`` float, the divergence in nats; ``grad`` (n, d), its gradient.

    Raises
    ------
    ValueError
        If Y is not 2-D with n >= 2 rows, P is not (n, n), or P is negative somewhere,
        not symmetric, has a non-zero diagonal or does not sum to 1 within 1e-9.

    Examples
    --------
    >>> P = [[0.0, 0.25, 0.25], [0.25, 0.0, 0.0], [0.25, 0.0, 0.0]]
    >>> result = tsne_kl_gradient(P, [[0.0], [1.0], [-1.0]])
    >>> round(result.kl, 6), result.grad.round(6).tolist()
    (0.182322, [[0.0], [-0.05], [0.05]])
    """
    # TODO: write tsne_kl_gradient (the docstring above has the maths).
    raise NotImplementedError("tsne_kl_gradient is not implemented yet")
