# Atelier's local services, sourced by ./atelier: PostgreSQL, Artemis, Keycloak, the CPU inference server and
# WildFly, each started from what Maven Central or Debian provides, with its state under .atelier/.
# Every start_* is idempotent: a service that already answers is left alone and reported as such.

ROOT=${ROOT:?ROOT must be set by ./atelier}
STATE="$ROOT/.atelier"
RUN="$STATE/run"
LOGS="$STATE/logs"
DOWNLOADS="$STATE/downloads"
mkdir -p "$RUN" "$LOGS" "$DOWNLOADS"

PG_PORT=${ATELIER_PG_PORT:-5432}
BROKER_PORT=61616
KEYCLOAK_PORT=8180
KEYCLOAK_URL="http://localhost:$KEYCLOAK_PORT"
TRITON_PORT=${ATELIER_TRITON_PORT:-8001}
WILDFLY_PORT=8080
WILDFLY_MANAGEMENT_PORT=9990

say() { printf '\033[1m==>\033[0m %s\n' "$*"; }
fail() { printf '\033[31mERROR:\033[0m %s\n' "$*" >&2; exit 1; }

# The one place versions live is the root pom.
pom_property() {
    sed -n "s:.*<$1>\(.*\)</$1>.*:\1:p" "$ROOT/pom.xml" | head -n 1
}

