#!/usr/bin/python3
"""Expected evaluation figures computed independently with scikit-learn and numpy.

Run with Debian's python3 (python3-sklearn, python3-numpy):

    /usr/bin/python3 tools/metrics/make_fixtures.py > \
        org.vavl.core/src/test/resources/org/vavl/core/metrics/sklearn-fixtures.json

The Java tests (MetricsAgainstSklearnTest) compare the Evaluator's engine with these numbers.
CCC has no scikit-learn function; it is computed here with numpy from its definition
(population statistics), Pearson's r with numpy.corrcoef.
"""
import json
import warnings

import numpy as np
from sklearn.metrics import (accuracy_score, confusion_matrix, f1_score, mean_absolute_error,
                             mean_squared_error, precision_recall_fscore_support, precision_score,
                             recall_score)

CLASSES = ["angry", "sad", "disgust", "fear", "neutral", "happy"]


def categorical_case(name, truth, pred):
    labels = sorted(set(truth) | set(pred))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        p, r, f, s = precision_recall_fscore_support(truth, pred, labels=labels, zero_division=0)
        out = {
            "name": name, "kind": "categorical", "truth": truth, "pred": pred, "labels": labels,
            "accuracy": accuracy_score(truth, pred),
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


def ccc(y, p):
    my, mp = y.mean(), p.mean()
    vy, vp = y.var(), p.var()
    cov = ((y - my) * (p - mp)).mean()
    return 2 * cov / (vy + vp + (my - mp) ** 2)


def dimensional_case(name, truth, pred):
    y, p = np.asarray(truth), np.asarray(pred)
    pearson = None if p.std() == 0 or y.std() == 0 else float(np.corrcoef(y, p)[0, 1])
    return {"name": name, "kind": "dimensional", "truth": truth, "pred": pred, "ccc": float(ccc(y, p)),
            "pearson": pearson, "rmse": float(np.sqrt(mean_squared_error(y, p))),
            "mae": float(mean_absolute_error(y, p))}


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
    y = rng.uniform(0, 1, 250)
    p = 0.6 * y + rng.normal(0, 0.15, 250) + 0.05
    cases.append(dimensional_case("correlated attribute", y.tolist(), p.tolist()))
    cases.append(dimensional_case("constant prediction", y.tolist(), [0.5] * 250))
    print(json.dumps({"generator": "tools/metrics/make_fixtures.py", "cases": cases}, indent=1))


if __name__ == "__main__":
    main()
