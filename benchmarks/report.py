#!/usr/bin/env python3
"""The two steps of run.sh that need numpy or arithmetic: checking outputs, and printing the table.

  report.py verify --data DIR --checks DIR
      Reads CheckCases' checks.properties from --checks, loads every file a write case wrote with
      numpy and compares it with make_data.py's checksums (an npz must also hold DEFLATE entries),
      writes checks.json beside it, and prints the JMH exclude regex for the cases that failed
      (empty line if none), so that wrong results are reported and never timed.

  report.py table --data DIR --results DIR
      Reads results/jmh-*.json (one per JDK), results/numpy.json, results/checks.json and, if there,
      results/startup.json, and prints the markdown tables: GB/s per case for npyfile, numpy and
      each JVM peer, with ratios, per JDK; and start-up times of the npy tool against Python's.

  report.py startup --results DIR --runs N NAME=COMMAND...
      Times each command N times (after one untimed run), the commands taking turns so that a busy
      machine slows them alike, and writes results/startup.json: wall-clock median per NAME.
"""

import argparse
import glob
import json
import os
import platform
import re
import shlex
import statistics
import subprocess
import sys
import time
import zipfile

# Rows of the table: (case, what it measures).
CASES = [
    ("readNew", "read a whole file into a new array"),
    ("readNewArray", "the same through NpyArray.asFloatArray()"),
    ("readNewNative", "the same with native access enabled"),
    ("readInto", "read into the caller's array"),
    ("readIntoNative", "the same with native access enabled"),
    ("readMapped", "memory-mapped read"),
    ("readBigEndian", "`>f4` file to native floats"),
    ("readFortran", "Fortran-order file"),
    ("write", "write a float matrix to a new file"),
    ("writeNpyArray", "the same through NpyArray.of (a copy first)"),
    ("writeExisting", "the same over an existing file"),
    ("writeStream", "write, streaming from the array"),
    ("writeInPlace", "the same with native access enabled"),
    ("npzStored", "npz: one stored entry"),
    ("npzDeflateOne", "npz: one DEFLATE entry"),
    ("npzDeflateMany", "npz: all of 8 DEFLATE entries"),
    ("npzWriteCompressed", "savez_compressed-style write"),
]
# The JMH benchmark classes whose cases are npyfile's own.
OURS = ("NpyfileBench", "NpyfileNpzBench", "NpyfileMappedBench")
# npyfile's cases compiled only once their API exists (src/npz, src/mapped; see run.sh).
OPTIONAL = {"readMapped", "npzStored", "npzDeflateOne", "npzDeflateMany", "npzWriteCompressed"}
BASELINE = ("JdkBaselineBench", "channelRead")
PEERS = [("JetBrains npy", "JetBrainsBench"), ("openLCA npy", "OpenLcaBench"), ("DJL api", "DjlBench")]
# numpy's measurement for each case (numpy has one way to write a file).
NUMPY_CASE = {case: case for case, _ in CASES}
NUMPY_CASE["writeStream"] = "write"
NUMPY_CASE["writeNpyArray"] = "write"
NUMPY_CASE["writeInPlace"] = "write"
NUMPY_CASE["readNewArray"] = "readNew"
NUMPY_CASE["readNewNative"] = "readNew"
NUMPY_CASE["readIntoNative"] = "readInto"

# A benchmark whose slowest measured iteration is this many times its fastest is flagged as noisy.
NOISY = 1.5

# A quick run's ratio to numpy that is further than this from the latest full run's, either way,
# is reported as a row the quick run cannot measure.
QUICK_AGREES = 0.25

# Issue 5's targets: (case, what it is compared with, minimum ratio per JDK major version).
TARGETS = [
    ("readNew", "numpy", {17: 1.0, 25: 1.3}),
    ("readNewArray", "numpy", {17: 1.0}),
    ("readNewNative", "numpy", {25: 1.3}),
    ("readInto", "FileChannel", {17: 0.9, 25: 0.9}),
    ("readBigEndian", "numpy", {17: 1.5, 25: 1.5}),
    ("npzStored", "numpy", {17: 1.5, 25: 1.5}),
    ("npzDeflateMany", "numpy", {17: 1.7, 25: 1.7}),
    ("npzWriteCompressed", "numpy", {17: 1.7, 25: 1.7}),
    ("write", "numpy", {17: 1.0, 25: 1.0}),
    ("writeExisting", "numpy", {17: 1.0, 25: 1.0}),
]


