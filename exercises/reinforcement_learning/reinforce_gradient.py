r"""The REINFORCE policy-gradient estimate for a linear-softmax policy.

The gradient of the expected discounted return is an expectation of
grad log pi(a_t | x_t) weighted by the return that followed, so sampled episodes give
an unbiased estimate; subtracting a state-dependent baseline keeps it unbiased and can
reduce its variance.
"""

import numpy as np


def reinforce_gradient(theta, episodes, gamma, baseline=None):
    r"""The REINFORCE estimate of the gradient of the expected discounted return.

    For the policy :math:`\pi_\theta(a \mid x) = \mathrm{softmax}(x^\top \theta)_a`,

    .. math::

        \hat g = \frac{1}{N} \sum_{\text{episodes}} \sum_{t=0}^{T-1}
            \gamma^t\, (G_t - b_t)\, x_t\, (e_{a_t} - \pi_\theta(\cdot \mid x_t))^\top,
        \qquad G_t = \sum_{k=t}^{T-1} \gamma^{k-t} r_k

    with :math:`b_t = 0` (no baseline) or :math:`b_t = x_t^\top w`. It is the gradient
    of the surrogate :math:`\frac1N\sum\sum \gamma^t (G_t - b_t) \log \pi_\theta(a_t
    \mid x_t)` with G and b held fixed.

    Parameters
    ----------
    theta : array_like, shape (d, A)
        Policy parameters (finite). Not modified.
    episodes : list of tuple
        N >= 1 complete episodes ``(X, actions, rewards)``: X (T, d) the features of the
        visited states, actions integers (T,) in [0, A), rewards (T,) finite, T >= 1.
        Not modified.
    gamma : float
        Discount factor in [0, 1].
    baseline : array_like, shape (d,), optional
        Weights w of a linear state-value baseline :math:`b_t = x_t^\top w` (not fitted
        here); None for no baseline.

    Returns
    -------
    ndarray, shape (d, A)
        The gradient estimate.

    Raises
    ------
    ValueError
        If theta is not a finite 2-D array, episodes is empty or an episode is not
        (X, actions, rewards) of matching shapes with T >= 1, an action is not an
        integer in [0, A), a value is not finite, gamma is outside [0, 1] or the
        baseline does not have shape (d,).

    Examples
    --------
    >>> X = np.array([[1.0, 0.0], [0.0, 1.0]])
    >>> reinforce_gradient(np.zeros((2, 2)), [(X, [0, 1], [1.0, 2.0])], 0.5).tolist()
    [[1.0, -1.0], [-0.5, 0.5]]
    """
    # TODO: write reinforce_gradient (the docstring above has the maths).
    raise NotImplementedError("reinforce_gradient is not implemented yet")
