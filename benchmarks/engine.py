"""The engine alone: ``extract()`` against another checkout, side by side, and where its time goes.

Usage:
    python benchmarks/engine.py FILE.jsonl ... --baseline /path/to/other/checkout [--rounds 7]
        Times extract() over the texts of the files with this checkout's package and with the
        other one's (its folder that holds ``quotes/``), each in a fresh process and in
        alternating order, round after round, and prints every round and the median ratio.
        The machine is shared and noisy, so only the ratio of runs made side by side means much.

    python benchmarks/engine.py FILE.jsonl ... --profile 25
        cProfile over extract() on the texts with this checkout: the top functions by own time
        and by cumulative time, each as a share of the whole.

    python benchmarks/engine.py FILE.jsonl ... --compiled [--rounds 3]
        The same comparison between this checkout as it is and a copy of it whose engine modules
        (``COMPILED_MODULES``) mypyc has compiled to C: what compiling, and nothing else, would
        give. Needs mypy (``pip install mypy``) and a C compiler; the copy takes some two minutes
        to build. The quotes found must be the same, field for field.

    python benchmarks/engine.py FILE.jsonl ... --baseline /path/to/other/checkout --instructions
        The same comparison counted in machine instructions under valgrind's callgrind, which the
        other jobs on a shared machine do not disturb: one run per side, whose callgrind dumps
        bracket extract() exactly. Slow (valgrind runs Python about 50 times slower): use a small
        corpus. Needs valgrind on the PATH.

Each timed run builds the lexicon and the sentence tokenizer on the first text before the clock
starts, then extracts every text once, so both sides start from the same cold phrase cache.
Before the clock starts, the loaded heap is collected and frozen (``gc.freeze``): otherwise a full
collection over every imported object (some 40 ms) falls inside one side's timed part and not the
other's, depending only on how many objects each allocates, and a run that has it looks 1.3x
slower for nothing (docs/performance.md, "Settling the count against the clock").
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent.parent  # the checkout this script belongs to

TIMED_RUN = """
import gc, json, os, sys, time
from quotes import extract
from quotes.lexicon import load_lexicon
texts = [json.loads(line)["text"] for path in sys.argv[1:] for line in open(path, encoding="utf-8") if line.strip()]
lexicon = load_lexicon()
extract(texts[0], lexicon)
gc.collect()
gc.freeze()  # a full collection inside the timed part walks only what extract() made
full_collections = gc.get_stats()[2]["collections"]
wall, cpu = time.perf_counter(), time.process_time()
found = sum(len(extract(text, lexicon)) for text in texts)
cpu = time.process_time() - cpu  # under --instructions, callgrind's dumps bracket this part
print(json.dumps({"wall": time.perf_counter() - wall, "cpu": cpu, "quotes": found,
                  "full_collections": gc.get_stats()[2]["collections"] - full_collections,
                  "package": __import__("quotes").__file__}))
