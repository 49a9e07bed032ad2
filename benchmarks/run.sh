#!/usr/bin/env bash
# Builds benchmarks.jar, runs the JMH suite at 1 and 2 threads (Vireo and onnxruntime side by side)
# and writes benchmarks/results/raw-<date>.json and benchmarks/results/<date>.md, then appends the time
# to first answer (whole processes: `./vireo run` on all-MiniLM-L6-v2 against onnxruntime; skip it
# with VIREO_FIRST_ANSWER_RUNS=0).
# Usage: ./benchmarks/run.sh [JMH args...]   e.g. ./benchmarks/run.sh -wi 1 -i 2 'Gemm|PeakFlops'
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
. "$root/.mvn/find-jdk.sh"
vireo_find_jdk
export JAVA_HOME=$VIREO_JAVA_HOME
java="$JAVA_HOME/bin/java"

(cd "$root" && ./mvnw -q -B -ntp -Pbenchmarks-jar -pl benchmarks -am package -DskipTests)

stamp=$(date -u +%Y-%m-%d-%H%M)
mkdir -p "$here/results"
raw="$here/results/raw-$stamp.json"
md="$here/results/$stamp.md"
jar="$here/target/benchmarks.jar"

"$java" --add-modules jdk.incubator.vector -jar "$jar" -p threads=1,2 -rf json -rff "$raw" "$@"

cpu=$(grep -m1 'model name' /proc/cpuinfo 2>/dev/null | sed 's/.*: //' || true)
"$java" --add-modules jdk.incubator.vector -cp "$jar" dev.vireo.bench.report.Report "$raw" "$md" \
  "Run $(date -u '+%Y-%m-%d %H:%M UTC') on ${cpu:-unknown CPU} ($(nproc) cores), $("$java" -version 2>&1 | head -n 1)." \
  "Command: \`./benchmarks/run.sh$(if [ $# -gt 0 ]; then printf ' %q' "$@"; fi)\`"
runs=${VIREO_FIRST_ANSWER_RUNS:-5}
if [ "$runs" -gt 0 ]; then
  first="$here/results/first-answer-$stamp.md"
  "$java" -cp "$jar" dev.vireo.bench.FirstAnswer compare resource:/all-minilm-l6-v2.onnx "$runs" "$first" \
    "$root/vireo" run '{model}'
  { echo; cat "$first"; } >> "$md"
  rm -f "$first"
fi
echo "results: $md"
