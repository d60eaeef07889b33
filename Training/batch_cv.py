"""Measures the feedback engine on voices it has not seen: a cross-validation over the `train` split that
holds out whole batches.

`dev` is three batches that every choice so far was made on; on lines in new voices the engine does worse
than `dev` says (docs/feedback.md, "Known limits"). Here the batches of `train` are shuffled into FOLDS
groups; each group in turn is held out while the two models are fitted on the rest, exactly as
`Training/train.py` fits them, so every line is judged by a model that never saw its writer. `--extra` adds
the lines of a features file to every training fold and to nothing held out: it asks whether candidate
batches would help on the voices already in `train`. The `test` split is never read.

Usage: python Training/batch_cv.py FEATURES.jsonl [--extra MORE.jsonl] [--stance-c 3] [--marker-c 1]
(FEATURES.jsonl as `make train` writes it: .build/corpus-features.jsonl). About a minute a fold.
"""
import argparse
import random
import sys

import numpy as np

from train import MIN_LINES, fit, load, matrix, rounded, predict


def batch_of(line_id):
    """A line's batch from its id: `b31-017` is b31, `team-0001` the first corpus."""
    return line_id.rsplit("-", 1)[0]


def vocabulary(rows):
    counts = {}
    for row in rows:
        for name in set(row["features"]):
            counts[name] = counts.get(name, 0) + 1
    return {name: i for i, name in enumerate(sorted(n for n, c in counts.items() if c >= MIN_LINES))}


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("features")
    parser.add_argument("--extra", help="features of lines added to every training fold")
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--stance-c", type=float, default=3.0)
    parser.add_argument("--marker-c", type=float, default=1.0)
    args = parser.parse_args()

    train = [r for r in load(args.features) if r["split"] == "train"]
    extra = load(args.extra) if args.extra else []
    batches = sorted({batch_of(r["id"]) for r in train})
    random.Random(args.seed).shuffle(batches)
    fold_of = {batch: i % args.folds for i, batch in enumerate(batches)}

    right = {"stance": 0, "marker": 0}
    for fold in range(args.folds):
        held = [r for r in train if fold_of[batch_of(r["id"])] == fold]
        fitted = [r for r in train if fold_of[batch_of(r["id"])] != fold] + extra
        index = vocabulary(fitted)
        X_fit, X_held = matrix(fitted, index), matrix(held, index)
        for task, C in (("stance", args.stance_c), ("marker", args.marker_c)):
            params = rounded(fit(X_fit, [r[task] for r in fitted], C))
            right[task] += sum(p == r[task] for p, r in zip(predict(params, X_held), held))
        print(f"fold {fold + 1} of {args.folds}: {len(held)} lines held out", file=sys.stderr)
    for task in ("stance", "marker"):
        print(f"{task} accuracy on held-out batches: {right[task] / len(train):.4f} ({len(train)} lines, {len(batches)} batches)")


if __name__ == "__main__":
    main()
