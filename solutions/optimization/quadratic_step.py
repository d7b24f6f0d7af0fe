r"""Stable and optimal step sizes of gradient descent on a quadratic.

On f = ½xᵀAx every step multiplies the error by I − αA, so the eigenvalues of A decide
everything: the largest sets the step beyond which descent diverges, the two extremes
together the step that contracts fastest. This is where "condition number" starts to
matter.
"""

from typing import NamedTuple

import numpy as np


class StepSizes(NamedTuple):
    max_stable: float
    optimal: float


def quadratic_step_sizes(A):
    r"""The largest stable and the optimal fixed step of gradient descent on ½xᵀAx.

    Gradient descent with step :math:`\alpha` maps the error :math:`e = x` to
    :math:`(I - \alpha A) e`; it converges for every start iff
    :math:`|1 - \alpha\lambda_i| < 1` for all eigenvalues, and contracts fastest when
    the two extreme factors balance:

    .. math::

        \alpha_{\text{max}} = \frac{2}{\lambda_{\max}}, \qquad
        \alpha_{\text{opt}} = \frac{2}{\lambda_{\min} + \lambda_{\max}}

    Parameters
    ----------
    A : array_like, shape (d, d)
        Symmetric positive definite.

    Returns
    -------
    StepSizes
        ``max_stable`` (float, :math:`2/\lambda_{\max}`; steps must stay below it) and
        ``optimal`` (float, :math:`2/(\lambda_{\min} + \lambda_{\max})`).

    Raises
    ------
    ValueError
        If A is not square, is empty, is not symmetric, or is not positive definite
        (its smallest eigenvalue is at most d·eps times its largest).

    Examples
    --------
    >>> steps = quadratic_step_sizes([[1.0, 0.0], [0.0, 3.0]])
    >>> float(steps.max_stable), float(steps.optimal)
    (0.6666666666666666, 0.5)
    """
    # BEGIN SOLUTION
    A = np.asarray(A, dtype=float)
    if A.ndim != 2 or A.shape[0] != A.shape[1]:
        raise ValueError(f"A must be a square 2-D array, got shape {A.shape}")
    d = A.shape[0]
    if d == 0:
        raise ValueError("A is empty")
    if not np.all(np.isfinite(A)):
        raise ValueError("A has entries that are not finite")
    scale = np.abs(A).max()
    if np.abs(A - A.T).max() > 1e-10 * scale:
        raise ValueError("A is not symmetric: the eigenvalues of ½xᵀAx are those of (A + Aᵀ)/2")
    values = np.linalg.eigvalsh((A + A.T) / 2)
    smallest, largest = values[0], values[-1]
    if not smallest > d * np.finfo(float).eps * abs(largest):
        raise ValueError(f"A is not positive definite (smallest eigenvalue {smallest:.3g})")
    return StepSizes(2.0 / largest, 2.0 / (smallest + largest))
    # END SOLUTION
