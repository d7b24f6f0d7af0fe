r"""Xavier (Glorot) and He (Kaiming) weight initialisation.

A layer's starting weights decide whether signals and gradients keep their size through
a deep network: Xavier balances fan-in and fan-out for tanh-like layers, He doubles the
variance to make up for the half of the signal a ReLU cuts off.
"""

import numpy as np


def xavier_uniform(fan_in, fan_out, rng, gain=1.0):
    r"""A (fan_in, fan_out) weight matrix drawn from the Xavier/Glorot uniform law.

    .. math::

        W_{ij} \sim \mathcal{U}(-a, a), \qquad
        a = \text{gain} \cdot \sqrt{\frac{6}{\text{fan\_in} + \text{fan\_out}}},
        \qquad \operatorname{Var} W_{ij} = \frac{a^2}{3}
        = \text{gain}^2 \frac{2}{\text{fan\_in} + \text{fan\_out}}

    Protocol: exactly one call ``rng.uniform(-a, a, size=(fan_in, fan_out))``.

    Parameters
    ----------
    fan_in : int
        The number of inputs of the layer (rows of W, used as ``X @ W``).
    fan_out : int
        The number of outputs (columns of W).
    rng : numpy.random.Generator
        The source of randomness.
    gain : float, optional
        The scale factor for the activation (1 for linear or sigmoid layers).

    Returns
    -------
    numpy.ndarray of shape (fan_in, fan_out)

    Raises
    ------
    ValueError
        If fan_in or fan_out is not an integer at least 1, or gain <= 0.

    Examples
    --------
    >>> W = xavier_uniform(2, 1, np.random.default_rng(0))
    >>> W.shape, bool(np.all(np.abs(W) <= np.sqrt(2.0)))
    ((2, 1), True)
    >>> bool(np.allclose(W, np.random.default_rng(0).uniform(-np.sqrt(2), np.sqrt(2), (2, 1))))
    True
    """
    # TODO: write xavier_uniform (the docstring above has the maths).
    raise NotImplementedError("xavier_uniform is not implemented yet")


def he_normal(fan_in, fan_out, rng):
    r"""A (fan_in, fan_out) weight matrix drawn from the He/Kaiming normal law (fan-in mode).

    .. math::

        W_{ij} \sim \mathcal{N}\!\left(0, \sigma^2\right), \qquad
        \sigma = \sqrt{\frac{2}{\text{fan\_in}}}

    A plain (not truncated) normal. Protocol: exactly one call
    ``rng.standard_normal((fan_in, fan_out))``, times :math:`\sigma`.

    Parameters
    ----------
    fan_in : int
        The number of inputs of the layer (rows of W, used as ``X @ W``).
    fan_out : int
        The number of outputs (columns of W).
    rng : numpy.random.Generator
        The source of randomness.

    Returns
    -------
    numpy.ndarray of shape (fan_in, fan_out)

    Raises
    ------
    ValueError
        If fan_in or fan_out is not an integer at least 1.

    Examples
    --------
    >>> W = he_normal(8, 3, np.random.default_rng(0))
    >>> W.shape
    (8, 3)
    >>> bool(np.allclose(W, 0.5 * np.random.default_rng(0).standard_normal((8, 3))))
    True
    """
    # TODO: write he_normal (the docstring above has the maths).
    raise NotImplementedError("he_normal is not implemented yet")
