#!/usr/bin/env bash
# Benchmarks npyfile against numpy and the JVM peers and prints the results table.
#
#   benchmarks/run.sh [--quick] [--jdk JAVA_HOME]... [JMH_REGEX]...
#
#   --quick     64 MiB instead of 1 GiB, short iterations: about 2 minutes instead of 10-15
#   --jdk DIR   run JMH on this JDK; repeat for several. Default: Java 17 (JDK17_HOME, else the
#               `java` on PATH) and Java 25 (JDK25_HOME, default /usr/lib/jvm/temurin-25-jdk-amd64)
#               when it exists
#   JMH_REGEX   only the benchmarks matching, e.g. 'readNew|readInto' (default: all)
#
# Steps: make the data with numpy if missing (benchmarks/target/bench-data/MODE), build the JMH uber
# jar, run every case once and check its values (wrong ones are reported, not timed), time numpy,
# run JMH on each JDK, print the markdown table. Everything lands in
# benchmarks/target/results/MODE-TIMESTAMP/ (table.md, jmh-*.json and .log, numpy.json, check/).
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
python=${NPYFILE_PYTHON:-python3}

mode=full
jdks=()
filters=()
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) mode=quick ;;
    --jdk) jdks+=("$2"); shift ;;
    -h|--help) sed -n '2,15p' "$0"; exit 0 ;;
    *) filters+=("$1") ;;
  esac
  shift
done

if [ "$mode" = quick ]; then
  jmh_iterations=(-wi 1 -w 200ms -i 3 -r 200ms)
  write_iterations=(-bm ss -tu ms -wi 1 -i 5)
  # AlwaysPreTouch: 200 ms of warmup cannot cycle through a 1 GiB heap, so without it the measured
  # iterations allocate their arrays in heap pages touched for the first time, and time the page
  # faults (under 1 GB/s on a small VM) instead of the library. About 1 s per fork.
  jvm_args="-Xms1g -Xmx1g -XX:MaxDirectMemorySize=512m -XX:+AlwaysPreTouch"
  numpy_runs=5
  startup_runs=10
else
  jmh_iterations=(-wi 2 -w 1s -i 5 -r 1s)
  # Writes: one call per iteration (single-shot), many iterations. A write of 1 GiB takes 0.1-0.3 s
  # and each is followed by a delete and `sync` (Outputs), so a 1 s iteration held one to four
  # calls and its mean was one call's luck with the kernel's writeback: the medians of 5 such
  # iterations wandered 2x between runs and put npyfile behind JetBrains npy, which plain timed
  # loops (and single shots) show it clearly ahead of (2026-12-01: 5.8 vs 4.1 GB/s).
  write_iterations=(-bm ss -tu ms -wi 3 -i 15)
  # AlwaysPreTouch: without it every allocation of a case lands on heap pages never touched, and
  # their first-touch page faults (about 10 us each on this VM at times) were timed as the case's
  # cost: a 32 MiB DEFLATE entry measured 450 ms per read under JMH against 140 ms in a JVM that
  # reuses its memory (2026-12-01). Touching 5 GiB costs each fork 8-14 s up front.
  jvm_args="-Xms5g -Xmx5g -XX:MaxDirectMemorySize=3g -XX:+AlwaysPreTouch"
  numpy_runs=7
  startup_runs=20
fi

