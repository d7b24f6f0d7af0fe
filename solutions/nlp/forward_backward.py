r"""Forward-backward: the posterior probabilities of the hidden states of an HMM.

The forward pass sums over the paths up to t, the backward pass over the paths after t;
their product, divided by P(x), gives P(z_t = i | x) and the pairwise posteriors that
Baum-Welch re-estimates an HMM from.
"""

from typing import NamedTuple

import numpy as np


class Posteriors(NamedTuple):
    """The result of :func:`hmm_posteriors`."""

    gamma: np.ndarray
    xi: np.ndarray
    log_likelihood: float


def hmm_posteriors(obs, startprob, transmat, emissionprob):
    r"""State and transition posteriors of an HMM given an observation sequence.

    .. math::

        \beta_{T-1}(i) = 1, \qquad
        \beta_t(i) = \sum_j A_{ij}\, B_{j, x_{t+1}}\, \beta_{t+1}(j)

    .. math::

        \gamma_t(i) = \frac{\alpha_t(i)\,\beta_t(i)}{P(x)}, \qquad
        \xi_t(i, j) = \frac{\alpha_t(i)\, A_{ij}\, B_{j, x_{t+1}}\, \beta_{t+1}(j)}{P(x)}

    with the forward variables :math:`\alpha_t(i) = P(x_0 \dots x_t, z_t = i)` and
    :math:`P(x) = \sum_i \alpha_{T-1}(i)`. Everything is computed with logarithms
    (log-sum-exp), so long sequences do not underflow.

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
    Posteriors
        ``gamma`` (T, S): :math:`P(z_t = i \mid x)`, every row summing to 1;
        ``xi`` (T - 1, S, S): :math:`P(z_t = i, z_{t+1} = j \mid x)`;
        ``log_likelihood`` (float): :math:`\ln P(x)`.

    Raises
    ------
    ValueError
        If obs is empty, not 1-D, holds a non-integer or out-of-range symbol; if the
        shapes do not match; if :math:`\pi` or a row of A or B is not a distribution
        (non-negative, summing to 1 within 1e-9); if the sequence is impossible
        (:math:`P(x) = 0`).

    Examples
    --------
    >>> pi = [0.6, 0.4]
    >>> A = [[0.7, 0.3], [0.4, 0.6]]
    >>> B = [[0.5, 0.4, 0.1], [0.1, 0.3, 0.6]]
    >>> gamma, xi, log_likelihood = hmm_posteriors([0, 1, 2], pi, A, B)
    >>> gamma.round(6).tolist()
    [[0.876516, 0.123484], [0.622933, 0.377067], [0.212128, 0.787872]]
    >>> xi[0].round(6).tolist()
    [[0.578831, 0.297685], [0.044101, 0.079383]]
    >>> round(float(np.exp(log_likelihood)), 6)
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

    def logsumexp(M, axis):
        """ln sum exp(M) along axis, -inf (not nan) where every term is -inf."""
        top = M.max(axis=axis, keepdims=True)
        shift = np.where(np.isfinite(top), top, 0.0)
        with np.errstate(divide="ignore"):
            return np.squeeze(shift + np.log(np.exp(M - shift).sum(axis=axis, keepdims=True)), axis)

    T = x.size
    log_alpha = np.empty((T, S))
    log_beta = np.zeros((T, S))  # beta_{T-1} = 1
    log_alpha[0] = log_pi + log_B[:, x[0]]
    for t in range(1, T):
        log_alpha[t] = logsumexp(log_alpha[t - 1][:, None] + log_A, axis=0) + log_B[:, x[t]]
    for t in range(T - 2, -1, -1):
        log_beta[t] = logsumexp(log_A + (log_B[:, x[t + 1]] + log_beta[t + 1])[None, :], axis=1)
    log_likelihood = float(logsumexp(log_alpha[-1], axis=0))
    if log_likelihood == -np.inf:
        raise ValueError("the observation sequence is impossible under this model: P(x) = 0")
    gamma = np.exp(log_alpha + log_beta - log_likelihood)
    xi = np.exp(
        log_alpha[:-1, :, None]
        + log_A[None, :, :]
        + (log_B[:, x[1:]].T + log_beta[1:])[:, None, :]
        - log_likelihood
    )
    return Posteriors(gamma, xi, log_likelihood)
    # END SOLUTION
