#!/usr/bin/env bash
# Runs an mnist-spark command: ./submit.sh <train|evaluate|predict|download> [options]; --help on each.
#
# With SPARK_HOME set, the job goes through that Spark's spark-submit (options --master, --deploy-mode,
# --conf and the executor/driver sizing options are handed to spark-submit). Otherwise it runs
# in-process from this project's own jars, on local[*] unless --master says otherwise.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
jar="$here/target/mnist-spark.jar"
classpath_file="$here/target/classpath.txt"
main=org.mnistspark.cli.Main

# Build on first use, and again whenever the sources or the pom are newer than the jar.
if [[ ! -f "$jar" || ! -f "$classpath_file" || -n "$(find "$here/src/main" "$here/pom.xml" -newer "$jar" -print -quit)" ]]; then
  echo "building $jar..." >&2
  (cd "$here" && mvn -q -B -Dstyle.color=never -DskipTests package) >&2
fi
dependencies=$(<"$classpath_file")

# Java 17 module flags Spark needs (spark-submit adds its own).
add_opens=()
for p in java.lang java.lang.invoke java.lang.reflect java.io java.net java.nio java.util java.util.concurrent \
         java.util.concurrent.atomic sun.nio.ch sun.nio.cs sun.security.action sun.util.calendar; do
  add_opens+=("--add-opens=java.base/$p=ALL-UNNAMED")
done
log_conf="-Dlog4j2.configurationFile=$here/conf/log4j2.properties"

if [[ -n "${SPARK_HOME:-}" ]]; then
  submit_args=() app_args=()
  while (($#)); do
    case "$1" in
      --master|--deploy-mode|--conf|--executor-memory|--executor-cores|--num-executors|--total-executor-cores|--driver-memory|--driver-cores)
        submit_args+=("$1" "${2:?$1 needs a value}"); shift 2 ;;
      --master=*|--deploy-mode=*|--conf=*|--executor-memory=*|--executor-cores=*|--num-executors=*|--total-executor-cores=*|--driver-memory=*|--driver-cores=*)
        submit_args+=("$1"); shift ;;
      *) app_args+=("$1"); shift ;;
    esac
  done
  # Spark and Scala come from the cluster's own installation.
  jars=$(tr ':' '\n' <<<"$dependencies" | grep -v -E '/(spark-[^/]*|scala-[^/]*)\.jar$' | paste -sd, -)
  exec "$SPARK_HOME/bin/spark-submit" --class "$main" --properties-file "$here/conf/spark-defaults.conf" \
    --driver-java-options "$log_conf" --jars "$jars" "${submit_args[@]}" "$jar" "${app_args[@]}"
fi

# In-process: conf/spark-defaults.conf becomes spark.* system properties, which SparkConf reads.
spark_props=()
while read -r key value; do
  [[ -z "$key" || "$key" == \#* ]] && continue
  spark_props+=("-D$key=$value")
done < "$here/conf/spark-defaults.conf"

export SPARK_LOCAL_IP="${SPARK_LOCAL_IP:-127.0.0.1}"
# local[*] runs one worker per core; ND4J would otherwise start several native threads per worker,
# which fight over the same cores (measured here: ~150 images/s with 1, ~120 with the default).
export OMP_NUM_THREADS="${OMP_NUM_THREADS:-1}"
exec java ${JAVA_OPTS:-} "${add_opens[@]}" "$log_conf" "${spark_props[@]}" -cp "$jar:$dependencies" "$main" "$@"
