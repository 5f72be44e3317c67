#!/usr/bin/env bash
# Starts the whole Rewards system locally: builds it, then starts embedded Kafka, a Mongo-compatible
# store and Redis (unless ones are reachable at KAFKA_BOOTSTRAP_SERVERS, MONGODB_URI, REDIS_URL),
# the four services and the sample data. Ctrl-C stops everything. Needs only a JDK 17+.
set -euo pipefail
cd "$(dirname "$0")"

if [ "${SKIP_BUILD:-0}" != "1" ]; then
  echo "Building (the first run downloads dependencies and takes a few minutes; SKIP_BUILD=1 skips) ..."
  if ! ./mvnw -B -ntp -q -DskipTests package; then
    echo "ERROR: the build failed; run ./mvnw -DskipTests package to see why." >&2
    exit 1
  fi
fi

# The launcher's JVM holds the embedded broker and store, whose garbage is short-lived: a fixed 1 GB
# young generation collects it with less work than the collector's own sizing (docs/benchmarks.md,
# "The launcher's young generation"). LOCAL_STACK_JAVA_OPTS replaces it; set it empty for none.
exec java ${LOCAL_STACK_JAVA_OPTS--Xmn1g} -Drewards.home="$PWD" -jar local-stack/target/local-stack-*-exec.jar
