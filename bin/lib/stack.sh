# The local stack without Docker: a Kafka KRaft broker, a single-node Elasticsearch and a Flink
# session cluster (JobManager with web UI + one TaskManager), all on loopback, run from jars that
# the project's own Maven wrapper fetches from Maven Central into a cache outside the repository.
# Sourced by bin/rapport (`bin/rapport stack ...`), not executed. Needs RAPPORT_HOME and common.sh.

stack_usage() {
  cat <<'USAGE'
Usage: bin/rapport stack <command>

  up              start Kafka, Elasticsearch and Flink on loopback (idempotent), create the topics
                  and install the Elasticsearch index templates
  down [--purge]  stop everything (SIGTERM, then SIGKILL after a timeout); --purge also deletes
                  the stack's data, checkpoints and logs
  status          each service: running/stopped, pid, port, URL (exit 0 when all run, 3 otherwise)
  logs [SERVICE] [-f] [-n LINES]
                  the services' logs (kafka, elasticsearch, jobmanager, taskmanager)
  deps            fetch the stack's artifacts into the cache and install the end-to-end test's
                  tools (kcat; with apt-get when run as root)

Environment (defaults in brackets):
  RAPPORT_STACK_DIR               data, logs, pids [~/.local/share/rapport/stack; root: /var/lib/rapport/stack]
  RAPPORT_STACK_CACHE             downloaded artifacts [~/.cache/rapport/stack; root: /var/cache/rapport/stack]
  RAPPORT_STACK_HOST              address every service binds to [127.0.0.1]
  RAPPORT_KAFKA_PORT              Kafka client listener [9092]
  RAPPORT_KAFKA_CONTROLLER_PORT   Kafka KRaft controller listener [9093]
  RAPPORT_ES_PORT                 Elasticsearch HTTP [9200]
  RAPPORT_ES_TRANSPORT_PORT       Elasticsearch transport [9300]
  RAPPORT_FLINK_PORT              Flink REST API and web UI [8081]
  RAPPORT_FLINK_RPC_PORT          Flink JobManager RPC [6123]
  RAPPORT_FLINK_SLOTS             TaskManager slots [2]
  RAPPORT_FLINK_TM_MEMORY         TaskManager process size [1728m]
  RAPPORT_FLINK_JM_MEMORY         JobManager process size [1024m]
  RAPPORT_KAFKA_HEAP              Kafka heap [512m]
  RAPPORT_ES_HEAP                 Elasticsearch heap [512m]
  RAPPORT_TOPIC_PARTITIONS        partitions of each topic but the compacted rapport.clv-model [4]
  RAPPORT_STACK_TIMEOUT           seconds to wait for each service to be healthy [120]
  RAPPORT_STACK_STOP_TIMEOUT      seconds to wait after SIGTERM before SIGKILL [30]
  RAPPORT_ES_USER                 unprivileged user Elasticsearch runs as when started by root [rapport]
USAGE
}

STACK_SERVICES=(kafka elasticsearch jobmanager taskmanager)

stack_config() {
  local is_root=0
  [ "$(id -u)" = 0 ] && is_root=1
  STACK_IS_ROOT=$is_root
  if [ -z "${RAPPORT_STACK_DIR:-}" ]; then
    # Elasticsearch refuses to run as root, and its user cannot enter /root (mode 700): as root,
    # the stack lives in the system's own places for service data.
    if [ $is_root = 1 ]; then
      RAPPORT_STACK_DIR=/var/lib/rapport/stack
    else
      RAPPORT_STACK_DIR="${XDG_DATA_HOME:-$HOME/.local/share}/rapport/stack"
    fi
  fi
  if [ -z "${RAPPORT_STACK_CACHE:-}" ]; then
    if [ $is_root = 1 ] && [ -z "${XDG_CACHE_HOME:-}" ]; then
      RAPPORT_STACK_CACHE=/var/cache/rapport/stack
    else
      RAPPORT_STACK_CACHE="${XDG_CACHE_HOME:-$HOME/.cache}/rapport/stack"
    fi
  fi
  STATE="$RAPPORT_STACK_DIR"
  CACHE="$RAPPORT_STACK_CACHE"
  LOGS="$STATE/logs"
  RUN="$STATE/run"

  # The ports recorded by the last `up` win while any of its services runs, and always for
  # status/down/logs: those find the stack that runs even when called with another environment.
  if [ -f "$STATE/stack.env" ]; then
    local svc running=0
    for svc in "${STACK_SERVICES[@]}"; do
      svc_pid "$svc" >/dev/null && running=1
    done
    if [ "${1:-}" != up ] || [ $running = 1 ]; then
      # shellcheck disable=SC1091
      source "$STATE/stack.env"
    fi
  fi
  : "${RAPPORT_STACK_HOST:=127.0.0.1}"
  : "${RAPPORT_KAFKA_PORT:=9092}"
  : "${RAPPORT_KAFKA_CONTROLLER_PORT:=9093}"
  : "${RAPPORT_ES_PORT:=9200}"
  : "${RAPPORT_ES_TRANSPORT_PORT:=9300}"
  : "${RAPPORT_FLINK_PORT:=8081}"
  : "${RAPPORT_FLINK_RPC_PORT:=6123}"
  : "${RAPPORT_FLINK_SLOTS:=2}"
  : "${RAPPORT_FLINK_TM_MEMORY:=1728m}"
  : "${RAPPORT_FLINK_JM_MEMORY:=1024m}"
  : "${RAPPORT_KAFKA_HEAP:=512m}"
  : "${RAPPORT_ES_HEAP:=512m}"
  : "${RAPPORT_TOPIC_PARTITIONS:=4}"
  : "${RAPPORT_STACK_TIMEOUT:=120}"
  : "${RAPPORT_STACK_STOP_TIMEOUT:=30}"
  : "${RAPPORT_ES_USER:=rapport}"
  HOST="$RAPPORT_STACK_HOST"

  FLINK_VERSION="$(pom_property flink.version 2.2.0)"
  KAFKA_VERSION="$(pom_property kafka.version 4.2.0)"
  ES_VERSION="$(pom_property elasticsearch.version 8.19.8)"
  LOG4J_VERSION="$(pom_property log4j.version 2.24.3)"
  SLF4J_VERSION="$(pom_property slf4j.version 2.0.16)"
  KAFKA_LIB="$CACHE/kafka-$KAFKA_VERSION/lib"
  FLINK_LIB="$CACHE/flink-$FLINK_VERSION/lib"
  ES_HOME="$CACHE/elasticsearch-$ES_VERSION"

  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then
    JAVA="$JAVA_HOME/bin/java"
  else
    JAVA="$(command -v java || true)"
    [ -n "$JAVA" ] || die "java not found: install a JDK 17+ or set JAVA_HOME"
  fi
}

