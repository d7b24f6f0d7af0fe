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
    # TODO: write viterbi (the docstring above has the maths).
    raise NotImplementedError("viterbi is not implemented yet")
