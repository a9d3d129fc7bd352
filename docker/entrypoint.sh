#!/bin/sh
# Starts Kakehashi's WildFly in a container. Everything the server writes (its configuration copy, data,
# temporary files) goes under KAKEHASHI_RUNTIME_DIR (/tmp/kakehashi), so the rest of the filesystem can be
# read-only; on Kubernetes /tmp is an emptyDir volume.
set -eu

runtime="${KAKEHASHI_RUNTIME_DIR:-/tmp/kakehashi}"
mkdir -p "$runtime/data" "$runtime/log" "$runtime/tmp"
if [ ! -f "$runtime/configuration/kakehashi.xml" ]; then
    cp -R /opt/wildfly/standalone/configuration "$runtime/"
fi

# The address the other replicas reach this one at (Kubernetes passes the pod IP), and a node name of its own.
if [ -z "${KAKEHASHI_CLUSTER_ADDRESS:-}" ]; then
    KAKEHASHI_CLUSTER_ADDRESS="$(hostname -i | awk '{print $1}')"
fi
export KAKEHASHI_CLUSTER_ADDRESS
node="${KAKEHASHI_NODE_NAME:-$(hostname)}"

exec /opt/wildfly/bin/standalone.sh \
    -c kakehashi.xml \
    -b 0.0.0.0 -bmanagement 0.0.0.0 \
    -Djboss.node.name="$node" \
    -Djboss.server.config.dir="$runtime/configuration" \
    -Djboss.server.data.dir="$runtime/data" \
    -Djboss.server.log.dir="$runtime/log" \
    -Djboss.server.temp.dir="$runtime/tmp" \
    "$@"
