"""Score predicted quotes against gold annotations, with the matching of shared/eval/score.py.

A prediction matches a gold quote when their spans, trimmed of space, quotation marks and edge
punctuation, overlap with a Jaccard score of at least 0.5; pairs are taken one-to-one, best
overlap first. A matched speaker is right when the speaker spans overlap or when the head word
of one side's speaker is among the other side's words. Gold quotes with ``"required": false``
neither earn nor cost anything. On top of score.py's figures this breaks results down by rule.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

from quotes.annotate import annotated_lines
from quotes.calibration import fit, outcomes, reliability, write_table
from quotes.lexicon import Lexicon

EDGE_CHARS = frozenset("\"'“”‘’«»„‟‹›` \t\r\n\u00a0.,;:!?—–―-()[]")
SPEAKER_STOPWORDS = frozenset({"the", "a", "an", "of", "s", "mr", "mrs", "ms", "dr", "said", "says"})
WORD = re.compile(r"[^\W_]+")


def trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in EDGE_CHARS:
        start += 1
    while end > start and text[end - 1] in EDGE_CHARS:
        end -= 1
    return start, end


def overlap(a: tuple[int, int], b: tuple[int, int]) -> float:
    shared = max(0, min(a[1], b[1]) - max(a[0], b[0]))
    union = (a[1] - a[0]) + (b[1] - b[0]) - shared
    return shared / union if union else 0.0


def speaker_words(name: str) -> list[str]:
    folded = name.lower().replace("’s", "").replace("'s", "")
    return [w for w in WORD.findall(folded) if w not in SPEAKER_STOPWORDS]


def _speaker_names(quote: dict, text: str) -> list[str]:
    names = [quote[k] for k in ("speaker", "speaker_as_written") if quote.get(k)]
    s, e = quote.get("speaker_start"), quote.get("speaker_end")
    if isinstance(s, int) and isinstance(e, int) and 0 <= s < e <= len(text):
        names.append(text[s:e])
    return names


def same_speaker(gold: dict, pred: dict, text: str) -> bool:
    spans = [gold.get("speaker_start"), gold.get("speaker_end"), pred.get("speaker_start"), pred.get("speaker_end")]
    if all(isinstance(x, int) for x in spans) and min(spans[1], spans[3]) > max(spans[0], spans[2]):
        return True
    for g in map(speaker_words, _speaker_names(gold, text)):
        for p in map(speaker_words, _speaker_names(pred, text)):
            if g and p and (g[-1] in p or p[-1] in g):
                return True
    return False


def quote_span(quote: dict, text: str) -> tuple[int, int] | None:
    s, e = quote.get("start"), quote.get("end")
    if not (isinstance(s, int) and isinstance(e, int) and 0 <= s <= e <= len(text)):
        content = quote.get("content") or ""
        s = text.find(content) if content else -1
        if s < 0:
            return None
        e = s + len(content)
    return trimmed(text, s, e)


def pair_quotes(gold: list[dict], pred: list[dict], text: str, min_overlap: float = 0.5):
    """One-to-one pairs (gold index, pred index, exact span match), best overlap first."""
    g_spans = [quote_span(q, text) for q in gold]
    p_spans = [quote_span(q, text) for q in pred]
    scored = sorted(
        ((overlap(g, p), i, j) for i, g in enumerate(g_spans) if g for j, p in enumerate(p_spans) if p),
        reverse=True,
    )
    taken_g: set[int] = set()
    taken_p: set[int] = set()
    pairs = []
    for score, i, j in scored:
        if score < min_overlap:
            break
        if i in taken_g or j in taken_p:
            continue
        taken_g.add(i)
        taken_p.add(j)
        pairs.append((i, j, g_spans[i] == p_spans[j]))
    return pairs


def prf(hits: int, predicted: int, wanted: int) -> dict:
    p = hits / predicted if predicted else 0.0
    r = hits / wanted if wanted else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4)}


def score_documents(gold_docs: dict[str, dict], pred_docs: dict[str, dict], n_errors: int = 0) -> dict:
    """Figures for finding and attributing quotes, overall, by gold type and by predicted rule."""
    counts = Counter()
    by_type: dict[str, Counter] = {}
    by_rule: dict[str, Counter] = {}
    errors: list[dict] = []
    for doc_id, gold_doc in gold_docs.items():
        text = gold_doc["text"]
        gold = gold_doc.get("quotes", [])
        pred = pred_docs.get(doc_id, {}).get("quotes", [])
        pairs = pair_quotes(gold, pred, text)
        optional = {i for i, q in enumerate(gold) if q.get("required") is False}
        matched_gold = {i for i, _, _ in pairs}
        matched_pred = {j for _, j, _ in pairs}
        free_pred = {j for i, j, _ in pairs if i in optional}
        counts["gold"] += len(gold) - len(optional)
        counts["pred"] += len(pred) - len(free_pred)
        for i, q in enumerate(gold):
            if i not in optional:
                by_type.setdefault(q.get("type") or "unknown", Counter())["gold"] += 1
        for j, q in enumerate(pred):
            if j not in free_pred:
                by_rule.setdefault(q.get("rule") or "unknown", Counter())["pred"] += 1
        for i, j, exact in pairs:
            if i in optional:
                continue
            right = same_speaker(gold[i], pred[j], text)
            counts["found"] += 1
            counts["exact"] += exact
            counts["attributed"] += right
            t = by_type[gold[i].get("type") or "unknown"]
            t["found"] += 1
            t["attributed"] += right
            r = by_rule[pred[j].get("rule") or "unknown"]
            r["found"] += 1
            r["attributed"] += right
            if not right:
                errors.append({"error": "wrong speaker", "id": doc_id, "gold": gold[i], "pred": pred[j]})
        errors += [{"error": "missed", "id": doc_id, "gold": q, "pred": None}
                   for i, q in enumerate(gold) if i not in matched_gold and i not in optional]
        errors += [{"error": "spurious", "id": doc_id, "gold": None, "pred": q}
                   for j, q in enumerate(pred) if j not in matched_pred]
    return {
        "documents": len(gold_docs),
        "gold_quotes": counts["gold"],
        "predicted_quotes": counts["pred"],
        "quotes": prf(counts["found"], counts["pred"], counts["gold"]),
        "quotes_strict": prf(counts["exact"], counts["pred"], counts["gold"]),
        "attribution": prf(counts["attributed"], counts["pred"], counts["gold"]),
        "speaker_accuracy_on_found": round(counts["attributed"] / counts["found"], 4) if counts["found"] else 0.0,
        "recall_by_type": {
            k: {"gold": v["gold"], "found": round(v["found"] / v["gold"], 4) if v["gold"] else 0.0,
                "attributed": round(v["attributed"] / v["gold"], 4) if v["gold"] else 0.0}
            for k, v in sorted(by_type.items())
        },
        "precision_by_rule": {
            k: {"predicted": v["pred"], "found": round(v["found"] / v["pred"], 4) if v["pred"] else 0.0,
                "attributed": round(v["attributed"] / v["pred"], 4) if v["pred"] else 0.0}
            for k, v in sorted((name, by_rule.get(name, Counter())) for name in rule_names(by_rule))
        },
        "errors": errors[:n_errors] if n_errors else [],
    }


def rule_names(seen: dict) -> list[str]:
    """Every registered rule, and any other rule name the predictions carry (an older file's)."""
    from quotes.rules import registry

    return sorted(set(registry().rules) | set(seen))


def load_jsonl(path: str | Path) -> dict[str, dict]:
    docs = {}
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                doc = json.loads(line)
                docs[doc["id"]] = doc
    return docs


def predictions_for(gold: dict[str, dict], lexicon: Lexicon | None = None, scope: str = "speech",
                    workers: int = 1) -> dict[str, dict]:
    """The gold documents annotated afresh, by id, by ``workers`` processes (as ``quotes annotate``
    does: the same documents whatever their number)."""
    lines = (json.dumps({"id": doc_id, "text": doc["text"]}, ensure_ascii=False) for doc_id, doc in gold.items())
    annotated = (json.loads(line) for _, line, _ in annotated_lines(lines, lexicon, scope, workers))
    return {doc["id"]: doc for doc in annotated}


def evaluate_file(gold_path: str, predictions_path: str | None = None, lexicon: Lexicon | None = None,
                  n_errors: int = 0, scope: str = "speech", workers: int = 1) -> dict:
    """Annotate the gold documents with ``scope`` (or read ``predictions_path``) and score them,
    with a reliability table of the predictions' confidence (``calibration``)."""
    gold = load_jsonl(gold_path)
    pred = load_jsonl(predictions_path) if predictions_path else predictions_for(gold, lexicon, scope, workers)
    report = score_documents(gold, pred, n_errors)
    report["calibration"] = reliability(outcomes(gold, pred))
    return report


def fit_calibration_file(gold_path: str, out_path: str, lexicon: Lexicon | None = None, scope: str = "all",
                         workers: int = 1) -> dict:
    """Fit the per-rule confidence table on ``gold_path`` (annotated with ``scope``) and write it."""
    gold = load_jsonl(gold_path)
    predicted = predictions_for(gold, lexicon, scope, workers)
    fitted = fit(outcomes(gold, predicted), f"{Path(gold_path).name}, scope {scope}")
    write_table(fitted, out_path)
    return fitted


def rule_confidences() -> dict[str, float]:
    from quotes.rules import registry

    return {name: rule.confidence for name, rule in registry().rules.items()}


def format_report(report: dict) -> str:
    """The figures as a plain-text table, errors last."""
    lines = [f"documents {report['documents']}  gold {report['gold_quotes']}  predicted {report['predicted_quotes']}"]
    for key in ("quotes", "quotes_strict", "attribution"):
        r = report[key]
        lines.append(f"{key:14} P {r['precision']:.3f}  R {r['recall']:.3f}  F1 {r['f1']:.3f}")
    lines.append(f"speaker accuracy on found quotes {report['speaker_accuracy_on_found']:.3f}")
    lines.append("recall by gold type:")
    for t, v in report["recall_by_type"].items():
        lines.append(f"  {t:9} gold {v['gold']:5}  found {v['found']:.3f}  attributed {v['attributed']:.3f}")
    lines.append("precision by rule (every registered rule; confidence as shipped):")
    confidences = rule_confidences()
    for rule, v in report["precision_by_rule"].items():
        shipped = f"{confidences[rule]:.2f}" if rule in confidences else "  - "
        lines.append(f"  {rule:30} predicted {v['predicted']:5}  found {v['found']:.3f}  "
                     f"attributed {v['attributed']:.3f}  confidence {shipped}")
    for e in report["errors"]:
        gold, pred = e["gold"], e["pred"]
        g = f"gold [{gold.get('speaker')}] {gold.get('content', '')[:90]!r}" if gold else ""
        p = f"pred [{pred.get('speaker')}] ({pred.get('rule')}) {pred.get('content', '')[:90]!r}" if pred else ""
        lines.append(f"{e['error']:13} {e['id']}: {g} {p}")
    return "\n".join(lines)
