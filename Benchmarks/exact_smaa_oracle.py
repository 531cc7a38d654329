"""Independent floating-point oracle for exact SMAA first places (uniform weights).

For each option, the weightings that put it first are a polytope in the simplex; this script
builds it with scipy's HalfspaceIntersection (interior point from a linear programme, the
Chebyshev centre) and measures it with ConvexHull (Qhull), in the n - 1 free weights
(w_n = 1 - the others). The share is that volume times (n - 1)!, the simplex's volume being
1 / (n - 1)!. Nothing is shared with appraise's Swift code.

usage: python3 exact_smaa_oracle.py CASES.csv
CASES.csv, written by `appraise-benchmark --only exact-smaa`: blocks of
  case,LABEL,OPTIONS,CRITERIA
  one line of scores per option
  exact,share of option 1 first,share of option 2 first,... (appraise's exact shares, decimals)
Prints, per case, the oracle's time and the largest difference from appraise's shares, and the
largest difference over all cases.
"""
import math
import sys
import time

import numpy as np
from scipy.optimize import linprog
from scipy.spatial import ConvexHull, HalfspaceIntersection


def first_shares(scores):
    m, n = scores.shape
    shares = []
    for i in range(m):
        # Rows A x + b <= 0 in the free weights x (w = (x, 1 - sum x)).
        rows = []
        for j in range(m):
            if j == i or np.array_equal(scores[i], scores[j]):
                continue
            d = scores[j] - scores[i]            # (s_j - s_i) . w <= 0
            rows.append(np.append(d[:-1] - d[-1], d[-1]))
        for k in range(n - 1):                   # x_k >= 0
            row = np.zeros(n)
            row[k] = -1
            rows.append(row)
        rows.append(np.append(np.ones(n - 1), -1.0))  # sum x <= 1
        halfspaces = np.array(rows)
        a, b = halfspaces[:, :-1], halfspaces[:, -1]
        norms = np.linalg.norm(a, axis=1)
        # Chebyshev centre: maximise r with a x + r |a| <= -b.
        c = np.zeros(n)
        c[-1] = -1
        lp = linprog(c, A_ub=np.hstack([a, norms[:, None]]), b_ub=-b, bounds=[(None, None)] * (n - 1) + [(0, None)])
        if lp.status != 0 or lp.x[-1] <= 1e-12:
            shares.append(0.0)
            continue
        points = HalfspaceIntersection(halfspaces, lp.x[:-1]).intersections
        volume = ConvexHull(points).volume
        shares.append(volume * math.factorial(n - 1))
    # Options scored alike share first place.
    counts = [sum(np.array_equal(scores[i], scores[j]) for j in range(m)) for i in range(m)]
    return [share / count for share, count in zip(shares, counts)]


def main():
    lines = [line.strip() for line in open(sys.argv[1]) if line.strip()]
    index, worst = 0, 0.0
    while index < len(lines):
        _, label, m, n = lines[index].split(",")
        m, n = int(m), int(n)
        scores = np.array([[float(v) for v in lines[index + 1 + r].split(",")] for r in range(m)])
        exact = [float(v) for v in lines[index + 1 + m].split(",")[1:]]
        index += m + 2
        start = time.perf_counter()
        oracle = first_shares(scores)
        seconds = time.perf_counter() - start
        difference = max(abs(a - b) for a, b in zip(oracle, exact))
        worst = max(worst, difference)
        print(f"{label}: oracle {seconds:.3f} s, largest difference {difference:.2e}, oracle sum {sum(oracle):.12f}")
    print(f"largest difference over all cases {worst:.2e}")


if __name__ == "__main__":
    main()
