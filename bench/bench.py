#!/usr/bin/env python3
"""Benchmarks of the release binary.

Usage: python3 bench/bench.py [N ...]     (default: 1000 5000 10000 20000)

1. One check: `iop check` of an example against all five sets, and the cost of starting
   any process (`/bin/true`), median of 50 runs each.
2. Scale: for each N, generates N case files in a temporary folder (random answers, fixed
   seed, and an [expect] table computed independently by the decision model's precedence,
   so every case must pass), warms the page cache, then times, median of 7 runs each:
     cat:  find DIR -name '*.toml' -exec cat {} + > /dev/null
     iop:  iop test DIR > /dev/null
   and reads iop's peak memory (maximum resident set size) with /usr/bin/time.
"""
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BIN = os.path.join(ROOT, "target", "release", "iop")

# The decision model: question -> (ok, route); and the questions of each set.
QUESTIONS = {
    "ideburen_organisation": (True, "procurement"),
    "initiated_by_ideburen": (True, "procurement"),
    "municipality_orders_service": (False, "procurement"),
    "market_exists": (False, "procurement"),
    "commercial_activity": (False, "procurement"),
    "detail_regulated": (False, "procurement"),
    "independent_actor": (True, "procurement"),
    "part_of_regular_grants": (False, "association-grant"),
    "joint_collaboration": (True, "association-grant"),
    "cofinanced": (True, "association-grant"),
    "long_term": (True, "association-grant"),
    "societal_challenge": (True, "association-grant"),
    "political_goal": (True, "none"),
    "shared_goals": (True, "none"),
    "municipal_competence": (True, "none"),
    "state_aid_compatible": (True, "none"),
    "capacity_to_deliver": (True, "none"),
    "added_value_for_target_group": (True, "none"),
    "joint_follow_up": (True, "none"),
}
SETS = {
    "forum": "ideburen_organisation initiated_by_ideburen political_goal part_of_regular_grants market_exists cofinanced detail_regulated",
    "falun": "ideburen_organisation initiated_by_ideburen societal_challenge part_of_regular_grants independent_actor cofinanced detail_regulated long_term market_exists joint_collaboration",
    "jonkoping": "ideburen_organisation initiated_by_ideburen political_goal societal_challenge independent_actor commercial_activity market_exists cofinanced joint_collaboration detail_regulated long_term municipal_competence",
    "kungsbacka": "ideburen_organisation political_goal capacity_to_deliver societal_challenge shared_goals cofinanced added_value_for_target_group municipal_competence state_aid_compatible municipality_orders_service part_of_regular_grants detail_regulated joint_collaboration long_term joint_follow_up",
    "sou-2019-56": "ideburen_organisation shared_goals cofinanced municipality_orders_service",
}


def verdict(set_id, answers):
    questions = SETS[set_id].split()
    failed = [QUESTIONS[q][1] for q in questions if answers.get(q) in (True, False) and answers[q] != QUESTIONS[q][0]]
    for route, name in (("procurement", "procurement"), ("association-grant", "association-grant"), ("none", "undetermined")):
        if route in failed:
            return name
    if any(answers.get(q) not in (True, False) for q in questions):
        return "undetermined"
    return "iop"


def generate(folder, n, rng):
    for i in range(n):
        # Mostly the answers that meet a criterion, as real cases are, with some misses.
        answers = {}
        for q, (ok, _) in QUESTIONS.items():
            r = rng.random()
            if r < 0.85:
                answers[q] = ok
            elif r < 0.95:
                answers[q] = not ok
            elif r < 0.98:
                answers[q] = "unknown"
        sub = os.path.join(folder, f"{i % 100:02d}")
        os.makedirs(sub, exist_ok=True)
        lines = ["[case]", f'title = "Generated case {i}"', 'organisation = "Föreningen Exempel"', "", "[answers]"]
        for q, a in answers.items():
            value = "true" if a is True else "false" if a is False else '"unknown"'
            lines.append(f"{q} = {value}")
        lines += ["", "[notes]", 'cofinanced = "Föreningen bidrar med lokaler och ideell tid."', "", "[expect]"]
        lines += [f'{s} = "{verdict(s, answers)}"' for s in SETS]
        with open(os.path.join(sub, f"case-{i:06d}.toml"), "w", encoding="utf-8") as f:
            f.write("\n".join(lines) + "\n")


def timed(cmd, runs=7):
    """Median wall time of a command: a list runs directly, a string through the shell."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        done = subprocess.run(cmd, shell=isinstance(cmd, str), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        times.append(time.perf_counter() - start)
        if done.returncode != 0:
            sys.exit(f"{cmd} failed ({done.returncode}): {done.stderr.decode()[:500]}")
    return statistics.median(times)


def peak_rss_mb(cmd):
    done = subprocess.run(["/usr/bin/time", "-f", "%M"] + cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    return int(done.stderr.strip().splitlines()[-1]) / 1024


def main():
    sizes = [int(a) for a in sys.argv[1:]] or [1000, 5000, 10000, 20000]
    subprocess.run(["cargo", "build", "--release", "--quiet"], cwd=ROOT, check=True)
    print(f"machine: {os.cpu_count()} cores; binary: {os.path.relpath(BIN, ROOT)}")
    example = os.path.join(ROOT, "examples", "ungdomsbussen-vasteras.toml")
    t_true = timed(["/bin/true"], runs=50)
    t_check = timed([BIN, "check", example, "--set", "all"], runs=50)
    print(f"one check: {t_check * 1000:.2f} ms; starting /bin/true: {t_true * 1000:.2f} ms ({t_check / t_true:.1f}x)")
    print()
    print(f"{'cases':>7} {'cat ms':>8} {'iop ms':>8} {'iop/cat':>8} {'µs/case':>8} {'iop MB':>7}")
    for n in sizes:
        folder = tempfile.mkdtemp(prefix=f"iop-bench-{n}-")
        try:
            generate(folder, n, random.Random(n))
            cat = f"find {folder} -name '*.toml' -exec cat {{}} + > /dev/null"  # through the shell
            iop = [BIN, "test", folder]
            timed(cat, runs=2)  # warm the page cache
            t_cat, t_iop = timed(cat), timed(iop)
            rss = peak_rss_mb([BIN, "test", folder])
            print(f"{n:>7} {t_cat * 1000:>8.1f} {t_iop * 1000:>8.1f} {t_iop / t_cat:>8.2f} {t_iop / n * 1e6:>8.1f} {rss:>7.1f}")
        finally:
            shutil.rmtree(folder)


if __name__ == "__main__":
    main()
