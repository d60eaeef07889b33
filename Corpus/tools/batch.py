#!/usr/bin/env python3
"""Adds a batch of new coach turns to Corpus/coach-turns.tsv, labelled twice and blind (docs/annotation.md).

    python3 Corpus/tools/batch.py check   WORK/b51.tsv [--tidy]   the writer's file: columns, counts, near-duplicates
    python3 Corpus/tools/batch.py blind   WORK/b51.tsv            writes b51.blind.tsv (no labels, shuffled) and b51.keys.tsv
    python3 Corpus/tools/batch.py compare WORK/b51.tsv            reads b51.labels.tsv; agreement; b51.disagreements.tsv
    python3 Corpus/tools/batch.py add     WORK/b51.tsv --split train
                                                                 reads b51.decided.tsv for the disagreements; appends

The writer's file has the columns client, text, marker, stance, styles (tab-separated, a header line, no
quoting). The second annotator sees only the guide and b51.blind.tsv, and writes b51.labels.tsv (key, marker,
stance). A third reader sees only the guide and b51.disagreements.tsv, where the two labels stand in a random
order, and writes b51.decided.tsv (key, marker, stance, reason; no header). `add` refuses a batch with a
disagreement nobody decided, and a line that nearly repeats one already in the corpus.

Keep the work folder out of the repository until the batch is added: the blind files must stay blind.
Python 3 standard library only.
"""
import argparse
import collections
import csv
import hashlib
import os
import random
import re
import sys
import unicodedata

CORPUS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "coach-turns.tsv")
COLUMNS = ["id", "split", "batch", "styles", "client", "text", "marker", "stance", "marker_b", "stance_b", "adjudication"]
MARKERS = [f"8.{i}" for i in range(1, 10)] + ["none"]
STANCES = ["partner", "advise", "neutral"]
STYLES = {"multi", "hedged", "speech", "regional", "looks-advice", "looks-invite", "plain"}
# The style floors of a standard batch (docs/annotation.md, section 4); `--tidy` batches fill a gap and skip them.
STYLE_FLOORS = {"multi": 45, "hedged": 23, "speech": 15, "regional": 15, "looks-advice": 15, "looks-invite": 15}


def read_tsv(path):
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE))


def write_tsv(path, rows):
    with open(path, "w", encoding="utf-8", newline="") as f:
        for row in rows:
            for field in row:
                if "\t" in field or "\n" in field:
                    sys.exit(f"{path}: a field holds a tab or a line break: {field!r}")
            f.write("\t".join(row) + "\n")


def words(text):
    """Folded words: the same rule as CorpusShapeTests' near-duplicate check."""
    t = unicodedata.normalize("NFKC", text).lower().replace("\u2019", "'")
    t = re.sub(r"[^\w\s']", " ", t)
    return [w.strip("'") for w in t.split() if w.strip("'")]


def bigrams(text):
    w = words(text)
    return {(w[0], "")} if len(w) == 1 else set(zip(w, w[1:]))


def near_duplicates(new_texts, old_texts, threshold=0.8):
    """(new index, the text it repeats, share) for every new line whose word pairs are at least `threshold`
    of the pairs of the longer line, against the corpus and the other new lines."""
    everything = list(old_texts) + list(new_texts)
    grams = [bigrams(t) for t in everything]
    index = collections.defaultdict(set)
    for i, g in enumerate(grams):
        for b in g:
            index[b].add(i)
    found = []
    for n in range(len(new_texts)):
        i = len(old_texts) + n
        shared = collections.Counter(j for b in grams[i] for j in index[b] if j != i and (j < len(old_texts) or j < i))
        for j, count in shared.items():
            share = count / max(len(grams[i]), len(grams[j]))
            if share >= threshold:
                found.append((n, everything[j], share))
    return found


def batch_rows(path):
    rows = read_tsv(path)
    if not rows or rows[0] != ["client", "text", "marker", "stance", "styles"]:
        sys.exit(f"{path}:1: the header must be: client, text, marker, stance, styles (tab-separated)")
    return rows[1:]


def sibling(path, suffix):
    return os.path.splitext(path)[0] + suffix


def corpus_rows(path):
    rows = read_tsv(path)
    header = rows[0]
    return header, [dict(zip(header, r)) for r in rows[1:]]


