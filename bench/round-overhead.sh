#!/usr/bin/env bash
# What an averaging round costs besides training, against the number of executors, on a standalone
# Spark cluster started here from the project's own Spark jars (a Master and one-core Workers on 127.0.0.1).
#
#   bench/round-overhead.sh [--repeats 3] [--rounds 20] [--frequency 5] [--executors "1 2 4 8"]
#                           [--output runs/round-overhead] LABEL=PROJECT_DIR...
#
# Each LABEL=PROJECT_DIR is a checkout of this project (its jar is built on first use), e.g.
# before=../main after=. to hold two versions against each other. For each repeat, executor count and
# project in turn, it trains --rounds rounds of N workers averaging every --frequency steps with Spark's
# event log on, then bench/round_overhead.py reads the event logs and the executors' logs and writes
# rounds.csv (one row a round) and summary.md (medians) into --output. Needs bash, java 17, python3, curl.
set -euo pipefail

repeats=3 rounds=20 frequency=5 executors="1 2 4 8" output=runs/round-overhead projects=()
while (($#)); do
  case "$1" in
    --repeats) repeats="$2"; shift 2 ;;
    --rounds) rounds="$2"; shift 2 ;;
    --frequency) frequency="$2"; shift 2 ;;
    --executors) executors="$2"; shift 2 ;;
    --output) output="$2"; shift 2 ;;
    *=*) projects+=("$1"); shift ;;
    *) echo "round-overhead.sh: unknown argument $1" >&2; exit 2 ;;
  esac
done
((${#projects[@]})) || { echo "round-overhead.sh: give at least one LABEL=PROJECT_DIR" >&2; exit 2; }
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
data="${MNIST_DIR:-data/mnist}"
mkdir -p "$output"
output="$(cd "$output" && pwd)"
data="$(cd "$data" && pwd)"

# Each project's jar, built if missing or older than its sources (submit.sh does that on any command).
for project in "${projects[@]}"; do
  "${project#*=}/submit.sh" train --help > /dev/null
done

# A Spark installation is a folder whose jars/ holds Spark's runtime: links to the first project's Maven jars.
first="$(cd "${projects[0]#*=}" && pwd)"
cluster="$output/cluster"
rm -rf "$cluster" && mkdir -p "$cluster/spark-home/jars" "$output/events" "$output/runs"
tr ':' '\n' < "$first/target/spark-classpath.txt" | xargs -I{} ln -sf {} "$cluster/spark-home/jars/"

# The daemons this script starts, and only those, are stopped when it ends.
daemons=()
stop() { for pid in "${daemons[@]}"; do kill "$pid" 2>/dev/null || true; done; }
trap stop EXIT
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
ui=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
daemon() {
  local name="$1"; shift
  # Executors take their native thread count from the application's settings, not from the daemons.
  env -u OMP_NUM_THREADS SPARK_HOME="$cluster/spark-home" SPARK_SCALA_VERSION=2.12 SPARK_LOCAL_IP=127.0.0.1 \
    java -Xmx512m -cp "$cluster/spark-home/jars/*" "$@" > "$cluster/$name.log" 2>&1 &
  daemons+=($!)
}
daemon master org.apache.spark.deploy.master.Master --host 127.0.0.1 --port "$port" --webui-port "$ui"
most=$(tr ' ' '\n' <<<"$executors" | sort -n | tail -1)
for ((i = 0; i < most; i++)); do
  mkdir -p "$cluster/work-$i"
  daemon "worker-$i" org.apache.spark.deploy.worker.Worker --host 127.0.0.1 --cores 1 --memory 2g --webui-port 0 \
    --work-dir "$cluster/work-$i" "spark://127.0.0.1:$port"
done
for ((wait = 0; wait < 180; wait++)); do
  alive=$(curl -sL "http://127.0.0.1:$ui/json/" | python3 -c 'import json, sys; print(sum(w["state"] == "ALIVE" for w in json.load(sys.stdin)["workers"]))' 2>/dev/null || echo 0)
  [[ "$alive" == "$most" ]] && break
  sleep 1
done
[[ "$alive" == "$most" ]] || { echo "round-overhead.sh: $alive of $most workers registered; see $cluster" >&2; exit 1; }

# Interleaved, so that what else the machine runs falls on every version alike.
for ((repeat = 1; repeat <= repeats; repeat++)); do
  for n in $executors; do
    for project in "${projects[@]}"; do
      label="${project%%=*}" dir="${project#*=}" name="${project%%=*}-$n-$repeat"
      mkdir -p "$output/events/$name"
      echo "$(date -u +%H:%M:%S) $label, $n executors, repeat $repeat" >&2
      echo "$name $(uptime)" >> "$output/load.txt"
      # One-core executors with a 1 GB heap: eight of them fit beside the driver on a small machine.
      "$dir/submit.sh" train --master "spark://127.0.0.1:$port" --total-executor-cores "$n" --executor-cores 1 \
        --executor-memory 1g --conf spark.eventLog.enabled=true --conf "spark.eventLog.dir=file://$output/events/$name" \
        --conf spark.scheduler.minRegisteredResourcesRatio=1.0 --conf spark.scheduler.maxRegisteredResourcesWaitingTime=120s \
        --data "$data" --output "$output/runs/$name" --mode overwrite --workers "$n" --averaging-frequency "$frequency" \
        --steps $((rounds * n * frequency)) --log-every $((rounds * n * frequency)) > "$output/runs/$name.out" 2> "$output/runs/$name.err"
    done
  done
done

lscpu > "$output/lscpu.txt"
python3 "$here/round_overhead.py" "$output"
