r"""Rotary position embedding (RoPE, Su et al.'s RoFormer).

Instead of adding a position vector, RoPE rotates each adjacent pair of coordinates of
a query or key by an angle proportional to its position, so that the dot product of a
rotated query and key depends only on how far apart they are.
"""

import numpy as np


def rope(X, positions=None, base=10000.0):
    r"""Rotate each adjacent pair (x_{2i}, x_{2i+1}) of every row by the angle m·θ_i.

    With :math:`\theta_i = \text{base}^{-2i/d}` for :math:`i = 0, \dots, d/2 - 1` and
    :math:`m` the position of the row,

    .. math::

        \begin{pmatrix} x'_{2i} \\ x'_{2i+1} \end{pmatrix} =
        \begin{pmatrix} \cos m\theta_i & -\sin m\theta_i \\
                        \sin m\theta_i & \cos m\theta_i \end{pmatrix}
        \begin{pmatrix} x_{2i} \\ x_{2i+1} \end{pmatrix},

    a counter-clockwise rotation. Rotations keep every pair's norm, and since
    :math:`R(a)^\top R(b) = R(b - a)`,
    :math:`\operatorname{rope}(q, m) \cdot \operatorname{rope}(k, n)` depends on
    :math:`m - n` only.

    Parameters
    ----------
    X : array_like, shape (..., seq, d)
        Queries or keys: one row per position, d even; leading axes (batch, heads)
        share the positions.
    positions : array_like, shape (seq,), optional
        The position m of each row (default 0, 1, …, seq − 1).
    base : float, optional
        The base of the frequencies (10000 in RoFormer).

    Returns
    -------
    numpy.ndarray
        The rotated rows, shaped like X.

    Raises
    ------
    ValueError
        If X has fewer than 2 dims, d is odd, positions is not of shape (seq,), or
        base ≤ 0.

    Examples
    --------
    >>> rope([[1.0, 0.0], [1.0, 0.0], [0.0, 2.0]]).round(6).tolist()  # θ₀ = 1
    [[1.0, 0.0], [0.540302, 0.841471], [-1.818595, -0.832294]]
    >>> rope([[3.0, 4.0, 1.0, 0.0]], positions=[np.pi / 2], base=1.0).round(6).tolist()
    [[-4.0, 3.0, 0.0, 1.0]]
    """
    # BEGIN SOLUTION
    X = np.asarray(X, dtype=float)
    if X.ndim < 2:
        raise ValueError(f"X must be (..., seq, d) with at least 2 dims, got shape {X.shape}")
    seq, d = X.shape[-2:]
    if d % 2:
        raise ValueError(f"d = {d} must be even: RoPE rotates pairs of coordinates")
    if positions is None:
        positions = np.arange(seq, dtype=float)
    positions = np.asarray(positions, dtype=float)
    if positions.shape != (seq,):
        raise ValueError(f"positions must have shape ({seq},), got {positions.shape}")
    base = float(base)
    if not base > 0:
        raise ValueError(f"base must be positive, got {base}")
    theta = base ** (-np.arange(0, d, 2) / d)  # θ_i = base^(-2i/d)
    angle = positions[:, None] * theta[None, :]  # (seq, d/2), shared by leading axes
    c, s = np.cos(angle), np.sin(angle)
    x_even, x_odd = X[..., 0::2], X[..., 1::2]
    out = np.empty_like(X)
    out[..., 0::2] = x_even * c - x_odd * s
    out[..., 1::2] = x_even * s + x_odd * c
    return out
    # END SOLUTION