# ------------------------------------------------------------------------------------------- verify

def load_properties(path):
    props = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if line and not line.startswith("#") and "=" in line:
                key, value = line.split("=", 1)
                props[key] = value.replace("\\\\", "\\")
    return props


def checksum(a):
    import numpy as np
    return int(np.ascontiguousarray(a, dtype="<f4").view("<u4").sum(dtype=np.uint64))


def verify_written(path, manifest):
    """'ok' or 'wrong ...' for a file a write case wrote."""
    import numpy as np
    sums = manifest["checksums"]
    try:
        if path.endswith(".npy"):
            a = np.load(path)
            if a.dtype != np.dtype("<f4") or list(a.shape) != manifest["shape"] or not a.flags.c_contiguous:
                return f"wrong numpy reads {a.dtype} {a.shape}, expected <f4 {tuple(manifest['shape'])} C order"
            if checksum(a) != sums["main"]:
                return "wrong values (numpy reads other values than were written)"
            return "ok"
        with zipfile.ZipFile(path) as z:
            stored = [i.filename for i in z.infolist() if i.compress_type != zipfile.ZIP_DEFLATED]
        if stored:
            return f"wrong entries not DEFLATE-compressed: {stored}"
        with np.load(path) as z:
            expected = sorted(sums["deflateMany"])
            if sorted(z.files) != expected:
                return f"wrong entries {sorted(z.files)}, expected {expected}"
            for name in expected:
                a = z[name]
                if list(a.shape) != manifest["deflateManyShape"] or checksum(a) != sums["deflateMany"][name]:
                    return f"wrong entry {name}: numpy reads {a.dtype} {a.shape} with other values"
        return "ok"
    except Exception as e:  # numpy could not read it at all
        return f"wrong numpy cannot load it: {type(e).__name__}: {e}"


def verify(args):
    with open(os.path.join(args.data, "manifest.json")) as f:
        manifest = json.load(f)
    results = {}
    for key, value in load_properties(os.path.join(args.checks, "checks.properties")).items():
        status, _, detail = value.partition(" ")
        if status == "written":
            verdict = verify_written(detail, manifest)
            status, _, detail = verdict.partition(" ")
        results[key] = {"status": status, "detail": detail}
        print(f"  {key:<40} {status} {detail}".rstrip(), file=sys.stderr)
    with open(os.path.join(args.checks, "checks.json"), "w") as f:
        json.dump(results, f, indent=2)
    failed = [key for key, r in results.items() if r["status"] != "ok"]
    print("|".join(re.escape(k) + "$" for k in failed))


# -------------------------------------------------------------------------------------------- table

def median_ms(benchmark):
    """Median of every measured iteration's score (ms/op) of one JMH benchmark."""
    scores = [s for fork in benchmark["primaryMetric"]["rawData"] for s in fork]
    if benchmark["primaryMetric"]["scoreUnit"] != "ms/op":
        raise ValueError(f"{benchmark['benchmark']}: expected ms/op, got {benchmark['primaryMetric']['scoreUnit']}")
    return statistics.median(scores)


def gbps(nbytes, seconds):
    return nbytes / seconds / 1e9


def fmt(x):
    return "—" if x is None else f"{x:.2f}"


def ratio(a, b):
    return None if a is None or b is None else a / b


def fmt_ms(seconds):
    return "—" if seconds is None else f"{seconds * 1e3:.0f} ms"


def fmt_ratio(x):
    return "—" if x is None else f"{x:.2f}×"


def machine_facts():
    cpu = "unknown CPU"
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    mem = ""
    try:
        with open("/proc/meminfo") as f:
            kib = int(f.readline().split()[1])
            mem = f", {kib / 2**20:.0f} GiB RAM"
    except (OSError, ValueError, IndexError):
        pass
    return f"{os.cpu_count()} cores ({cpu}){mem}, {platform.system()} {platform.release()}"


