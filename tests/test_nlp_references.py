"""The NumPy references of the nlp graders (katas 1-6) against the libraries that compute
the same quantities, where the kata forbids the library as a shortcut (so a Variant
calling it would fail the grader's no-shortcut check)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import numpy as np
import pytest

GRADERS = Path(__file__).resolve().parents[1] / "graders" / "nlp"


def _grader(slug: str):
    path = GRADERS / f"test_{slug}.py"
    spec = importlib.util.spec_from_file_location(f"nlp_reference_{slug}", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("smooth_idf", [True, False])
@pytest.mark.parametrize("sublinear_tf", [False, True])
@pytest.mark.parametrize("norm", ["l2", "l1", None])
def test_tfidf_reference_is_scikit_learns(smooth_idf, sublinear_tf, norm):
    """Does the tfidf grader's reference give TfidfVectorizer's matrix, features and idf?"""
    text = pytest.importorskip("sklearn.feature_extraction.text")
    grader = _grader("tfidf")
    rng = np.random.default_rng(5)
    for n_docs, n_words in [(1, 3), (6, 8), (40, 30)]:
        docs = grader.random_docs(rng, n_docs, n_words)
        docs.append(["Z", "a"])  # capitals sort first, as in scikit-learn
        matrix, vocabulary, idf = grader.reference(
            docs, smooth_idf=smooth_idf, sublinear_tf=sublinear_tf, norm=norm
        )
        vectorizer = text.TfidfVectorizer(
            analyzer=lambda d: d, smooth_idf=smooth_idf, sublinear_tf=sublinear_tf, norm=norm
        )
        want = vectorizer.fit_transform(docs).toarray()
        assert vocabulary == list(vectorizer.get_feature_names_out())
        np.testing.assert_allclose(idf, vectorizer.idf_, rtol=1e-12)
        np.testing.assert_allclose(matrix, want, rtol=1e-12, atol=1e-15)
