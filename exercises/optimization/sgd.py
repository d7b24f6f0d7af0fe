r"""Minibatch stochastic gradient descent for least squares.

The training loop of deep learning in miniature: shuffle every epoch, walk through the
shuffled data in minibatches, step against each batch's mean gradient. Reproducible
because every random number comes from the generator passed in.
"""

import numpy as np


def sgd_linear_regression(X, y, lr, n_epochs, batch_size, rng):
    r"""Fit :math:`y \approx Xw` (no intercept) by minibatch SGD on the mean squared error.

    Starting from :math:`w = 0`, each epoch draws ``perm = rng.permutation(n)`` (one call,
    nothing else is drawn) and takes one step per batch of consecutive entries of perm,
    :math:`B = \text{perm}[kb : (k+1)b]` for :math:`k = 0, 1, \dots` (the last batch is
    shorter when b does not divide n; :math:`b \ge n` gives one batch):

    .. math::

        w \leftarrow w - \eta \, \frac{2}{|B|} X_B^\top (X_B w - y_B),

    the gradient of the batch's mean squared error :math:`\frac{1}{|B|}\lVert X_B w - y_B
    \rVert^2`.

    Parameters
    ----------
    X : array_like, shape (n, d)
        Inputs, one sample per row.
    y : array_like, shape (n,)
        Targets.
    lr : float
        Step size :math:`\eta > 0`.
    n_epochs : int
        Number of passes over the data, at least 0.
    batch_size : int
        Batch size b, at least 1.
    rng : numpy.random.Generator
        The only source of randomness, used exactly as above.

    Returns
    -------
    numpy.ndarray, shape (d,)
        The weights after the last step.

    Raises
    ------
    ValueError
        If X is not 2-D, y not 1-D, their lengths differ, X is empty, lr is not
        positive, n_epochs is not an integer >= 0 or batch_size not an integer >= 1.

    Examples
    --------
    One full batch from w = 0: :math:`w = 0.1 \cdot \frac{2}{2}(1 \cdot 2 + 2 \cdot 4) = 1`.

    >>> rng = np.random.default_rng(0)
    >>> sgd_linear_regression([[1.0], [2.0]], [2.0, 4.0], 0.1, 1, 2, rng).round(12).tolist()
    [1.0]
    """
    # TODO: write sgd_linear_regression (the docstring above has the maths).
    raise NotImplementedError("sgd_linear_regression is not implemented yet")