def vs_numpy(results):
    """{JDK major: {case: npyfile's speed over numpy's}} of a finished run, from its times alone."""
    with open(os.path.join(results, "numpy.json")) as f:
        numpy_cases = json.load(f)["cases"]
    found = {}
    for jmh_file in glob.glob(os.path.join(results, "jmh-*.json")):
        with open(jmh_file) as f:
            runs = json.load(f)
        if not runs:
            continue
        ours = {}
        for b in runs:
            cls, method = b["benchmark"].rsplit(".", 2)[-2:]
            if cls in OURS:
                ours[method] = median_ms(b) / 1e3
        found[int(runs[0]["jdkVersion"].split(".")[0])] = {
            case: numpy_cases[NUMPY_CASE[case]]["median_s"] / seconds
            for case, seconds in ours.items() if NUMPY_CASE.get(case) in numpy_cases}
    return found


def timing_text(runs):
    """How a JDK's benchmarks were iterated: one phrase per distinct JMH setting, naming its cases
    when there are several (run.sh times the write cases single-shot, the rest by average time)."""
    settings = {}
    for b in runs:
        if b["mode"] == "ss":
            w, m = b["warmupIterations"], b["measurementIterations"]
            key = f"single-shot: {w} warmup call{'s' * (w != 1)}, {m} measured call{'s' * (m != 1)}"
        else:
            key = (f"{b['mode']} mode: {b['warmupIterations']} × {b['warmupTime']} warmup, "
                   f"{b['measurementIterations']} × {b['measurementTime']} measured")
        settings.setdefault(key, []).append(b["benchmark"].rsplit(".", 1)[-1])
    if len(settings) == 1:
        return next(iter(settings))
    return "; ".join(f"{key} ({', '.join(sorted(set(cases)))})" for key, cases in settings.items())


def latest_full_run(results):
    """The newest finished full run beside a quick run's results, or None."""
    runs = sorted(glob.glob(os.path.join(os.path.dirname(os.path.abspath(results)), "full-*")), reverse=True)
    for run in runs:
        if os.path.exists(os.path.join(run, "numpy.json")) and glob.glob(os.path.join(run, "jmh-*.json")):
            return run
    return None


