r"""A learning-rate schedule: linear warm-up, then cosine decay to a floor.

Large models are trained with a learning rate that climbs from 0 over the first steps
(while Adam's moment estimates settle) and then decays smoothly along half a cosine;
the off-by-ones at the ends of each phase are where implementations differ.
"""

import math
import numbers


def warmup_cosine_lr(step, base_lr, warmup_steps, total_steps, min_lr=0.0):
    r"""The learning rate of optimizer step ``step`` (counted from 0).

    .. math::

        \eta(s) = \begin{cases}
            \eta_{base} \, s / w & 0 \le s < w \\
            \eta_{min} + (\eta_{base} - \eta_{min}) \, \tfrac12
                \bigl(1 + \cos(\pi \tfrac{s - w}{S - w})\bigr) & w \le s \le S \\
            \eta_{min} & s > S
        \end{cases}

    with w = ``warmup_steps`` and S = ``total_steps``: the warm-up starts from 0 (not from
    min_lr), :math:`\eta(w) = \eta_{base}` and :math:`\eta(S) = \eta_{min}`.

    Parameters
    ----------
    step : int
        The optimizer step, ≥ 0 (the first update uses step 0).
    base_lr : float
        The peak learning rate, reached at step warmup_steps.
    warmup_steps : int
        The length of the linear warm-up, 0 ≤ warmup_steps < total_steps (0: none).
    total_steps : int
        The step at which the cosine reaches min_lr.
    min_lr : float, optional
        The floor, 0 ≤ min_lr ≤ base_lr.

    Returns
    -------
    float
        The learning rate.

    Raises
    ------
    ValueError
        If step, warmup_steps or total_steps is not an integer, step < 0, warmup_steps
        is not in [0, total_steps), or min_lr is not in [0, base_lr].

    Examples
    --------
    >>> [warmup_cosine_lr(s, 1.0, 2, 6) for s in (0, 1, 2, 4, 6, 7)]
    [0.0, 0.5, 1.0, 0.5, 0.0, 0.0]
    >>> round(warmup_cosine_lr(4, 1.0, 2, 6, min_lr=0.1), 12)
    0.55
    """
    # BEGIN SOLUTION
    for name, value in (
        ("step", step),
        ("warmup_steps", warmup_steps),
        ("total_steps", total_steps),
    ):
        if isinstance(value, bool) or not isinstance(value, numbers.Integral):
            raise ValueError(f"{name} must be an integer, got {value!r}")
    if step < 0:
        raise ValueError(f"step counts from 0, got {step}")
    if not 0 <= warmup_steps < total_steps:
        raise ValueError(
            f"need 0 <= warmup_steps < total_steps, got {warmup_steps} and {total_steps}"
        )
    if not 0 <= min_lr <= base_lr:
        raise ValueError(f"need 0 <= min_lr <= base_lr, got {min_lr} and {base_lr}")
    if step < warmup_steps:
        return float(base_lr * step / warmup_steps)
    if step > total_steps:
        return float(min_lr)
    progress = (step - warmup_steps) / (total_steps - warmup_steps)
    return float(min_lr + (base_lr - min_lr) * 0.5 * (1.0 + math.cos(math.pi * progress)))
    # END SOLUTION
