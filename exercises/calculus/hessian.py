r"""The Hessian matrix of a scalar function by central second differences.

Second derivatives tell curvature: Newton's method, the convexity of a loss and the
sharpness of a minimum all read it. A finite-difference Hessian checks an analytic one.
"""

import numpy as np


def hessian(f, x, h=1e-4):
    r"""Central-difference Hessian of a scalar function at ``x``, exactly symmetric.

    .. math::

        H_{ii} &\approx \frac{f(x + h e_i) - 2 f(x) + f(x - h e_i)}{h^2} \\
        H_{ij} &\approx \frac{f(x + h e_i + h e_j) - f(x + h e_i - h e_j)
                 - f(x - h e_i + h e_j) + f(x - h e_i - h e_j)}{4 h^2}
                 \quad (i \ne j)

    Both are second-order accurate (error :math:`O(h^2)`); the mixed formula is
    symmetric in :math:`i, j`, so each off-diagonal pair is computed once and stored
    in both triangles, and :math:`H = H^\top` holds exactly.

    Parameters
    ----------
    f : callable
        ``f(x)`` takes a float array of shape (n,) and returns a number.
    x : array_like, shape (n,)
        The point; it is left unchanged.
    h : float, optional
        The step, > 0. Second differences divide by h², so h is larger than for a
        gradient (round-off grows like eps/h²).

    Returns
    -------
    numpy.ndarray, shape (n, n)
        The symmetric matrix of second partial derivatives.

    Raises
    ------
    ValueError
        If x is not 1-D or is empty, or h ≤ 0.

    Examples
    --------
    >>> H = hessian(lambda v: v[0] ** 2 * v[1] + v[1] ** 3, [1.0, 2.0])
    >>> H.round(4).tolist()
    [[4.0, 2.0], [2.0, 12.0]]
    >>> bool(np.array_equal(H, H.T))
    True
    """
    # TODO: write hessian (the docstring above has the maths).
    raise NotImplementedError("hessian is not implemented yet")