def table(args):
    with open(os.path.join(args.data, "manifest.json")) as f:
        manifest = json.load(f)
    with open(os.path.join(args.results, "numpy.json")) as f:
        numpy_report = json.load(f)
    checks_file = os.path.join(args.results, "check", "checks.json")
    checks = {}
    if os.path.exists(checks_file):
        with open(checks_file) as f:
            checks = json.load(f)
    startup_file = os.path.join(args.results, "startup.json")
    startup_times = {}
    if os.path.exists(startup_file):
        with open(startup_file) as f:
            startup_times = {name: r["median_s"] for name, r in json.load(f).items()}
    nbytes = dict(manifest["bytes"])
    for case in ("readNewArray", "readNewNative", "readIntoNative"):  # the same file, read another way
        nbytes.setdefault(case, nbytes["readNew"])
    for case in ("writeExisting", "writeInPlace", "writeNpyArray"):  # data made before these cases existed
        nbytes.setdefault(case, nbytes["write"])
    numpy_gbps = {case: gbps(nbytes[case], r["median_s"]) for case, r in numpy_report["cases"].items()}

    full_run = latest_full_run(args.results) if manifest["mode"] == "quick" else None
    full_ratios = vs_numpy(full_run) if full_run else {}

    shape = manifest["shape"]
    main_mib = nbytes["readNew"] / 2**20
    out = []
    out.append(f"### npyfile benchmarks: {manifest['mode']} mode\n")
    out.append(f"- machine: {machine_facts()}; run finished {time.strftime('%Y-%m-%d %H:%M %Z')}")
    out.append(f"- data: `<f4` {shape[0]}×{shape[1]} ({main_mib:.0f} MiB) for the .npy and stored-npz cases; "
               f"DEFLATE cases {nbytes['npzDeflateOne'] / 2**20:.0f} MiB in one entry and "
               f"{manifest['deflateManyEntries']} × {nbytes['npzDeflateMany'] / manifest['deflateManyEntries'] / 2**20:.0f} MiB; "
               f"standard-normal values, files made by numpy {manifest['numpy']}; warm page cache")
    out.append(f"- numpy {numpy_report['numpy']} on Python {numpy_report['python']}: median of "
               f"{numpy_report['runs']} runs after one untimed run")
    out.append("- GB/s = uncompressed array bytes / median time / 1e9; a ratio is npyfile's GB/s over the other's "
               "(above 1 means npyfile is faster)\n")

    for jmh_file in sorted(glob.glob(os.path.join(args.results, "jmh-*.json"))):
        with open(jmh_file) as f:
            runs = json.load(f)
        if not runs:
            continue
        by_name = {}
        for b in runs:
            cls, method = b["benchmark"].rsplit(".", 2)[-2:]
            by_name[(cls, method)] = b
        first = runs[0]
        jdk_major = int(first["jdkVersion"].split(".")[0])
        out.append(f"#### Java {first['jdkVersion']} ({first['vmName']} {first['vmVersion']})\n")
        out.append(f"JMH {first['jmhVersion']}, {first['forks']} fork, {timing_text(runs)} (median of iterations); "
                   f"JVM options `{' '.join(first['jvmArgs'])}`\n")

        def cell(cls, case):
            b = by_name.get((cls, case))
            if b is not None:
                return gbps(nbytes[case], median_ms(b) / 1e3), None
            status = checks.get(f"{cls}.{case}")
            if status and status["status"] != "ok":
                return None, status["status"]
            return None, None

        def ours(case):
            for cls in OURS:
                value, why = cell(cls, case)
                if value is not None or why is not None:
                    return value, why
            return None, None

        full = full_ratios.get(jdk_major)
        disagree = []
        header = ["case", "npyfile GB/s", "numpy GB/s", "vs numpy"] + (["full run: vs numpy"] if full else [])
        for label, _ in PEERS:
            header += [f"{label} GB/s", f"vs {label.split()[0]}"]
        out.append("| " + " | ".join(header) + " |")
        out.append("|" + "---|" * len(header))
        ours_by_case = {}
        for case, what in CASES:
            mine, why = ours(case)
            ours_by_case[case] = mine
            npy = numpy_gbps.get(NUMPY_CASE[case])
            shown = why or (fmt(mine) if mine is not None or case not in OPTIONAL else "n/a")
            row = [f"{case}: {what}", shown, fmt(npy), fmt_ratio(ratio(mine, npy))]
            if full:
                quick_ratio, full_ratio = ratio(mine, npy), full.get(case)
                row.append(fmt_ratio(full_ratio))
                if quick_ratio is not None and full_ratio is not None and abs(quick_ratio / full_ratio - 1) > QUICK_AGREES:
                    disagree.append(f"{case} ({fmt_ratio(quick_ratio)} here, {fmt_ratio(full_ratio)} in the full run)")
                    row[0] += " **(quick run disagrees)**"
            for _, cls in PEERS:
                theirs, their_why = cell(cls, case)
                row += [their_why or fmt(theirs), fmt_ratio(ratio(mine, theirs))]
            out.append("| " + " | ".join(row) + " |")
        channel, _ = cell(*BASELINE)
        out.append(f"| channelRead: plain FileChannel → direct buffer (yardstick) | {fmt(channel)} | — | — |"
                   + " — | — |" * len(PEERS))
        npy_start = startup_times.get(f"npy-{jdk_major}")
        python_start = startup_times.get("python")
        if npy_start is not None:
            out.append(f"| cliInfo: `./npy info` on a small file, ms (numpy: `python3 -c 'import numpy; numpy.load(F)'`) "
                       f"| {npy_start * 1e3:.0f} ms | {fmt_ms(python_start)} | {fmt_ratio(ratio(python_start, npy_start))} |"
                       + " — | — |" * len(PEERS))
        out.append("")
        noisy = []
        for (cls, method), b in sorted(by_name.items()):
            scores = [x for fork in b["primaryMetric"]["rawData"] for x in fork]
            if min(scores) > 0 and max(scores) / min(scores) >= NOISY:
                noisy.append(f"{cls.removesuffix('Bench')}.{method} ({max(scores) / min(scores):.1f}×)")
        for case, r in sorted(numpy_report["cases"].items()):
            if min(r["times_s"]) > 0 and max(r["times_s"]) / min(r["times_s"]) >= NOISY:
                noisy.append(f"numpy.{case} ({max(r['times_s']) / min(r['times_s']):.1f}×)")
        if noisy:
            out.append(f"Noisy, slowest measured iteration ≥ {NOISY}× the fastest (the median is shown; "
                       "trust these less): " + ", ".join(noisy) + ".\n")
        if manifest["mode"] == "quick":
            if not full:
                out.append(f"No full run on Java {jdk_major} to compare with (benchmarks/run.sh without --quick): "
                           "these quick ratios are unconfirmed.\n")
            elif disagree:
                out.append(f"The quick run cannot measure these rows: their ratio to numpy is more than "
                           f"{QUICK_AGREES:.0%} from the full run's ({os.path.basename(full_run)}), "
                           "so trust the full run there: " + ", ".join(disagree) + ".\n")
            else:
                out.append(f"Every quick ratio to numpy is within {QUICK_AGREES:.0%} of the full run's "
                           f"({os.path.basename(full_run)}).\n")
        out.append("— = the library has no such operation (see benchmarks/README.md); n/a = npyfile's API for the "
                   "case (npy-npz, Npy.map) was not in the tree, so its benchmark was not compiled; "
                   "`wrong`/`error` = the case failed CheckCases or numpy's check and was not timed.\n")

        lines = []
        for case, against, minimum in TARGETS:
            need = minimum.get(jdk_major)
            if need is None:  # no goal on this JDK
                continue
            mine = ours_by_case.get(case)
            other = channel if against == "FileChannel" else numpy_gbps.get(NUMPY_CASE[case])
            r = ratio(mine, other)
            if r is None:
                verdict = "not measured"
            else:
                verdict = "met" if r >= need else "**missed**"
            lines.append(f"{case} ≥ {need}× {against}: {fmt_ratio(r)} {verdict}")
        if npy_start is not None and python_start is not None:
            verdict = "met" if npy_start < python_start else "**missed**"
            lines.append(f"cliInfo faster than Python's numpy.load: {fmt_ratio(ratio(python_start, npy_start))} {verdict}")
        behind = []
        for case, _ in CASES:
            mine = ours_by_case.get(case)
            for label, cls in PEERS:
                theirs, _ = cell(cls, case)
                if theirs is not None and mine is not None and mine < theirs:
                    behind.append(f"{case} vs {label}")
        unmeasured = [case for case, _ in CASES if ours_by_case.get(case) is None and any(
            cell(cls, case)[0] is not None for _, cls in PEERS)]
        verdict = "met" if not behind else "**missed** (" + ", ".join(behind) + ")"
        if unmeasured:
            verdict += "; not measured for " + ", ".join(unmeasured)
        lines.append("ahead of every JVM peer: " + verdict)
        out.append("Targets on this JDK (performance issues, first and second round):\n")
        out.extend(f"- {line}" for line in lines)
        out.append("")

    text = "\n".join(out)
    print(text)
    with open(os.path.join(args.results, "table.md"), "w") as f:
        f.write(text + "\n")


