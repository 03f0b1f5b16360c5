"""The stance model: estimator contract, determinism, save/load, refusing bad files.

Trained on a small invented data set (no corpus text)."""

from __future__ import annotations

import io
import json
import pickle

import numpy as np
import pytest
from sklearn.base import clone

from annotator.errors import ModelError
from annotator.stance.model import StanceModel

GOOD = [
    "it brings real benefits and helps families",
    "a great idea that will improve safety",
    "this is effective and saves money",
    "it protects children and is fair",
    "a valuable and useful step",
]
BAD = [
    "it causes harm and costs too much",
    "a dangerous idea that will hurt workers",
    "this is a waste and unfair",
    "it threatens jobs and damages trust",
    "a costly and useless mistake",
]
TOPICS = ["bike lanes", "free school meals", "a four day week", "rent caps", "night trains", "city parks"]


def toy_data():
    X, y = [], []
    for t in TOPICS:
        for g in GOOD:
            X.append((f"Should the city support {t}?", f"{t.capitalize()}: {g}."))
            y.append("support")
            X.append((f"Should the city ban {t}?", f"{t.capitalize()}: {g}."))
            y.append("oppose")
        for b in BAD:
            X.append((f"Should the city support {t}?", f"{t.capitalize()}: {b}."))
            y.append("oppose")
            X.append((f"Should the city ban {t}?", f"{t.capitalize()}: {b}."))
            y.append("support")
    return X, y


SMALL = {"n_word_features": 2**12, "n_char_features": 2**12}


@pytest.fixture(scope="module")
def fitted():
    X, y = toy_data()
    return StanceModel(**SMALL).fit(X, y)


def test_fit_returns_self_and_learned_attributes_end_in_underscore():
    X, y = toy_data()
    m = StanceModel(**SMALL)
    assert m.fit(X, y) is m
    learned = [k for k in vars(m) if k.endswith("_") and not k.startswith("_")]
    assert {"polarity_", "relevance_", "featurizer_", "classes_", "relevance_threshold_"} <= set(learned)
    unfitted = StanceModel(**SMALL)
    assert not [k for k in vars(unfitted) if k.endswith("_")]
    assert clone(m).get_params() == m.get_params()


def test_direction_is_used(fitted):
    text = "Rent caps: it brings real benefits and helps families."
    p = fitted.polarity(
        [("Should the city support rent caps?", text), ("Should the city ban rent caps?", text)]
    )
    assert p[0] > 0.5 > p[1]
    unseen = "Wind farms: this is a waste and unfair."
    assert fitted.predict([("Should the city support wind farms?", unseen)])[0] == "oppose"


def test_off_topic_long_text_is_neutral(fitted):
    off = " ".join(["The orchestra rehearsed a new symphony in the old concert hall all afternoon."] * 4)
    assert fitted.predict([("Should the city ban night trains?", off)])[0] == "neutral"


def test_predict_proba_rows_sum_to_one(fitted):
    X, _ = toy_data()
    P = fitted.predict_proba(X[:10])
    assert P.shape == (10, 3) and np.allclose(P.sum(axis=1), 1.0)
    assert list(fitted.classes_) == ["neutral", "oppose", "support"]


def test_same_seed_same_model(tmp_path):
    X, y = toy_data()
    a = StanceModel(**SMALL, random_state=3).fit(X, y)
    b = StanceModel(**SMALL, random_state=3).fit(X, y)
    assert a.version == b.version
    for k, v in a._arrays().items():
        assert np.array_equal(v, b._arrays()[k]), k
    a.save(tmp_path / "a.npz")
    b.save(tmp_path / "b.npz")
    assert StanceModel.load(tmp_path / "a.npz").version == StanceModel.load(tmp_path / "b.npz").version


def test_save_load_round_trip(fitted, tmp_path):
    X, _ = toy_data()
    path = fitted.save(tmp_path / "m.npz")
    loaded = StanceModel.load(path)
    assert loaded.version == fitted.version
    assert loaded.get_params() == fitted.get_params()
    assert np.allclose(loaded.predict_proba(X), fitted.predict_proba(X), atol=1e-5)
    assert list(loaded.predict(X)) == list(fitted.predict(X))
    assert "scikit-learn" in loaded.metadata_["libraries"]


def rewrite(path, change_manifest=None, change_array=None):
    with np.load(path, allow_pickle=False) as z:
        arrays = {k: z[k] for k in z.files}
    manifest = json.loads(arrays.pop("manifest").tobytes().decode())
    if change_manifest:
        change_manifest(manifest)
    if change_array:
        change_array(arrays)
    buf = io.BytesIO()
    np.savez(buf, manifest=np.frombuffer(json.dumps(manifest).encode(), dtype=np.uint8), **arrays)
    path.write_bytes(buf.getvalue())


def test_tampered_arrays_are_refused(fitted, tmp_path):
    path = fitted.save(tmp_path / "m.npz")

    def flip(arrays):
        arrays["polarity_coef"] = arrays["polarity_coef"] * -1

    rewrite(path, change_array=flip)
    with pytest.raises(ModelError, match="do not match its checksum"):
        StanceModel.load(path)


@pytest.mark.parametrize(
    "change, message",
    [
        (lambda m: m["libraries"].update({"scikit-learn": "0.24.2"}), "built with scikit-learn 0.24.2"),
        (lambda m: m.update({"format": "annotator-stance/0"}), "does not match this annotator"),
        (lambda m: m.update({"features": "features/0"}), "does not match this annotator"),
    ],
)
def test_mismatched_versions_are_refused(fitted, tmp_path, change, message):
    path = fitted.save(tmp_path / "m.npz")
    rewrite(path, change_manifest=change)
    with pytest.raises(ModelError, match=message):
        StanceModel.load(path)


def test_pickles_and_junk_are_never_loaded(fitted, tmp_path):
    pkl = tmp_path / "model.npz"
    pkl.write_bytes(pickle.dumps(fitted))
    with pytest.raises(ModelError, match="not a stance model file"):
        StanceModel.load(pkl)
    other = tmp_path / "other.npz"
    np.savez(other, x=np.arange(3))
    with pytest.raises(ModelError, match="no manifest"):
        StanceModel.load(other)
    with pytest.raises(ModelError, match="no such model file"):
        StanceModel.load(tmp_path / "missing.npz")


def test_unfitted_model_says_so():
    with pytest.raises(ModelError, match="not trained"):
        StanceModel().predict([("Is it good?", "yes")])


def test_bundled_model_loads_and_records_its_data():
    m = StanceModel.load()
    assert m.version.startswith("stance-")
    assert len(m.metadata_["data_sha256"]) == 64
    assert m.metadata_["libraries"]["scikit-learn"]
