#!/usr/bin/env bash
# The benchmark (docs/benchmarks.md): load against a running system, then the table of figures and
# ratios. Start the system first, with the reference endpoint on and the rate limit out of the way:
#   REWARDS_BENCHMARK_ENDPOINTS=true REWARDS_RATE_LIMIT=1000000 REWARDS_MAX_LAG=0 ./run-local.sh
# Settings: BENCH_SECONDS (each measured phase, default 30), BENCH_BACKLOG (ledger backlog, default
# 200000), BENCH_BACKLOG_USERS (default 1000), REWARDS_API_URL, KAFKA_BOOTSTRAP_SERVERS, MONGODB_URI.
set -euo pipefail
cd "$(dirname "$0")"

data_dir="${REWARDS_DATA_DIR:-local-data}"
if [ -z "${REWARDS_API_KEY:-}" ] && [ -f "$data_dir/credentials.env" ]; then
  set -a; . "$data_dir/credentials.env"; set +a
fi
export BENCH_SECONDS="${BENCH_SECONDS:-30}"

echo "== building the load tool"
./mvnw -q -B -ntp install -DskipTests -pl load-tests -am
# awaited confirmations first, on a quiet system, then where their time went (each service's
# per-hop timings); then reads and live confirmation: the ingest phases leave the ledger a backlog
echo "== AwaitedSimulation (${BENCH_SECONDS}s phases)"
./mvnw -B -ntp gatling:test -pl load-tests -Dgatling.simulationClass=dev.rewards.load.AwaitedSimulation \
  | sed -n '/Global Information/,/=====/p'
./mvnw -q -B -ntp exec:java -pl load-tests -Dexec.mainClass=dev.rewards.load.HopSnapshot
for simulation in ReadSimulation ConfirmationSimulation ContentionSimulation IngestSimulation; do
  echo "== $simulation (${BENCH_SECONDS}s phases)"
  ./mvnw -B -ntp gatling:test -pl load-tests -Dgatling.simulationClass="dev.rewards.load.$simulation" \
    | sed -n '/Global Information/,/=====/p'
done
echo "== ledger backlog drain vs raw bulk insert"
./mvnw -q -B -ntp exec:java -pl load-tests -Dexec.mainClass=dev.rewards.load.LedgerBacklog 2>&1 | grep -v '^SLF4J'
echo "== results"
./mvnw -q -B -ntp exec:java -pl load-tests -Dexec.mainClass=dev.rewards.load.BenchReport
