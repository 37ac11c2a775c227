#!/usr/bin/env bash
# Audit trail figures on a scratch database atelier_bench (created here, with the real V1 schema) on the PostgreSQL
# that ./atelier up runs: appends/s with 1, 4 and 8 concurrent writers on one shared chain and on one chain each
# (the chain is verified afterwards), and entries verified per minute over a 1,000,000-entry chain.
#
# Usage: bench/audit/run.sh        Settings: BENCH_APPENDS [4000]  BENCH_VERIFY [1000000]
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
out="bench/audit/target"
mkdir -p "$out/classes"
psql -h 127.0.0.1 -U postgres -d postgres -qAt -c "SELECT 1 FROM pg_database WHERE datname = 'atelier_bench'" | grep -q 1 || {
  psql -h 127.0.0.1 -U postgres -d postgres -qAt -c "CREATE DATABASE atelier_bench OWNER atelier"
  PGPASSWORD=atelier psql -h 127.0.0.1 -U atelier -d atelier_bench -q \
    -f governance/src/main/resources/db/migration/V1__workspaces_memberships_audit.sql
}
./mvnw -B -q -pl governance compile dependency:build-classpath -Dmdep.outputFile="$root/$out/classpath.txt"
driver="$(find "$HOME/.m2/repository/org/postgresql/postgresql" -name 'postgresql-*.jar' | sort | tail -1)"
[[ -n "$driver" ]] || ./mvnw -B -q dependency:get -Dartifact=org.postgresql:postgresql:42.7.7
driver="$(find "$HOME/.m2/repository/org/postgresql/postgresql" -name 'postgresql-*.jar' | sort | tail -1)"
cp="governance/target/classes:$(cat "$out/classpath.txt"):$driver"
javac -d "$out/classes" -cp "$cp" bench/audit/src/com/atelier/bench/audit/AuditBenchmark.java
java -Xms256m -Xmx512m -Dbench.appends="${BENCH_APPENDS:-4000}" -Dbench.verify="${BENCH_VERIFY:-1000000}" \
  -cp "$out/classes:$cp" com.atelier.bench.audit.AuditBenchmark