# pom_property NAME DEFAULT: a <properties> value of the root pom.
pom_property() {
  local v
  v="$(sed -n "s:.*<$1>\([^<]*\)</$1>.*:\1:p" "$RAPPORT_HOME/pom.xml" | head -n 1)"
  echo "${v:-$2}"
}

say() { echo "rapport stack: $*"; }

# ---------------------------------------------------------------------------------------------
# Artifacts

# Generates a tiny pom for one component; the Maven wrapper copies its runtime closure into lib/.
write_fetch_pom() {
  local name="$1" deps="$2"
  mkdir -p "$CACHE/poms/$name"
  cat >"$CACHE/poms/$name/pom.xml" <<POM
<?xml version="1.0" encoding="UTF-8"?>
<!-- Generated by bin/rapport stack: the jars of the local stack's $name. -->
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>io.rapport.stack</groupId>
  <artifactId>stack-$name</artifactId>
  <version>1</version>
  <packaging>pom</packaging>
  <dependencies>
$deps
    <dependency><groupId>org.apache.logging.log4j</groupId><artifactId>log4j-slf4j2-impl</artifactId><version>$LOG4J_VERSION</version></dependency>
    <dependency><groupId>org.apache.logging.log4j</groupId><artifactId>log4j-core</artifactId><version>$LOG4J_VERSION</version></dependency>
    <dependency><groupId>org.apache.logging.log4j</groupId><artifactId>log4j-1.2-api</artifactId><version>$LOG4J_VERSION</version></dependency>
    <!-- log4j-slf4j2-impl needs SLF4J 2; the components bring 1.7 -->
    <dependency><groupId>org.slf4j</groupId><artifactId>slf4j-api</artifactId><version>$SLF4J_VERSION</version></dependency>
  </dependencies>
</project>
POM
}

# mvn_fetch POM GOAL ARGS...: offline first (all in ~/.m2 already), online otherwise.
mvn_fetch() {
  local pom="$1"; shift
  local log="$CACHE/fetch.log"
  "$RAPPORT_HOME/mvnw" -q -B -o -f "$pom" "$@" >"$log" 2>&1 && return 0
  "$RAPPORT_HOME/mvnw" -q -B -f "$pom" "$@" >"$log" 2>&1 && return 0
  tail -n 30 "$log" >&2
  return 1
}

dep() { echo "    <dependency><groupId>$1</groupId><artifactId>$2</artifactId><version>$3</version></dependency>"; }

fetch_libs() {
  local name="$1" dir="$2" deps="$3"
  [ -f "$dir/.complete" ] && return 0
  say "fetching $name jars with the Maven wrapper (once, into $dir)"
  write_fetch_pom "$name" "$deps"
  rm -rf "$dir" && mkdir -p "$dir"
  mvn_fetch "$CACHE/poms/$name/pom.xml" \
    org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy-dependencies \
    -DincludeScope=runtime -DoutputDirectory="$dir" || die "could not fetch the $name jars (see $CACHE/fetch.log)"
  touch "$dir/.complete"
}

