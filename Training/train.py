"""Fits the feedback engine's weights: `make train` runs this after `coachdrill-features`.

Reads the features of every corpus line (one JSON object a line, computed by the product's own Swift code),
fits two L2-regularised multinomial logistic regressions on the `train` split, one for the stance and one
for the marker, chooses each one's regularisation on `dev` (the strongest within one standard error of the
best), and writes the weights, with the `dev` figures
they give, as the Swift source file the engine reads. The `test` split is never read here.

Usage: python train.py FEATURES.jsonl OUTPUT.swift
"""
import json
import sys

import numpy as np
from scipy.sparse import csr_matrix
from sklearn.linear_model import LogisticRegression

# Inverse regularisation strengths tried, strongest first. The strongest whose dev accuracy is within one
# standard error of the best wins: dev is a few hundred lines, so a gap smaller than that is noise, and the
# stronger regularisation leans less on wording the corpus happens to have.
C_GRID = [0.1, 0.3, 1.0, 3.0, 10.0]
assert C_GRID == sorted(C_GRID), "the one-standard-error rule takes the first C that qualifies: strongest first"
# A feature must occur in this many training lines to be weighed at all.
MIN_LINES = 2
# Weights are rounded to this many decimals (and written as whole units of the last one), and the dev
# figures are measured with the rounded weights. The engine reads the rows as ten-thousandths
# (LearnedModel.Linear): change both together.
DECIMALS = 4
assert DECIMALS == 4, "LearnedModel.Linear reads the weight rows as ten-thousandths"


def layout(value, features):
    """The weights as JSON, one feature (a name, or its row of weights) a line, so that a retrained file
    diffs line by line and no editor meets a line of a megabyte."""
    def dump(v):
        return json.dumps(v, ensure_ascii=False, separators=(",", ":"), sort_keys=True)

    def rows(items, width):
        return "[\n" + ",\n".join(",".join(dump(x) for x in items[i:i + width]) for i in range(0, len(items), width)) + "\n]"

    parts = []
    for key in sorted(value):
        v = value[key]
        if key == "features":
            parts.append(dump(key) + ":" + rows(v, 1))
        elif isinstance(v, dict) and "weights" in v:
            inner = [dump(k) + ":" + (rows(v[k], 1) if k == "weights" else dump(v[k])) for k in sorted(v)]
            parts.append(dump(key) + ":{\n" + ",\n".join(inner) + "\n}")
        else:
            parts.append(dump(key) + ":" + dump(v))
    text = "{\n" + ",\n".join(parts) + "\n}"
    assert json.loads(text) == value
    return text


