"""Our scorer gives the figures of shared/eval/score.py, and the CLI speaks the evaluation format."""

import importlib.util
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from quotes.annotate import annotate_document
from quotes.cli import cli
from quotes.evaluate import score_documents

SHARED = Path(__file__).resolve().parent.parent.parent / "shared"
SEED_GOLD = SHARED / "examples" / "rubio-lavrov.gold.jsonl"

TEXT = ("“We will appeal,” said Jane Doe, a lawyer for the union. “This is not over.”\n\n"
        "The minister said the talks would resume next week.\n\n"
        "He called it “woke” nonsense, according to a person familiar with the matter.")


def _quote(content: str, speaker: str, kind: str, **extra) -> dict:
    start = TEXT.index(content)
    return {"content": content, "start": start, "end": start + len(content), "speaker": speaker, "type": kind,
            **extra}


GOLD = {"id": "written", "text": TEXT, "quotes": [
    _quote("We will appeal,", "Jane Doe", "direct"),
    _quote("This is not over.", "Jane Doe", "direct"),
    _quote("the talks would resume next week", "The minister", "indirect"),
    _quote("He called it “woke” nonsense", "a person", "mixed", required=False),
]}


def reference_scorer():
    path = SHARED / "eval" / "score.py"
    if not path.exists():
        pytest.skip(f"{path} is not next to the project")
    spec = importlib.util.spec_from_file_location("reference_score", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("case", ["written", "seed"])
def test_same_figures_as_the_reference_scorer(case):
    reference = reference_scorer()
    if case == "seed":
        gold = {d["id"]: d for d in map(json.loads, SEED_GOLD.read_text(encoding="utf-8").splitlines())}
    else:
        gold = {"written": GOLD}
    pred = {doc_id: annotate_document({"id": doc_id, "text": d["text"]}) for doc_id, d in gold.items()}
    expected, _ = reference.score(gold, pred)
    ours = score_documents(gold, pred)
    for key in ("gold_quotes", "predicted_quotes", "quotes", "quotes_strict", "attribution",
                "speaker_accuracy_on_found", "recall_by_type"):
        assert ours[key] == expected[key], key


def test_seed_article_meets_the_bar():
    if not SEED_GOLD.exists():
        pytest.skip("seed gold file not next to the project")
    gold = {d["id"]: d for d in map(json.loads, SEED_GOLD.read_text(encoding="utf-8").splitlines())}
    pred = {i: annotate_document({"id": i, "text": d["text"]}) for i, d in gold.items()}
    report = score_documents(gold, pred)
    assert report["attribution"]["recall"] == 1.0
    assert report["attribution"]["precision"] >= 0.75


def test_every_seed_quote_is_found_with_its_resolved_speaker_and_kind():
    """The seed's required quotes and its spun anonymous source ("in keeping with an individual
    conversant in the matter", optional in the gold, required here), each with its resolved speaker
    and kind. (The other optional quote, "they agreed to create …", is a claim for issue 11.)"""
    if not SEED_GOLD.exists():
        pytest.skip("seed gold file not next to the project")
    (gold,) = map(json.loads, SEED_GOLD.read_text(encoding="utf-8").splitlines())
    text = gold["text"]
    found = annotate_document({"id": gold["id"], "text": text})["quotes"]
    for expected in [q for q in gold["quotes"] if q.get("required", True) or q["speaker_kind"] == "anonymous"]:
        match = [q for q in found if q["start"] < expected["end"] and expected["start"] < q["end"]]
        assert match, expected["content"]
        assert (match[0]["speaker"], match[0]["speaker_kind"]) == (expected["speaker"], expected["speaker_kind"])


def test_annotate_writes_the_evaluation_format_and_keeps_fields(tmp_path):
    source = tmp_path / "in.jsonl"
    source.write_text(json.dumps({"id": "a", "text": TEXT, "outlet": "The Harbour"}) + "\n"
                      + "not json\n" + json.dumps([1, 2]) + "\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["annotate", str(source), "-o", str(tmp_path / "out.jsonl")])
    assert result.exit_code == 3
    assert "line 2: skipped: invalid JSON" in result.output and "line 3: skipped" in result.output
    (doc,) = [json.loads(line) for line in (tmp_path / "out.jsonl").read_text(encoding="utf-8").splitlines()]
    assert doc["outlet"] == "The Harbour"
    first = doc["quotes"][0]
    assert {"content", "start", "end", "speaker", "speaker_as_written", "speaker_start", "speaker_end", "cue",
            "type", "speaker_role", "speaker_org", "speaker_kind", "rule", "confidence"} <= set(first)
    assert (first["speaker"], first["speaker_role"], first["type"]) == ("Jane Doe", "lawyer", "direct")
    for q in doc["quotes"]:
        assert TEXT[q["start"]:q["end"]] == q["content"]


def test_evaluate_command_prints_figures_by_type_and_rule(tmp_path):
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps(GOLD) + "\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["evaluate", str(gold), "--errors", "5"])
    assert result.exit_code == 0, result.output
    assert "attribution" in result.output and "direct.QCQ-VS" in result.output
    report = json.loads(CliRunner().invoke(cli, ["evaluate", str(gold), "--json"]).output)
    assert report["gold_quotes"] == 3
    assert report["attribution"]["recall"] == 1.0


def test_evaluate_lists_every_registered_rule_and_a_reliability_table(tmp_path):
    from quotes.rules import registry

    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps(GOLD) + "\n", encoding="utf-8")
    report = json.loads(CliRunner().invoke(cli, ["evaluate", str(gold), "--json"]).output)
    assert set(registry().rules) <= set(report["precision_by_rule"])
    assert report["precision_by_rule"]["indirect.SV-of"]["predicted"] == 0
    bins = report["calibration"]["bins"]
    assert sum(b["quotes"] for b in bins) == report["calibration"]["quotes"] == report["predicted_quotes"]
    result = CliRunner().invoke(cli, ["evaluate", str(gold), "--calibration"])
    assert "expected calibration error" in result.output and "attributed right" in result.output


def test_evaluate_scores_the_scope_it_is_asked_for(tmp_path):
    text = "Tom Reyes believes the pier can be saved by the autumn."
    start = text.index("the pier")
    doc = {"id": "b", "text": text, "quotes": [{"content": text[start:-1], "start": start, "end": len(text) - 1,
                                                "speaker": "Tom Reyes", "type": "indirect"}]}
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps(doc) + "\n", encoding="utf-8")
    speech = json.loads(CliRunner().invoke(cli, ["evaluate", str(gold), "--json"]).output)
    every = json.loads(CliRunner().invoke(cli, ["evaluate", str(gold), "--json", "--scope", "all"]).output)
    assert (speech["attribution"]["recall"], every["attribution"]["recall"]) == (0.0, 1.0)


