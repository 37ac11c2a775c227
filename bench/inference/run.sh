#!/usr/bin/env bash
# Builds the inference client and the local server, then measures the typed client's overhead per
# ModelInfer against a raw generated stub, and throughput with 1, 8 and 64 requests in flight.
# Usage: bench/inference/run.sh [measured-calls-per-round] [seconds-per-throughput-run]
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
./mvnw -B -q -pl inference-client,triton-models/local-server -am install -DskipTests
./mvnw -B -q -f bench/inference/pom.xml compile exec:exec -Dexec.executable=java \
  "-Dexec.args=-Xms512m -Xmx512m -XX:+UseParallelGC -cp %classpath com.atelier.bench.inference.ClientOverheadBenchmark ${1:-5000} ${2:-5}"
