r"""The stationary distribution of a finite Markov chain.

A distribution pi that one step of the chain leaves unchanged, pi P = pi, is a left
eigenvector of P for eigenvalue 1; with sum(pi) = 1 it is one small linear solve.
"""

import numpy as np


def stationary_distribution(P):
    r"""Stationary distribution of an irreducible row-stochastic transition matrix.

    .. math::

        \pi P = \pi, \qquad \sum_{i} \pi_i = 1
        \iff (P^\top - I)\, \pi^\top = 0, \quad \mathbf{1}^\top \pi^\top = 1

    For an irreducible chain :math:`P^\top - I` has rank k - 1, so replacing one of its
    (redundant) equations by :math:`\sum_i \pi_i = 1` gives a non-singular k x k system.
    This works for periodic chains too, where the powers :math:`P^t` do not converge.

    Parameters
    ----------
    P : array_like, shape (k, k)
        Transition matrix, :math:`P_{ij} = P(X_{t+1} = j \mid X_t = i)`: non-negative,
        each row summing to 1 within 1e-9.

    Returns
    -------
    ndarray, shape (k,)
        The stationary distribution :math:`\pi` (non-negative, summing to 1).

    Raises
    ------
    ValueError
        If P is not square, is empty, has a negative entry or a row that does not sum to 1
        within 1e-9.
    numpy.linalg.LinAlgError
        If the system is singular (the chain is not irreducible: no unique pi).

    Examples
    --------
    >>> stationary_distribution([[0.9, 0.1], [0.5, 0.5]]).round(6).tolist()
    [0.833333, 0.166667]
    """
    # TODO: write stationary_distribution (the docstring above has the maths).
    raise NotImplementedError("stationary_distribution is not implemented yet")