if [ ${#jdks[@]} -eq 0 ]; then
  if [ -n "${JDK17_HOME:-}" ]; then
    jdks+=("$JDK17_HOME")
  else
    jdks+=("$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")")
  fi
  jdk25=${JDK25_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
  if [ -x "$jdk25/bin/java" ]; then
    jdks+=("$jdk25")
  fi
fi

data=$here/target/bench-data/$mode
# The correctness check runs on the quick files in both modes: same generator, a fraction of the time.
check_data=$here/target/bench-data/quick
results=$here/target/results/$mode-$(date +%Y%m%d-%H%M%S)
mkdir -p "$results"
started=$(date +%s)
say() { printf '[%4ss] %s\n' "$(( $(date +%s) - started ))" "$*" >&2; }

for m in quick "$mode"; do
  if [ ! -f "$here/target/bench-data/$m/manifest.json" ]; then
    say "making $m data in $here/target/bench-data/$m"
    "$python" "$here/make_data.py" --mode "$m" --out "$here/target/bench-data/$m"
  fi
done

# Optional cases: npyfile's npz cases need npy-npz's NpzFile, the mapped case needs Npy.map.
profiles=bench
optional=()
if [ -f "$root/npy-npz/src/main/java/org/npyfile/npz/NpzFile.java" ]; then
  optional+=(npz)
fi
if grep -Eq 'static[^(]*[[:space:]]map[[:space:]]*\([[:space:]]*Path' "$root/npy-core/src/main/java/org/npyfile/Npy.java"; then
  optional+=(mapped)
fi
build() {
  (cd "$root" && ./mvnw -B -q "-P$1" -pl benchmarks -am package -DskipTests) > "$results/build-$1.log" 2>&1
}
with_optional=$profiles
for p in "${optional[@]+"${optional[@]}"}"; do
  with_optional+=",$p"
done
say "building the benchmark jar (profiles $with_optional)"
if ! build "$with_optional"; then
  if [ ${#optional[@]} -gt 0 ]; then
    say "WARNING: the build with ${optional[*]} failed (see $results/build-$with_optional.log); building without them"
    build "$profiles" || { cat "$results/build-$profiles.log" >&2; exit 1; }
  else
    cat "$results/build-$with_optional.log" >&2
    exit 1
  fi
fi
jar=$here/target/benchmarks.jar

say "checking every case once (Java: $(java -version 2>&1 | head -1))"
java -Xmx2g -cp "$jar" org.npyfile.bench.CheckCases "$check_data" "$results/check" 2>&1 | grep -v '^SLF4J' >&2
exclude=$("$python" "$here/report.py" verify --data "$check_data" --checks "$results/check" 2>/dev/null)
if [ -n "$exclude" ]; then
  say "not timed, their results are wrong: $exclude"
fi

say "timing numpy ($numpy_runs runs per case)"
env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE "$python" "$here/numpy_bench.py" \
  --data "$data" --runs "$numpy_runs" --json "$results/numpy.json" > /dev/null

for home in "${jdks[@]}"; do
  version=$("$home/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.version = //p')
  major=${version%%.*}
  say "JMH on Java $version ($home)"
  # The Spark cases need Spark on the class path: benchmarks/run-spark.sh runs them.
  selected=("$home/bin/java" -jar "$jar" "${filters[@]+"${filters[@]}"}" -e 'org\.npyfile\.bench\.spark\.')
  if [ -n "$exclude" ]; then
    selected+=(-e "$exclude")
  fi
  # the selected benchmarks, split into the write cases and the rest: each part runs in its own
  # JMH call with its own iterations, and their results are merged into jmh-$major.json
  reads=() writes=()
  while read -r name; do
    case "$name" in
      org.npyfile.bench.*) ;;
      *) continue ;;
    esac
    if [[ "$name" =~ \.(write[A-Za-z]*|npzWriteCompressed)$ ]]; then
      writes+=("^${name//./\\.}\$")
    else
      reads+=("^${name//./\\.}\$")
    fi
  done < <("${selected[@]}" -l)
  parts=()
  for part in reads writes; do
    if [ "$part" = reads ]; then
      names=("${reads[@]+"${reads[@]}"}") iterations=("${jmh_iterations[@]}")
    else
      names=("${writes[@]+"${writes[@]}"}") iterations=("${write_iterations[@]}")
    fi
    [ ${#names[@]} -gt 0 ] || continue
    "$home/bin/java" -jar "$jar" "${names[@]}" -p "dataDir=$data" -f 1 "${iterations[@]}" -jvmArgs "$jvm_args" \
        -rf json -rff "$results/jmh-$major-$part.part" 2>&1 \
      | tee -a "$results/jmh-$major.log" | grep --line-buffered -E '^# Benchmark:' | sed -u 's/^# Benchmark: /    /' >&2
    if [ ! -s "$results/jmh-$major-$part.part" ]; then
      say "JMH on Java $version failed: see $results/jmh-$major.log"
      exit 1
    fi
    parts+=("$results/jmh-$major-$part.part")
  done
  if [ ${#parts[@]} -eq 0 ]; then
    say "no benchmark matches ${filters[*]-}"
    exit 1
  fi
  "$python" -c 'import json, sys; json.dump([b for p in sys.argv[2:] for b in json.load(open(p))], open(sys.argv[1], "w"), indent=1)' \
    "$results/jmh-$major.json" "${parts[@]}"
done

# CLI start-up: `./npy info` on a small file (the launcher with its class-data-sharing archive, on
# each JDK) against Python importing numpy and loading it; the interpreter itself, not a wrapper
# such as a pyenv shim, which would add its own start-up to Python's time.
small=$data/small.npy
if [ ! -f "$small" ]; then
  "$python" -c "import numpy, sys; numpy.save(sys.argv[1], numpy.arange(12, dtype='<f4').reshape(3, 4))" "$small"
fi
interpreter=$("$python" -c 'import sys; print(sys.executable)')
starts=("python=$interpreter -c 'import numpy; numpy.load(\"$small\")'")
for home in "${jdks[@]}"; do
  major=$("$home/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.version = //p' | cut -d. -f1)
  # the first call builds npy-cli/target/npy.jar if needed and the archive for this JDK
  PATH="$home/bin:$PATH" "$root/npy" --version > "$results/npy-$major-first-run.log" 2>&1
  starts+=("npy-$major=env PATH=$home/bin:$PATH $root/npy info $small")
done
say "timing CLI start-up ($startup_runs runs each, taking turns)"
"$python" "$here/report.py" startup --results "$results" --runs "$startup_runs" "${starts[@]}"

say "done; table in $results/table.md"
"$python" "$here/report.py" table --data "$data" --results "$results"
