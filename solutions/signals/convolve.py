r"""Discrete convolution of two 1-D signals, in NumPy's three output modes.

Convolution is filtering: smoothing, differencing and every linear time-invariant
system. It is also polynomial multiplication, and the layer that gives convolutional
networks their name (which, there, is really cross-correlation).
"""

import numpy as np


def convolve(x, k, mode="full"):
    r"""The discrete convolution of x and k, cut as ``np.convolve`` cuts it.

    .. math::

        (x * k)_i = \sum_j x_j \, k_{i - j}, \qquad i = 0, \dots, n + m - 2

    over the indices where both factors exist (the kernel is flipped as it slides, and
    :math:`x * k = k * x`). With :math:`L = \max(n, m)` and :math:`s = \min(n, m)`:

    - ``"full"``: all :math:`n + m - 1` values;
    - ``"same"``: :math:`L` values, starting at index :math:`\lfloor (s - 1)/2 \rfloor`
      of the full result;
    - ``"valid"``: the :math:`L - s + 1` values where the shorter signal lies wholly
      inside the longer, starting at index :math:`s - 1`.

    Parameters
    ----------
    x : array_like, shape (n,)
        A signal, real or complex, n ≥ 1.
    k : array_like, shape (m,)
        The kernel, real or complex, m ≥ 1 (it may be longer than x).
    mode : {"full", "same", "valid"}, optional
        Which part of the full convolution to return.

    Returns
    -------
    numpy.ndarray, shape (n + m - 1,), (max(n, m),) or (max(n, m) - min(n, m) + 1,)
        Real if x and k are real, else complex.

    Raises
    ------
    ValueError
        If x or k is not 1-D or is empty, or mode is not one of the three.

    Examples
    --------
    >>> convolve([1.0, 2.0, 3.0], [0.0, 1.0, 0.5]).tolist()
    [0.0, 1.0, 2.5, 4.0, 1.5]
    >>> convolve([1.0, 2.0, 3.0], [0.0, 1.0, 0.5], mode="same").tolist()
    [1.0, 2.5, 4.0]
    >>> convolve([1.0, 2.0, 3.0], [0.0, 1.0, 0.5], mode="valid").tolist()
    [2.5]
    """
    # BEGIN SOLUTION
    signals = []
    for name, value in (("x", x), ("k", k)):
        value = np.asarray(value)
        value = value.astype(complex if np.iscomplexobj(value) else float)
        if value.ndim != 1:
            raise ValueError(f"{name} must be 1-D, got shape {value.shape}")
        if value.size == 0:
            raise ValueError(f"{name} is empty")
        signals.append(value)
    if not isinstance(mode, str) or mode not in ("full", "same", "valid"):
        raise ValueError(f'mode must be "full", "same" or "valid", got {mode!r}')
    a, v = sorted(signals, key=len, reverse=True)  # a is the longer (x * k = k * x)
    n, m = len(a), len(v)
    full = np.zeros(n + m - 1, dtype=np.result_type(a, v))
    for j in range(m):  # add each kernel tap times the shifted longer signal
        full[j : j + n] += v[j] * a
    if mode == "full":
        return full
    if mode == "same":
        start = (m - 1) // 2
        return full[start : start + n]
    return full[m - 1 : n]
    # END SOLUTION
