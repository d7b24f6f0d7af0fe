"""Grader for nlp/beam_search: beam_search(next_log_probs, bos, eos, ...) -> Beam(tokens, ...)."""

import itertools
import math

import numpy as np
import pytest

from mlkata.grading import assert_close, call, describe_call, expect_error, fail, fields

FIELDS = ("tokens", "log_prob", "score")

MISTAKES = {
    "no_eos_finish": (
        "hypotheses extended after eos: a kept candidate that ends in eos is finished and "
        "leaves the beam"
    ),
    "refill": (
        "the beam refilled to beam_width with unfinished candidates: finished hypotheses "
        "leave the beam, which shrinks (keep the beam_width best candidates, then split them)"
    ),
    "per_parent": (
        "per-parent pruning: the beam_width best candidates are chosen among ALL the "
        "extensions of all hypotheses together, not beam_width per hypothesis"
    ),
    "penalty_bos": "the length penalty counts bos: L is the number of tokens after bos",
    "penalty_ignored": (
        "the length penalty ignored when ranking the finished hypotheses: the result is the "
        "one with the highest log_prob / L ** length_penalty"
    ),
    "max_len_bos": (
        "max_len counts bos (one token short): a hypothesis is finished when it has "
        "max_len tokens AFTER bos"
    ),
}


class Model:
    """A next-token model: random log-softmax rows per prefix, seeded, with -inf masks.

    It records every prefix it is called with, and fails on a prefix that is not a tuple
    of Python ints starting with bos.
    """

    def __init__(self, seed, V, bos, mask=0.2, scale=2.0, table=None):
        self.seed, self.V, self.bos, self.mask, self.scale = seed, V, bos, mask, scale
        self.table = table or {}
        self.calls = []

    def __call__(self, prefix):
        if not (
            isinstance(prefix, tuple)
            and prefix
            and all(type(t) is int for t in prefix)
            and prefix[0] == self.bos
        ):
            fail(
                f"next_log_probs was called with {prefix!r}: it takes a tuple of Python ints, "
                f"bos ({self.bos}) first, then the tokens so far"
            )
        self.calls.append(prefix)
        return self.row(prefix).copy()

    def row(self, prefix):
        if prefix in self.table:
            return np.array(self.table[prefix], dtype=float)
        g = np.random.default_rng([self.seed, *prefix])
        z = g.normal(scale=self.scale, size=self.V)
        z[g.random(self.V) < self.mask] = -np.inf
        z[int(g.integers(self.V))] = g.normal()  # at least one finite
        finite = z[np.isfinite(z)]
        log_norm = finite.max() + math.log(np.exp(finite - finite.max()).sum())
        return z - log_norm


def reference(row, bos, eos, width, max_len, penalty=0.0, mistake=""):
    """(tokens, log_prob, score) by the catalogue's protocol; mistake= reproduces one."""
    beam, finished = [((bos,), 0.0)], []
    while beam:
        groups = []
        for prefix, lp in beam:
            r = row(prefix)
            groups.append(
                [(prefix + (v,), lp + float(r[v])) for v in range(r.size) if r[v] != -np.inf]
            )
        if mistake == "per_parent":
            kept = [c for g in groups for c in sorted(g, key=lambda c: -c[1])[:width]]
        else:
            ranked = sorted([c for g in groups for c in g], key=lambda c: -c[1])
            kept = ranked[:width]
        limit = max_len + (0 if mistake == "max_len_bos" else 1)
        beam = []
        for prefix, lp in kept:
            ends = prefix[-1] == eos and mistake != "no_eos_finish"
            if ends or len(prefix) == limit:
                finished.append((prefix[1:], lp))
            else:
                beam.append((prefix, lp))
        if mistake == "refill":
            beam = [c for c in ranked if c[0][-1] != eos and len(c[0]) < limit][:width]
    if not finished:
        return None
    best = None
    for tokens, lp in finished:
        L = len(tokens) + (1 if mistake == "penalty_bos" else 0)
        score = lp / L**penalty
        rank = lp if mistake == "penalty_ignored" else score
        if best is None or rank > best[3]:
            best = (tokens, lp, score, rank)
    return best[:3]