port_open() {
    (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

# wait_until SECONDS DESCRIPTION LOGFILE COMMAND... : polls COMMAND every second.
wait_until() {
    local limit=$1 what=$2 log=$3
    shift 3
    local waited=0
    until "$@"; do
        if (( waited >= limit )); then
            [[ -f "$log" ]] && tail -n 40 "$log" >&2
            fail "$what did not come up within ${limit}s (log: $log)"
        fi
        sleep 1
        waited=$((waited + 1))
    done
}

# Fetches a Maven Central artifact into .atelier/downloads and prints its path.
fetch_artifact() {
    local group=$1 artifact=$2 version=$3 type=$4 classifier=${5:-}
    local name="$artifact-$version${classifier:+-$classifier}.$type"
    if [[ ! -s "$DOWNLOADS/$name" ]]; then
        "$ROOT/mvnw" -B -q dependency:copy \
            -Dartifact="$group:$artifact:$version:$type${classifier:+:$classifier}" \
            -DoutputDirectory="$DOWNLOADS" >&2 || fail "could not fetch $group:$artifact:$version from Maven Central"
    fi
    printf '%s\n' "$DOWNLOADS/$name"
}

# A service's pid file names the server process itself (the JVM, the postmaster), never a launcher script: that
# process ending is the service being down, whatever happens to its launcher. Beside it, NAME.started holds that
# process's start time (clock ticks since boot), so that an unrelated process that later got the same pid (after a
# reboot, say) is not taken for the service.
proc_stat_field() { # PID INDEX: a field of /proc/PID/stat, counted from the one after the command name (0 = state)
    local stat fields
    stat=$(cat "/proc/$1/stat" 2>/dev/null) || return 1
    read -ra fields <<<"${stat##*) }"
    printf '%s\n' "${fields[$2]}"
}
proc_started() { proc_stat_field "$1" 19; }
proc_group() { proc_stat_field "$1" 2; }

record_pid() { # NAME PID
    local started
    started=$(proc_started "$2") || return 1
    echo "$2" >"$RUN/$1.pid"
    echo "$started" >"$RUN/$1.started"
}

forget_pid() { rm -f "$RUN/$1.pid" "$RUN/$1.started"; }

# Prints the pid of NAME's server when that very process still runs; fails otherwise.
service_pid() {
    local pid started
    pid=$(cat "$RUN/$1.pid" 2>/dev/null) && [[ "$pid" =~ ^[0-9]+$ ]] || return 1
    started=$(proc_started "$pid") || return 1
    [[ "$(proc_stat_field "$pid" 0)" != Z ]] || return 1  # dead, not yet reaped by its launcher
    if [[ -f "$RUN/$1.started" ]]; then
        [[ "$(cat "$RUN/$1.started")" == "$started" ]] || return 1
    fi  # a pid file without a start time comes from an older ./atelier: trust the pid
    printf '%s\n' "$pid"
}

pid_alive() { service_pid "$1" >/dev/null; }

# Services run in their own session (see launch), so stopping signals the server's whole process group: the server,
# its launcher script and anything else they started. Never this shell's own group.
stop_pid() {
    local name=$1 pid group
    if pid=$(service_pid "$name"); then
        group=$(proc_group "$pid") || group=""
        if [[ -n "$group" && "$group" != "$(proc_group $$)" ]]; then
            kill -TERM -- "-$group" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
        else
            kill -TERM "$pid" 2>/dev/null || true
        fi
        for _ in $(seq 1 30); do pid_alive "$name" || break; sleep 1; done
        if [[ -n "$group" && "$group" != "$(proc_group $$)" ]]; then
            kill -KILL -- "-$group" 2>/dev/null || true
        fi
        kill -KILL "$pid" 2>/dev/null || true
        say "$name stopped"
    fi
    forget_pid "$name"
}

# launch NAME LOG COMMAND...: starts COMMAND detached in a new session, output to LOG. Until record_server names
# the server, the pid file holds the launcher, which leads the session.
launch() {
    local name=$1 log=$2
    shift 2
    setsid nohup "$@" >"$log" 2>&1 </dev/null &
    record_pid "$name" $! || echo $! >"$RUN/$name.pid"
    disown  # its end is the service's business, not this shell's (no "Killed" notices)
}

# record_server NAME PROGRAM: once a launched service answers, records its server process: the oldest PROGRAM
# process in the launcher's session. That is the launcher itself where the script exec'd the JVM (Artemis, Keycloak
# after its build step) and a child where it did not (WildFly's standalone.sh waits for its java, and would leave it
# running, unwatched, if only the script's pid were known).
record_server() {
    local name=$1 program=$2 session pid
    session=$(cat "$RUN/$name.pid")
    pid=$(ps -s "$session" -o pid=,comm= --sort=start_time | awk -v program="$program" '$2 == program { print $1; exit }')
    [[ -n "$pid" ]] || fail "$name: no $program process runs in the session of its launcher (pid $session)"
    record_pid "$name" "$pid" || fail "$name: its $program process (pid $pid) ended"
}

# Who listens on a TCP port, for messages: "pid N (command)" where ss can tell.
port_owner() {
    local pid
    pid=$(ss -ltnpH "sport = :$1" 2>/dev/null | grep -o 'pid=[0-9]*' | head -n 1 | cut -d= -f2) || true
    if [[ -n "$pid" ]]; then
        printf 'pid %s (%s)\n' "$pid" "$(ps -o args= -p "$pid" 2>/dev/null | cut -c1-80)"
    else
        echo "a process ss cannot name"
    fi
}

# ---------------------------------------------------------------- PostgreSQL (Debian's server binaries)

pg_bin() {
    local dir
    dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
    if [[ -z "$dir" ]]; then
        if [[ $(id -u) == 0 ]] && command -v apt-get >/dev/null; then
            say "installing PostgreSQL (Debian package)" >&2
            apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >&2
            dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
        fi
        [[ -n "$dir" ]] || fail "PostgreSQL server binaries not found: install Debian's 'postgresql' package"
    fi
    printf '%s\n' "$dir"
}

# PostgreSQL refuses to run as root; as root we run it as the 'postgres' system user.
as_pg_user() {
    if [[ $(id -u) == 0 ]]; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

pg_sql() {
    local db=$1
    shift
    PGPASSWORD=ignored psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -d "$db" -v ON_ERROR_STOP=1 -qAt "$@"
}

start_postgres() {
    local data="$STATE/pg"
    if port_open "$PG_PORT"; then
        if pid_alive postgres || record_postmaster; then
            say "PostgreSQL already running on $PG_PORT"
        else
            say "port $PG_PORT already serves a PostgreSQL not started by Atelier; using it"
        fi
    else
        local bin
        bin=$(pg_bin)
        if [[ ! -f "$data/PG_VERSION" ]]; then
            mkdir -p "$data"
            [[ $(id -u) == 0 ]] && chown postgres "$data"
            as_pg_user "$bin/initdb" -D "$data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >"$LOGS/postgres-init.log" 2>&1 \
                || { cat "$LOGS/postgres-init.log" >&2; fail "initdb failed"; }
        fi
        touch "$LOGS/postgres.log"
        [[ $(id -u) == 0 ]] && chown postgres "$LOGS/postgres.log"
        as_pg_user "$bin/pg_ctl" -D "$data" -l "$LOGS/postgres.log" -w -t 60 \
            -o "-p $PG_PORT -k $data -c listen_addresses=127.0.0.1 -c max_connections=100" start >/dev/null \
            || { tail -n 20 "$LOGS/postgres.log" >&2; fail "PostgreSQL did not start"; }
        record_postmaster || fail "PostgreSQL started but its postmaster.pid names no running server"
        say "PostgreSQL started on 127.0.0.1:$PG_PORT (data: $data)"
    fi
    # The application's role and databases; creating them twice is harmless.
    pg_sql postgres -c "DO \$\$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'atelier') THEN
                         CREATE ROLE atelier LOGIN PASSWORD 'atelier'; END IF; END \$\$;" \
        || fail "could not create the 'atelier' role"
    local db
    for db in atelier atelier_test; do
        [[ $(pg_sql postgres -c "SELECT 1 FROM pg_database WHERE datname = '$db'") == 1 ]] \
            || pg_sql postgres -c "CREATE DATABASE $db OWNER atelier" || fail "could not create database $db"
    done
}

# pg_ctl returns once the postmaster runs; the postmaster (the server, parent of every backend) names itself in the
# first line of the data directory's postmaster.pid.
record_postmaster() {
    local pid
    pid=$(head -n 1 "$STATE/pg/postmaster.pid" 2>/dev/null) && [[ "$pid" =~ ^[0-9]+$ ]] || return 1
    [[ "$(ps -o comm= -p "$pid" 2>/dev/null)" == postgres ]] || return 1
    record_pid postgres "$pid"
}

stop_postgres() {
    if pid_alive postgres; then
        as_pg_user "$(pg_bin)/pg_ctl" -D "$STATE/pg" -m fast -w stop >/dev/null 2>&1 || stop_pid postgres
        forget_pid postgres
        say "PostgreSQL stopped"
    fi
}

# ---------------------------------------------------------------- Apache ActiveMQ Artemis

start_artemis() {
    if port_open "$BROKER_PORT"; then
        say "Artemis already running on $BROKER_PORT"
        return
    fi
    local version home instance="$STATE/artemis/broker"
    version=$(pom_property version.artemis)
    home="$STATE/artemis/apache-artemis-$version"
    if [[ ! -x "$home/bin/artemis" ]]; then
        local zip
        zip=$(fetch_artifact org.apache.activemq apache-artemis "$version" zip bin)
        mkdir -p "$STATE/artemis" && unzip -q -o "$zip" -d "$STATE/artemis"
    fi
    if [[ ! -d "$instance" ]]; then
        "$home/bin/artemis" create "$instance" --user atelier --password atelier --allow-anonymous --silent \
            --host 127.0.0.1 --http-host 127.0.0.1 >"$LOGS/artemis-create.log" 2>&1 \
            || { cat "$LOGS/artemis-create.log" >&2; fail "could not create the Artemis instance"; }
    fi
    launch artemis "$LOGS/artemis.log" "$instance/bin/artemis" run
    wait_until 60 "Artemis" "$LOGS/artemis.log" port_open "$BROKER_PORT"
    record_server artemis java
    say "Artemis started on 127.0.0.1:$BROKER_PORT (journal: $instance/data)"
}

stop_artemis() { stop_pid artemis; }

# ---------------------------------------------------------------- Keycloak

keycloak_ready() {
    curl -fsS -o /dev/null "$KEYCLOAK_URL/realms/atelier/.well-known/openid-configuration" 2>/dev/null
}

start_keycloak() {
    if keycloak_ready; then
        say "Keycloak already running on $KEYCLOAK_PORT"
        return
    fi
    port_open "$KEYCLOAK_PORT" && fail "port $KEYCLOAK_PORT is taken but serves no 'atelier' realm"
    local version home realm="$ROOT/deploy/keycloak/atelier-realm.json"
    version=$(pom_property version.keycloak)
    home="$STATE/keycloak/keycloak-$version"
    if [[ ! -x "$home/bin/kc.sh" ]]; then
        local zip
        zip=$(fetch_artifact org.keycloak keycloak-quarkus-dist "$version" zip)
        mkdir -p "$STATE/keycloak" && unzip -q -o "$zip" -d "$STATE/keycloak"
    fi
    # Keycloak skips the import of a realm that exists: start from a clean store when the realm file changed.
    local digest
    digest=$(sha256sum "$realm" | cut -d' ' -f1)
    if [[ "$(cat "$STATE/keycloak/realm.sha256" 2>/dev/null)" != "$digest" ]]; then
        rm -rf "$home/data/h2" "$home/data/import"
        echo "$digest" >"$STATE/keycloak/realm.sha256"
    fi
    mkdir -p "$home/data/import" && cp "$realm" "$home/data/import/atelier-realm.json"
    KC_BOOTSTRAP_ADMIN_USERNAME=admin KC_BOOTSTRAP_ADMIN_PASSWORD=admin JAVA_OPTS_KC_HEAP="-Xms64m -Xmx512m" \
        launch keycloak "$LOGS/keycloak.log" "$home/bin/kc.sh" start-dev --http-port="$KEYCLOAK_PORT" \
        --http-host=127.0.0.1 --hostname="$KEYCLOAK_URL" --import-realm
    wait_until 240 "Keycloak" "$LOGS/keycloak.log" keycloak_ready
    record_server keycloak java
    say "Keycloak started on $KEYCLOAK_URL (realm 'atelier' imported)"
}

stop_keycloak() { stop_pid keycloak; }

# ---------------------------------------------------------------- CPU inference server (KServe v2 over gRPC)

triton_jar() { printf '%s\n' "$ROOT/triton-models/local-server/target/atelier-local-triton.jar"; }

start_triton() {
    if port_open "$TRITON_PORT"; then
        say "inference server already running on $TRITON_PORT"
        return
    fi
    [[ -f "$(triton_jar)" ]] || fail "$(triton_jar) is missing: build with ./mvnw -B install -DskipTests"
    # It runs from a copy: a build (./atelier test rebuilds everything) rewrites the jar in target/ under it.
    mkdir -p "$STATE/triton" && cp "$(triton_jar)" "$STATE/triton/"
    launch triton "$LOGS/triton.log" java -Xmx512m -jar "$STATE/triton/$(basename "$(triton_jar)")" \
        --host 127.0.0.1 --port "$TRITON_PORT"
    wait_until 60 "CPU inference server" "$LOGS/triton.log" port_open "$TRITON_PORT"
    record_server triton java
    say "CPU inference server (procedural renderer, not a diffusion model) on 127.0.0.1:$TRITON_PORT"
}

stop_triton() { stop_pid triton; }

# ---------------------------------------------------------------- WildFly with the EAR

wildfly_deployed() {
    [[ -f "$STATE/wildfly/deployments/atelier.ear.deployed" ]]
}

wildfly_failed() {
    [[ -f "$STATE/wildfly/deployments/atelier.ear.failed" ]]
}

# While starting: the HTTP port answers, or the server has already gone.
wildfly_listening() {
    port_open "$WILDFLY_PORT" || ! pid_alive wildfly
}

# The EAR is deployed or failed, or the server has gone.
wildfly_settled() {
    wildfly_deployed || wildfly_failed || ! pid_alive wildfly
}

# The development C2PA signing key lives outside the repository and survives clean clones; production keys come
# from a configured keystore or PKCS#11 (docs/provenance.md).
SIGNING_KEYS="${ATELIER_SIGNING_KEYS:-$HOME/.local/share/atelier/provenance}"

ensure_signing_key() {
    bash "$ROOT/deploy/provenance/dev-signing-key.sh" "$SIGNING_KEYS" >/dev/null || fail "could not create the development signing key in $SIGNING_KEYS"
}

start_wildfly() {
    ensure_signing_key
    if pid_alive wildfly; then
        say "WildFly already running on $WILDFLY_PORT"
        return
    fi
    port_open "$WILDFLY_PORT" && fail "port $WILDFLY_PORT is taken by another program: $(port_owner "$WILDFLY_PORT")"
    local server="$ROOT/ear/target/server" home="$STATE/wildfly-server" base="$STATE/wildfly"
    [[ -x "$server/bin/standalone.sh" ]] || fail "no provisioned server in $server: build with ./mvnw -B install -DskipTests"
    # The portal runs a copy of the provisioned server: a build (./atelier test rebuilds everything) deletes and
    # provisions ear/target/server again, which must not pull the modules from under a running portal.
    # A fresh base directory per start: configuration comes from the build; state lives in PostgreSQL, Artemis
    # and the asset store (.atelier/assets), all outside it.
    rm -rf "$home" "$base" && cp -a "$server" "$home" && cp -r "$server/standalone" "$base"
    cp "$ROOT/ear/target/atelier.ear" "$base/deployments/"
    JAVA_OPTS="-Xms128m -Xmx1g -XX:MetaspaceSize=96M -XX:MaxMetaspaceSize=512m -Djava.net.preferIPv4Stack=true" \
        launch wildfly "$LOGS/wildfly.log" "$home/bin/standalone.sh" -Djboss.server.base.dir="$base" \
        -Datelier.keycloak.url="$KEYCLOAK_URL" -Datelier.inference.endpoints="127.0.0.1:$TRITON_PORT" \
        -Datelier.assets.dir="$STATE/assets" -Datelier.provenance.keystore="$SIGNING_KEYS/signing.p12"
    # standalone.sh runs the server JVM as its child (after short-lived 'java -version' probes): record the JVM
    # once it listens, then wait for the deployment.
    wait_until 180 "WildFly" "$LOGS/wildfly.log" wildfly_listening
    pid_alive wildfly || { tail -n 40 "$LOGS/wildfly.log" >&2; fail "WildFly exited while starting (log: $LOGS/wildfly.log)"; }
    record_server wildfly java
    wait_until 180 "WildFly" "$LOGS/wildfly.log" wildfly_settled
    if wildfly_failed; then
        cat "$base/deployments/atelier.ear.failed" >&2
        fail "the EAR failed to deploy (log: $LOGS/wildfly.log)"
    fi
    pid_alive wildfly || { tail -n 40 "$LOGS/wildfly.log" >&2; fail "WildFly exited while deploying (log: $LOGS/wildfly.log)"; }
    say "WildFly started on http://localhost:$WILDFLY_PORT with atelier.ear"
}

stop_wildfly() { stop_pid wildfly; }

# ---------------------------------------------------------------- the services together

SERVICES=(postgres artemis keycloak triton wildfly)  # in start order; each depends on those before it

service_port() {
    case $1 in
        postgres) echo "$PG_PORT" ;; artemis) echo "$BROKER_PORT" ;; keycloak) echo "$KEYCLOAK_PORT" ;;
        triton) echo "$TRITON_PORT" ;; wildfly) echo "$WILDFLY_PORT" ;;
    esac
}

