r"""Viterbi decoding: the most probable hidden state path of a hidden Markov model.

The forward algorithm's sum over previous states becomes a max, and remembering which
previous state gave the max (a back-pointer) recovers the best path in O(T S^2).
"""

from typing import NamedTuple

import numpy as np


class Viterbi(NamedTuple):
    """The result of :func:`viterbi`."""

    path: np.ndarray
    log_prob: float


def viterbi(obs, startprob, transmat, emissionprob):
    r"""The most probable state sequence of an HMM and its log joint probability.

    .. math::

        \delta_0(i) = \ln\pi_i + \ln B_{i, x_0}, \qquad
        \delta_{t+1}(j) = \max_i\big(\delta_t(i) + \ln A_{ij}\big) + \ln B_{j, x_{t+1}},

    .. math::

        \psi_{t+1}(j) = \operatorname*{argmax}_i\big(\delta_t(i) + \ln A_{ij}\big), \qquad
        \hat z_{T-1} = \operatorname*{argmax}_i \delta_{T-1}(i), \qquad
        \hat z_t = \psi_{t+1}(\hat z_{t+1})

    and :math:`\ln\max_z P(z, x) = \max_i \delta_{T-1}(i)`. Ties go to the lowest index
    (``np.argmax``'s first maximum), for the last state and for every back-pointer.

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
    Viterbi
        ``path`` (T,) integer array: the most probable states :math:`\hat z`;
        ``log_prob`` (float): :math:`\ln\max_z P(z, x)`, -inf for an impossible sequence.

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
    >>> path, log_prob = viterbi([0, 1, 2], pi, A, B)
    >>> path.tolist()
    [0, 0, 1]
    >>> round(float(np.exp(log_prob)), 6)
    0.01512
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
    T = x.size
    back = np.zeros((T, S), dtype=np.int64)
    delta = log_pi + log_B[:, x[0]]
    for t in range(1, T):
        scores = delta[:, None] + log_A  # scores[i, j]: from i to j
        back[t] = np.argmax(scores, axis=0)  # the first (lowest) best predecessor
        delta = scores[back[t], np.arange(S)] + log_B[:, x[t]]
    path = np.empty(T, dtype=np.int64)
    path[-1] = np.argmax(delta)
    for t in range(T - 1, 0, -1):
        path[t - 1] = back[t, path[t]]
    return Viterbi(path, float(delta[path[-1]]))
    # END SOLUTION