def check(args):
    rows = batch_rows(args.batch)
    problems, styles, counts = [], collections.Counter(), collections.Counter()
    for n, row in enumerate(rows, start=2):
        if len(row) != 5:
            problems.append(f"line {n}: {len(row)} fields, expected 5")
            continue
        client, text, marker, stance, tags = row
        tags = [t.strip() for t in tags.split(",") if t.strip()]
        if marker not in MARKERS:
            problems.append(f"line {n}: marker {marker!r} (8.1 to 8.9 or none)")
        if stance not in STANCES:
            problems.append(f"line {n}: stance {stance!r} (partner, advise or neutral)")
        if not tags or any(t not in STYLES for t in tags) or ("plain" in tags and len(tags) > 1):
            problems.append(f"line {n}: styles {','.join(tags)!r}")
        # Style tags that fix the stance (docs/annotation.md, section 4).
        for tag, fixed in [("hedged", "advise"), ("looks-invite", "advise"), ("looks-advice", "partner")]:
            if tag in tags and stance != fixed:
                problems.append(f"line {n}: a {tag} line is {fixed}")
        if not 1 <= len(words(text)) <= 80:
            problems.append(f"line {n}: {len(words(text))} words (1 to 80)")
        counts[(marker, stance)] += 1
        styles.update(tags)
    if not args.tidy:
        for tag, floor in STYLE_FLOORS.items():
            if styles[tag] < floor:
                problems.append(f"style {tag}: {styles[tag]} lines, at least {floor}")
    _, corpus = corpus_rows(args.corpus)
    texts = [r[1] for r in rows if len(r) == 5]
    for n, repeated, share in near_duplicates(texts, [r["text"] for r in corpus]):
        problems.append(f"near-duplicate ({share:.0%} shared word pairs): {texts[n]!r} ~ {repeated!r}")
    print(f"{len(rows)} lines")
    for m in MARKERS:
        print(f"  {m:5} " + "  ".join(f"{s} {counts[(m, s)]:3}" for s in STANCES))
    print("  styles: " + ", ".join(f"{t} {c}" for t, c in sorted(styles.items())))
    for p in problems:
        print(" - " + p)
    print(f"{len(problems)} problem(s)")
    return 1 if problems else 0


def blind(args):
    rows = batch_rows(args.batch)
    name = os.path.basename(os.path.splitext(args.batch)[0])
    order = list(range(len(rows)))
    # Seeded by the batch's name, so the blind file is the same every time it is made.
    random.Random(int(hashlib.sha256(name.encode()).hexdigest()[:8], 16)).shuffle(order)
    keys = [f"{name}k{k + 1:03d}" for k in range(len(rows))]
    write_tsv(sibling(args.batch, ".blind.tsv"), [["key", "client", "text"]] + [[keys[k], rows[i][0], rows[i][1]] for k, i in enumerate(order)])
    write_tsv(sibling(args.batch, ".keys.tsv"), [["key", "row"]] + [[keys[k], str(i)] for k, i in enumerate(order)])
    print(f"wrote {sibling(args.batch, '.blind.tsv')} ({len(rows)} lines) and its keys")
    return 0


def second_labels(path, rows):
    """The second annotator's label for each row of the batch, by row."""
    keys = {k: int(i) for k, i in read_tsv(sibling(path, ".keys.tsv"))[1:]}
    labels = read_tsv(sibling(path, ".labels.tsv"))
    if not labels or labels[0] != ["key", "marker", "stance"]:
        sys.exit(f"{sibling(path, '.labels.tsv')}:1: the header must be: key, marker, stance")
    by_row = {}
    for n, (key, marker, stance) in enumerate(labels[1:], start=2):
        if key not in keys or marker not in MARKERS or stance not in STANCES:
            sys.exit(f"{sibling(path, '.labels.tsv')}:{n}: {key} {marker} {stance}: unknown key or label")
        by_row[keys[key]] = (key, marker, stance)
    if len(by_row) != len(rows):
        sys.exit(f"{sibling(path, '.labels.tsv')}: {len(by_row)} labels for {len(rows)} lines")
    return by_row


