# Shared helpers for bin/rapport: build on demand, classpath, running Java entry points.
# Sourced, not executed.

: "${RAPPORT_HOME:?RAPPORT_HOME must be set}"
RAPPORT_VERSION="0.1.0-SNAPSHOT"
COMMON_JAR="$RAPPORT_HOME/common/target/rapport-common-$RAPPORT_VERSION.jar"
JOBS_JAR="$RAPPORT_HOME/jobs/target/rapport-jobs-$RAPPORT_VERSION.jar"
SHADED_JAR="$RAPPORT_HOME/jobs/target/rapport-jobs-$RAPPORT_VERSION-job.jar"
CLASSPATH_FILE="$RAPPORT_HOME/jobs/target/classpath.txt"

die() { echo "rapport: $*" >&2; exit 1; }

# True when a jar is missing or older than any source or pom it is built from.
needs_build() {
  local jar
  for jar in "$COMMON_JAR" "$JOBS_JAR" "$SHADED_JAR" "$CLASSPATH_FILE"; do
    [ -f "$jar" ] || return 0
  done
  [ -n "$(find "$RAPPORT_HOME/pom.xml" "$RAPPORT_HOME/common" "$RAPPORT_HOME/jobs" \
      \( -path '*/target' -prune \) -o -type f -newer "$CLASSPATH_FILE" -print -quit)" ]
}

# Builds the jars (tests skipped) and the runtime classpath, Flink included, when needed.
ensure_built() {
  [ "${RAPPORT_NO_BUILD:-0}" = 1 ] && return 0
  needs_build || return 0
  echo "rapport: building (./mvnw package -DskipTests)..." >&2
  (cd "$RAPPORT_HOME" && ./mvnw -q -B -DskipTests -Dspotless.check.skip=true package \
      dependency:build-classpath -Dmdep.includeScope=compile \
      -Dmdep.outputFile=target/classpath.txt >&2) || die "build failed"
  # common's own classpath file is not needed; jobs' includes common's dependencies.
}

# run_java MAIN_CLASS ARGS...: runs an entry point with Flink and the project on the classpath.
run_java() {
  local main="$1"; shift
  ensure_built
  local cp="$JOBS_JAR:$COMMON_JAR:$(cat "$CLASSPATH_FILE")"
  # shellcheck disable=SC2086
  exec java ${RAPPORT_JAVA_OPTS:-} \
    -Dlog4j.configurationFile="$RAPPORT_HOME/bin/lib/log4j2-cli.properties" \
    --add-opens=java.base/java.util=ALL-UNNAMED \
    --add-opens=java.base/java.lang=ALL-UNNAMED \
    --add-opens=java.base/java.lang.invoke=ALL-UNNAMED \
    --add-opens=java.base/java.nio=ALL-UNNAMED \
    --add-opens=java.base/sun.nio.ch=ALL-UNNAMED \
    --add-opens=java.base/java.time=ALL-UNNAMED \
    --add-opens=java.base/java.io=ALL-UNNAMED \
    --add-opens=java.base/java.net=ALL-UNNAMED \
    --add-opens=java.base/java.util.concurrent=ALL-UNNAMED \
    --add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED \
    --add-opens=java.base/java.lang.reflect=ALL-UNNAMED \
    --add-opens=java.base/java.text=ALL-UNNAMED \
    --add-opens=java.base/java.math=ALL-UNNAMED \
    --add-opens=java.sql/java.sql=ALL-UNNAMED \
    -cp "$cp" "$main" "$@"
}

# run_test_java MAIN_CLASS ARGS...: runs a benchmark kept with the tests of `common` (JMH is a
# test dependency), building the test classes and their classpath when needed.
run_test_java() {
  local main="$1"; shift
  local tcp="$RAPPORT_HOME/common/target/test-classpath.txt"
  if [ "${RAPPORT_NO_BUILD:-0}" != 1 ] && { [ ! -f "$tcp" ] || [ -n "$(find "$RAPPORT_HOME/pom.xml" \
      "$RAPPORT_HOME/common" \( -path '*/target' -prune \) -o -type f -newer "$tcp" -print -quit)" ]; }; then
    echo "rapport: building common's test classes..." >&2
    (cd "$RAPPORT_HOME" && ./mvnw -q -B -pl common -Dspotless.check.skip=true test-compile \
        dependency:build-classpath -Dmdep.includeScope=test \
        -Dmdep.outputFile=target/test-classpath.txt >&2) || die "build failed"
  fi
  # shellcheck disable=SC2086
  exec java ${RAPPORT_JAVA_OPTS:-} \
    -cp "$RAPPORT_HOME/common/target/test-classes:$RAPPORT_HOME/common/target/classes:$(cat "$tcp")" \
    "$main" "$@"
}

# run_alert_latency_bench [-Dbench.backlog=N] [-Dbench.seconds=S] [-Dbench.checkpoint=D]
#   [-Dbench.order-wait=D]: the alert latency benchmark needs the test fixtures (in-JVM Kafka broker,
# MiniCluster), so it runs through Maven's failsafe; its figures are the "[bench]" lines.
run_alert_latency_bench() {
  local out="$RAPPORT_HOME/jobs/target/failsafe-reports/io.rapport.jobs.alerts.AlertLatencyBenchmark-output.txt"
  rm -f "$out"
  (cd "$RAPPORT_HOME" && ./mvnw -q -B -pl jobs -am verify -Dtest=none -Dit.test=AlertLatencyBenchmark \
      -Dsurefire.failIfNoSpecifiedTests=false -Dfailsafe.failIfNoSpecifiedTests=false \
      -Dspotless.check.skip=true "$@" >&2) || { [ -f "$out" ] && grep -F '[bench]' "$out" >&2; die "benchmark failed"; }
  grep -F '[bench]' "$out"
}