"""


def timed_run(package_root: Path, files: list[str]) -> dict:
    """extract() over the files in a fresh process that imports ``quotes`` from ``package_root``."""
    env = dict(os.environ, PYTHONPATH=str(package_root))
    done = subprocess.run([sys.executable, "-c", TIMED_RUN, *files], env=env, cwd=package_root,
                          capture_output=True, text=True, check=True)
    row = json.loads(done.stdout.strip().splitlines()[-1])
    if not row["package"].startswith(str(package_root)):
        sys.exit(f"expected quotes from {package_root}, got {row['package']}")
    return row


def dump_digest(package_root: Path, files: list[str]) -> str | None:
    """The digest of ``identical.py``'s canonical dump of the quotes found with ``package_root``'s
    package, or None where that package cannot make it (a checkout older than extract's scopes)."""
    env = dict(os.environ, PYTHONPATH=str(package_root))
    done = subprocess.run([sys.executable, str(HERE / "benchmarks" / "identical.py"), *files], env=env,
                          cwd=package_root, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    return done.stderr.split()[-1] if done.returncode == 0 else None


def side_by_side(files: list[str], baseline: Path, rounds: int, this: Path = HERE) -> None:
    print(f"extract() over {', '.join(files)}; baseline {baseline}, this checkout {this}")
    digests = [dump_digest(root, files) for root in (baseline, this)]  # once: the quotes do not change by round
    if None in digests:
        print("note: the quotes are not compared field for field (identical.py fails with one side's package)")
    elif digests[0] != digests[1]:
        print("warning: the two sides do not find the same quotes field for field (benchmarks/identical.py)")
    print(f"{'round':>5} {'baseline s':>11} {'this s':>8} {'ratio (CPU)':>12} {'ratio (wall)':>13}")
    cpu_ratios, wall_ratios = [], []
    for number in range(1, rounds + 1):
        order = [("baseline", baseline), ("this", this)]
        if number % 2 == 0:
            order.reverse()
        rows = {name: timed_run(root, files) for name, root in order}
        if rows["baseline"]["full_collections"] != rows["this"]["full_collections"]:
            print(f"note: {rows['baseline']['full_collections']} full collections before, "
                  f"{rows['this']['full_collections']} after")
        if rows["baseline"]["quotes"] != rows["this"]["quotes"]:
            print(f"warning: {rows['baseline']['quotes']} quotes before, {rows['this']['quotes']} after")
        cpu_ratios.append(rows["baseline"]["cpu"] / rows["this"]["cpu"])
        wall_ratios.append(rows["baseline"]["wall"] / rows["this"]["wall"])
        print(f"{number:>5} {rows['baseline']['cpu']:11.2f} {rows['this']['cpu']:8.2f} {cpu_ratios[-1]:11.2f}x "
              f"{wall_ratios[-1]:12.2f}x")
    print(f"median: this checkout is {statistics.median(cpu_ratios):.2f}x the baseline in CPU time, "
          f"{statistics.median(wall_ratios):.2f}x in wall time ({rounds} rounds)")


# The engine: every module extract() runs through but three. model.py builds its spans without
# __init__, which mypyc's native classes forbid; lexicon.py, compiled, fails at run time where it
# declares a set and holds a frozenset; punkt.py subclasses nltk's classes (not tried).
COMPILED_MODULES = ("mentions.py", "phrases.py", "resolve.py", "document.py", "marks.py", "sentences.py",
                    "extract.py", "rules/*.py")
# The mypy checks that would stop the build over annotations mypyc does not rely on: an Optional
# read where the code knows it is set, a narrower type inferred than the code means.
UNCHECKED = ("union-attr", "arg-type", "assignment", "misc", "operator", "index", "attr-defined", "import-untyped",
             "var-annotated", "type-var", "list-item", "return-value", "call-overload")


def compiled_copy(folder: Path) -> Path:
    """A copy of this checkout's package in ``folder`` with the engine modules compiled by mypyc."""
    try:
        import mypy  # noqa: F401  (only whether it is there)
    except ImportError:
        sys.exit("--compiled needs mypy in this Python: pip install mypy")
    shutil.copytree(HERE / "quotes", folder / "quotes", ignore=shutil.ignore_patterns("__pycache__", "*.so"))
    modules = sorted(str(path.relative_to(folder)) for pattern in COMPILED_MODULES
                     for path in (folder / "quotes").glob(pattern) if path.name != "__init__.py")
    (folder / "mypy.ini").write_text(f"[mypy]\ndisable_error_code = {', '.join(UNCHECKED)}\n")
    print(f"compiling {len(modules)} modules with mypyc in {folder} …", flush=True)
    done = subprocess.run([sys.executable, "-m", "mypyc", *modules], cwd=folder, capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit(f"mypyc failed:\n{(done.stdout + done.stderr)[-3000:]}")
    return folder


def instructions(package_root: Path, files: list[str]) -> dict:
    """Machine instructions of ``extract()`` over the files, counted by callgrind in one fresh process.

    callgrind writes its counts so far each time ``time.process_time`` is called, so the second
    dump holds exactly the extraction: not the imports, the lexicon or the warm-up before it, nor
    the interpreter's teardown after it.
    """
    # one hash seed for both sides: set and dict orders otherwise move the count by 0.2 % from run to run
    env = dict(os.environ, PYTHONPATH=str(package_root), PYTHONHASHSEED="0")
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "callgrind.out"
        done = subprocess.run(["valgrind", "--tool=callgrind", "--dump-before=time_process_time",
                               f"--callgrind-out-file={out}", sys.executable, "-c", TIMED_RUN, *files],
                              env=env, cwd=package_root, capture_output=True, text=True, check=True)
        counted = {part: re.search(r"^summary: (\d+)", Path(f"{out}.{part}").read_text(), re.MULTILINE)
                   for part in (1, 2) if Path(f"{out}.{part}").exists()}
    if len(counted) != 2 or None in counted.values():
        sys.exit(f"callgrind did not dump around extract():\n{done.stderr[-2000:]}")
    row = json.loads(done.stdout.strip().splitlines()[-1])
    row.update(load=int(counted[1].group(1)), extract=int(counted[2].group(1)))
    return row


def side_by_side_instructions(files: list[str], baseline: Path) -> None:
    if shutil.which("valgrind") is None:
        sys.exit("--instructions needs valgrind (apt-get install valgrind)")
    print(f"extract() over {', '.join(files)} in instructions (callgrind); baseline {baseline}, this checkout {HERE}")
    counts = {}
    for name, root in (("baseline", baseline), ("this", HERE)):
        row = instructions(root, files)
        counts[name] = row["extract"]
        print(f"{name:>8}: {row['extract']:,} in extract() ({row['quotes']} quotes, "
              f"{row['full_collections']} full collections), {row['load']:,} to load before it")
    print(f"this checkout runs {counts['baseline'] / counts['this']:.3f}x fewer instructions in extract()")


def profile(files: list[str], top: int) -> None:
    import cProfile
    import pstats

    from quotes import extract
    from quotes.lexicon import load_lexicon

    texts = [json.loads(line)["text"] for path in files
             for line in Path(path).read_text(encoding="utf-8").split("\n") if line.strip()]
    lexicon = load_lexicon()
    extract(texts[0], lexicon)
    def extract_all() -> None:
        for text in texts:
            extract(text, lexicon)

    profiler = cProfile.Profile()
    profiler.runcall(extract_all)
    stats = pstats.Stats(profiler).stats
    stats = {key: row for key, row in stats.items() if key[2] != "extract_all"}
    total = max(cumulative for _, _, _, cumulative, _ in stats.values())  # extract() itself
    print(f"cProfile of extract() over {len(texts)} texts: {total:.2f} s in all")
    for title, column in (("own time", 2), ("cumulative time", 3)):
        print(f"\ntop {top} by {title}")
        ranked = sorted(stats.items(), key=lambda item: item[1][column], reverse=True)[:top]
        for (path, line, name), row in ranked:
            where = f"{Path(path).name}:{line}({name})" if line else name
            print(f"{row[column] / total:6.1%} {row[column]:7.3f} s {row[1]:>8} calls  {where}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="+", help="JSON Lines files with a 'text' field")
    parser.add_argument("--baseline", type=Path, help="another checkout: the folder that holds its quotes/")
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--profile", type=int, metavar="N", help="print the top N functions of a cProfile run")
    parser.add_argument("--instructions", action="store_true",
                        help="with --baseline: count instructions under valgrind instead of timing")
    parser.add_argument("--compiled", action="store_true",
                        help="compare this checkout with a copy of it whose engine mypyc has compiled")
    args = parser.parse_args()
    if args.instructions and not args.baseline:
        parser.error("--instructions compares with --baseline")
    if args.profile:
        profile(args.files, args.profile)
    if args.baseline and args.instructions:
        side_by_side_instructions(args.files, args.baseline.resolve())
    elif args.baseline:
        side_by_side(args.files, args.baseline.resolve(), args.rounds)
    if args.compiled:
        with tempfile.TemporaryDirectory() as folder:
            side_by_side(args.files, HERE, args.rounds, this=compiled_copy(Path(folder)))
    if not (args.profile or args.baseline or args.compiled):
        parser.error("give --baseline, --compiled, --profile or a combination")


if __name__ == "__main__":
    main()
