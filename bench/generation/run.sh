#!/usr/bin/env bash
# Measures a RUNNING portal (./atelier up), in one run, and prints Markdown for docs/benchmarks.md:
#   sync   latency per generation, interleaved per round: a direct inference-client generate, the safety call, the
#          brand palette check and C2PA signing of that image in-process (governance's code, the development
#          signing key), and a synchronous POST through the portal (?mode=sync); the portal's per-step timers
#          (GET /api/v1/metrics, admin token) scraped before and after the measured rounds;
#   floor  the durable hand-offs alone (DurableFloor, as floor.sh: three PostgreSQL commits, one Artemis send and
#          receive);
#   submit accepted async submissions per second with 1, 8 and 32 concurrent clients, BENCH_RUNS runs each
#          (waiting for the workers to drain the backlog after each run);
#   local  (not by default) only the palette check and signing on a synthetic PNG: needs no service at all.
# Builds only this module; atelier-inference-client and atelier-governance must already be installed in ~/.m2
# (a full build does that, or: ./mvnw -o -pl governance,inference-client -am install -DskipTests).
#
# Usage: bench/generation/run.sh
# Settings (environment, defaults in brackets):
#   ATELIER_URL [http://localhost:8080/api/v1]   KEYCLOAK_URL [http://localhost:8180]   KEYCLOAK_REALM [atelier]
#   TRITON_ENDPOINT [127.0.0.1:8001]   PG_URL [jdbc:postgresql://127.0.0.1:5432/atelier]   PG_USER/PG_PASSWORD [atelier]
#   BROKER_URL [tcp://127.0.0.1:61616]   BROKER_USER/BROKER_PASSWORD [atelier]
#   ATELIER_SIGNING_KEYS [~/.local/share/atelier/provenance] (signing.p12 and trust/ in it, as ./atelier up)
#   ATELIER_KEYSTORE_PASSWORD [atelier-dev]
#   ADMIN_USER [admin]  DESIGNER_USER [designer]  DEMO_PASSWORD [demo]  BENCH_WORKSPACE [bench-generation]
#   BENCH_MODEL [flux2]  BENCH_CLIENTS [1,8,32]  BENCH_RUNS [3]  BENCH_WARMUP_S [3]  BENCH_SECONDS [10]
#   BENCH_DRAIN_TIMEOUT_S [300]  BENCH_SYNC_N [200]  BENCH_SYNC_WARMUP [20]  FLOOR_N [2000]  FLOOR_WARMUP [200]
#   BENCH_PHASES [submit,sync,floor] (any of submit, sync, floor, local; the report's order is fixed)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
if [[ -z "${BENCH_COMMIT:-}" ]]; then
  BENCH_COMMIT="$(git -C "$root" log -1 --format=%h 2>/dev/null || echo unknown)"
  if [[ -n "$(git -C "$root" status --porcelain --untracked-files=no 2>/dev/null)" ]]; then
    BENCH_COMMIT+=" + uncommitted changes"
  fi
fi
export BENCH_COMMIT
# The command line for the report: the settings given in the environment (no passwords), then this script.
command_line=""
for name in $(compgen -e | LC_ALL=C sort); do
  case "$name" in
    BENCH_COMMIT|BENCH_COMMAND) ;;
    BENCH_*|FLOOR_*|ATELIER_URL|KEYCLOAK_URL|KEYCLOAK_REALM|TRITON_ENDPOINT|PG_URL|PG_USER|BROKER_URL|BROKER_USER|ADMIN_USER|DESIGNER_USER|ATELIER_SIGNING_KEYS)
      command_line+="$name=$(printf '%q' "${!name}") " ;;
  esac
done
export BENCH_COMMAND="${command_line}bench/generation/run.sh"
./mvnw -B -q -f bench/generation/pom.xml compile exec:exec -Dexec.executable=java \
  "-Dexec.args=-Xms256m -Xmx512m -XX:+UseParallelGC -cp %classpath com.atelier.bench.generation.GenerationBenchmark"
