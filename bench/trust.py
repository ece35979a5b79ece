#!/usr/bin/env python3
"""Benchmarks of the bounds: files full of problems, and a closed pipe.

Usage: python3 bench/trust.py [BINARY ...]   (default: target/release/iop, built first)

For each binary, median of 3 runs each, with peak memory (maximum resident set size)
and the bytes written to stderr:
  wide:  one line of N unknown keys in an inline [answers] table (5,000 keys is 69 KB)
  tall:  N lines, one unknown question each
  pipe:  `iop test DIR | head -1` over 2,000 failing cases: the time until iop has ended
Give an older binary too to compare, e.g. `python3 bench/trust.py /tmp/iop-old
target/release/iop`. Time and memory should grow with N in proportion, or less. Each run
is limited to 4 GiB of address space and 60 s, so that a binary without the bounds is
stopped ("killed") rather than taking the machine's memory.
"""
import resource
import threading
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
EXAMPLE = os.path.join(ROOT, "examples", "kommunens-initiativ.toml")


def wide(n):
    keys = ", ".join(f"k{i:04} = true" for i in range(n))
    return f"answers = {{ {keys} }}\n"


def tall(n):
    return "[answers]\n" + "".join(f"bad_{i} = true\n" for i in range(n))


LIMIT_BYTES = 4 << 30
LIMIT_SECONDS = 60


def limit():
    resource.setrlimit(resource.RLIMIT_AS, (LIMIT_BYTES, LIMIT_BYTES))


def measure(args, stdout=subprocess.DEVNULL):
    """Seconds (None if stopped), peak KB and stderr bytes of one run."""
    with tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        child = subprocess.Popen(args, stdout=stdout, stderr=err, preexec_fn=limit)
        timer = threading.Timer(LIMIT_SECONDS, child.kill)
        timer.start()
        _, status, usage = os.wait4(child.pid, 0)
        timer.cancel()
        child.returncode = status
        seconds = time.perf_counter() - start
        err.seek(0, os.SEEK_END)
        stopped = os.WIFSIGNALED(status) or os.WEXITSTATUS(status) not in (0, 1, 2)
        return (None if stopped else seconds), usage.ru_maxrss, err.tell()


def median_of(runs, args):
    results = [measure(args) for _ in range(runs)]
    if any(r[0] is None for r in results):
        return None, max(r[1] for r in results), results[0][2]
    return (
        statistics.median(r[0] for r in results),
        max(r[1] for r in results),
        results[0][2],
    )


def pipe_closed(binary, folder):
    """Seconds until `iop test FOLDER | head -1` has ended, and iop's exit code."""
    start = time.perf_counter()
    child = subprocess.Popen([binary, "test", folder], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    child.stdout.readline()
    child.stdout.close()
    try:
        code = child.wait(timeout=30)
    except subprocess.TimeoutExpired:
        child.kill()
        child.wait()
        return None, "hung (killed after 30 s)"
    return time.perf_counter() - start, code


def main():
    binaries = sys.argv[1:]
    if not binaries:
        subprocess.run(["cargo", "build", "--release", "--quiet"], cwd=ROOT, check=True)
        binaries = [os.path.join(ROOT, "target", "release", "iop")]
    work = tempfile.mkdtemp(prefix="iop-trust-")
    try:
        inputs = []
        for kind, make, sizes in [("wide", wide, [5_000, 50_000]), ("tall", tall, [40_000, 400_000])]:
            for n in sizes:
                path = os.path.join(work, f"{kind}-{n}.toml")
                with open(path, "w") as f:
                    f.write(make(n))
                inputs.append((f"{kind} {n:,} ({os.path.getsize(path) / 1024:,.0f} KB)", path))
        cases = os.path.join(work, "cases")
        os.mkdir(cases)
        case = open(EXAMPLE).read().replace('forum = "procurement"', 'forum = "iop"')
        for i in range(2_000):
            with open(os.path.join(cases, f"case-{i:04}.toml"), "w") as f:
                f.write(case)
        for binary in binaries:
            print(f"\n{binary}")
            print(f"{'input':<26} {'time':>10} {'peak memory':>12} {'stderr':>12}")
            for name, path in inputs:
                seconds, kb, err = median_of(3, [binary, "check", path])
                shown = "killed" if seconds is None else f"{seconds * 1000:.0f} ms"
                print(f"{name:<26} {shown:>10} {kb / 1024:>9.1f} MB {err:>12,} B")
            seconds, code = pipe_closed(binary, cases)
            shown = "—" if seconds is None else f"{seconds * 1000:.0f} ms"
            print(f"{'test 2,000 | head -1':<26} {shown:>10}   exit {code}")
    finally:
        shutil.rmtree(work)


if __name__ == "__main__":
    main()
