"""Reference SMAA-2 sampling in numpy, vectorised, to compare speed with appraise's Swift.

Same method as SMAA.run with uniform weights: weights uniform on the simplex as the gaps
between sorted uniforms, totals = weights x scores, rank acceptability counted per option.
Random streams differ (numpy's PCG64, not xoshiro256**), so shares agree only within the
margin of error, which this script checks against the Swift result when given one.

usage: python3 smaa_reference.py MATRIX.csv SAMPLES [--expect-first SHARE]
MATRIX.csv: first line the weights, then one line of scores per option.
Prints "samples_per_second N" and "first_share S" (share of samples option 1 is first).
"""
import sys
import time

import numpy as np


def load(path):
    rows = [list(map(float, line.split(","))) for line in open(path) if line.strip()]
    return np.array(rows[1:]), np.array(rows[0])


def smaa(scores, samples, rng, batch):
    m, n = scores.shape
    ranks = np.zeros((m, m))
    central = np.zeros((m, n))
    done = 0
    while done < samples:
        size = min(batch, samples - done)
        cuts = np.sort(rng.random((size, n - 1)), axis=1)
        weights = np.diff(np.concatenate([np.zeros((size, 1)), cuts, np.ones((size, 1))], axis=1), axis=1)
        totals = weights @ scores.T                      # size x m
        order = np.argsort(-totals, axis=1)              # options by total, best first
        rank_of = np.empty_like(order)
        np.put_along_axis(rank_of, order, np.arange(m)[None, :], axis=1)
        np.add.at(ranks, (np.repeat(np.arange(m)[None, :], size, axis=0), rank_of), 1)
        first = order[:, 0]
        np.add.at(central, first, weights)
        done += size
    return ranks / samples, central


def main():
    path, samples = sys.argv[1], int(sys.argv[2])
    scores, _ = load(path)
    rng = np.random.default_rng(1)
    batch = max(1, min(200_000, 20_000_000 // scores.size))
    start = time.perf_counter()
    ranks, _ = smaa(scores, samples, rng, batch)
    seconds = time.perf_counter() - start
    print(f"samples_per_second {int(samples / seconds)}")
    print(f"first_share {ranks[0, 0]:.4f}")
    if "--expect-first" in sys.argv:
        expected = float(sys.argv[sys.argv.index("--expect-first") + 1])
        margin = 1.96 * (0.25 / samples) ** 0.5 * 2 ** 0.5   # two independent estimates
        agree = abs(ranks[0, 0] - expected) <= margin
        print(f"agrees_with_swift {'yes' if agree else 'no'} (difference {abs(ranks[0, 0] - expected):.4f}, allowed {margin:.4f})")


if __name__ == "__main__":
    main()