stack_fetch() {
  if [ -f "$KAFKA_LIB/.complete" ] && [ -f "$FLINK_LIB/.complete" ] && [ -f "$ES_HOME/.complete" ]; then
    return 0
  fi
  mkdir -p "$CACHE" || die "cannot create the cache $CACHE (set RAPPORT_STACK_CACHE)"
  # One fetch at a time per cache, whoever asks (several worktrees share it).
  exec 8>"$CACHE/.lock"
  command -v flock >/dev/null && flock 8
  local D="org.apache.flink"
  fetch_libs kafka "$KAFKA_LIB" "$(dep org.apache.kafka kafka_2.13 "$KAFKA_VERSION")"
  fetch_libs flink "$FLINK_LIB" "$(
    for a in flink-runtime flink-runtime-web flink-clients flink-streaming-java \
        flink-rpc-akka-loader flink-connector-base flink-statebackend-rocksdb; do
      dep "$D" "$a" "$FLINK_VERSION"
    done)"
  if [ ! -f "$ES_HOME/.complete" ]; then
    say "fetching Elasticsearch $ES_VERSION with the Maven wrapper (once, into $ES_HOME)"
    write_fetch_pom elasticsearch ""
    mkdir -p "$CACHE/download"
    mvn_fetch "$CACHE/poms/elasticsearch/pom.xml" \
      org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy \
      -Dartifact="org.elasticsearch.distribution.integ-test-zip:elasticsearch:$ES_VERSION:zip" \
      -DoutputDirectory="$CACHE/download" || die "could not fetch Elasticsearch (see $CACHE/fetch.log)"
    rm -rf "$ES_HOME" "$CACHE/es-unpack"
    mkdir -p "$CACHE/es-unpack"
    if command -v unzip >/dev/null; then
      unzip -q "$CACHE/download/elasticsearch-$ES_VERSION.zip" -d "$CACHE/es-unpack"
    else
      (cd "$CACHE/es-unpack" && "$(dirname "$JAVA")/jar" xf "$CACHE/download/elasticsearch-$ES_VERSION.zip")
    fi || die "could not unpack Elasticsearch"
    mv "$CACHE/es-unpack/elasticsearch-$ES_VERSION" "$ES_HOME"
    rmdir "$CACHE/es-unpack"
    chmod -R a+rX "$ES_HOME"
    chmod a+x "$ES_HOME"/bin/* 2>/dev/null || true
    rm -f "$CACHE/download/elasticsearch-$ES_VERSION.zip"
    touch "$ES_HOME/.complete"
  fi
  exec 8>&-
}

# ---------------------------------------------------------------------------------------------
# Processes

svc_port() {
  case "$1" in
    kafka) echo "$RAPPORT_KAFKA_PORT" ;;
    elasticsearch) echo "$RAPPORT_ES_PORT" ;;
    jobmanager) echo "$RAPPORT_FLINK_PORT" ;;
    taskmanager) echo "" ;;
  esac
}

svc_ports() {
  case "$1" in
    kafka) echo "$RAPPORT_KAFKA_PORT $RAPPORT_KAFKA_CONTROLLER_PORT" ;;
    elasticsearch) echo "$RAPPORT_ES_PORT $RAPPORT_ES_TRANSPORT_PORT" ;;
    jobmanager) echo "$RAPPORT_FLINK_PORT $RAPPORT_FLINK_RPC_PORT" ;;
    taskmanager) echo "" ;;
  esac
}

svc_url() {
  case "$1" in
    kafka) echo "$HOST:$RAPPORT_KAFKA_PORT" ;;
    elasticsearch) echo "http://$HOST:$RAPPORT_ES_PORT" ;;
    jobmanager) echo "http://$HOST:$RAPPORT_FLINK_PORT" ;;
    taskmanager) echo "$RAPPORT_FLINK_SLOTS slots" ;;
  esac
}

# svc_pid NAME: prints the pid of the running service (and succeeds) or fails. A pid counts only
# when its command line names this stack's state dir, so a recycled pid is not mistaken for it.
svc_pid() {
  local f="$RUN/$1.pid" pid
  [ -f "$f" ] || return 1
  pid="$(cat "$f" 2>/dev/null)"
  [ -n "$pid" ] && [ -r "/proc/$pid/cmdline" ] || return 1
  tr '\0' ' ' <"/proc/$pid/cmdline" | grep -qF -- "$STATE/" || return 1
  echo "$pid"
}

# port_user PORT: who listens on PORT (any address), e.g. "java (pid 123)"; fails when nobody.
port_user() {
  local port="$1" line
  if command -v ss >/dev/null; then
    line="$(ss -Hltnp "sport = :$port" 2>/dev/null | head -n 1)"
    [ -n "$line" ] || return 1
    local pid
    pid="$(echo "$line" | sed -n 's/.*users:(("[^"]*",pid=\([0-9]*\).*/\1/p')"
    if [ -n "$pid" ]; then
      echo "pid $pid: $(ps -o args= -p "$pid" 2>/dev/null | cut -c1-100)"
    else
      echo "another process"
    fi
    return 0
  fi
  if (exec 3<>"/dev/tcp/$HOST/$port") 2>/dev/null; then
    echo "another process"
    return 0
  fi
  return 1
}

# start_service NAME DIR CMD...: starts CMD in its own session, stdout+stderr to logs/NAME.log.
start_service() {
  local name="$1" dir="$2"; shift 2
  local log="$LOGS/$name.log"
  printf '\n===== %s: rapport stack starting %s =====\n' "$(date -u +%FT%TZ)" "$name" >>"$log"
  # The process writes its own pid (setsid may fork) and then becomes the service, in a new
  # session, so that `down` can signal its whole process group.
  rm -f "$RUN/$name.pid"
  # shellcheck disable=SC2016 # $$ and $@ are the child shell's
  (cd "$dir" && exec setsid bash -c 'echo $$ >"$0"; exec "$@"' "$RUN/$name.pid" "$@" \
    >>"$log" 2>&1 </dev/null) &
  local i
  for i in $(seq 1 50); do
    [ -s "$RUN/$name.pid" ] && return 0
    sleep 0.1
  done
  die "$name did not start (log: $log)"
}

