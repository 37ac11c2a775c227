#!/usr/bin/env bash
# Crash drill (run by `./atelier test`): jobs accepted while no inference server is up wait on the durable queue;
# WildFly is killed with SIGKILL; after a restart every accepted job completes exactly once. Then the broker is
# stopped: a job accepted while it is away runs once it is back, without restarting WildFly.
# Uses the portal that `./atelier up` runs (ports 8080/8001), started here if needed. Afterwards, passed or failed,
# the services that ran before run again (the drill stops and kills some of them) and those it started are stopped.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
export ROOT
# shellcheck source=../bin/services.sh
source "$ROOT/deploy/bin/services.sh"

JOBS=${CRASH_DRILL_JOBS:-4}
IMAGES_PER_JOB=2
API="http://localhost:$WILDFLY_PORT/api/v1"
passed=0
failed=0

token() {
    curl -fsS "$KEYCLOAK_URL/realms/atelier/protocol/openid-connect/token" -d grant_type=password \
        -d client_id=atelier-api -d username="$1" -d password=demo | sed -n 's/.*"access_token":"\([^"]*\)".*/\1/p'
}

check() {
    local what=$1
    shift
    if "$@"; then
        passed=$((passed + 1))
        say "ok: $what"
    else
        failed=$((failed + 1))
        printf 'FAILED: %s\n' "$what" >&2
    fi
}

trap "restore_services $(running_services) || exit 1" EXIT
start_postgres >/dev/null
start_artemis >/dev/null
start_keycloak >/dev/null
stop_triton >/dev/null
start_wildfly >/dev/null

admin=$(token admin)
curl -sS -o /dev/null -X POST "$API/workspaces" -H "Authorization: Bearer $admin" -H 'Content-Type: application/json' \
    -d '{"slug":"crash-drill","name":"Crash drill"}'
curl -fsS -o /dev/null -X PUT "$API/workspaces/crash-drill/members/designer" -H "Authorization: Bearer $admin" \
    -H 'Content-Type: application/json' -d '{"role":"designer"}'

designer=$(token designer)
ids=()
for i in $(seq 1 "$JOBS"); do
    id=$(curl -fsS -X POST "$API/workspaces/crash-drill/generations" -H "Authorization: Bearer $designer" \
        -H 'Content-Type: application/json' \
        -d "{\"models\":[\"sdxl\"],\"prompt\":\"crash drill $i $RANDOM\",\"width\":512,\"height\":512,\"steps\":4,\"count\":$IMAGES_PER_JOB}" \
        | sed -n 's/^{"id":"\([^"]*\)".*/\1/p')
    ids+=("$id")
done
check "$JOBS jobs accepted while no inference server runs" test "${#ids[@]}" -eq "$JOBS"

# The recorded pid is the server JVM itself; its launcher script ends with it, and start_wildfly starts a new one.
say "killing WildFly with SIGKILL"
kill -KILL "$(service_pid wildfly)"
while port_open "$WILDFLY_PORT"; do sleep 0.2; done
wildfly_down() { ! pid_alive wildfly; }
check "WildFly counts as stopped once its JVM is killed" wildfly_down

start_triton >/dev/null
start_wildfly >/dev/null

designer=$(token designer)
job_state() {
    curl -fsS "$API/workspaces/crash-drill/generations/$1" -H "Authorization: Bearer $designer" \
        | grep -o '"state":"[A-Z]*"' | head -n 1 | cut -d'"' -f4  # the job's own state comes first
}
all_succeeded() {
    local id
    for id in "${ids[@]}"; do [[ "$(job_state "$id")" == SUCCEEDED ]] || return 1; done
}
waited=0
until all_succeeded || (( waited >= 120 )); do sleep 1; waited=$((waited + 1)); done
check "every accepted job completed after the restart (${waited}s)" all_succeeded

for id in "${ids[@]}"; do
    assets=$(PGPASSWORD=atelier psql -h 127.0.0.1 -p "$PG_PORT" -U atelier -d atelier -qAt \
        -c "SELECT count(*) FROM asset WHERE job_id = '$id'")
    check "job $id has exactly $IMAGES_PER_JOB assets (found $assets)" test "$assets" -eq "$IMAGES_PER_JOB"
done

say "stopping the broker"
stop_artemis >/dev/null
designer=$(token designer)
outage_id=$(curl -fsS -X POST "$API/workspaces/crash-drill/generations" -H "Authorization: Bearer $designer" \
    -H 'Content-Type: application/json' \
    -d "{\"models\":[\"sdxl\"],\"prompt\":\"broker outage $RANDOM\",\"width\":512,\"height\":512,\"steps\":4,\"count\":1}" \
    | sed -n 's/^{"id":"\([^"]*\)".*/\1/p')
check "a job is accepted while the broker is down" test -n "$outage_id"
check "it waits while the broker is down" test "$(job_state "$outage_id")" == QUEUED
start_artemis >/dev/null
waited=0
until [[ "$(job_state "$outage_id")" == SUCCEEDED ]] || (( waited >= 90 )); do sleep 1; waited=$((waited + 1)); done
check "it completes once the broker is back, WildFly still running (${waited}s)" \
    test "$(job_state "$outage_id")" == SUCCEEDED
assets=$(PGPASSWORD=atelier psql -h 127.0.0.1 -p "$PG_PORT" -U atelier -d atelier -qAt \
    -c "SELECT count(*) FROM asset WHERE job_id = '$outage_id'")
check "and has exactly 1 asset (found $assets)" test "$assets" -eq 1

echo "crash-recovery: $passed passed, $failed failed"
(( failed == 0 ))
