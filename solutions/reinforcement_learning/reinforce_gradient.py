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
    # BEGIN SOLUTION
    theta = np.array(theta, dtype=float)
    if theta.ndim != 2 or 0 in theta.shape or not np.all(np.isfinite(theta)):
        raise ValueError(f"theta must be a finite non-empty 2-D array, got shape {theta.shape}")
    d, n_actions = theta.shape
    if not 0.0 <= gamma <= 1.0:
        raise ValueError(f"gamma must lie in [0, 1], got {gamma!r}")
    w = None
    if baseline is not None:
        w = np.array(baseline, dtype=float)
        if w.shape != (d,) or not np.all(np.isfinite(w)):
            raise ValueError(f"baseline must be finite of shape ({d},), got shape {w.shape}")
    if len(episodes) < 1:
        raise ValueError("episodes must hold at least one episode")
    grad = np.zeros((d, n_actions))
    for k, episode in enumerate(episodes):
        if len(episode) != 3:
            raise ValueError(f"episode {k} must be a tuple (X, actions, rewards)")
        X = np.array(episode[0], dtype=float)
        actions = np.array(episode[1])
        rewards = np.array(episode[2], dtype=float)
        if X.ndim != 2 or X.shape[1] != d or X.shape[0] < 1:
            raise ValueError(f"X of episode {k} must have shape (T, {d}) with T >= 1")
        T = X.shape[0]
        if actions.shape != (T,) or rewards.shape != (T,):
            raise ValueError(f"actions and rewards of episode {k} must have shape ({T},)")
        if actions.dtype.kind not in "iu":
            raise ValueError(f"actions of episode {k} must be integers")
        if np.any(actions < 0) or np.any(actions >= n_actions):
            raise ValueError(f"an action of episode {k} is outside [0, {n_actions})")
        if not (np.all(np.isfinite(X)) and np.all(np.isfinite(rewards))):
            raise ValueError(f"X and rewards of episode {k} must be finite")
        returns = np.zeros(T)
        running = 0.0
        for t in range(T - 1, -1, -1):
            running = rewards[t] + gamma * running
            returns[t] = running
        advantage = returns if w is None else returns - X @ w
        weights = gamma ** np.arange(T) * advantage
        logits = X @ theta
        logits -= logits.max(axis=1, keepdims=True)  # stable softmax
        probs = np.exp(logits)
        probs /= probs.sum(axis=1, keepdims=True)
        score = -probs
        score[np.arange(T), actions] += 1.0  # e_a - pi
        grad += X.T @ (weights[:, None] * score)
    return grad / len(episodes)
    # END SOLUTION