# ------------------------------------------------------------------------------------------ startup

def startup(args):
    commands = dict(spec.split("=", 1) for spec in args.commands)
    names = list(commands)
    times = {name: [] for name in names}
    for i in range(args.runs + 1):
        for name in names[i % len(names):] + names[:i % len(names)]:  # taking turns
            started = time.perf_counter()
            done = subprocess.run(shlex.split(commands[name]), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
            elapsed = time.perf_counter() - started
            if done.returncode != 0 or done.stderr:
                sys.exit(f"startup: {name} ({commands[name]}) exited with {done.returncode}, "
                         f"printing on stderr: {done.stderr.decode(errors='replace')!r}")
            if i > 0:  # the first run warms the page cache
                times[name].append(elapsed)
    report = {name: {"command": commands[name], "median_s": statistics.median(times[name]), "times_s": times[name]}
              for name in names}
    with open(os.path.join(args.results, "startup.json"), "w") as f:
        json.dump(report, f, indent=2)
    for name in names:
        print(f"  {name:<12} {report[name]['median_s'] * 1e3:7.1f} ms  ({commands[name]})", file=sys.stderr)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    v = sub.add_parser("verify")
    v.add_argument("--data", required=True)
    v.add_argument("--checks", required=True)
    t = sub.add_parser("table")
    t.add_argument("--data", required=True)
    t.add_argument("--results", required=True)
    u = sub.add_parser("startup")
    u.add_argument("--results", required=True)
    u.add_argument("--runs", type=int, default=20)
    u.add_argument("commands", nargs="+", metavar="NAME=COMMAND")
    args = parser.parse_args()
    {"verify": verify, "table": table, "startup": startup}[args.command](args)


if __name__ == "__main__":
    main()
