#!/usr/bin/env bash
# Measures a RUNNING portal (./atelier up): accepted async submissions per second with 1, 8 and 32 concurrent
# clients (waiting for the workers to drain the backlog after each run), and the portal's added latency per
# generation (POST ?mode=sync) over a direct inference-client call to the same inference server.
# Builds only this module; atelier-inference-client must already be installed in ~/.m2 (a full build does that).
#
# Usage: bench/generation/run.sh
# Settings (environment, defaults in brackets):
#   ATELIER_URL [http://localhost:8080/api/v1]   KEYCLOAK_URL [http://localhost:8180]   KEYCLOAK_REALM [atelier]
#   TRITON_ENDPOINT [127.0.0.1:8001]   PG_URL [jdbc:postgresql://127.0.0.1:5432/atelier]   PG_USER/PG_PASSWORD [atelier]
#   ADMIN_USER [admin]  DESIGNER_USER [designer]  DEMO_PASSWORD [demo]  BENCH_WORKSPACE [bench-generation]
#   BENCH_MODEL [flux2]  BENCH_CLIENTS [1,8,32]  BENCH_WARMUP_S [3]  BENCH_SECONDS [10]  BENCH_DRAIN_TIMEOUT_S [300]
#   BENCH_SYNC_N [200]  BENCH_SYNC_WARMUP [20]  BENCH_PHASES [submit,sync]
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
export BENCH_COMMIT="${BENCH_COMMIT:-$(git -C "$root" log -1 --format=%h 2>/dev/null || echo unknown)}"
./mvnw -B -q -f bench/generation/pom.xml compile exec:exec -Dexec.executable=java \
  "-Dexec.args=-Xms256m -Xmx512m -XX:+UseParallelGC -cp %classpath com.atelier.bench.generation.GenerationBenchmark"
