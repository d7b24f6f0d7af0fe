from mlkata.mutation import Mutant, Variant

MUTANTS = [
    Mutant(
        "missing_2",
        "R = sqrt(-ln u1)",
        replace=[("radius = np.sqrt(-2.0 * np.log(u1))", "radius = np.sqrt(-np.log(u1))")],
        message="the 2 is missing",
    ),
    Mutant(
        "ln_u2",
        "the radius from ln u2",
        replace=[("radius = np.sqrt(-2.0 * np.log(u1))", "radius = np.sqrt(-2.0 * np.log(u2))")],
        message="ln u2 in the radius",
    ),
    Mutant(
        "swapped_uniforms",
        "radius from u2, angle from u1",
        replace=[
            ("radius = np.sqrt(-2.0 * np.log(u1))", "radius = np.sqrt(-2.0 * np.log(u2))"),
            ("angle = 2.0 * np.pi * u2", "angle = 2.0 * np.pi * u1"),
        ],
        message="u1 and u2 swapped",
    ),
    Mutant(
        "no_2pi",
        "cos(u2) instead of cos(2 pi u2)",
        replace=[("angle = 2.0 * np.pi * u2", "angle = u2")],
        message="the angle is missing 2 pi",
    ),
    Mutant(
        "swapped_outputs",
        "z1 = R sin, z2 = R cos",
        replace=[
            (
                "return Normal2(radius * np.cos(angle), radius * np.sin(angle))",
                "return Normal2(radius * np.sin(angle), radius * np.cos(angle))",
            )
        ],
        message="z1 and z2 swapped",
    ),
    Mutant(
        "same_normal_twice",
        "z2 = z1 (not independent)",
        replace=[
            (
                "return Normal2(radius * np.cos(angle), radius * np.sin(angle))",
                "return Normal2(radius * np.cos(angle), radius * np.cos(angle))",
            )
        ],
    ),
    Mutant(
        "u1_zero_allowed",
        "u1 = 0 accepted (gives inf)",
        replace=[("np.all((u1 > 0) & (u1 <= 1))", "np.all((u1 >= 0) & (u1 <= 1))")],
    ),
    Mutant(
        "checks_u2",
        "rejects u2 outside [0, 1)",
        replace=[
            (
                "    radius = np.sqrt(",
                "    if np.any((u2 < 0) | (u2 >= 1)):\n"
                '        raise ValueError("u2 out of range")\n'
                "    radius = np.sqrt(",
            )
        ],
    ),
]

VARIANTS = [
    Variant(
        "complex_exponential",
        "R * exp(2 pi i u2), real and imaginary parts",
        append="""
def box_muller(u1, u2):
    u1 = np.asarray(u1, dtype=float)
    u2 = np.asarray(u2, dtype=float)
    if u1.shape != u2.shape:
        raise ValueError("shapes differ")
    if np.any(~(u1 > 0)) or np.any(u1 > 1):
        raise ValueError("u1 must be in (0, 1]")
    w = np.sqrt(-2 * np.log(u1)) * np.exp(2j * np.pi * u2)
    return Normal2(w.real, w.imag)
""",
    ),
]
