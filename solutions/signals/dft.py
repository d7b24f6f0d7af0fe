r"""The discrete Fourier transform, straight from its definition.

Every spectral method (spectrograms, convolution by FFT, the frequency view of a
filter or of a time series) starts from the DFT: the coefficients of a signal in the
basis of sampled complex sinusoids.
"""

import numpy as np


def dft(x):
    r"""The discrete Fourier transform of a 1-D signal, by the O(n²) definition.

    .. math::

        X_k = \sum_{n=0}^{N-1} x_n \, e^{-2\pi i k n / N}, \qquad k = 0, \dots, N - 1

    No normalisation (the inverse carries the :math:`1/N`), and a minus sign in the
    exponent. Since :math:`e^{-2\pi i k n / N}` only depends on :math:`kn \bmod N`,
    reducing the product first keeps the angles small and accurate.

    Parameters
    ----------
    x : array_like, shape (N,)
        The signal, real or complex, N ≥ 1.

    Returns
    -------
    numpy.ndarray of complex, shape (N,)
        The coefficients :math:`X_0, \dots, X_{N-1}`.

    Raises
    ------
    ValueError
        If x is not 1-D or is empty.

    Examples
    --------
    >>> X = dft([1.0, 2.0, 3.0, 4.0])
    >>> (X.round(9) + 0j).tolist()  # + 0j turns a -0.0 into 0.0
    [(10+0j), (-2+2j), (-2+0j), (-2-2j)]
    """
    # BEGIN SOLUTION
    x = np.asarray(x)
    x = x.astype(complex if np.iscomplexobj(x) else float)
    if x.ndim != 1:
        raise ValueError(f"x must be a 1-D signal, got shape {x.shape}")
    N = x.shape[0]
    if N == 0:
        raise ValueError("x is empty: the DFT needs at least one sample")
    k = np.arange(N)
    angles = -2.0 * np.pi * (np.outer(k, k) % N) / N
    return (np.cos(angles) + 1j * np.sin(angles)) @ x
    # END SOLUTION
