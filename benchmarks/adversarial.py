"""How extraction time grows on adversarial text: linear, or worse?

Usage: python benchmarks/adversarial.py [--size N]

Each pattern (long runs of quote marks, cue words, capitals, spaces) is repeated to N and to 4N
characters and timed in the same run. The ratio of the two times is about 4 when the work grows
linearly and about 16 when it grows with the square of the length, which a hostile article of
``--max-chars`` length could turn into hours.
"""

from __future__ import annotations

import argparse
import time

from quotes import extract

PATTERNS = {
    "curly quotes": "“", "straight quotes": "\"", "nested marks": "“‘«", "guillemets": "«",
    "cue words": "said ", "according to": "According to ", "quote-cue pairs": '"x," said ',
    "pronoun cues": ", he said, ", "capitals": "A ", "names": "Ellen Park ", "titles": "Mr. Sen. Dr. U.S. ",
    "spaces": " ", "paragraph breaks": "\n\n", "full stops": ". ", "one long word": "a",
}


def seconds(text: str) -> float:
    start = time.perf_counter()
    extract(text)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", type=int, default=20_000, help="characters of the smaller text")
    size = parser.parse_args().size
    print(f"{'pattern':18} {size:>9,} ch {4 * size:>9,} ch  ratio  growth")
    for name, pattern in PATTERNS.items():
        small, large = ((pattern * (n // len(pattern) + 1))[:n] for n in (size, 4 * size))
        t_small, t_large = seconds(small), seconds(large)
        ratio = t_large / max(t_small, 1e-6)
        growth = "quadratic" if ratio > 10 else "linear" if ratio < 6 else "worse than linear"
        print(f"{name:18} {t_small:>10.3f}s {t_large:>10.3f}s {ratio:6.1f}  {growth}")


if __name__ == "__main__":
    main()
