r"""Cell capstone: a seeded synthetic data set of electrochemical cells.

No public data set of cells ships offline, so the capstone makes one from a stated,
physical-style mechanism plus measurement noise: capacity from the active material
(porosity, thickness) and particle size, energy from capacity minus resistive losses.
The inputs are correlated as in a real factory (calendering pressure sets the
porosity, and porosity sets the effective conductivity and diffusivity), which gives
PCA and ridge regression something to show. A stated use of the generator replays it.
"""

from typing import NamedTuple

import numpy as np

FEATURES = (
    "porosity",
    "thickness_um",
    "particle_radius_um",
    "conductivity_S_per_m",
    "diffusivity_1e-10_m2_per_s",
    "pressure_MPa",
)
"""The columns of ``X``, in order."""


class Cells(NamedTuple):
    X: np.ndarray
    capacity: np.ndarray
    energy: np.ndarray


def cell_data(n, rng, noise=1.0):
    r"""n synthetic cells: six design variables, their capacity and their energy.

    One call ``z = rng.standard_normal((n, 6))`` gives each cell's six standard normals
    :math:`z_0, \dots, z_5`, then one call ``e = rng.standard_normal((n, 2))`` its two
    measurement errors; nothing else is drawn. The columns of X are, in this order,

    .. math::

        \varepsilon &= 0.35 - 0.04\, z_0 + 0.02\, z_1
            && \text{porosity} \\
        L &= 80\, e^{0.2 z_2} && \text{electrode thickness (µm)} \\
        r &= 5\, e^{0.2 z_3} && \text{particle radius (µm)} \\
        \sigma &= 10\, (\varepsilon / 0.35)^{1.5}\, e^{0.15 z_4}
            && \text{effective conductivity (S/m, Bruggeman)} \\
        D &= 3\, (\varepsilon / 0.35)^{1.5}\, e^{0.15 z_5}
            && \text{effective diffusivity } (10^{-10}\,\text{m}^2/\text{s}) \\
        P &= 100 + 20\, z_0 && \text{calendering pressure (MPa)}

    so pressure lowers porosity (correlation :math:`-2/\sqrt5 \approx -0.894`) and
    porosity raises conductivity and diffusivity, while pressure has no direct effect
    on the cell. The noise-free capacity (mAh/cm²) and energy (mWh/cm²) are

    .. math::

        \bar Q = 0.025\, (1 - \varepsilon)\, L\, \bigl(1 - 0.03\,(r - 5)\bigr), \qquad
        \bar E = \bar Q\, \Bigl(3.7 - 0.05\, \frac{L}{\sigma}
            - 0.01\, \frac{r^2}{D}\Bigr)

    (active material times its utilisation; nominal voltage minus the ohmic and the
    solid-diffusion losses), and the measured values add independent errors scaled by
    ``noise`` = s:

    .. math::

        Q = \bar Q + 0.05\, s\, e_0, \qquad E = \bar E + 0.15\, s\, e_1 .

    The energy is computed from the noise-free :math:`\bar Q` (the two measurement
    errors are independent), and ``noise=0`` with the same seed gives the same X and
    the noise-free targets.

    Parameters
    ----------
    n : int
        The number of cells, >= 1.
    rng : numpy.random.Generator
        The source of randomness (e.g. ``np.random.default_rng(0)``).
    noise : float, optional
        The scale s >= 0 of the measurement errors (0: none).

    Returns
    -------
    Cells
        ``X`` (float array of shape (n, 6), columns as above), ``capacity`` and
        ``energy`` (float arrays of shape (n,)).

    Raises
    ------
    ValueError
        If n is not a positive integer, if noise is not a finite number >= 0, or if
        rng is not a ``numpy.random.Generator``.

    Examples
    --------
    >>> X, Q, E = cell_data(2, np.random.default_rng(0), noise=0.0)
    >>> X.round(3).tolist()
    [[0.342, 90.932, 5.106, 8.926, 3.064, 102.515], [0.317, 69.497, 3.882, 7.842, 2.599, 126.08]]
    >>> Q.round(4).tolist(), E.round(4).tolist()
    ([1.4903, 1.2268], [4.6283, 3.9246])
    """
    # TODO: write cell_data (the docstring above has the maths).
    raise NotImplementedError("cell_data is not implemented yet")
