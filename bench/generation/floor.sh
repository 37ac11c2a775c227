#!/usr/bin/env bash
# The durable hand-offs of the generation flow timed alone (three PostgreSQL commits and one persistent Artemis
# send + receive), against the PostgreSQL and Artemis that ./atelier up started. No portal involved. run.sh runs the
# same measurement as its "floor" phase.
# Settings: PG_URL PG_USER PG_PASSWORD BROKER_URL BROKER_USER BROKER_PASSWORD FLOOR_N [2000] FLOOR_WARMUP [200]
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
./mvnw -B -q -f bench/generation/pom.xml compile exec:exec -Dexec.executable=java \
  "-Dexec.args=-Xms128m -Xmx256m -cp %classpath com.atelier.bench.generation.DurableFloor"
