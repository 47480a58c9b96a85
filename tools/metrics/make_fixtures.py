#!/usr/bin/python3
"""Expected evaluation figures computed independently with scikit-learn and numpy.

Run with Debian's python3 (python3-sklearn, python3-numpy):

    /usr/bin/python3 tools/metrics/make_fixtures.py > \
        org.vavl.core/src/test/resources/org/vavl/core/metrics/sklearn-fixtures.json

The Java tests (MetricsAgainstSklearnTest) compare the Evaluator's engine with these numbers.
CCC has no scikit-learn function; it is computed here with numpy from its definition
(population statistics), Pearson's r with numpy.corrcoef. A vector is constant when all its values are equal
(tested exactly, not by a floating-point variance): Pearson's r is then undefined (null); CCC is undefined
(null) when truth and prediction are the same constant, and exactly 0 when only one of them is constant
(its covariance is 0 by definition).
"""
import json
import warnings

import numpy as np
from sklearn.metrics import (accuracy_score, balanced_accuracy_score, confusion_matrix, f1_score,
                             mean_absolute_error, mean_squared_error, precision_recall_fscore_support,
                             precision_score, recall_score)

CLASSES = ["angry", "sad", "disgust", "fear", "neutral", "happy"]


def categorical_case(name, truth, pred):
    labels = sorted(set(truth) | set(pred))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        p, r, f, s = precision_recall_fscore_support(truth, pred, labels=labels, zero_division=0)
        out = {
            "name": name, "kind": "categorical", "truth": truth, "pred": pred, "labels": labels,
            "accuracy": accuracy_score(truth, pred),
            # UAR: mean recall over the classes of the truth
            "uar": balanced_accuracy_score(truth, pred),
            "f1_macro": f1_score(truth, pred, average="macro", zero_division=0),
            "f1_micro": f1_score(truth, pred, average="micro", zero_division=0),
            "f1_weighted": f1_score(truth, pred, average="weighted", zero_division=0),
            "precision_macro": precision_score(truth, pred, average="macro", zero_division=0),
            "precision_micro": precision_score(truth, pred, average="micro", zero_division=0),
            "recall_macro": recall_score(truth, pred, average="macro", zero_division=0),
            "recall_micro": recall_score(truth, pred, average="micro", zero_division=0),
            "per_class_precision": p.tolist(), "per_class_recall": r.tolist(), "per_class_f1": f.tolist(),
            "support": s.tolist(),
            "confusion": confusion_matrix(truth, pred, labels=labels).tolist(),
        }
    return out


def constant(v):
    return bool(np.all(v == v[0]))


def ccc(y, p):
    if constant(y) and constant(p) and y[0] == p[0]:
        return None
    if constant(y) or constant(p):
        return 0.0
    my, mp = y.mean(), p.mean()
    vy, vp = y.var(), p.var()
    cov = ((y - my) * (p - mp)).mean()
    return float(2 * cov / (vy + vp + (my - mp) ** 2))


def dimensional_case(name, truth, pred):
    y, p = np.asarray(truth), np.asarray(pred)
    pearson = None if constant(p) or constant(y) else float(np.corrcoef(y, p)[0, 1])
    return {"name": name, "kind": "dimensional", "truth": truth, "pred": pred, "ccc": ccc(y, p),
            "pearson": pearson, "rmse": float(np.sqrt(mean_squared_error(y, p))),
            "mae": float(mean_absolute_error(y, p))}


def calibration_case(name, probs, truth, bins=15):
    """ECE over 15 equal-width bins of the top probability ((b/15, (b+1)/15], the first bin also 0) and the
    multi-class Brier score, with numpy from their definitions."""
    p = np.asarray(probs)
    y = np.asarray(truth)
    conf = p.max(axis=1)
    pred = p.argmax(axis=1)
    b = np.clip(np.ceil(conf * bins).astype(int) - 1, 0, bins - 1)
    ece = 0.0
    for k in range(bins):
        m = b == k
        if m.any():
            ece += m.mean() * abs((pred[m] == y[m]).mean() - conf[m].mean())
    onehot = np.eye(p.shape[1])[y]
    brier = float(((p - onehot) ** 2).sum(axis=1).mean())
    return {"name": name, "kind": "calibration", "probabilities": p.tolist(), "truth": y.tolist(),
            "ece": float(ece), "brier": brier}


def main():
    rng = np.random.default_rng(20231)
    cases = []
    truth = [CLASSES[i] for i in rng.integers(0, 6, 300)]
    pred = [t if rng.random() < 0.55 else CLASSES[rng.integers(0, 6)] for t in truth]
    cases.append(categorical_case("six classes, 300 clips", truth, pred))
    # 'fear' is never predicted: its precision and F1 are 0 (zero_division=0)
    pred2 = [("neutral" if p == "fear" else p) for p in pred]
    cases.append(categorical_case("a class never predicted", truth, pred2))
    truth3 = ["happy"] * 40
    pred3 = ["happy" if rng.random() < 0.7 else "sad" for _ in truth3]
    cases.append(categorical_case("a single class in the truth", truth3, pred3))
    # 4 classes in 25 clips, one clip predicted as a fifth class that the truth lacks: UAR averages the
    # recall of the 4 true classes only (macro recall counts the fifth as 0)
    truth4 = ["angry"] * 7 + ["sad"] * 6 + ["happy"] * 6 + ["neutral"] * 6
    pred4 = list(truth4)
    pred4[3] = "fear"
    cases.append(categorical_case("a predicted class absent from the truth", truth4, pred4))
    truth5 = [CLASSES[i] for i in rng.integers(0, 3, 60)]
    pred5 = [t if rng.random() < 0.6 else CLASSES[rng.integers(0, 6)] for t in truth5]
    cases.append(categorical_case("three true classes, six predicted", truth5, pred5))
    y = rng.uniform(0, 1, 250)
    p = 0.6 * y + rng.normal(0, 0.15, 250) + 0.05
    cases.append(dimensional_case("correlated attribute", y.tolist(), p.tolist()))
    cases.append(dimensional_case("constant prediction", y.tolist(), [0.5] * 250))
    # 0.1 ten times: its floating-point variance is not 0, but it is constant
    y10 = rng.uniform(0, 1, 10)
    cases.append(dimensional_case("constant 0.1 prediction", y10.tolist(), [0.1] * 10))
    cases.append(dimensional_case("constant truth", [0.1] * 10, y10.tolist()))
    cases.append(dimensional_case("the same constant", [0.1] * 10, [0.1] * 10))
    cases.append(dimensional_case("perfect prediction", y10.tolist(), y10.tolist()))
    # calibration: over-confident softmax outputs of noisy logits, 400 clips, 6 classes
    logits = rng.normal(0, 1, (400, 6))
    truth6 = rng.integers(0, 6, 400)
    logits[np.arange(400), truth6] += 1.0
    probs = np.exp(3 * logits) / np.exp(3 * logits).sum(axis=1, keepdims=True)
    cases.append(calibration_case("over-confident probabilities", probs.tolist(), truth6.tolist()))
    print(json.dumps({"generator": "tools/metrics/make_fixtures.py", "cases": cases}, indent=1))


if __name__ == "__main__":
    main()
