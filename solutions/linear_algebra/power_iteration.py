r"""Power iteration.

Multiplying a vector by A again and again amplifies its component along the dominant
eigenvector; normalising after every step keeps the numbers finite. It is how PageRank
and many large-scale eigen-solvers find the leading eigenpair.
"""

from typing import NamedTuple

import numpy as np


class Eigenpair(NamedTuple):
    value: float
    vector: np.ndarray


def power_iteration(A, num_iters=1000, tol=1e-12, rng=None):
    r"""The dominant eigenpair (largest :math:`|\lambda|`) of a square matrix A.

    From a random start :math:`x_0`, repeat

    .. math::

        v_{k+1} = \frac{A v_k}{\lVert A v_k \rVert}, \qquad
        \lambda_{k+1} = v_{k+1}^\top A\, v_{k+1}
        \quad \text{(the Rayleigh quotient of the unit vector } v_{k+1})

    with :math:`v_0 = x_0 / \lVert x_0 \rVert`. If A has a real, simple eigenvalue
    :math:`\lambda_1` with :math:`|\lambda_1| > |\lambda_2| \ge \dots`, then
    :math:`v_k` tends to :math:`\pm u_1` at the rate :math:`|\lambda_2 / \lambda_1|^k`
    and :math:`\lambda_k \to \lambda_1`, sign included.

    Protocol: :math:`x_0` = ``rng.standard_normal(n)``, with
    ``rng = np.random.default_rng(0)`` when none is given. Stop as soon as
    :math:`|\lambda_{k+1} - \lambda_k| \le \text{tol}\, |\lambda_{k+1}|`, or after
    ``num_iters`` steps.

    Parameters
    ----------
    A : array_like, shape (n, n)
        Real matrix whose dominant eigenvalue is real and simple, n >= 1.
    num_iters : int, optional
        The largest number of steps, at least 1.
    tol : float, optional
        Relative change of the eigenvalue estimate at which to stop, >= 0.
    rng : numpy.random.Generator, optional
        Source of the start vector; ``np.random.default_rng(0)`` when None.

    Returns
    -------
    Eigenpair
        ``value`` (float), the Rayleigh quotient of ``vector``, with its sign;
        ``vector`` (n,) of unit length (its sign is free).

    Raises
    ------
    ValueError
        If A is not a non-empty square 2-D array, num_iters < 1 or tol < 0.

    Examples
    --------
    >>> value, vector = power_iteration([[2.0, 1.0], [1.0, 2.0]])
    >>> round(value, 6)
    3.0
    >>> np.abs(vector).round(6).tolist()
    [0.707107, 0.707107]
    >>> round(power_iteration([[-5.0, 0.0], [0.0, 1.0]]).value, 6)
    -5.0
    """
    # BEGIN SOLUTION
    A = np.asarray(A, dtype=float)
    if A.ndim != 2 or A.shape[0] != A.shape[1]:
        raise ValueError(f"A must be a square 2-D array, got shape {A.shape}")
    n = A.shape[0]
    if n == 0:
        raise ValueError("A is empty")
    if num_iters < 1:
        raise ValueError(f"num_iters must be at least 1, got {num_iters}")
    if tol < 0:
        raise ValueError(f"tol must be non-negative, got {tol}")
    if rng is None:
        rng = np.random.default_rng(0)
    v = rng.standard_normal(n)
    v /= np.linalg.norm(v)
    value = float(v @ A @ v)
    for _ in range(num_iters):
        w = A @ v
        largest = np.abs(w).max()
        if largest == 0.0:  # A v = 0: v is an eigenvector for the eigenvalue 0
            return Eigenpair(0.0, v)
        w = w / largest  # scale first, so that squaring in the norm cannot overflow
        v = w / np.linalg.norm(w)
        new_value = float(v @ A @ v)
        converged = abs(new_value - value) <= tol * abs(new_value)
        value = new_value
        if converged:
            break
    return Eigenpair(value, v)
    # END SOLUTION
