#!/usr/bin/env python3
"""Benchmarks of the release binary.

Usage: python3 bench/bench.py [--bin PATH] [--runs N] [N ...]   (default: 1000 5000 10000 20000)

1. Start: `/bin/true` (starting any process), `iop --version` (the floor of a Rust program
   that parses its command line) and `iop check EXAMPLE --set all` (one case against every
   set), timed with hyperfine (`-N`, 20 warm-up runs, then --runs, 300 by default); and, where
   valgrind is installed, the instructions each executes (callgrind), which do not move
   with the load of the machine.
2. Scale: for each N, generates N case files in a temporary folder (random answers to every
   question of the decision model, version 2, fixed seed, and an [expect] table for all
   twelve sets computed here from the contract's precedence, so every case must pass),
   then times with hyperfine (10 runs, 2 warm-up runs that also fill the page cache):
     cat:  find DIR -name '*.toml' -exec cat {} + > /dev/null
     iop:  iop test DIR > /dev/null
   and reads iop's peak memory (maximum resident set size) with /usr/bin/time.

--bin times another build (an older one, for before and after) instead of building
target/release/iop.
"""
import argparse
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

# The decision model, version 2 (/work/shared/spec/decision-model.md): question -> (ok, route).
QUESTIONS = {
    "ideburen_organisation": (True, "none"),
    "initiated_by_ideburen": (True, "procurement"),
    "market_exists": (False, "procurement"),
    "commercial_activity": (False, "none"),
    "detail_regulated": (False, "procurement"),
    "independent_actor": (True, "none"),
    "part_of_regular_grants": (False, "association-grant"),
    "joint_collaboration": (True, "association-grant"),
    "cofinanced": (True, "association-grant"),
    "long_term": (True, "none"),
    "societal_challenge": (True, "none"),
    "political_goal": (True, "none"),
    "plan_names_civil_society": (True, "none"),
    "public_benefit_goal": (True, "none"),
    "shared_goals": (True, "none"),
    "municipal_competence": (True, "none"),
    "capacity_to_deliver": (True, "none"),
    "added_value_for_target_group": (True, "none"),
    "joint_follow_up": (True, "none"),
    "written_as_cofinanced": (True, "none"),
    "joint_ownership": (True, "none"),
    "complements_public_service": (True, "none"),
    "no_other_public_funding": (True, "none"),
    "activity_already_exists": (True, "none"),
    "payment_for_performance": (False, "none"),
    "direct_economic_interest": (False, "none"),
    "binding_obligations": (False, "none"),
    "economic_activity": (False, "none"),
    "above_de_minimis": (False, "none"),
}
# fact -> (all_of, ok, route): true when every question is true, false when any is false.
FACTS = {
    "public_contract": (["payment_for_performance", "direct_economic_interest", "binding_obligations"], False, "procurement"),
    "state_aid": (["economic_activity", "above_de_minimis"], False, "none"),
}
# The law's items, in order.
LAW = ["public_contract", "state_aid", "municipal_competence"]
# The sets' criteria; a trailing † marks a recommended one.
SETS = {
    "forum": "ideburen_organisation initiated_by_ideburen plan_names_civil_society part_of_regular_grants market_exists cofinanced detail_regulated",
    "falun": "ideburen_organisation public_benefit_goal initiated_by_ideburen societal_challenge part_of_regular_grants independent_actor cofinanced detail_regulated long_term market_exists joint_collaboration",
    "jonkoping": "ideburen_organisation initiated_by_ideburen political_goal societal_challenge independent_actor commercial_activity market_exists cofinanced detail_regulated long_term municipal_competence",
    "kungsbacka": "ideburen_organisation political_goal capacity_to_deliver societal_challenge shared_goals cofinanced added_value_for_target_group municipal_competence state_aid public_contract part_of_regular_grants detail_regulated written_as_cofinanced long_term joint_follow_up",
    "sou-2019-56": "ideburen_organisation public_benefit_goal cofinanced public_contract",
    "vgr": "ideburen_organisation municipal_competence public_benefit_goal political_goal complements_public_service state_aid public_contract written_as_cofinanced no_other_public_funding",
    "boras": "ideburen_organisation market_exists societal_challenge plan_names_civil_society part_of_regular_grants independent_actor cofinanced detail_regulated long_term",
    "gavleborg": "ideburen_organisation initiated_by_ideburen activity_already_exists plan_names_civil_society part_of_regular_grants market_exists cofinanced",
    "uddevalla": "ideburen_organisation initiated_by_ideburen plan_names_civil_society part_of_regular_grants market_exists cofinanced detail_regulated long_term joint_follow_up",
    "skr-2017": "ideburen_organisation part_of_regular_grants public_contract cofinanced joint_collaboration plan_names_civil_society† detail_regulated joint_ownership written_as_cofinanced† long_term joint_follow_up",
    "tyreso": "ideburen_organisation public_benefit_goal cofinanced part_of_regular_grants public_contract",
    "malmo-arbetsmarknad": "ideburen_organisation initiated_by_ideburen market_exists public_benefit_goal",
}


def value(item, answers):
    """An item's value: True, False or None (open). A fact is true when every question of
    it is true, false when any is false."""
    if item in FACTS:
        values = [answers.get(q) for q in FACTS[item][0]]
        if False in values:
            return False
        return True if all(v is True for v in values) else None
    a = answers.get(item)
    return a if a in (True, False) else None


def ok_route(item):
    return FACTS[item][1:] if item in FACTS else QUESTIONS[item]