def test_fit_calibration_writes_a_table_the_engine_can_ship(tmp_path):
    from quotes.calibration import calibrated, table

    # without the minister's claim in the gold, the claim the engine finds is wrong: the overall rate is below 1
    unclaimed = dict(GOLD, quotes=[q for q in GOLD["quotes"] if q["type"] != "indirect"])
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps(unclaimed) + "\n", encoding="utf-8")
    out = tmp_path / "calibration.json"
    result = CliRunner().invoke(cli, ["evaluate", str(gold), "--fit-calibration", str(out)])
    assert result.exit_code == 0, result.output
    fitted = json.loads(out.read_text(encoding="utf-8"))
    assert fitted["rules"]["direct.QCQ-VS"] == {"confidence": fitted["rules"]["direct.QCQ-VS"]["confidence"],
                                                "predicted": 1, "right": 1}
    assert 0.5 < fitted["rules"]["direct.QCQ-VS"]["confidence"] < 1  # smoothed towards the overall rate
    assert calibrated("direct.QCQ-VS", 0.1) == table()["rules"]["direct.QCQ-VS"]["confidence"]
    assert calibrated("a.rule.never.measured", 0.42) == 0.42


def test_evaluate_gives_the_same_report_with_two_workers(tmp_path, monkeypatch):
    import quotes.annotate

    monkeypatch.setattr(quotes.annotate, "BATCH_BYTES", 100)  # a batch for each document
    gold = tmp_path / "gold.jsonl"
    gold.write_text("".join(json.dumps({**GOLD, "id": f"written-{n}"}) + "\n" for n in range(6)), encoding="utf-8")
    reports = [CliRunner().invoke(cli, ["evaluate", str(gold), "--json", "--workers", str(n)]) for n in (1, 2)]
    assert [r.exit_code for r in reports] == [0, 0]
    assert reports[0].stdout == reports[1].stdout
    assert json.loads(reports[1].stdout)["documents"] == 6
