#!/usr/bin/env bash
# Measures C2PA Content Credentials in-process (no running portal needed): ms per image to build + sign + embed a
# manifest into a 1024x1024 PNG and JPEG, and ms to verify, with a development key made by
# deploy/provenance/dev-signing-key.sh. Compiles governance (no install into ~/.m2) and this one class.
#
# Usage: bench/provenance/run.sh            Settings: BENCH_WARMUP [300]  BENCH_ROUNDS [1000]
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
out="bench/provenance/target"
mkdir -p "$out/classes"
./mvnw -B -q -pl governance compile dependency:build-classpath -Dmdep.outputFile="$root/$out/classpath.txt"
deploy/provenance/dev-signing-key.sh "$out/keys" >/dev/null
cp="governance/target/classes:$(cat "$out/classpath.txt")"
javac -d "$out/classes" -cp "$cp" bench/provenance/src/com/atelier/bench/provenance/ProvenanceBenchmark.java
java -Xms256m -Xmx512m -XX:+UseParallelGC -Dbench.warmup="${BENCH_WARMUP:-300}" -Dbench.rounds="${BENCH_ROUNDS:-1000}" \
  -cp "$out/classes:$cp" com.atelier.bench.provenance.ProvenanceBenchmark "$out/keys"