def verdict(set_id, answers):
    """The contract's precedence, rules 1 to 7."""
    required = [c for c in SETS[set_id].split() if not c.endswith("†")]
    failing = [ok_route(c)[1] for c in required if value(c, answers) is not None and value(c, answers) != ok_route(c)[0]]
    if value("public_contract", answers) is True:
        return "procurement"
    if "procurement" in failing:
        return "procurement"
    if "association-grant" in failing:
        return "association-grant"
    if value("state_aid", answers) is True or value("municipal_competence", answers) is False:
        return "undetermined"
    if "none" in failing:
        return "undetermined"
    if any(value(i, answers) is None for i in required + LAW):
        return "undetermined"
    return "iop"


def generate(folder, n, rng):
    for i in range(n):
        # Mostly the answers that meet a criterion, as real cases are, with some misses,
        # some unknown and some left out.
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
        lines = [
            "[case]",
            f'title = "Generated case {i}"',
            'organisation = "Föreningen Exempel"',
            'public_party = "Exempels kommun"',
            f'reference = "KS 2026/{i}"',
            "date = 2026-11-26",
            "",
            "[answers]",
        ]
        for q, a in answers.items():
            lines.append(f"{q} = {'true' if a is True else 'false' if a is False else chr(34) + 'unknown' + chr(34)}")
        lines += ["", "[notes]", 'cofinanced = "Föreningen bidrar med lokaler och ideell tid."', "", "[expect]"]
        lines += [f'{s} = "{verdict(s, answers)}"' for s in SETS]
        with open(os.path.join(sub, f"case-{i:06d}.toml"), "w", encoding="utf-8") as f:
            f.write("\n".join(lines) + "\n")


def hyperfine(commands, runs, warmup, shell):
    """Median and mean wall time of each command, in seconds, from hyperfine's JSON."""
    with tempfile.NamedTemporaryFile(suffix=".json") as out:
        args = ["hyperfine", "--style", "none", "--runs", str(runs), "--warmup", str(warmup), "--export-json", out.name]
        if not shell:
            args.append("-N")
        done = subprocess.run(args + commands, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        if done.returncode != 0:
            sys.exit(f"hyperfine failed: {done.stderr}")
        results = json.load(open(out.name))["results"]
    for r in results:
        if any(code != 0 for code in r.get("exit_codes", [])):
            sys.exit(f"{r['command']} failed")
    return [(r["median"], r["mean"], r["stddev"] or 0.0) for r in results]


def instructions(cmd):
    """Instructions executed, counted by callgrind, or None without valgrind."""
    if not shutil.which("valgrind"):
        return None
    with tempfile.TemporaryDirectory() as tmp:
        done = subprocess.run(
            ["valgrind", "--tool=callgrind", f"--callgrind-out-file={tmp}/out"] + cmd,
            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
        )
    found = re.search(r"Collected : (\d+)", done.stderr)
    return int(found.group(1)) if found else None


def peak_rss_mb(cmd):
    done = subprocess.run(["/usr/bin/time", "-f", "%M"] + cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    return int(done.stderr.strip().splitlines()[-1]) / 1024


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bin", help="the binary to time (default: build target/release/iop)")
    parser.add_argument("--runs", type=int, default=300, help="runs of each start command")
    parser.add_argument("sizes", nargs="*", type=int, default=[1000, 5000, 10000, 20000])
    args = parser.parse_args()
    if not shutil.which("hyperfine"):
        sys.exit("bench.py needs hyperfine (apt-get install hyperfine, or cargo install hyperfine)")
    binary = args.bin
    if binary is None:
        subprocess.run(["cargo", "build", "--release", "--quiet"], cwd=ROOT, check=True)
        binary = os.path.join(ROOT, "target", "release", "iop")
    print(f"machine: {os.cpu_count()} cores; binary: {binary}")

    example = os.path.join(ROOT, "examples", "ungdomsbussen-vasteras.toml")
    start = [["/bin/true"], [binary, "--version"], [binary, "check", example, "--set", "all"]]
    names = ["/bin/true", "iop --version", "iop check EXAMPLE --set all"]
    timings = hyperfine([" ".join(c) for c in start], args.runs, 20, shell=False)
    floor = timings[0][0]
    print()
    print(f"{'start':<28} {'median ms':>9} {'mean ms':>8} {'± ms':>6} {'× true':>7} {'instructions':>13}")
    for name, cmd, (median, mean, sd) in zip(names, start, timings):
        ir = instructions(cmd)
        counted = f"{ir:>13,}" if ir is not None else f"{'–':>13}"
        print(f"{name:<28} {median * 1000:>9.2f} {mean * 1000:>8.2f} {sd * 1000:>6.2f} {median / floor:>7.2f} {counted}")

    if not args.sizes:
        return
    print()
    print(f"{'cases':>7} {'cat ms':>8} {'iop ms':>8} {'iop/cat':>8} {'µs/case':>8} {'iop MB':>7}")
    for n in args.sizes:
        folder = tempfile.mkdtemp(prefix=f"iop-bench-{n}-")
        try:
            generate(folder, n, random.Random(n))
            cat = f"find {folder} -name '*.toml' -exec cat {{}} + > /dev/null"
            iop = f"{binary} test {folder} > /dev/null"
            (t_cat, _, _), (t_iop, _, _) = hyperfine([cat, iop], 10, 2, shell=True)
            rss = peak_rss_mb([binary, "test", folder])
            print(f"{n:>7} {t_cat * 1000:>8.1f} {t_iop * 1000:>8.1f} {t_iop / t_cat:>8.2f} {t_iop / n * 1e6:>8.1f} {rss:>7.1f}")
        finally:
            shutil.rmtree(folder)


if __name__ == "__main__":
    main()
