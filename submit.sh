#!/usr/bin/env bash
# Runs an mnist-spark command: ./submit.sh <train|evaluate|predict|score|download|bench> [options]; --help on each.
#
# The application jar goes to $SPARK_HOME/bin/spark-submit when SPARK_HOME is set; otherwise, for a cluster
# --master (spark://, yarn, k8s://), to Spark's own submit entry point run from this project's Spark jars.
# With neither, the command runs in this process on local[*] (or --master local[N]). --master,
# --deploy-mode, --conf and the executor/driver sizing options go to spark-submit, the rest to the command.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
jar="$here/target/mnist-spark.jar"
spark_classpath_file="$here/target/spark-classpath.txt"
defaults="$here/conf/spark-defaults.conf"
main=org.mnistspark.cli.Main

# Build on first use, and again whenever the sources or the pom are newer than the jar.
if [[ ! -f "$jar" || ! -f "$spark_classpath_file" || -n "$(find "$here/src/main" "$here/pom.xml" -newer "$jar" -print -quit)" ]]; then
  echo "building $jar..." >&2
  (cd "$here" && mvn -q -B -Dstyle.color=never -DskipTests package) >&2
fi
spark_jars=$(<"$spark_classpath_file")
# bench runs this script again for each measurement, and finds bench/ here.
export MNIST_SPARK_HOME="$here"

# A setting of conf/spark-defaults.conf, or nothing.
setting() { awk -v key="$1" '$1 == key { $1 = ""; sub(/^ +/, ""); print }' "$defaults"; }

submit_args=() app_args=() spark_app_args=() master="" driver_memory=$(setting spark.driver.memory) yarn_libraries=""
submit_options='master|deploy-mode|conf|executor-memory|executor-cores|num-executors|total-executor-cores|driver-memory|driver-cores'
while (($#)); do
  if [[ "$1" =~ ^--($submit_options)=(.*)$ ]]; then
    set -- "--${BASH_REMATCH[1]}" "${BASH_REMATCH[2]}" "${@:2}"
  fi
  if [[ "$1" =~ ^--($submit_options)$ ]]; then
    value="${2:?$1 needs a value}"
    submit_args+=("$1" "$value")
    case "$1" in
      --master) master="$value"; spark_app_args+=("$1" "$value") ;;
      --conf) spark_app_args+=("$1" "$value")
        if [[ "$value" =~ ^spark\.yarn\.(jars|archive)= ]]; then yarn_libraries=given; fi ;;
      --driver-memory) driver_memory="$value" ;;
    esac
    shift 2
  else
    app_args+=("$1"); shift
  fi
done

# Only for runs on this machine: the driver and its UI stay on loopback (see README, "How it runs").
local_conf=()
if [[ -z "$master" || "$master" == local* ]]; then
  local_conf=(spark.driver.host=127.0.0.1 spark.driver.bindAddress=127.0.0.1)
  export SPARK_LOCAL_IP="${SPARK_LOCAL_IP:-127.0.0.1}"
fi
# The width a redrawn progress line must fit in: shells do not export it, and Java cannot ask the terminal.
if [[ -t 0 && -t 1 && -z "${COLUMNS:-}" ]]; then
  COLUMNS=$(stty size 2>/dev/null | cut -d' ' -f2) || true
  export COLUMNS
fi
# The driver's own native threads: in local mode it runs the training tasks (one thread each is fastest).
export OMP_NUM_THREADS="${OMP_NUM_THREADS:-1}"
log_conf="-Dlog4j2.configurationFile=$here/conf/log4j2.properties"
read -r -a driver_options <<<"$log_conf $(setting spark.driver.extraJavaOptions)"

if [[ -n "${SPARK_HOME:-}" ]]; then
  exec "$SPARK_HOME/bin/spark-submit" --class "$main" --properties-file "$defaults" \
    --driver-java-options "${driver_options[*]}" "${local_conf[@]/#/--conf=}" "${submit_args[@]}" "$jar" "${app_args[@]}"
fi

# Without spark-submit's launcher the driver JVM needs the Java 17 module flags Spark relies on.
add_opens=()
for p in java.lang java.lang.invoke java.lang.reflect java.io java.net java.nio java.util java.util.concurrent \
         java.util.concurrent.atomic sun.nio.ch sun.nio.cs sun.security.action sun.util.calendar; do
  add_opens+=("--add-opens=java.base/$p=ALL-UNNAMED")
done
driver_jvm=(java ${JAVA_OPTS:-} ${driver_memory:+-Xmx$driver_memory} "${add_opens[@]}" "${driver_options[@]}")

if [[ -n "$master" && "$master" != local* ]]; then
  # YARN's containers need Spark itself: without an installation to take it from, the project's Spark jars,
  # uploaded with each application unless --conf spark.yarn.jars or spark.yarn.archive says where they are.
  if [[ "$master" == yarn && -z "$yarn_libraries" ]]; then
    submit_args+=(--conf "spark.yarn.jars=${spark_jars//:/,}")
  fi
  # As Spark's own launcher does: the cluster's client configuration (where YARN and HDFS are) on the class path.
  exec "${driver_jvm[@]}" -cp "${HADOOP_CONF_DIR:+$HADOOP_CONF_DIR:}${YARN_CONF_DIR:+$YARN_CONF_DIR:}$spark_jars" \
    org.apache.spark.deploy.SparkSubmit --class "$main" --properties-file "$defaults" "${submit_args[@]}" "$jar" "${app_args[@]}"
fi

# In-process: conf/spark-defaults.conf becomes spark.* system properties, which SparkConf reads; the command
# takes --master and --conf itself, and the executor sizing options mean nothing in local mode.
spark_props=()
while read -r key value; do
  [[ -z "$key" || "$key" == \#* ]] && continue
  spark_props+=("-D$key=$value")
done < <(cat "$defaults"; printf '%s\n' "${local_conf[@]/=/ }")
exec "${driver_jvm[@]}" "${spark_props[@]}" -cp "$jar:$spark_jars" "$main" "${app_args[@]}" "${spark_app_args[@]}"
