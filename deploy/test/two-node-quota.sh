#!/usr/bin/env bash
# Two WildFly nodes of the provisioned server form an Infinispan cluster (JGroups on a private multicast address)
# and must share the quota counters: a workspace's daily image quota used up on one node is refused on the other.
# Needs PostgreSQL, Artemis and Keycloak running (./atelier up, or ./atelier test's services). Not part of
# ./atelier test yet (two more WildFly JVMs are heavy for a 2-core CI machine); run it by hand.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
export ROOT
# shellcheck source=../bin/services.sh
source "$ROOT/deploy/bin/services.sh"

WORK=${TWO_NODE_DIR:-$STATE/two-node}
MARSHALLER=${TWO_NODE_MARSHALLER:-}
rm -rf "$WORK" && mkdir -p "$WORK"
pg_sql postgres -c "DROP DATABASE IF EXISTS atelier_cluster WITH (FORCE)" -c "CREATE DATABASE atelier_cluster OWNER atelier"

pids=()
cleanup() { for p in "${pids[@]}"; do kill -TERM -- "-$p" 2>/dev/null || true; done; }
trap cleanup EXIT
for node in 1 2; do
    cp -r "$ROOT/ear/target/server/standalone" "$WORK/node$node"
    if [[ -n "$MARSHALLER" ]]; then
        sed -i "s/cache-container name=\"atelier\" default-cache=\"quotas\" marshaller=\"[A-Z]*\"/cache-container name=\"atelier\" default-cache=\"quotas\" marshaller=\"$MARSHALLER\"/" \
            "$WORK/node$node/configuration/standalone.xml"
    fi
    cp "$ROOT/ear/target/atelier.ear" "$WORK/node$node/deployments/"
    JAVA_OPTS="-Xms128m -Xmx768m -Djava.net.preferIPv4Stack=true" setsid nohup "$ROOT/ear/target/server/bin/standalone.sh" \
        -Djboss.server.base.dir="$WORK/node$node" -Djboss.node.name="node$node" \
        -Djboss.socket.binding.port-offset=$((400 + node * 100)) -Djboss.default.multicast.address=230.0.0.77 \
        -Datelier.db.url=jdbc:postgresql://127.0.0.1:5432/atelier_cluster -Datelier.broker.queue-prefix=atelier-cluster \
        -Datelier.keycloak.url="$KEYCLOAK_URL" -Datelier.inference.endpoints=127.0.0.1:8001 \
        -Datelier.assets.dir="$WORK/assets" >"$WORK/node$node.log" 2>&1 </dev/null &
    pids+=($!)
    # one after the other: the second joins the cluster the first formed
    wait_until 240 "node $node" "$WORK/node$node.log" bash -c "[[ -f '$WORK/node$node/deployments/atelier.ear.deployed' || -f '$WORK/node$node/deployments/atelier.ear.failed' ]]"
    [[ -f "$WORK/node$node/deployments/atelier.ear.deployed" ]] || fail "node $node did not deploy the EAR"
done

token() {
    curl -fsS "$KEYCLOAK_URL/realms/atelier/protocol/openid-connect/token" -d grant_type=password \
        -d client_id=atelier-api -d username="$1" -d password=demo | sed -n 's/.*"access_token":"\([^"]*\)".*/\1/p'
}
api() { printf 'http://localhost:%s/api/v1' $((8080 + 400 + $1 * 100)); }
submit() { # node count -> HTTP status
    curl -sS -o /dev/null -w '%{http_code}' -X POST "$(api "$1")/workspaces/cluster-quota/generations" \
        -H "Authorization: Bearer $designer" -H 'Content-Type: application/json' \
        -d "{\"models\":[\"sdxl\"],\"prompt\":\"two nodes $RANDOM\",\"width\":512,\"height\":512,\"steps\":1,\"count\":$2}"
}
admin=$(token admin)
curl -fsS -o /dev/null -X POST "$(api 1)/workspaces" -H "Authorization: Bearer $admin" -H 'Content-Type: application/json' \
    -d '{"slug":"cluster-quota","name":"Cluster quota","dailyImageQuota":4}'
curl -fsS -o /dev/null -X PUT "$(api 1)/workspaces/cluster-quota/members/designer" -H "Authorization: Bearer $admin" \
    -H 'Content-Type: application/json' -d '{"role":"designer"}'
designer=$(token designer)

first=$(submit 1 2); second=$(submit 2 2); third=$(submit 2 1); fourth=$(submit 1 1)
echo "node1 2 images: $first; node2 2 images: $second; node2 1 more: $third; node1 1 more: $fourth"
if [[ "$first $second $third $fourth" == "202 202 429 429" ]]; then
    echo "two-node-quota: 1 passed, 0 failed"
else
    echo "two-node-quota: 0 passed, 1 failed (expected 202 202 429 429)"
    grep -h -E "ERROR" "$WORK"/node*.log | tail -5 >&2
    exit 1
fi
