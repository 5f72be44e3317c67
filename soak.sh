#!/usr/bin/env bash
# The soak run: at least 100,000 accepted commands over 2,000 users while the broker, the store,
# Redis and the service instances are killed outright, frozen and brought back, some faults
# overlapping; then every guarantee audited against a reference model. Not part of ./mvnw verify
# (it takes a good half hour on two cores). docs/reliability.md explains the report.
#
#   ./soak.sh                 a new random seed (printed first)
#   ./soak.sh <seed>          replay a seed's history
#   SOAK_COMMANDS=20000 SOAK_USERS=500 ./soak.sh    a shorter run
set -euo pipefail
cd "$(dirname "$0")"
seed_arg=()
if [ $# -gt 0 ]; then seed_arg=("-Dsoak.seed=$1"); fi
./mvnw -B -ntp -q install -DskipTests
exec ./mvnw -B -ntp verify -pl local-stack \
  -Dsoak=true "${seed_arg[@]}" \
  -Dsoak.commands="${SOAK_COMMANDS:-100000}" -Dsoak.users="${SOAK_USERS:-2000}" \
  -Dit.test=SoakIT -Dfailsafe.failIfNoSpecifiedTests=false \
  -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false
