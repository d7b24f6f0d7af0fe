r"""The forward algorithm of a hidden Markov model, in log space.

The likelihood of an observed sequence sums over exponentially many hidden paths; the
forward recursion sums them in O(T S^2), and working with logarithms keeps it from
underflowing on long sequences.
"""

from typing import NamedTuple

import numpy as np


class Forward(NamedTuple):
    """The result of :func:`hmm_forward`."""

    log_alpha: np.ndarray
    log_likelihood: float


def hmm_forward(obs, startprob, transmat, emissionprob):
    r"""Log forward variables and log-likelihood of an observation sequence.

    .. math::

        \alpha_0(i) = \pi_i\, B_{i, x_0}, \qquad
        \alpha_{t+1}(j) = \Big(\sum_i \alpha_t(i)\, A_{ij}\Big) B_{j, x_{t+1}}, \qquad
        P(x) = \sum_i \alpha_{T-1}(i)

    with :math:`\alpha_t(i) = P(x_0, \dots, x_t, z_t = i)`. In log space the sum over the
    previous states is a log-sum-exp:

    .. math::

        \ln\alpha_{t+1}(j) = \operatorname{logsumexp}_i\big(\ln\alpha_t(i) + \ln A_{ij}\big)
        + \ln B_{j, x_{t+1}}

    Parameters
    ----------
    obs : array_like, shape (T,)
        Observed symbols, integers in [0, M) (an integer dtype or integral floats), T >= 1.
    startprob : array_like, shape (S,)
        Initial distribution :math:`\pi`.
    transmat : array_like, shape (S, S)
        :math:`A_{ij} = P(z_{t+1} = j \mid z_t = i)`, every row a distribution.
    emissionprob : array_like, shape (S, M)
        :math:`B_{ik} = P(x_t = k \mid z_t = i)`, every row a distribution.

    Returns
    -------
    Forward
        ``log_alpha`` (T, S): :math:`\ln\alpha_t(i)`, -inf where it is 0;
        ``log_likelihood`` (float): :math:`\ln P(x)`, -inf for an impossible sequence.

    Raises
    ------
    ValueError
        If obs is empty, not 1-D, holds a non-integer or out-of-range symbol; if the
        shapes do not match; if :math:`\pi` or a row of A or B is not a distribution
        (non-negative, summing to 1 within 1e-9).

    Examples
    --------
    >>> pi = [0.6, 0.4]
    >>> A = [[0.7, 0.3], [0.4, 0.6]]
    >>> B = [[0.5, 0.4, 0.1], [0.1, 0.3, 0.6]]
    >>> result = hmm_forward([0, 1, 2], pi, A, B)
    >>> np.exp(result.log_alpha).round(6).tolist()
    [[0.3, 0.04], [0.0904, 0.0342], [0.007696, 0.028584]]
    >>> round(float(np.exp(result.log_likelihood)), 6)
    0.03628
    """
    # BEGIN SOLUTION
    pi = np.array(startprob, dtype=float)
    A = np.array(transmat, dtype=float)
    B = np.array(emissionprob, dtype=float)
    if pi.ndim != 1 or pi.size == 0:
        raise ValueError(f"startprob must be a non-empty 1-D array, got shape {pi.shape}")
    S = pi.size
    if A.shape != (S, S):
        raise ValueError(f"transmat must have shape ({S}, {S}), got {A.shape}")
    if B.ndim != 2 or B.shape[0] != S or B.shape[1] == 0:
        raise ValueError(f"emissionprob must have shape ({S}, M) with M >= 1, got {B.shape}")
    for name, P in [("startprob", pi[None, :]), ("transmat", A), ("emissionprob", B)]:
        if not np.all(np.isfinite(P)) or np.any(P < 0):
            raise ValueError(f"{name} must be finite and non-negative")
        if np.any(np.abs(P.sum(axis=1) - 1.0) > 1e-9):
            raise ValueError(f"{name}: every row must sum to 1 (within 1e-9)")
    x = np.asarray(obs)
    if x.ndim != 1 or x.size == 0:
        raise ValueError(f"obs must be a non-empty 1-D sequence, got shape {x.shape}")
    if x.dtype.kind not in "iuf":
        raise ValueError(f"obs must hold integers, got dtype {x.dtype}")
    if x.dtype.kind == "f" and not np.all(np.isfinite(x) & (x == np.round(x))):
        raise ValueError("obs must hold whole numbers")
    if np.any(x < 0) or np.any(x >= B.shape[1]):
        raise ValueError(f"obs must hold symbols in [0, {B.shape[1]})")
    x = x.astype(np.int64)

    with np.errstate(divide="ignore"):  # log 0 = -inf is wanted here
        log_pi, log_A, log_B = np.log(pi), np.log(A), np.log(B)

    def logsumexp_over_rows(M):
        """ln sum_i exp(M[i, j]) for every column j, -inf when the column is all -inf."""
        top = M.max(axis=0)
        shift = np.where(np.isfinite(top), top, 0.0)
        with np.errstate(divide="ignore"):
            return shift + np.log(np.exp(M - shift).sum(axis=0))

    T = x.size
    log_alpha = np.empty((T, S))
    log_alpha[0] = log_pi + log_B[:, x[0]]
    for t in range(1, T):
        log_alpha[t] = logsumexp_over_rows(log_alpha[t - 1][:, None] + log_A) + log_B[:, x[t]]
    log_likelihood = float(logsumexp_over_rows(log_alpha[-1][:, None])[0])
    return Forward(log_alpha, log_likelihood)
    # END SOLUTION
