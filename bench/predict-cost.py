#!/usr/bin/env python3
"""The cost of predictive mode (predict=1) beside happens-before mode, side by side in one session.

For each workload, RUNS rounds; in each round the workload runs under the agent in happens-before mode and with
predict=1, in alternating order (happens-before first in even rounds), and once plainly. Medians of the workload's own
elapsed_ms (its `bench:` line) and of peak RSS. Writes bench/results/<date>-predict-cost.md.

  python3 bench/predict-cost.py [--runs 5] [--size quick|default] [--only REGEX] [--java PATH]

Needs the agent jar (agent/target/racecheck.jar) and the bench jar (bench/target/racecheck-bench.jar): build them with
`mvn -q -DskipTests -pl reports,agent,bench -am package`.
"""
import argparse
import datetime
import os
import re
import socket
import statistics
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
# workload id, main class, quick size, threads (Workload.java's quick sizes; threads as the macro table's 4-thread
# column where a workload has one).
WORKLOADS = [
    ("series", "Series", 1000, 2),
    ("sor", "Sor", 200, 2),
    ("crypt", "Crypt", 1_000_000, 2),
    ("lufact", "LuFact", 200, 2),
    ("sparsematmult", "SparseMatMult", 5_000, 2),
    ("montecarlo", "MonteCarlo", 1_000, 2),
    ("raytracer", "RayTracer", 60, 2),
    ("moldyn", "MolDyn", 4, 2),
    ("counter", "Counter", 200_000, 2),
    ("producerconsumer", "ProducerConsumer", 20_000, 4),
    ("executorfanout", "ExecutorFanOut", 10_000, 4),
    ("concurrentmap", "ConcurrentMapCount", 100_000, 4),
]
ELAPSED = re.compile(r"bench: workload=.*?elapsed_ms=(\d+)")
RSS = re.compile(r"bench: vmhwm_kb=(\d+)")


def run(java, agent, options, bench_jar, main, size, threads):
    cmd = [java]
    if agent:
        cmd.append("-javaagent:" + agent + ("=" + options if options else ""))
    cmd += ["-cp", bench_jar, "dev.racecheck.bench.workloads." + main, str(size), str(threads)]
    p = subprocess.run(cmd, capture_output=True, text=True, timeout=1800)
    m = ELAPSED.search(p.stdout)
    r = RSS.search(p.stderr)
    if p.returncode != 0 or m is None:
        raise RuntimeError("%s failed (%d):\n%s\n%s" % (" ".join(cmd), p.returncode, p.stdout[-2000:], p.stderr[-2000:]))
    if "DATA RACE" in p.stderr:
        raise RuntimeError("%s reported a race:\n%s" % (" ".join(cmd), p.stderr[-4000:]))
    return int(m.group(1)), int(r.group(1)) if r else 0


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--only")
    ap.add_argument("--java", default="java")
    ap.add_argument("--scale", type=float, default=1.0, help="multiply the quick sizes")
    ap.add_argument("--out")
    a = ap.parse_args()
    agent = os.path.join(ROOT, "agent/target/racecheck.jar")
    bench_jar = os.path.join(ROOT, "bench/target/racecheck-bench.jar")
    head = subprocess.run(["git", "-C", ROOT, "log", "-1", "--format=%h"], capture_output=True, text=True).stdout.strip()
    load_before = open("/proc/loadavg").read().split()[:3]
    rows = []
    for wid, main_class, size, threads in WORKLOADS:
        if a.only and not re.search(a.only, wid):
            continue
        size = max(1, int(size * a.scale))
        plain, hb, pr, hb_rss, pr_rss = [], [], [], [], []
        for k in range(a.runs):
            order = [("hb", ""), ("predict", "predict=1")] if k % 2 == 0 else [("predict", "predict=1"), ("hb", "")]
            for mode, options in order:
                ms, rss = run(a.java, agent, options, bench_jar, main_class, size, threads)
                (hb if mode == "hb" else pr).append(ms)
                (hb_rss if mode == "hb" else pr_rss).append(rss)
            plain.append(run(a.java, None, None, bench_jar, main_class, size, threads)[0])
            print("%s run %d: plain %d ms, hb %d ms, predict %d ms" % (wid, k + 1, plain[-1], hb[-1], pr[-1]),
                  file=sys.stderr, flush=True)
        m = statistics.median
        rows.append((wid, size, threads, m(plain), m(hb), m(pr), m(pr) / m(hb), m(hb_rss), m(pr_rss), hb, pr))
    load_after = open("/proc/loadavg").read().split()[:3]
    date = datetime.date.today().isoformat()
    lines = [
        "# Predictive mode (predict=1) beside happens-before mode, %s" % datetime.datetime.utcnow().strftime("%Y-%m-%d %H:%M UTC"),
        "",
        "- host: %s, %d CPUs; load average before %s, after %s (other jobs were running: timings are noisy)"
        % (socket.gethostname(), os.cpu_count(), " ".join(load_before), " ".join(load_after)),
        "- java: %s; agent: agent/target/racecheck.jar of commit %s" % (a.java, head),
        "- %d rounds per workload; each round runs happens-before mode and predict=1 in alternating order, then"
        " plainly; medians of the workload's own elapsed_ms; quick sizes x %s" % (a.runs, a.scale),
        "",
        "| workload | size | threads | plain ms | HB ms | predict ms | predict / HB | HB RSS MB | predict RSS MB |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    ratios = []
    for wid, size, threads, p, h, q, ratio, hr, qr, _, _ in rows:
        ratios.append(ratio)
        lines.append("| %s | %d | %d | %d | %d | %d | %.2fx | %d | %d |" % (wid, size, threads, p, h, q, ratio,
                                                                          hr // 1024, qr // 1024))
    if ratios:
        geo = statistics.geometric_mean(ratios)
        lines += ["", "Geometric mean of predict / HB: %.2fx; worst %.2fx (%s). Goal (issue #15): <= 1.5x."
                  % (geo, max(ratios), rows[ratios.index(max(ratios))][0])]
    lines += ["", "Every run of each mode, ms:", ""]
    for wid, *_rest in rows:
        hb, pr = _rest[-2], _rest[-1]
        lines.append("- %s: HB %s; predict %s" % (wid, hb, pr))
    out = a.out or os.path.join(ROOT, "bench/results", "%s-predict-cost.md" % date)
    with open(out, "w") as f:
        f.write("\n".join(lines) + "\n")
    print("\n".join(lines))
    print("written to " + out, file=sys.stderr)


if __name__ == "__main__":
    main()