def compare(args):
    rows = batch_rows(args.batch)
    second = second_labels(args.batch, rows)
    rng = random.Random(os.path.basename(args.batch))
    out, stance_same, marker_same = [["key", "client", "text", "label_1", "label_2"]], 0, 0
    for i, (client, text, marker, stance, _) in enumerate(rows):
        key, marker_b, stance_b = second[i]
        stance_same += stance == stance_b
        marker_same += marker == marker_b
        if (marker, stance) != (marker_b, stance_b):
            pair = [f"{marker}/{stance}", f"{marker_b}/{stance_b}"]
            rng.shuffle(pair)  # the third reader must not know whose label is whose
            out.append([key, client, text] + pair)
    write_tsv(sibling(args.batch, ".disagreements.tsv"), out)
    print(f"stance agreement {stance_same / len(rows):.1%}, marker agreement {marker_same / len(rows):.1%}; "
          f"{len(out) - 1} disagreement(s) in {sibling(args.batch, '.disagreements.tsv')}")
    return 0


def add(args):
    rows = batch_rows(args.batch)
    # The writer's rows must pass the same checks as `check` before anything is appended.
    for n, row in enumerate(rows, start=2):
        if len(row) != 5 or row[2] not in MARKERS or row[3] not in STANCES:
            sys.exit(f"{args.batch}:{n}: not a valid row (run `batch.py check` on the batch first)")
    second = second_labels(args.batch, rows)
    decided_path = sibling(args.batch, ".decided.tsv")
    decided = {}
    if os.path.exists(decided_path):
        for n, row in enumerate(read_tsv(decided_path), start=1):
            if len(row) != 4 or row[1] not in MARKERS or row[2] not in STANCES or not row[3].strip():
                sys.exit(f"{decided_path}:{n}: expected key, marker (8.1 to 8.9 or none), stance (partner, advise "
                         f"or neutral) and a reason, tab-separated")
            decided[row[0]] = row
    name = os.path.basename(os.path.splitext(args.batch)[0])
    header, corpus = corpus_rows(args.corpus)
    if header != COLUMNS:
        sys.exit(f"{args.corpus}:1: unexpected columns {header}")
    if any(r["batch"] == name for r in corpus):
        sys.exit(f"batch {name} is already in the corpus")
    near = near_duplicates([r[1] for r in rows], [r["text"] for r in corpus])
    if near:
        for n, repeated, share in near:
            print(f"near-duplicate ({share:.0%}): {rows[n][1]!r} ~ {repeated!r}")
        sys.exit("rewrite those lines (and label them again) before adding the batch")
    added = []
    for i, (client, text, marker, stance, styles) in enumerate(rows):
        key, marker_b, stance_b = second[i]
        row = dict(id=f"{name}-{i + 1:03d}", split=args.split, batch=name,
                   styles=",".join(s.strip() for s in styles.split(",")), client=client, text=text,
                   marker=marker, stance=stance, marker_b=marker_b, stance_b=stance_b, adjudication="")
        if (marker, stance) != (marker_b, stance_b):
            if key not in decided:
                sys.exit(f"{key}: the two labels differ and {decided_path} has no decision for it")
            _, final_marker, final_stance, reason = decided[key]
            # The first label stays on record when the third reading overturns it.
            row["adjudication"] = reason if (final_marker, final_stance) == (marker, stance) else f"first {marker}/{stance}; {reason}"
            row["marker"], row["stance"] = final_marker, final_stance
        added.append(row)
    with open(args.corpus, "a", encoding="utf-8", newline="") as f:
        for row in added:
            f.write("\t".join(row[c] for c in COLUMNS) + "\n")
    print(f"added {len(added)} lines of {name} to {os.path.normpath(args.corpus)} as {args.split}")
    return 0


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    for name, run in [("check", check), ("blind", blind), ("compare", compare), ("add", add)]:
        command = commands.add_parser(name)
        command.add_argument("batch", help="the writer's file, e.g. work/b51.tsv")
        command.set_defaults(run=run)
        command.add_argument("--corpus", default=CORPUS, help="the corpus file (default: Corpus/coach-turns.tsv)")
        if name == "check":
            command.add_argument("--tidy", action="store_true", help="a gap-filling batch: skip the style floors")
        if name == "add":
            # New lines train. `test` only for a batch named a test batch before a line of it was written
            # (Corpus/README.md, "Splits"); list it in CorpusShapeTests.freshTestBatches too.
            command.add_argument("--split", choices=["train", "dev", "test"], required=True)
    args = parser.parse_args()
    return args.run(args)


if __name__ == "__main__":
    sys.exit(main())