def load(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def matrix(rows, index):
    data, cols, ptr = [], [], [0]
    for row in rows:
        hits = sorted({index[name] for name in row["features"] if name in index})
        cols.extend(hits)
        data.extend([1.0] * len(hits))
        ptr.append(len(cols))
    return csr_matrix((np.array(data), np.array(cols, dtype=np.int64), np.array(ptr)), shape=(len(rows), len(index)))


def fit(X, y, C):
    model = LogisticRegression(C=C, max_iter=5000, tol=1e-6)
    model.fit(X, y)
    return model


def rounded(model):
    """(classes, intercepts, weights[class][feature]) rounded as they will be written."""
    return list(model.classes_), np.round(model.intercept_, DECIMALS), np.round(model.coef_, DECIMALS)


def predict(params, X):
    """The engine's decision (LearnedModel.decide): each class's score summed exactly in whole
    ten-thousandths, the highest winning and a tie going to the earlier class (argmax takes the first)."""
    classes, intercept, coef = params
    scale = 10 ** DECIMALS
    weights = np.rint(coef * scale).astype(np.int64)
    intercepts = np.rint(intercept * scale).astype(np.int64)
    scores = X.astype(np.int64) @ weights.T + intercepts
    return [classes[i] for i in np.argmax(scores, axis=1)]


def accuracy(predicted, expected):
    return sum(p == e for p, e in zip(predicted, expected)) / len(expected)


def main(features_path, output_path):
    rows = load(features_path)
    train = [r for r in rows if r["split"] == "train"]
    dev = [r for r in rows if r["split"] == "dev"]
    counts = {}
    for row in train:
        for name in set(row["features"]):
            counts[name] = counts.get(name, 0) + 1
    vocabulary = sorted(name for name, n in counts.items() if n >= MIN_LINES)
    index = {name: i for i, name in enumerate(vocabulary)}
    X_train, X_dev = matrix(train, index), matrix(dev, index)

    chosen = {}
    for task in ["stance", "marker"]:
        y_train = [r[task] for r in train]
        y_dev = [r[task] for r in dev]
        tried = []
        for C in C_GRID:
            params = rounded(fit(X_train, y_train, C))
            score = accuracy(predict(params, X_dev), y_dev)
            print(f"{task}: C={C}: dev accuracy {score:.4f}", file=sys.stderr)
            tried.append((score, C, params))
        top = max(score for score, _, _ in tried)
        standard_error = (top * (1 - top) / len(y_dev)) ** 0.5
        best = next(t for t in tried if t[0] >= top - standard_error)
        chosen[task] = best
        print(f"{task}: best dev accuracy {top:.4f}, one standard error {standard_error:.4f}: chose C={best[1]}",
              file=sys.stderr)

    # Features that weigh nothing in either model after rounding are left out of the file.
    keep = [i for i in range(len(vocabulary))
            if np.any(chosen["stance"][2][2][:, i] != 0) or np.any(chosen["marker"][2][2][:, i] != 0)]

    stance_dev = predict(chosen["stance"][2], X_dev)
    expected = [r["stance"] for r in dev]
    advise = [p for p, e in zip(stance_dev, expected) if e == "advise"]
    partner = [p for p, e in zip(stance_dev, expected) if e == "partner"]
    figures = {
        "lines": len(dev),
        "stance_accuracy": round(accuracy(stance_dev, expected), 6),
        "marker_accuracy": round(accuracy(predict(chosen["marker"][2], X_dev), [r["marker"] for r in dev]), 6),
        "advise_recall": round(sum(p == "advise" for p in advise) / len(advise), 6),
        "partner_called_advised": round(sum(p == "advise" for p in partner) / len(partner), 6),
    }

    def model_json(task):
        _, C, (classes, intercept, coef) = chosen[task]
        return {
            "classes": classes,
            "regularisation_c": C,
            "intercepts": [float(x) for x in intercept],
            # One string a feature: its weight for each class in ten-thousandths (the weights are rounded
            # to four decimals, so this is exact), separated by one space. As JSON numbers (570,000 of
            # them now) the weights took the engine half a second to decode before its first judgement; as
            # one string a feature (88,000 rows for the two models) they take a fraction of that.
            "weights": [" ".join(str(int(round(coef[k, i] * 10 ** DECIMALS))) for k in range(len(classes)))
                        for i in keep],
        }

    weights = {
        "features": [vocabulary[i] for i in keep],
        "stance": model_json("stance"),
        "marker": model_json("marker"),
        "dev": figures,
        "training_lines": len(train),
    }
    text = layout(weights, len(keep))
    with open(output_path, "w", encoding="utf-8") as out:
        out.write("// Generated by `make train` (Training/train.py) from Corpus/coach-turns.tsv: do not edit.\n")
        out.write("// The learned model's weights and the dev-split figures they give; docs/feedback.md says how to retrain.\n")
        out.write("enum ModelWeights {\n    static let json = #\"\"\"\n")
        out.write(text)
        out.write("\n\"\"\"#\n}\n")
    print(json.dumps(figures), file=sys.stderr)
    print(f"{len(keep)} features of {len(vocabulary)} weighed", file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
