r"""The L-BFGS search direction by the two-loop recursion.

L-BFGS approximates Newton's direction from the last few steps and gradient changes,
in O(md) work and memory instead of the O(d^2) of a Hessian: the workhorse of
large-scale smooth optimisation (scikit-learn's and SciPy's default).
"""

import numpy as np


def lbfgs_direction(g, s_list, y_list):
    r"""The L-BFGS direction :math:`d = -H g` from the stored pairs, by the two-loop recursion.

    The pairs :math:`s_i = x_{i+1} - x_i`, :math:`y_i = \nabla f(x_{i+1}) - \nabla f(x_i)`
    come oldest first (the newest is ``s_list[-1]``, ``y_list[-1]``). H is what the BFGS
    update, applied to the pairs from oldest to newest, makes of

    .. math::

        H_0 = \gamma I, \qquad \gamma = \frac{s_{\text{new}}^\top y_{\text{new}}}
                                            {y_{\text{new}}^\top y_{\text{new}}}, \qquad
        H \leftarrow (I - \rho_i s_i y_i^\top)\, H\, (I - \rho_i y_i s_i^\top)
                     + \rho_i s_i s_i^\top, \quad \rho_i = \frac{1}{y_i^\top s_i},

    computed without forming any matrix: newest to oldest,
    :math:`\alpha_i = \rho_i s_i^\top q`, :math:`q \leftarrow q - \alpha_i y_i` from
    :math:`q = g`; then :math:`r = \gamma q`; oldest to newest,
    :math:`\beta = \rho_i y_i^\top r`, :math:`r \leftarrow r + (\alpha_i - \beta) s_i`;
    and :math:`d = -r`. With no pairs, :math:`d = -g`.

    Parameters
    ----------
    g : array_like, shape (d,)
        The current gradient.
    s_list : sequence of array_like, each shape (d,)
        The steps, oldest first (a list, a tuple or an (m, d) array; m may be 0).
    y_list : sequence of array_like, each shape (d,)
        The gradient changes, in the same order as s_list.

    Returns
    -------
    numpy.ndarray, shape (d,)
        The search direction :math:`-Hg`.

    Raises
    ------
    ValueError
        If g is not a non-empty 1-D vector, the lists differ in length, a pair does not
        have g's length, or a pair violates the curvature condition :math:`s^\top y > 0`.

    Examples
    --------
    One pair s = [1, 0], y = [2, 0]: :math:`\gamma = 1/2` and H = I / 2.

    >>> lbfgs_direction([1.0, 2.0], [[1.0, 0.0]], [[2.0, 0.0]]).tolist()
    [-0.5, -1.0]
    >>> lbfgs_direction([1.0, 2.0], [], []).tolist()
    [-1.0, -2.0]
    """
    # BEGIN SOLUTION
    g = np.asarray(g, dtype=float)
    if g.ndim != 1 or g.size == 0:
        raise ValueError(f"g must be a non-empty 1-D vector, got shape {g.shape}")
    if len(s_list) != len(y_list):
        raise ValueError(f"{len(s_list)} steps s but {len(y_list)} gradient changes y")
    S = [np.asarray(s, dtype=float) for s in s_list]
    Y = [np.asarray(y, dtype=float) for y in y_list]
    for s, y in zip(S, Y, strict=True):
        if s.shape != g.shape or y.shape != g.shape:
            raise ValueError(f"every s and y must have g's shape {g.shape}")
        if not s @ y > 0:
            raise ValueError("a pair violates the curvature condition s.T y > 0")
    if not S:
        return -g
    rho = [1.0 / (s @ y) for s, y in zip(S, Y, strict=True)]
    q = g.copy()
    alpha = [0.0] * len(S)
    for i in reversed(range(len(S))):
        alpha[i] = rho[i] * (S[i] @ q)
        q -= alpha[i] * Y[i]
    r = (S[-1] @ Y[-1]) / (Y[-1] @ Y[-1]) * q
    for i in range(len(S)):
        beta = rho[i] * (Y[i] @ r)
        r += (alpha[i] - beta) * S[i]
    return -r
    # END SOLUTION
