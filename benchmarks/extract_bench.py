"""Benchmark of the rule-based extractor (explainer.extract) on the Wikinews/GUM corpus.

Prints per-category scores from the team's scorer (tests/corpus/score.py: people, attributions
overlap and exact, speaker accuracy, dates; micro and per document) and the throughput in
articles per second on one core (a single process, no threads).

    .venv/bin/python benchmarks/extract_bench.py [--seconds 5] [--json] [--gold DIR ...]

`--gold DIR` also scores another folder of gold files in the corpus format, such as the GUM
development and check sets that benchmarks/gum_devset.py builds (micro-averages, overall and
per genre).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import sys
import tempfile
import time
from pathlib import Path
from types import ModuleType
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from benchmarks.corpus import load_scorer  # noqa: E402
from explainer.extract import extract, to_score_json  # noqa: E402

CORPUS = REPO / "tests" / "corpus" / "wikinews"
SEED = REPO / "tests" / "fixtures" / "pages" / "seed.txt"


def _scorer() -> ModuleType:
    return load_scorer()


def score_corpus(gold: Path = CORPUS) -> dict[str, Any]:
    predictions: dict[str, Any] = {}
    with tempfile.TemporaryDirectory() as pred:
        for path in sorted(gold.glob("*.txt")):
            result = extract(path.read_text(encoding="utf-8"))
            doc = path.name[: -len(".txt")]
            predictions[doc] = to_score_json(result)
            out = Path(pred) / f"{doc}.json"
            out.write_text(json.dumps(predictions[doc], ensure_ascii=False), encoding="utf-8")
        scores: dict[str, Any] = _scorer().score_dirs(str(gold), pred)
    scores["third_person_speaker"] = third_person_speaker(gold, predictions)
    return scores


FIRST_SECOND_PERSON = frozenset({"i", "me", "my", "we", "us", "our", "you", "your"})


def third_person_speaker(gold_dir: Path, predictions: dict[str, Any]) -> dict[str, Any]:
    """Speaker accuracy on matched attributions whose gold speaker is named in the third person:
    the speakers of news reporting. (In interviews, talks and conversations most attributions
    are "I think", whose speaker is the one talking; news quotes them inside quotation marks.)"""
    scorer = _scorer()
    correct = total = 0
    for doc, pred in predictions.items():
        gold = json.loads((gold_dir / f"{doc}.gold.json").read_text(encoding="utf-8"))
        ga = [a for a in gold["attributions"] if a.get("speaker")
              and (a.get("speaker_mention") or "").lower() not in FIRST_SECOND_PERSON]
        pa = pred["attributions"]
        pairs = scorer.greedy([
            (scorer.iou((p["char_start"], p["char_end"]), (g["char_start"], g["char_end"])),
             abs(i - j), i, j)
            for i, p in enumerate(pa) for j, g in enumerate(ga)
            if scorer.iou((p["char_start"], p["char_end"]), (g["char_start"], g["char_end"]))
            >= 0.5])
        for i, j, _ in pairs:
            total += 1
            correct += bool(scorer.name_match(pa[i].get("speaker") or "", ga[j]["speaker"]))
    return {"correct": correct, "total": total,
            "accuracy": round(correct / total, 4) if total else None}


def by_genre(scores: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """Micro-averages per genre (the second part of a GUM document name)."""
    genres: dict[str, dict[str, Any]] = {}
    for doc, r in scores["per_doc"].items():
        # GUM_<genre>_<name>; the news-like set: <house style>_<name>
        parts = doc.split("_")
        genre = parts[1] if parts[0] == "GUM" and len(parts) >= 3 else parts[0]
        g = genres.setdefault(genre, {"n_docs": 0, "speaker": [0, 0]})
        g["n_docs"] += 1
        for k in ("people", "attributions", "attributions_exact", "dates"):
            t = g.setdefault(k, [0, 0, 0])
            t[0], t[1], t[2] = t[0] + r[k]["tp"], t[1] + r[k]["fp"], t[2] + r[k]["fn"]
        g["speaker"][0] += r["speaker"]["correct"]
        g["speaker"][1] += r["speaker"]["total"]
    scorer = _scorer()
    out = {}
    for genre, g in sorted(genres.items()):
        out[genre] = {k: scorer.prf(*v) for k, v in g.items() if k not in ("n_docs", "speaker")}
        sp = g["speaker"]
        out[genre]["speaker"] = {"correct": sp[0], "total": sp[1],
                                 "accuracy": round(sp[0] / sp[1], 4) if sp[1] else None}
        out[genre]["n_docs"] = g["n_docs"]
    return out


def print_micro(title: str, micro: dict[str, Any]) -> None:
    cells = " ".join(f"{k}={micro[k]['f1']:.3f}" for k in
                     ("people", "attributions", "attributions_exact", "dates"))
    s = micro["speaker"]
    acc = f"{s['accuracy']:.3f}" if s["accuracy"] is not None else "-"
    print(f"  {title:22s} {cells} speaker={acc} ({s['correct']}/{s['total']}; "
          f"attributions tp/fp/fn {micro['attributions']['tp']}/{micro['attributions']['fp']}/"
          f"{micro['attributions']['fn']})")


def throughput(seconds: float) -> dict[str, float]:
    """Articles per second over the corpus and the seed story, repeated for `seconds`."""
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})  # one core
    texts = [p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("*.txt"))]
    texts.append(SEED.read_text(encoding="utf-8"))
    for text in texts:  # warm up
        extract(text)
    rates: list[float] = []
    deadline = time.perf_counter() + seconds
    while time.perf_counter() < deadline:
        start = time.perf_counter()
        for text in texts:
            extract(text)
        rates.append(len(texts) / (time.perf_counter() - start))
    return {
        "articles_per_second_median": statistics.median(rates),
        "articles_per_second_min": min(rates),
        "rounds": float(len(rates)),
        "mean_article_chars": sum(map(len, texts)) / len(texts),
    }


def main() -> int:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--seconds", type=float, default=5.0, help="time spent measuring throughput")
    ap.add_argument("--json", action="store_true", help="print JSON instead of tables")
    ap.add_argument("--gold", type=Path, action="append", default=[],
                    help="another folder of gold files to score (repeatable)")
    args = ap.parse_args()
    scores = score_corpus()
    others = {str(folder): score_corpus(folder) for folder in args.gold}
    speed = throughput(args.seconds)
    if args.json:
        print(json.dumps({"scores": scores, "throughput": speed,
                          "other_gold": {k: {"micro": v["micro"], "by_genre": by_genre(v),
                                             "third_person_speaker": v["third_person_speaker"]}
                                         for k, v in others.items()}}, indent=1))
        return 0
    keys = ("people", "attributions", "attributions_exact", "dates")
    print(f"{'doc':26s}" + "".join(f"{k[:18]:>20s}" for k in keys) + f"{'speaker_acc':>13s}")
    for doc, r in scores["per_doc"].items():
        acc = r["speaker"]["accuracy"]
        cells = "".join(f"{r[k]['f1']:20.3f}" for k in keys)
        print(f"{doc:26s}{cells}" + (f"{acc:13.3f}" if acc is not None else f"{'-':>13s}"))
    print(f"\nMicro-averaged over {scores['n_docs']} documents")
    for k in keys:
        m = scores["micro"][k]
        print(
            f"  {k:20s} P={m['precision']:.3f} R={m['recall']:.3f} F1={m['f1']:.3f} "
            f"(tp={m['tp']} fp={m['fp']} fn={m['fn']})"
        )
    s = scores["micro"]["speaker"]
    print(f"  {'speaker accuracy':20s} {s['accuracy']} ({s['correct']}/{s['total']})")
    for folder, other in others.items():
        print(f"\n{folder}: {other['n_docs']} documents (F1; speaker accuracy)")
        print_micro("all", other["micro"])
        third = other["third_person_speaker"]
        print(f"  {'':22s} speaker accuracy, third-person gold speakers only: "
              f"{third['accuracy']} ({third['correct']}/{third['total']})")
        for genre, micro in by_genre(other).items():
            print_micro(f"{genre} ({micro['n_docs']})", micro)
    print(
        f"\nThroughput (one core, {platform.python_implementation()} {platform.python_version()}): "
        f"{speed['articles_per_second_median']:.1f} articles/s median, "
        f"{speed['articles_per_second_min']:.1f} min over {int(speed['rounds'])} rounds; "
        f"mean article {speed['mean_article_chars']:.0f} chars"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
