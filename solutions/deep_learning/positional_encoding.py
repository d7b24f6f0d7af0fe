r"""The sinusoidal positional encoding of the Transformer paper.

Attention itself ignores order; adding a position vector to each token restores it.
Sines and cosines of geometrically spaced frequencies give every position a unique
code, and shifting the position rotates each (sin, cos) pair by a fixed angle.
"""

import operator

import numpy as np


def _count(value, name):
    if isinstance(value, (bool, np.bool_)):
        raise ValueError(f"{name} must be an integer, got the bool {value!r}")
    try:
        return operator.index(value)
    except TypeError:
        raise ValueError(f"{name} must be an integer, got {value!r}") from None


def sinusoidal_positional_encoding(n_positions, d_model, base=10000.0):
    r"""The (n_positions, d_model) table of sines and cosines, interleaved.

    For positions :math:`p = 0, \dots, n_\text{positions} - 1` and pairs
    :math:`i = 0, \dots, d_\text{model}/2 - 1`,

    .. math::

        \omega_i = \text{base}^{-2i/d_\text{model}}, \qquad
        PE_{p, 2i} = \sin(p\,\omega_i), \qquad PE_{p, 2i+1} = \cos(p\,\omega_i).

    Each pair :math:`(PE_{p,2i}, PE_{p,2i+1})` is the point at angle :math:`p\omega_i`
    on the unit circle, so :math:`PE_{p+k}` is :math:`PE_p` with every pair rotated by
    :math:`k\omega_i`.

    Parameters
    ----------
    n_positions : int
        The number of positions, at least 1.
    d_model : int
        The width of the encoding, even and at least 2.
    base : float, optional
        The base of the geometric progression of wavelengths (10000 in the paper).

    Returns
    -------
    numpy.ndarray of shape (n_positions, d_model)
        Row p is the encoding of position p; even columns sines, odd columns cosines.

    Raises
    ------
    ValueError
        If n_positions < 1, d_model is odd or < 2, either is not an integer, or
        base ≤ 0.

    Examples
    --------
    >>> PE = sinusoidal_positional_encoding(3, 4)  # ω = [1, 10000^(-2/4)] = [1, 0.01]
    >>> PE[0].tolist()
    [0.0, 1.0, 0.0, 1.0]
    >>> PE[1:].round(6).tolist()  # [sin pω₀, cos pω₀, sin pω₁, cos pω₁] for p = 1, 2
    [[0.841471, 0.540302, 0.01, 0.99995], [0.909297, -0.416147, 0.019999, 0.9998]]
    """
    # BEGIN SOLUTION
    n = _count(n_positions, "n_positions")
    d = _count(d_model, "d_model")
    base = float(base)
    if n < 1:
        raise ValueError(f"n_positions must be at least 1, got {n}")
    if d < 2 or d % 2:
        raise ValueError(f"d_model must be even and at least 2, got {d}")
    if not base > 0:
        raise ValueError(f"base must be positive, got {base}")
    omega = base ** (-np.arange(0, d, 2) / d)  # ω_i = base^(-2i/d)
    angle = np.arange(n)[:, None] * omega[None, :]
    PE = np.empty((n, d))
    PE[:, 0::2] = np.sin(angle)
    PE[:, 1::2] = np.cos(angle)
    return PE
    # END SOLUTION
