r"""The fast Fourier transform: Cooley and Tukey's radix-2 algorithm.

The same coefficients as the DFT in O(N log N) instead of O(N²) operations, by
splitting the signal into its even and odd samples again and again. It is what makes
spectral methods, fast convolution and spectrograms practical.
"""

import numpy as np


def fft(x):
    r"""The discrete Fourier transform of a signal whose length is a power of two.

    .. math::

        X_k = \sum_{n=0}^{N-1} x_n \, e^{-2\pi i k n / N}
            = E_k + e^{-2\pi i k / N} O_k, \qquad
        X_{k + N/2} = E_k - e^{-2\pi i k / N} O_k, \qquad 0 \le k < N/2

    where :math:`E` and :math:`O` are the DFTs (of length :math:`N/2`) of the even
    samples :math:`x_0, x_2, \dots` and of the odd samples :math:`x_1, x_3, \dots`.
    Applied recursively down to length 1 (where :math:`X_0 = x_0`), this costs
    :math:`O(N \log N)`.

    Parameters
    ----------
    x : array_like, shape (N,)
        The signal, real or complex; N a power of two (1, 2, 4, ...).

    Returns
    -------
    numpy.ndarray of complex, shape (N,)
        The coefficients :math:`X_0, \dots, X_{N-1}`, unnormalised.

    Raises
    ------
    ValueError
        If x is not 1-D, is empty, or its length is not a power of two.

    Examples
    --------
    >>> X = fft([1.0, 2.0, 3.0, 4.0])
    >>> (X.round(9) + 0j).tolist()  # + 0j turns a -0.0 into 0.0
    [(10+0j), (-2+2j), (-2+0j), (-2-2j)]
    """
    # TODO: write fft (the docstring above has the maths).
    raise NotImplementedError("fft is not implemented yet")