def check(kata, model, bos, eos, width, max_len, penalty=None):
    """Run beam_search on model; compare with the reference, naming a known mistake."""
    f = kata.beam_search
    options = {} if penalty is None else {"length_penalty": penalty}
    called = describe_call(f, model, bos, eos, width, max_len, **options)
    result = call(f, model, bos, eos, width, max_len, **options)
    tokens, log_prob, score = fields(result, FIELDS, "beam_search")
    penalty = penalty or 0.0
    want = reference(model.row, bos, eos, width, max_len, penalty)
    if any(eos in c[1:] for c in model.calls):
        fail(
            f"{called}: next_log_probs was called on a prefix containing eos: "
            + MISTAKES["no_eos_finish"]
        )
    if any(len(c) > max_len for c in model.calls):
        fail(f"{called}: next_log_probs was called on a prefix with max_len tokens after bos")
    if not isinstance(tokens, tuple) or not all(
        isinstance(t, (int, np.integer)) and not isinstance(t, bool) for t in tokens
    ):
        fail(f"{called}: tokens should be a tuple of ints (without bos), got {tokens!r}")
    tokens = tuple(int(t) for t in tokens)
    if tokens != want[0]:
        named = ""
        for key, words in MISTAKES.items():
            wrong = reference(model.row, bos, eos, width, max_len, penalty, mistake=key)
            if wrong is not None and wrong[0] == tokens:
                named = f"\n  this is what you get from a known mistake: {words}"
                break
        if tokens[:1] == (bos,):
            named = "\n  tokens must not start with bos"
        fail(f"{called}: tokens = {tokens}, expected {want[0]}{named}")
    own = math.fsum(model.row((bos,) + tokens[:i])[t] for i, t in enumerate(tokens))
    assert_close(log_prob, own, rtol=1e-10, atol=1e-12, what="log_prob", called=called)
    assert_close(
        score,
        own / len(tokens) ** penalty,
        rtol=1e-10,
        atol=1e-12,
        what="score",
        called=called,
        mistakes={MISTAKES["penalty_bos"]: own / (len(tokens) + 1) ** penalty},
    )
    return tokens, float(log_prob), float(score)


EXAMPLE = {
    (0,): [-np.inf, math.log(0.6), math.log(0.4)],
    (0, 1): [-np.inf, math.log(0.5), math.log(0.5)],
}


@pytest.mark.points(2)
def test_beam_search_documented_example(kata):
    """Does the docstring's model give (1, 1) greedily, (2,) with 2 beams, (1, 1) with penalty 1?

    Greedy keeps 1 (0.6), then 1 and eos tie at 0.3: the earlier candidate (1, 1) is kept
    and finished at max_len = 2. A beam of 2 also keeps eos (0.4), which wins. With
    length_penalty 1: ln 0.3 / 2 = -0.60 beats ln 0.4 = -0.92, and (1, 1) finished first.
    """
    for width, penalty, want in [(1, None, (1, 1)), (2, None, (2,)), (2, 1.0, (1, 1))]:
        model = Model(0, 3, 0, table=EXAMPLE)
        tokens, log_prob, _ = check(kata, model, 0, 2, width, 2, penalty)
        assert tokens == want, f"tokens should be {want}, got {tokens}"


@pytest.mark.points(2)
def test_beam_search_small_cases_worked_by_hand(kata):
    """Do max_len = 1 and a model that always says eos give their by-hand hypotheses?

    max_len = 1: every kept candidate is finished at once; the best single token wins
    (token 2, ln 0.5). A model whose only finite entry is eos: (eos,) with log_prob 0.
    """
    table = {(5,): [math.log(0.2), math.log(0.3), math.log(0.5)]}
    tokens, log_prob, score = check(kata, Model(0, 3, 5, table=table), 5, 0, 2, 1)
    assert tokens == (2,), f"tokens should be (2,), got {tokens}"
    assert_close(log_prob, math.log(0.5), rtol=1e-12, what="log_prob")
    table = {(3,): [-np.inf, 0.0, -np.inf]}
    tokens, log_prob, _ = check(kata, Model(0, 3, 3, table=table), 3, 1, 4, 5, 1.0)
    assert tokens == (1,) and log_prob == 0.0, f"expected (1,) and 0, got {tokens}, {log_prob}"


@pytest.mark.points(3)
@pytest.mark.parametrize(
    "V, width, max_len, penalty",
    [(4, 1, 5, None), (5, 2, 6, None), (6, 3, 5, 0.7), (4, 4, 7, 1.0), (8, 5, 4, 0.3)],
)
def test_beam_search_random_models(kata, rng, V, width, max_len, penalty):
    """On random next-token models, is the result the protocol's finished hypothesis?"""
    for _ in range(4):
        model = Model(int(rng.integers(2**31)), V, bos=V - 1, mask=0.2)
        check(kata, model, V - 1, int(rng.integers(V - 1)), width, max_len, penalty)


@pytest.mark.points(2)
@pytest.mark.parametrize("penalty", [None, 1.0])
def test_beam_search_wide_beam_is_exhaustive(kata, rng, penalty):
    """With beam_width >= V^max_len, is the result the best of every complete sequence?"""
    V, max_len, bos, eos = 3, 3, 2, 0
    for _ in range(3):
        model = Model(int(rng.integers(2**31)), V, bos, mask=0.15)
        tokens, _, score = check(kata, model, bos, eos, V**max_len, max_len, penalty)
        best, best_seq = -math.inf, None
        for L in range(1, max_len + 1):
            for seq in itertools.product(range(V), repeat=L):
                if eos in seq[:-1] or (L < max_len and seq[-1] != eos):
                    continue
                lp = math.fsum(model.row((bos,) + seq[:i])[t] for i, t in enumerate(seq))
                s = lp / L ** (penalty or 0.0)
                if s > best:
                    best, best_seq = s, seq
        assert tokens == best_seq, f"exhaustive search gives {best_seq}, got {tokens}"


