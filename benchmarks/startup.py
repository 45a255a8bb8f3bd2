"""Start-up time of the ``quotes`` command: ``--help`` and ``--version`` in fresh processes.

Usage: python benchmarks/startup.py [--runs N]

Each command runs --runs times (default 10) and the median wall time is printed, next to a bare
``python -c pass`` measured in the same run, so the figure that matters is the difference: what
importing the CLI costs. The CLI imports Datasette, NLTK and SQLite code only inside the commands
that use them, so help should stay well under half a second.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time

COMMANDS = {
    "python -c pass": [sys.executable, "-c", "pass"],
    "quotes --help": [sys.executable, "-m", "quotes", "--help"],
    "quotes --version": [sys.executable, "-m", "quotes", "--version"],
    "quotes serve --help": [sys.executable, "-m", "quotes", "serve", "--help"],
    "quotes extract --help": [sys.executable, "-m", "quotes", "extract", "--help"],
    "import quotes.publish (the plugin)": [sys.executable, "-c", "import quotes.publish"],
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10)
    args = parser.parse_args()
    baseline = None
    for name, argv in COMMANDS.items():
        times = []
        for _ in range(args.runs):
            start = time.perf_counter()
            subprocess.run(argv, check=True, stdout=subprocess.DEVNULL)
            times.append(time.perf_counter() - start)
        median = statistics.median(times)
        baseline = baseline if baseline is not None else median
        print(f"{median * 1000:7.0f} ms  (+{(median - baseline) * 1000:5.0f} ms over bare Python)  {name}")


if __name__ == "__main__":
    main()
