#!/usr/bin/env bash
# Benchmarks the npy Spark source against Spark's Parquet reader and binaryFile, and prints a table.
#
#   benchmarks/run-spark.sh [--quick] [JMH_REGEX]
#
#   --quick     64 MiB instead of 1 GiB and one measured run: a smoke test of the script
#   JMH_REGEX   only the benchmarks matching (default: org.npyfile.bench.spark)
#
# Steps: make the data with numpy if missing (benchmarks/target/bench-data/spark-MODE: a float32
# (N, 64) .npy and a float64 (N,) .npy), build the JMH jar, write the Parquet copies with Spark, run
# JMH (single-shot runs: 3 warm-ups, for the JIT and the page cache; 3 measured, the median reported) on the `java` on PATH with Spark on the class path, and
# print the markdown table. Results: benchmarks/target/results/spark-MODE-TIMESTAMP/.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
python=${NPYFILE_PYTHON:-python3}

mode=full
bytes=$((1 << 30))
iterations=(-wi 3 -i 3)
filter=org.npyfile.bench.spark
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) mode=quick; bytes=$((64 << 20)); iterations=(-wi 1 -i 1) ;;
    -h|--help) sed -n '2,13p' "$0"; exit 0 ;;
    *) filter=$1 ;;
  esac
  shift
done

data=$here/target/bench-data/spark-$mode
results=$here/target/results/spark-$mode-$(date +%Y%m%d-%H%M%S)
mkdir -p "$data" "$results"
started=$(date +%s)
say() { printf '[%4ss] %s\n' "$(( $(date +%s) - started ))" "$*" >&2; }

say "making the data with numpy in $data"
"$python" "$here/make_spark_data.py" --out "$data" --bytes "$bytes"

say "building the benchmark jar and Spark's class path"
# One reactor run: the sibling modules resolve from it; the last module written (benchmarks) leaves
# the class path of its provided dependencies, Spark's.
(cd "$root" && ./mvnw -B -q -Pbench -pl benchmarks -am package dependency:build-classpath -DskipTests \
  -Dmdep.includeScope=provided -Dmdep.outputFile="$results/spark.classpath") > "$results/build.log" 2>&1 \
  || { cat "$results/build.log" >&2; exit 1; }
cp="$here/target/benchmarks.jar:$(cat "$results/spark.classpath")"
jvm=(-Xms6g -Xmx6g -XX:+IgnoreUnrecognizedVMOptions --enable-native-access=ALL-UNNAMED
     --sun-misc-unsafe-memory-access=allow)

say "writing the Parquet copies with Spark"
java "${jvm[@]}" -cp "$cp" org.npyfile.bench.spark.SparkBenchData "$data" 2>&1 | grep '^wrote' >&2 || true

say "JMH on $(java -version 2>&1 | head -1)"
java -cp "$cp" org.openjdk.jmh.Main "$filter" -p "dataDir=$data" -f 1 "${iterations[@]}" \
  -jvmArgs "${jvm[*]}" -rf json -rff "$results/jmh.json" 2>&1 | tee "$results/jmh.log" \
  | grep --line-buffered -E '^# (Benchmark|Parameters):' >&2
grep -q 'Benchmark result is saved' "$results/jmh.log" || { say "JMH failed: see $results/jmh.log"; exit 1; }

say "done; table in $results/table.md"
"$python" - "$results/jmh.json" "$bytes" "$results/jmh.log" <<'PY' | tee "$results/table.md"
import json, sys
runs = json.load(open(sys.argv[1]))
size = int(sys.argv[2]) / 1e9
rate = {}
for r in runs:
    p = r["params"]
    name = r["benchmark"].rsplit(".", 2)[-2]
    key = (name, p.get("data", "matrix"), p["format"])
    times = sorted(t for fork in r["primaryMetric"]["rawData"] for t in fork)
    # The median single shot, and the best: single shots on a small VM vary by 2x and more.
    rate[key, p["cores"]] = (size / (times[len(times) // 2] / 1000), size / (times[0] / 1000))
# Cases JMH started but could not finish (binaryFile holds a whole file in one row) have no result.
started, bench = set(), ""
for line in open(sys.argv[3]):
    if line.startswith("# Benchmark:"):
        bench = line
    elif line.startswith("# Parameters:") and "SparkReadBench" in bench:
        f = dict(kv.split(" = ") for kv in line[line.index("(") + 1:line.rindex(")")].split(", "))
        started.add((("SparkReadBench", f["data"], f["format"]), f["cores"]))
for k in started - set(rate):
    rate[k] = None
print("GB/s: median single shot (best in parentheses)\n")
print("| case | data | reader | local[1] GB/s | local[2] GB/s | 2 cores / 1 |")
print("|---|---|---|---|---|---|")
for key in sorted({k for k, _ in rate}):
    one, two = rate.get((key, "1"), 0), rate.get((key, "2"), 0)
    fmt = lambda v: "%.2f (%.2f)" % v if v else ("failed, see jmh.log" if v is None else "-")
    ratio = "%.2f× (%.2f×)" % (two[0] / one[0], two[1] / one[1]) if one and two else "-"
    print("| %s | %s | %s | %s | %s | %s |" % (key[0], key[1], key[2], fmt(one), fmt(two), ratio))
PY
