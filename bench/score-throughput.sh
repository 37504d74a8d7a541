#!/usr/bin/env bash
# Scoring throughput: renders N MNIST test digits as photos of paper (JPEG and PNG, 100–500 px),
# then times `submit.sh score` over them, once per preprocessing mode.
#   bench/score-throughput.sh MODEL [N]      (MNIST from $MNIST_DIR, default data/mnist; N default 10000)
set -euo pipefail
cd "$(dirname "$0")/.."
model=${1:?usage: bench/score-throughput.sh MODEL [N]}
count=${2:-10000}
mnist=${MNIST_DIR:-data/mnist}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

mvn -q -B -DskipTests package test-compile
java -cp "target/test-classes:target/mnist-spark.jar:$(<target/spark-classpath.txt)" org.mnistspark.testing.RenderPhotos "$mnist" "$work/photos" "$count"
for mode in mnist seed; do
  /usr/bin/time -f "$mode: %e s wall, %M KB peak" \
    ./submit.sh score --model "$model" --input "$work/photos" --output "$work/$mode.parquet" --preprocess "$mode" \
    | grep -E 'files found|scoring'
done