@pytest.mark.points(2)
def test_beam_search_eos_finishes_and_the_beam_shrinks(kata):
    """Is a kept eos candidate finished (never extended), and the beam not refilled?

    bos = 3, eos = 0, beam_width 2, max_len 2, length_penalty 1. Step 1 keeps eos (.4) and
    1 (.35): (0,) is finished and the beam is just (1,), not refilled with 2 (.25). From
    (1,): (1, 2) = .175 and (1, 0) = .0875 are kept and finished. Scores: (0,) ln .4 =
    -0.92, (1, 2) ln .175 / 2 = -0.87, (1, 0) -1.22: (1, 2) wins. Refilling would have
    reached (2, 2) = .25 * .99, score -0.70.
    """
    table = {
        (3,): [math.log(0.4), math.log(0.35), math.log(0.25), -np.inf],
        (3, 1): [math.log(0.25), math.log(0.25), math.log(0.5), -np.inf],
        (3, 2): [math.log(0.005), math.log(0.005), math.log(0.99), -np.inf],
    }
    tokens, _, _ = check(kata, Model(0, 4, 3, table=table), 3, 0, 2, 2, 1.0)
    assert tokens == (1, 2), f"tokens should be (1, 2), got {tokens}"


def test_beam_search_length_penalty_changes_the_winner(kata):
    """Does length_penalty rank finished hypotheses by log_prob / L^alpha (not by log_prob)?

    (eos,) has probability .05, (1, eos) .95 * 10/19 = .5 and (1, 1, eos) .95 * 9/19 * .99
    = .4455: (1, eos) wins at alpha = 0; per token, .5^(1/2) = .71 < .4455^(1/3) = .76, so
    (1, 1, eos) wins at alpha = 1.
    """
    table = {
        (2,): [math.log(0.05), math.log(0.95), -np.inf],
        (2, 1): [math.log(10 / 19), math.log(9 / 19), -np.inf],
        (2, 1, 1): [math.log(0.99), math.log(0.01), -np.inf],
    }
    for penalty, want in [(None, (1, 0)), (1.0, (1, 1, 0))]:
        tokens, _, _ = check(kata, Model(0, 3, 2, table=table), 2, 0, 3, 3, penalty)
        assert tokens == want, f"length_penalty {penalty}: tokens should be {want}, got {tokens}"


def test_beam_search_ties_go_to_the_earlier_candidate(kata):
    """Do exactly tied candidates keep enumeration order, and tied finished the first one?

    Every step gives ln 0.25 to each of 4 tokens (exact ties): beam_width 2 keeps tokens
    0 and 1 of the first hypothesis; with eos = 3 and max_len = 2 every finished
    hypothesis ties at ln 1/16, so the first finished, (0, 0), wins.
    """
    model = Model(0, 4, 9, table={})
    model.row = lambda prefix: np.full(4, math.log(0.25))
    tokens, _, _ = check(kata, model, 9, 3, 2, 2)
    assert tokens == (0, 0), f"ties should keep the earliest candidates: (0, 0), got {tokens}"


def test_beam_search_nothing_finished_raises(kata):
    """Does a model whose every first candidate is -inf raise ValueError?"""
    model = Model(0, 3, 0, table={(0,): [-np.inf] * 3})
    expect_error(ValueError, kata.beam_search, model, 0, 1, 2, 3, why="no hypothesis finished")


@pytest.mark.parametrize(
    "width, max_len, rows, why",
    [
        (0, 3, None, "beam_width is 0"),
        (1.5, 3, None, "beam_width is not an integer"),
        (2, 0, None, "max_len is 0"),
        (2, 3, [[0.0, -1.0]], "next_log_probs returns a 2-D array"),
        (2, 3, [math.nan, 0.0], "next_log_probs returns nan"),
        (2, 3, [math.inf, 0.0], "next_log_probs returns +inf"),
        (2, 3, "grow", "next_log_probs changes length"),
    ],
    ids=["width0", "width_float", "maxlen0", "2d", "nan", "inf", "length"],
)
def test_beam_search_rejects_bad_input(kata, width, max_len, rows, why):
    """Does bad input raise ValueError with a message?"""

    def model(prefix):
        if rows == "grow":
            return np.log(np.full(len(prefix) + 2, 1.0 / (len(prefix) + 2)))
        return np.array(rows if rows is not None else [-0.5, -1.0, -2.0])

    expect_error(ValueError, kata.beam_search, model, 0, 1, width, max_len, why=why)


def test_beam_search_leaves_the_model_output_unchanged(kata):
    """Are the arrays next_log_probs returns left as they were (the model may cache them)?"""
    rows = {}

    def model(prefix):
        if prefix not in rows:
            rows[prefix] = np.log(np.array([0.5, 0.3, 0.2]))
        return rows[prefix]

    result = call(kata.beam_search, model, 0, 2, 2, 3)
    tokens = fields(result, FIELDS, "beam_search")[0]
    assert tuple(int(t) for t in tokens) == (0, 0, 0), f"expected (0, 0, 0), got {tokens}"
    for prefix, row in rows.items():
        assert_close(row, np.log([0.5, 0.3, 0.2]), rtol=0, atol=0, what=f"model row {prefix}")