log_tail() {
  local name="$1" n="${2:-40}"
  [ -f "$LOGS/$name.log" ] || return 0
  echo "----- last $n lines of $LOGS/$name.log -----" >&2
  tail -n "$n" "$LOGS/$name.log" >&2
  echo "-----" >&2
}

# stop_services NAME...: SIGTERM to each process group, wait, SIGKILL what is left.
stop_services() {
  local name pid pids=() names=()
  for name in "$@"; do
    if pid="$(svc_pid "$name")"; then
      if [ "$(ps -o pgid= -p "$pid" | tr -d ' ')" = "$pid" ]; then
        kill -TERM -- "-$pid" 2>/dev/null || true
      else
        kill -TERM "$pid" 2>/dev/null || true
      fi
      pids+=("$pid"); names+=("$name")
    fi
  done
  [ ${#pids[@]} -gt 0 ] || return 0
  local waited=0 alive i
  while :; do
    alive=0
    for pid in "${pids[@]}"; do
      kill -0 "$pid" 2>/dev/null && alive=1
    done
    [ $alive = 0 ] && break
    if [ $waited -ge $((RAPPORT_STACK_STOP_TIMEOUT * 2)) ]; then
      for i in "${!pids[@]}"; do
        if kill -0 "${pids[$i]}" 2>/dev/null; then
          say "${names[$i]} (pid ${pids[$i]}) did not stop within ${RAPPORT_STACK_STOP_TIMEOUT}s; killing it"
          kill -KILL -- "-${pids[$i]}" 2>/dev/null || kill -KILL "${pids[$i]}" 2>/dev/null || true
        fi
      done
      sleep 1
      break
    fi
    sleep 0.5
    waited=$((waited + 1))
  done
  for name in "${names[@]}"; do
    rm -f "$RUN/$name.pid"
    say "stopped $name"
  done
}

# ---------------------------------------------------------------------------------------------
# Configuration files

JVM_OPENS=(
  --add-exports=java.base/sun.net.util=ALL-UNNAMED
  --add-exports=java.rmi/sun.rmi.registry=ALL-UNNAMED
  --add-exports=java.security.jgss/sun.security.krb5=ALL-UNNAMED
  --add-opens=java.base/java.lang=ALL-UNNAMED
  --add-opens=java.base/java.net=ALL-UNNAMED
  --add-opens=java.base/java.io=ALL-UNNAMED
  --add-opens=java.base/java.nio=ALL-UNNAMED
  --add-opens=java.base/sun.nio.ch=ALL-UNNAMED
  --add-opens=java.base/java.lang.reflect=ALL-UNNAMED
  --add-opens=java.base/java.text=ALL-UNNAMED
  --add-opens=java.base/java.time=ALL-UNNAMED
  --add-opens=java.base/java.util=ALL-UNNAMED
  --add-opens=java.base/java.util.concurrent=ALL-UNNAMED
  --add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED
  --add-opens=java.base/java.util.concurrent.locks=ALL-UNNAMED
  --add-opens=java.base/java.math=ALL-UNNAMED
  --add-opens=java.sql/java.sql=ALL-UNNAMED
)

write_log4j_console() {
  cat >"$1" <<'LOG4J'
# Generated by bin/rapport stack: everything to stdout, which the stack sends to logs/<service>.log.
monitorInterval = 30
rootLogger.level = INFO
rootLogger.appenderRef.out.ref = Stdout
appender.out.type = Console
appender.out.name = Stdout
appender.out.layout.type = PatternLayout
appender.out.layout.pattern = %d{yyyy-MM-dd HH:mm:ss,SSS} %-5p %-50c{1.} [%t] - %m%n
logger.pekko.name = org.apache.pekko
logger.pekko.level = WARN
logger.netty.name = org.apache.flink.shaded.netty4
logger.netty.level = WARN
logger.zookeeper.name = org.apache.zookeeper
logger.zookeeper.level = WARN
logger.kafkaconfig.name = org.apache.kafka.common.config.AbstractConfig
logger.kafkaconfig.level = WARN
logger.consumerconfig.name = org.apache.kafka.clients.consumer.ConsumerConfig
logger.consumerconfig.level = WARN
logger.producerconfig.name = org.apache.kafka.clients.producer.ProducerConfig
logger.producerconfig.level = WARN
logger.adminconfig.name = org.apache.kafka.clients.admin.AdminClientConfig
logger.adminconfig.level = WARN
logger.kafkaappinfo.name = org.apache.kafka.common.utils.AppInfoParser
logger.kafkaappinfo.level = WARN
logger.kafkarequest.name = kafka.request.logger
logger.kafkarequest.level = WARN
LOG4J
}

write_kafka_config() {
  local d="$STATE/kafka"
  mkdir -p "$d/data"
  cat >"$d/server.properties" <<PROPS
# Generated by bin/rapport stack up: a single KRaft node, broker and controller in one process.
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@$HOST:$RAPPORT_KAFKA_CONTROLLER_PORT
listeners=PLAINTEXT://$HOST:$RAPPORT_KAFKA_PORT,CONTROLLER://$HOST:$RAPPORT_KAFKA_CONTROLLER_PORT
advertised.listeners=PLAINTEXT://$HOST:$RAPPORT_KAFKA_PORT
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT
log.dirs=$d/data
num.partitions=$RAPPORT_TOPIC_PARTITIONS
offsets.topic.replication.factor=1
offsets.topic.num.partitions=8
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
transaction.state.log.num.partitions=8
# Flink's exactly-once Kafka sink may ask for long transaction timeouts.
transaction.max.timeout.ms=3600000
group.initial.rebalance.delay.ms=0
# Records carry their event times as timestamps, and generated or replayed data is often older
# than the default 7-day retention, which would delete it minutes after it is written. Keep
# records by size only (1 GiB per partition) on this development stack.
log.retention.ms=-1
log.retention.bytes=1073741824
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
PROPS
  write_log4j_console "$d/log4j2.properties"
}

write_es_config() {
  local d="$STATE/elasticsearch"
  mkdir -p "$d/data" "$d/logs" "$d/tmp"
  if [ ! -f "$d/config/jvm.options" ]; then
    rm -rf "$d/config"
    cp -R "$ES_HOME/config" "$d/config"
  fi
  cat >"$d/config/elasticsearch.yml" <<YAML
# Generated by bin/rapport stack up: one node on loopback, security off (local development only).
cluster.name: rapport-local
node.name: rapport-local
discovery.type: single-node
network.host: $HOST
http.port: $RAPPORT_ES_PORT
transport.port: $RAPPORT_ES_TRANSPORT_PORT
path.data: $d/data
path.logs: $d/logs
xpack.security.enabled: false
action.destructive_requires_name: false
# A laptop's disk is often more than 90% full; do not turn the indices read-only for that.
cluster.routing.allocation.disk.threshold_enabled: false
YAML
  if [ "$STACK_IS_ROOT" = 1 ]; then
    chown -R "$RAPPORT_ES_USER:" "$d"
  fi
}

write_flink_config() {
  local d="$STATE/flink"
  mkdir -p "$d/conf" "$d/checkpoints" "$d/savepoints" "$d/tmp" "$d/web-upload" "$d/plugins"
  cat >"$d/conf/config.yaml" <<YAML
# Generated by bin/rapport stack up: a session cluster on loopback, RocksDB state, checkpoints on
# local disk under the stack's state dir.
jobmanager.rpc.address: $HOST
jobmanager.rpc.port: $RAPPORT_FLINK_RPC_PORT
jobmanager.bind-host: $HOST
jobmanager.memory.process.size: $RAPPORT_FLINK_JM_MEMORY
jobmanager.execution.failover-strategy: region
taskmanager.host: $HOST
taskmanager.bind-host: $HOST
taskmanager.numberOfTaskSlots: $RAPPORT_FLINK_SLOTS
taskmanager.memory.process.size: $RAPPORT_FLINK_TM_MEMORY
taskmanager.resource-id: rapport-local-tm-1
parallelism.default: 1
rest.address: $HOST
rest.bind-address: $HOST
rest.port: $RAPPORT_FLINK_PORT
web.upload.dir: $d/web-upload
web.submit.enable: true
web.cancel.enable: true
state.backend.type: rocksdb
execution.checkpointing.dir: file://$d/checkpoints
execution.checkpointing.savepoint-dir: file://$d/savepoints
execution.checkpointing.incremental: true
execution.checkpointing.num-retained: 2
# Keep the last checkpoints of a cancelled (or stopped-with-the-stack) job: resume with
#   bin/rapport submit --from-savepoint <state>/flink/checkpoints/<job id>/chk-<n> ...
execution.checkpointing.externalized-checkpoint-retention: RETAIN_ON_CANCELLATION
io.tmp.dirs: $d/tmp
YAML
  write_log4j_console "$d/conf/log4j-console.properties"
}

# flink_resource_params JM|TM: Flink's own computation of the process's JVM memory flags (line 1)
# and the dynamic configuration that goes with them (line 2), as Flink's bin scripts do.
flink_resource_params() {
  local out
  out="$("$JAVA" -cp "$FLINK_LIB/*" -Dlog4j2.configurationFile="$RAPPORT_HOME/bin/lib/log4j2-cli.properties" \
    org.apache.flink.runtime.util.bash.BashJavaUtils "GET_$1_RESOURCE_PARAMS" \
    --configDir "$STATE/flink/conf" 2>&1)" || { echo "$out" >&2; return 1; }
  out="$(echo "$out" | grep '^BASH_JAVA_UTILS_EXEC_RESULT:' | sed 's/^BASH_JAVA_UTILS_EXEC_RESULT://')"
  [ "$(echo "$out" | wc -l)" = 2 ] || { echo "unexpected output of BashJavaUtils: $out" >&2; return 1; }
  echo "$out"
}

# ---------------------------------------------------------------------------------------------
# Starting

ensure_es_user() {
  [ "$STACK_IS_ROOT" = 1 ] || return 0
  if ! id -u "$RAPPORT_ES_USER" >/dev/null 2>&1; then
    say "creating system user '$RAPPORT_ES_USER' for Elasticsearch (it refuses to run as root)"
    useradd --system --user-group --no-create-home --home-dir /nonexistent \
      --shell /usr/sbin/nologin "$RAPPORT_ES_USER" 2>/dev/null ||
      id -u "$RAPPORT_ES_USER" >/dev/null 2>&1 || die "could not create user $RAPPORT_ES_USER"
  fi
}

# as_es_user CMD...: CMD as the Elasticsearch user when root, as is otherwise.
as_es_user() {
  if [ "$STACK_IS_ROOT" = 1 ]; then
    if command -v setpriv >/dev/null; then
      setpriv --reuid="$RAPPORT_ES_USER" --regid="$RAPPORT_ES_USER" --init-groups "$@"
    else
      runuser -u "$RAPPORT_ES_USER" -- "$@"
    fi
  else
    "$@"
  fi
}

check_es_access() {
  [ "$STACK_IS_ROOT" = 1 ] || return 0
  if ! as_es_user test -r "$ES_HOME/lib" -a -w "$STATE/elasticsearch/data"; then
    die "Elasticsearch runs as user '$RAPPORT_ES_USER', which cannot reach $ES_HOME or $STATE/elasticsearch
  (a parent directory is not searchable by others, e.g. /root). Put RAPPORT_STACK_DIR and
  RAPPORT_STACK_CACHE where that user can enter them (defaults for root: /var/lib/rapport/stack,
  /var/cache/rapport/stack)."
  fi
}

start_kafka() {
  local d="$STATE/kafka"
  if [ ! -f "$d/data/meta.properties" ]; then
    local id=-
    while [ "${id:0:1}" = - ]; do
      id="$(head -c 16 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=')"
    done
    "$JAVA" -cp "$KAFKA_LIB/*" -Dlog4j2.configurationFile="$RAPPORT_HOME/bin/lib/log4j2-cli.properties" \
      kafka.tools.StorageTool format -t "$id" -c "$d/server.properties" >>"$LOGS/kafka.log" 2>&1 ||
      { log_tail kafka; die "could not format Kafka's storage in $d/data"; }
  fi
  start_service kafka "$d" "$JAVA" -Xms"$RAPPORT_KAFKA_HEAP" -Xmx"$RAPPORT_KAFKA_HEAP" \
    -XX:+UseG1GC -XX:MaxGCPauseMillis=20 -Djava.awt.headless=true \
    -Dlog4j2.configurationFile="$d/log4j2.properties" -Dkafka.logs.dir="$LOGS" \
    -cp "$KAFKA_LIB/*" kafka.Kafka "$d/server.properties"
}

start_elasticsearch() {
  local d="$STATE/elasticsearch" java_home
  java_home="$(dirname "$(dirname "$(readlink -f "$JAVA")")")"
  local cmd=("$ES_HOME/bin/elasticsearch")
  if [ "$STACK_IS_ROOT" = 1 ]; then
    if command -v setpriv >/dev/null; then
      cmd=(setpriv --reuid="$RAPPORT_ES_USER" --regid="$RAPPORT_ES_USER" --init-groups "${cmd[@]}")
    else
      cmd=(runuser -u "$RAPPORT_ES_USER" -- "${cmd[@]}")
    fi
  fi
  start_service elasticsearch "$d" env -u JAVA_HOME -u JAVA_TOOL_OPTIONS -u _JAVA_OPTIONS \
    ES_PATH_CONF="$d/config" ES_TMPDIR="$d/tmp" ES_JAVA_HOME="$java_home" \
    ES_JAVA_OPTS="-Xms$RAPPORT_ES_HEAP -Xmx$RAPPORT_ES_HEAP" "${cmd[@]}"
}

start_flink() {
  local role="$1" main params jvm dyn
  local d="$STATE/flink"
  case "$role" in
    jobmanager) main=org.apache.flink.runtime.entrypoint.StandaloneSessionClusterEntrypoint
                params="$(flink_resource_params JM)" || die "could not compute the JobManager's memory" ;;
    taskmanager) main=org.apache.flink.runtime.taskexecutor.TaskManagerRunner
                params="$(flink_resource_params TM)" || die "could not compute the TaskManager's memory" ;;
  esac
  jvm="$(echo "$params" | head -n 1)"
  dyn="$(echo "$params" | tail -n 1)"
  # shellcheck disable=SC2086 # the JVM flags and dynamic configs are space-separated lists
  start_service "$role" "$d" "$JAVA" $jvm "${JVM_OPENS[@]}" -Djava.io.tmpdir="$d/tmp" \
    -Dlog.file="$LOGS/$role.log" -Dlog4j.configurationFile="file:$d/conf/log4j-console.properties" \
    -cp "$FLINK_LIB/*" "$main" --configDir "$d/conf" $dyn
}

# ---------------------------------------------------------------------------------------------
# Health

es_healthy() {
  curl -fsS -m 3 "http://$HOST:$RAPPORT_ES_PORT/_cluster/health?wait_for_status=yellow&timeout=2s" >/dev/null 2>&1
}

jm_healthy() {
  curl -fsS -m 3 "http://$HOST:$RAPPORT_FLINK_PORT/overview" >/dev/null 2>&1
}

tm_healthy() {
  curl -fsS -m 3 "http://$HOST:$RAPPORT_FLINK_PORT/overview" 2>/dev/null | grep -Eq '"taskmanagers":[1-9]'
}

kafka_healthy() {
  (exec 3<>"/dev/tcp/$HOST/$RAPPORT_KAFKA_PORT") 2>/dev/null
}

# wait_healthy NAME CHECK: polls CHECK until it succeeds, the process dies or the timeout passes.
wait_healthy() {
  local name="$1" check="$2" start=$SECONDS
  while ! "$check"; do
    if ! svc_pid "$name" >/dev/null; then
      log_tail "$name" 60
      echo "rapport stack: $name exited during startup (log: $LOGS/$name.log)" >&2
      return 1
    fi
    if [ $((SECONDS - start)) -ge "$RAPPORT_STACK_TIMEOUT" ]; then
      log_tail "$name" 60
      echo "rapport stack: $name not healthy after ${RAPPORT_STACK_TIMEOUT}s (log: $LOGS/$name.log)" >&2
      return 1
    fi
    sleep 0.5
  done
  say "$name ready ($(svc_url "$name"))"
}

# ---------------------------------------------------------------------------------------------
# Setup: topics and index templates

STACK_INPUT_TOPICS=(social.mentions crm.customers crm.transactions crm.activities)
STACK_OUTPUT_TOPICS=(rapport.alerts rapport.deadletter rapport.merges rapport.alert-status)
STACK_COMPACTED_TOPICS=(rapport.clv-model)

create_topics() {
  local specs=() t
  for t in "${STACK_INPUT_TOPICS[@]}" "${STACK_OUTPUT_TOPICS[@]}"; do
    specs+=("$t:$RAPPORT_TOPIC_PARTITIONS")
  done
  for t in "${STACK_COMPACTED_TOPICS[@]}"; do
    specs+=("$t:1:compact")
  done
  "$JAVA" -cp "$KAFKA_LIB/*" -Dlog4j2.configurationFile="$RAPPORT_HOME/bin/lib/log4j2-cli.properties" \
    "$RAPPORT_HOME/bin/lib/KafkaTopics.java" --bootstrap "$HOST:$RAPPORT_KAFKA_PORT" \
    --timeout "$RAPPORT_STACK_TIMEOUT" "${specs[@]}"
}

install_index_templates() {
  local f name out n=0
  for f in "$RAPPORT_HOME"/dashboards/elasticsearch/index-templates/*.json; do
    [ -f "$f" ] || continue
    name="$(basename "$f" .json)"
    if ! out="$(curl -sS -m 30 -X PUT "http://$HOST:$RAPPORT_ES_PORT/_index_template/$name" \
        -H 'Content-Type: application/json' --data-binary "@$f" -w '\n%{http_code}')" ||
        [ "$(echo "$out" | tail -n 1)" != 200 ]; then
      echo "rapport stack: index template $name was refused: $out" >&2
      return 1
    fi
    n=$((n + 1))
  done
  say "installed $n Elasticsearch index templates"
}

# ---------------------------------------------------------------------------------------------
# Commands

stack_up() {
  local name p who conflicts=""
  local all_running=1
  for name in "${STACK_SERVICES[@]}"; do
    svc_pid "$name" >/dev/null || all_running=0
  done
  if [ $all_running = 1 ] && [ -f "$RUN/setup.done" ]; then
    say "already running (state dir $STATE)"
    stack_status
    return 0
  fi

  stack_fetch
  mkdir -p "$STATE" "$LOGS" "$RUN"
  touch "$STATE/.rapport-stack"

  # Ports first, for everything that is not running yet: fail before starting anything.
  for name in "${STACK_SERVICES[@]}"; do
    svc_pid "$name" >/dev/null && continue
    for p in $(svc_ports "$name"); do
      if who="$(port_user "$p")"; then
        conflicts+="  port $p ($name) is taken by $who"$'\n'
      fi
    done
  done
  if [ -n "$conflicts" ]; then
    printf 'rapport stack: cannot start, ports in use:\n%s' "$conflicts" >&2
    echo "  Stop what uses them, or choose other ports (bin/rapport stack --help lists the variables)." >&2
    exit 1
  fi

  cat >"$STATE/stack.env" <<ENV
# Written by bin/rapport stack up; read by status, down and logs.
RAPPORT_STACK_HOST=$HOST
RAPPORT_KAFKA_PORT=$RAPPORT_KAFKA_PORT
RAPPORT_KAFKA_CONTROLLER_PORT=$RAPPORT_KAFKA_CONTROLLER_PORT
RAPPORT_ES_PORT=$RAPPORT_ES_PORT
RAPPORT_ES_TRANSPORT_PORT=$RAPPORT_ES_TRANSPORT_PORT
RAPPORT_FLINK_PORT=$RAPPORT_FLINK_PORT
RAPPORT_FLINK_RPC_PORT=$RAPPORT_FLINK_RPC_PORT
RAPPORT_FLINK_SLOTS=$RAPPORT_FLINK_SLOTS
ENV

  local t0=$SECONDS
  # Whatever stops this `up` early (a failed start, a timeout, Ctrl-C) stops what it started.
  STACK_STARTED=()
  trap stack_up_abort EXIT
  # Elasticsearch takes longest: first.
  if ! svc_pid elasticsearch >/dev/null; then
    ensure_es_user; write_es_config; check_es_access; start_elasticsearch; STACK_STARTED+=(elasticsearch)
  else say "elasticsearch already running"; fi
  if ! svc_pid kafka >/dev/null; then
    write_kafka_config; start_kafka; STACK_STARTED+=(kafka)
  else say "kafka already running"; fi
  if ! svc_pid jobmanager >/dev/null || ! svc_pid taskmanager >/dev/null; then
    write_flink_config
  fi
  if ! svc_pid jobmanager >/dev/null; then
    start_flink jobmanager; STACK_STARTED+=(jobmanager)
  else say "jobmanager already running"; fi
  if ! svc_pid taskmanager >/dev/null; then
    start_flink taskmanager; STACK_STARTED+=(taskmanager)
  else say "taskmanager already running"; fi
  if [ ${#STACK_STARTED[@]} -gt 0 ]; then
    say "started ${STACK_STARTED[*]}; waiting for them (timeout ${RAPPORT_STACK_TIMEOUT}s each)"
  fi

  rm -f "$RUN/setup.done"
  if ! wait_healthy kafka kafka_healthy || ! wait_healthy elasticsearch es_healthy ||
      ! wait_healthy jobmanager jm_healthy || ! wait_healthy taskmanager tm_healthy; then
    exit 1
  fi
  create_topics || { log_tail kafka; die "could not create the topics"; }
  install_index_templates || { log_tail elasticsearch; die "could not install the index templates"; }
  touch "$RUN/setup.done"
  STACK_STARTED=()
  trap - EXIT
  say "up in $((SECONDS - t0))s"
  stack_status
}

stack_up_abort() {
  local rc=$?
  trap - EXIT
  if [ ${#STACK_STARTED[@]} -gt 0 ]; then
    say "stopping what this run started: ${STACK_STARTED[*]} (logs in $LOGS)" >&2
    stop_services "${STACK_STARTED[@]}" >&2
  fi
  exit $rc
}

stack_down() {
  local purge=0
  while [ $# -gt 0 ]; do
    case "$1" in
      --purge) purge=1 ;;
      *) die "stack down: unknown option $1" ;;
    esac
    shift
  done
  local running=()
  for name in taskmanager jobmanager kafka elasticsearch; do
    svc_pid "$name" >/dev/null && running+=("$name")
  done
  if [ ${#running[@]} -eq 0 ]; then
    say "not running"
  else
    stop_services "${running[@]}"
  fi
  rm -f "$RUN"/*.pid "$RUN/setup.done" 2>/dev/null || true
  if [ $purge = 1 ] && [ -d "$STATE" ]; then
    if [ -f "$STATE/.rapport-stack" ]; then
      rm -rf "$STATE"
      say "purged $STATE"
    else
      die "not purging $STATE: it has no .rapport-stack marker, so it may not be a stack dir"
    fi
  fi
}

stack_status() {
  local name pid state all=0 port
  printf '%-14s %-8s %-8s %-6s %s\n' SERVICE STATE PID PORT URL
  for name in "${STACK_SERVICES[@]}"; do
    port="$(svc_port "$name")"
    if pid="$(svc_pid "$name")"; then
      state=running
    else
      state=stopped; pid=-; all=3
    fi
    printf '%-14s %-8s %-8s %-6s %s\n' "$name" "$state" "$pid" "${port:--}" "$(svc_url "$name")"
  done
  echo "state dir: $STATE"
  echo "logs:      $LOGS/{kafka,elasticsearch,jobmanager,taskmanager}.log"
  [ $all = 0 ] && echo "Flink web UI: http://$HOST:$RAPPORT_FLINK_PORT"
  return $all
}

stack_logs() {
  local services=() follow=0 n=100
  while [ $# -gt 0 ]; do
    case "$1" in
      -f|--follow) follow=1 ;;
      -n) n="$2"; shift ;;
      kafka|elasticsearch|jobmanager|taskmanager) services+=("$1") ;;
      es) services+=(elasticsearch) ;;
      jm) services+=(jobmanager) ;;
      tm) services+=(taskmanager) ;;
      *) die "stack logs: unknown service or option $1" ;;
    esac
    shift
  done
  [ ${#services[@]} -gt 0 ] || services=("${STACK_SERVICES[@]}")
  local files=() s
  for s in "${services[@]}"; do
    [ -f "$LOGS/$s.log" ] && files+=("$LOGS/$s.log")
  done
  [ ${#files[@]} -gt 0 ] || die "no logs in $LOGS"
  if [ $follow = 1 ]; then
    exec tail -n "$n" -F "${files[@]}"
  fi
  tail -n "$n" "${files[@]}"
}

stack_deps() {
  stack_fetch
  say "stack artifacts are in $CACHE"
  command -v curl >/dev/null || die "curl is required"
  if command -v kcat >/dev/null || command -v kafkacat >/dev/null; then
    say "kcat: $(command -v kcat || command -v kafkacat)"
    return 0
  fi
  if [ "$STACK_IS_ROOT" = 1 ] && command -v apt-get >/dev/null; then
    say "installing kcat with apt-get"
    if ! { DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null &&
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq kcat >/dev/null; }; then
      die "apt-get install kcat failed"
    fi
    say "kcat: $(command -v kcat)"
  else
    die "kcat (a Kafka command-line client) is needed by the end-to-end test and is not installed.
  Debian/Ubuntu: sudo apt-get install kcat    Fedora: sudo dnf install kcat    macOS: brew install kcat"
  fi
}

stack_main() {
  local sub="${1:-help}"
  [ $# -gt 0 ] && shift
  case "$sub" in
    help|-h|--help) stack_usage; return 0 ;;
  esac
  stack_config "$sub"
  case "$sub" in
    up) stack_up "$@" ;;
    down) stack_down "$@" ;;
    status) stack_status "$@" ;;
    logs) stack_logs "$@" ;;
    deps) stack_deps "$@" ;;
    *) echo "rapport stack: unknown command '$sub'" >&2; stack_usage >&2; exit 2 ;;
  esac
}