# The services this checkout runs now, by name.
running_services() {
    local service found=()
    for service in "${SERVICES[@]}"; do pid_alive "$service" && found+=("$service"); done
    echo "${found[*]}"
}

# restore_services NAME...: after tests that start, stop and kill services, leaves running exactly the named ones
# (those that ran before): the others are stopped, and a named one that a test stopped or killed, or that a failing
# test left down, is started again. Meant for an EXIT trap, with the names expanded when the trap is set.
restore_services() {
    local keep=" $* " service index rc=0
    for (( index = ${#SERVICES[@]} - 1; index >= 0; index-- )); do
        service=${SERVICES[index]}
        [[ "$keep" == *" $service "* ]] || "stop_$service" || rc=1
    done
    for service in "${SERVICES[@]}"; do
        if [[ "$keep" == *" $service "* ]] && ! pid_alive "$service"; then
            say "starting $service again: it ran before the tests"
            ( "start_$service" ) >/dev/null || { printf 'could not start %s again\n' "$service" >&2; rc=1; }
        fi
    done
    return "$rc"
}

# ---------------------------------------------------------------- build

# Builds when the EAR, the server or the inference server jar is missing or older than a source file.
build_if_needed() {
    local ear="$ROOT/ear/target/atelier.ear"
    local stale=""
    if [[ ! -f "$ear" || ! -x "$ROOT/ear/target/server/bin/standalone.sh" || ! -f "$(triton_jar)" ]]; then
        stale=yes
    elif [[ -n $(find "$ROOT" -path "$ROOT/.atelier" -prune -o -path '*/target' -prune -o -path '*/node_modules' -prune \
            -o \( -path '*/src/*' -o -name pom.xml \) -type f -newer "$ear" -print -quit) ]]; then
        stale=yes
    fi
    if [[ -n "$stale" ]]; then
        say "building (./mvnw -B install -DskipTests)"
        "$ROOT/mvnw" -B -q install -DskipTests || fail "the build failed"
    fi
}
