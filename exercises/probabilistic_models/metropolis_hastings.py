r"""Random-walk Metropolis: sampling a density known only up to a constant.

Propose a Gaussian step and accept it with probability min(1, p(x')/p(x)): the chain's
stationary law is the target, and the unknown normalising constant cancels in the ratio.
"""

import math
import numbers
from typing import NamedTuple

import numpy as np


class MH(NamedTuple):
    """The chain's states after each iteration, and the fraction of accepted proposals."""

    samples: np.ndarray
    acceptance_rate: float


def metropolis_hastings(log_target, x0, n_samples, step_size, rng):
    r"""Random-walk Metropolis with Gaussian proposals of scale step_size.

    .. math::

        x' = x + s z, \quad z \sim \mathcal N(0, I), \qquad
        \text{accept iff } \log u < \ell(x') - \ell(x), \quad u \sim U(0, 1),

    which accepts with probability :math:`\min(1, p(x')/p(x))` without ever computing
    :math:`e^{\ell' - \ell}` (it would overflow). Protocol, for i = 0..n_samples - 1:
    ``z = rng.standard_normal(d)``, then ``u = rng.random()`` (every iteration); a
    rejection repeats the current state; samples[i] is the state after iteration i.

    Parameters
    ----------
    log_target : callable
        ``log_target(x) -> float``: the log of an unnormalised density at a (d,) array
        (-inf outside its support).
    x0 : array_like, shape (d,)
        The start, d >= 1, with log_target(x0) finite. It is not a row of samples.
    n_samples : int
        Number of iterations, >= 1.
    step_size : float
        The proposal's standard deviation s > 0.
    rng : numpy.random.Generator
        Source of the normals and uniforms.

    Returns
    -------
    MH
        ``samples`` (n_samples, d) and ``acceptance_rate`` = accepted / n_samples.

    Raises
    ------
    ValueError
        If x0 is not 1-D and non-empty, n_samples is not an integer >= 1, step_size is
        not a positive finite scalar, or log_target(x0) is not finite.

    Examples
    --------
    A flat target on the line accepts every proposal: the chain is a random walk.

    >>> rng = np.random.default_rng(0)
    >>> r = metropolis_hastings(lambda x: 0.0, [0.0], 3, 1.0, rng)
    >>> r.samples.shape, r.acceptance_rate
    ((3, 1), 1.0)
    >>> z = np.random.default_rng(0)
    >>> first = z.standard_normal(1); _ = z.random()
    >>> bool(r.samples[0, 0] == first[0])
    True
    """
    # TODO: write metropolis_hastings (the docstring above has the maths).
    raise NotImplementedError("metropolis_hastings is not implemented yet")
