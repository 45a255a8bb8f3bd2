"""Calibrated confidence: of the quotes given 0.8, about 80% should be attributed right.

Each rule's confidence is the share of its quotes that PolNeAR train attributes to the same speaker
(found with a Jaccard overlap of at least 0.5 and the right speaker, as ``shared/eval/score.py``
counts them), smoothed towards the share over all rules so that a rule seen a few times does not
get 0 or 1. The table ships as data (``quotes/data/calibration.json``) and is refitted with
``quotes evaluate GOLD --fit-calibration FILE``; ``quotes evaluate --calibration`` prints how well
the confidences match on any gold file (a reliability table).
"""

from __future__ import annotations

import json
from collections import Counter
from functools import cache
from importlib import resources
from pathlib import Path

TABLE = "data/calibration.json"
PRIOR_WEIGHT = 5  # pseudo-quotes at the overall rate: a rule seen 5 times moves halfway from it
BINS = (0.0, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0001)


@cache
def table() -> dict:
    """The shipped calibration table: ``{"rules": {rule: {"confidence", "predicted", "right"}}, …}``."""
    return json.loads(resources.files("quotes").joinpath(TABLE).read_text(encoding="utf-8"))


def calibrated(rule: str, default: float) -> float:
    """The measured confidence of ``rule``, or ``default`` for a rule never measured (a plugin's)."""
    entry = table().get("rules", {}).get(rule)
    return entry["confidence"] if entry else default


def outcomes(gold_docs: dict[str, dict], pred_docs: dict[str, dict]) -> list[tuple[dict, bool]]:
    """Each scored prediction with whether it was attributed right; predictions matching only
    optional gold quotes are left out, as the scorer leaves them out of precision."""
    from quotes.evaluate import pair_quotes, same_speaker

    out = []
    for doc_id, gold_doc in gold_docs.items():
        text, gold = gold_doc["text"], gold_doc.get("quotes", [])
        pred = pred_docs.get(doc_id, {}).get("quotes", [])
        matched = {j: i for i, j, _ in pair_quotes(gold, pred, text)}
        for j, quote in enumerate(pred):
            i = matched.get(j)
            if i is not None and gold[i].get("required") is False:
                continue
            out.append((quote, i is not None and same_speaker(gold[i], quote, text)))
    return out


def fit(results: list[tuple[dict, bool]], source: str) -> dict:
    """A calibration table from scored predictions: per rule, the smoothed share attributed right."""
    predicted, right = Counter(), Counter()
    for quote, ok in results:
        predicted[quote.get("rule")] += 1
        right[quote.get("rule")] += ok
    overall = sum(right.values()) / max(1, sum(predicted.values()))
    rules = {rule: {"confidence": round((right[rule] + PRIOR_WEIGHT * overall) / (n + PRIOR_WEIGHT), 3),
                    "predicted": n, "right": right[rule]}
             for rule, n in sorted(predicted.items()) if rule}
    return {"fitted_on": source, "overall": round(overall, 3), "prior_weight": PRIOR_WEIGHT, "rules": rules}


def write_table(fitted: dict, path: str | Path) -> None:
    """The table as JSON, one rule a line, so that a refit reads as a diff."""
    rules = ",\n".join(f"  {json.dumps(rule)}: {json.dumps(entry)}" for rule, entry in fitted["rules"].items())
    head = {k: v for k, v in fitted.items() if k != "rules"}
    header = json.dumps(head, ensure_ascii=False)[1:-1]
    Path(path).write_text(f"{{{header},\n \"rules\": {{\n{rules}\n }}}}\n", encoding="utf-8")


def reliability(results: list[tuple[dict, bool]]) -> dict:
    """Per confidence bin: how many quotes, their mean confidence and the share attributed right;
    and the expected calibration error (the gap between the two, weighted by bin size)."""
    rows = []
    total = len(results)
    gap = 0.0
    for low, high in zip(BINS, BINS[1:], strict=False):
        inside = [(q["confidence"], ok) for q, ok in results if low <= q.get("confidence", 0) < high]
        if not inside:
            continue
        mean = sum(c for c, _ in inside) / len(inside)
        accuracy = sum(ok for _, ok in inside) / len(inside)
        gap += len(inside) / total * abs(mean - accuracy)
        rows.append({"bin": f"{low:.1f}–{min(high, 1.0):.1f}", "quotes": len(inside), "confidence": round(mean, 3),
                     "right": round(accuracy, 3)})
    return {"bins": rows, "quotes": total, "expected_calibration_error": round(gap, 3)}


def format_reliability(report: dict) -> str:
    lines = ["confidence   quotes  mean confidence  attributed right"]
    for row in report["bins"]:
        lines.append(f"{row['bin']:11} {row['quotes']:7}  {row['confidence']:15.3f}  {row['right']:16.3f}")
    lines.append(f"expected calibration error {report['expected_calibration_error']:.3f} "
                 f"over {report['quotes']} quotes")
    return "\n".join(lines)
