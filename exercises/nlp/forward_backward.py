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
    # TODO: write hmm_posteriors (the docstring above has the maths).
    raise NotImplementedError("hmm_posteriors is not implemented yet")
