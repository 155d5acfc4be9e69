# bin/rapport submit: builds the job jar and submits it to a running Flink cluster over its REST
# API (upload, run), then waits until the job runs. Sourced by bin/rapport, not executed.
# Needs curl; parses Flink's small JSON answers with sed (no jq, no python).

submit_usage() {
  cat <<'USAGE'
Usage: bin/rapport submit [submit options] [job options]
       bin/rapport submit --list
       bin/rapport submit --cancel JOBID

Builds the job jar if needed, uploads it to the Flink cluster (RAPPORT_FLINK_REST, default
http://127.0.0.1:8081, e.g. the one of `bin/rapport stack up`), runs io.rapport.jobs.RapportJob
with the job options, and waits until the job is RUNNING. Prints the job id and the web UI URL.

Submit options:
  --parallelism N        job parallelism (default: the cluster's, 1 on the local stack)
  --from-savepoint PATH  start from a savepoint or retained checkpoint
  --allow-non-restored-state
                         with --from-savepoint: skip state that no operator claims
  --no-wait              return right after submission instead of waiting for RUNNING
  --jar PATH             submit another jar (default: the shaded job jar)
  --class NAME           its entry class (default: io.rapport.jobs.RapportJob)
  --list                 list the cluster's jobs
  --cancel JOBID         cancel a job

Job options are passed to the job as they are, as --key value pairs, for example:
  bin/rapport submit --kafka.bootstrap-servers 127.0.0.1:9092 \
      --elasticsearch.hosts http://127.0.0.1:9200 --checkpoint.interval 10s

Environment: RAPPORT_FLINK_REST (the REST address; default from RAPPORT_STACK_HOST and
RAPPORT_FLINK_PORT, as for bin/rapport stack), RAPPORT_SUBMIT_TIMEOUT (seconds to wait for
RUNNING, default 60), RAPPORT_NO_BUILD=1 (use the jar as it is).
USAGE
}

SUBMIT_ENTRY_CLASS="io.rapport.jobs.RapportJob"

# json_string S: S as a JSON string literal.
json_string() {
  local s="$1"
  s="${s//\\/\\\\}"
  s="${s//\"/\\\"}"
  s="${s//$'\n'/\\n}"
  s="${s//$'\r'/\\r}"
  s="${s//$'\t'/\\t}"
  printf '"%s"' "$s"
}

# json_field NAME < JSON: the first string or number value of "NAME", unescaped (enough for
# Flink's answers; not a general JSON parser).
json_field() {
  local json v
  json="$(cat)"
  v="$(printf '%s' "$json" | grep -o '"'"$1"'":"\([^"\]\|\\.\)*"' | head -n 1)"
  if [ -n "$v" ]; then
    v="${v#\""$1"\":\"}"
    v="${v%\"}"
    v="${v//\\\"/\"}"
    printf '%s\n' "${v//\\\\/\\}"
    return 0
  fi
  printf '%s' "$json" | grep -o "\"$1\":-\{0,1\}[0-9.]*" | head -n 1 | cut -d: -f2 || true
}

# Flink's error answers: {"errors":["...","..."]}; prints them readably.
print_rest_errors() {
  local body="$1"
  echo "$body" | sed -e 's/^{"errors":\["//' -e 's/"\]}$//' -e 's/","/\n/g' \
    -e 's/\\n/\n/g' -e 's/\\t/    /g' -e 's/\\"/"/g' |
    grep -v -E '^[[:space:]]+(at |\.\.\. [0-9]+ more)' | head -n 40 >&2 || true
}

# rest METHOD PATH [curl args...]: sets REST_BODY and REST_CODE; fails when nothing answers.
rest() {
  local method="$1" path="$2" out; shift 2
  out="$(curl -sS -m "${REST_TIMEOUT:-60}" -X "$method" -w '\n%{http_code}' "$@" "$FLINK_REST$path" 2>&1)" || {
    REST_BODY="$out"; REST_CODE=000; return 1; }
  REST_CODE="$(echo "$out" | tail -n 1)"
  REST_BODY="$(echo "$out" | sed '$d')"
}

require_cluster() {
  if ! REST_TIMEOUT=5 rest GET /overview; then
    die "no Flink cluster answers at $FLINK_REST.
  Start the local one with: bin/rapport stack up    (or set RAPPORT_FLINK_REST to yours)"
  fi
  [ "$REST_CODE" = 200 ] || die "$FLINK_REST/overview answered HTTP $REST_CODE: $REST_BODY"
  local slots
  slots="$(echo "$REST_BODY" | json_field slots-total)"
  if [ "${slots:-0}" = 0 ]; then
    echo "rapport submit: warning: the cluster at $FLINK_REST has no TaskManager slots yet" >&2
  fi
}

submit_list() {
  require_cluster
  rest GET /jobs/overview || die "could not list jobs"
  # {"jobs":[{"jid":"..","name":"..","start-time":..,"state":"RUNNING",..},..]}
  printf '%-34s %-11s %s\n' JOBID STATE NAME
  echo "$REST_BODY" | sed 's/{"jid":/\n{"jid":/g' | while IFS= read -r job; do
    local jid name state
    jid="$(echo "$job" | json_field jid)"
    [ -n "$jid" ] || continue
    name="$(echo "$job" | json_field name)"
    state="$(echo "$job" | json_field state)"
    printf '%-34s %-11s %s\n' "$jid" "$state" "$name"
  done
}

submit_cancel() {
  local jid="$1"
  [[ "$jid" =~ ^[0-9a-f]{32}$ ]] || die "not a job id: '$jid' (32 hex digits; see bin/rapport submit --list)"
  require_cluster
  rest PATCH "/jobs/$jid?mode=cancel" || die "could not reach $FLINK_REST"
  case "$REST_CODE" in
    202) echo "rapport submit: cancelling job $jid" ;;
    404) die "no job $jid on $FLINK_REST" ;;
    *) print_rest_errors "$REST_BODY"; die "cancel answered HTTP $REST_CODE" ;;
  esac
}

# wait_running JOBID: polls the job until RUNNING (and every task running or finished); fails on a
# terminal state or after RAPPORT_SUBMIT_TIMEOUT seconds, printing the root exception.
wait_running() {
  local jid="$1" start=$SECONDS state
  while :; do
    rest GET "/jobs/$jid" || die "lost the cluster at $FLINK_REST"
    # The job's own "state" comes first; vertices report "status".
    state="$(echo "$REST_BODY" | grep -o '"state":"[A-Z_]*"' | head -n 1 | cut -d'"' -f4 || true)"
    case "$state" in
      RUNNING)
        # The job is RUNNING once scheduled; wait for its tasks to be deployed too.
        if ! echo "$REST_BODY" | grep -o '"status-counts":{[^}]*}' |
            grep -Eq '"(CREATED|SCHEDULED|DEPLOYING|INITIALIZING)":[1-9]'; then
          echo "rapport submit: job $jid is RUNNING"
          return 0
        fi ;;
      FAILED|CANCELED|FINISHED|FAILING|CANCELLING)
        echo "rapport submit: job $jid is $state" >&2
        if rest GET "/jobs/$jid/exceptions"; then
          # The newest failure's stack trace, its "Caused by" chain without the frames.
          echo "$REST_BODY" | grep -o '"stacktrace":"\([^"\]\|\\.\)*"' | head -n 1 |
            sed -e 's/^"stacktrace":"//' -e 's/"$//' -e 's/\\n/\n/g' -e 's/\\t/    /g' -e 's/\\"/"/g' |
            grep -v -E '^[[:space:]]+(at |\.\.\. [0-9]+ more)' | head -n 20 >&2 || true
        fi
        [ "$state" = FINISHED ] && return 0
        return 1 ;;
    esac
    if [ $((SECONDS - start)) -ge "${RAPPORT_SUBMIT_TIMEOUT:-60}" ]; then
      echo "rapport submit: job $jid is still ${state:-unknown} after ${RAPPORT_SUBMIT_TIMEOUT:-60}s" >&2
      return 1
    fi
    sleep 0.5
  done
}

submit_main() {
  FLINK_REST="${RAPPORT_FLINK_REST:-http://${RAPPORT_STACK_HOST:-127.0.0.1}:${RAPPORT_FLINK_PORT:-8081}}"
  FLINK_REST="${FLINK_REST%/}"
  local jar="" entry="$SUBMIT_ENTRY_CLASS" parallelism="" savepoint="" allow_non_restored=false
  local wait=1 args=()
  while [ $# -gt 0 ]; do
    case "$1" in
      -h|--help) submit_usage; return 0 ;;
      --list) submit_list; return ;;
      --cancel) [ $# -ge 2 ] || die "--cancel needs a job id"; submit_cancel "$2"; return ;;
      --parallelism) [ $# -ge 2 ] || die "--parallelism needs a number"
        [[ "$2" =~ ^[1-9][0-9]*$ ]] || die "--parallelism needs a positive number, got '$2'"
        parallelism="$2"; shift ;;
      --from-savepoint) [ $# -ge 2 ] || die "--from-savepoint needs a path"; savepoint="$2"; shift ;;
      --allow-non-restored-state) allow_non_restored=true ;;
      --no-wait) wait=0 ;;
      --jar) [ $# -ge 2 ] || die "--jar needs a path"; jar="$2"; shift ;;
      --class) [ $# -ge 2 ] || die "--class needs a class name"; entry="$2"; shift ;;
      *) args+=("$1") ;;
    esac
    shift
  done

  if [ -z "$jar" ]; then
    jar="$SHADED_JAR"
    ensure_built
  fi
  [ -f "$jar" ] || die "no job jar at $jar (build it with ./mvnw package -DskipTests)"
  require_cluster

  echo "rapport submit: uploading $(basename "$jar") ($(du -h "$jar" | cut -f1)) to $FLINK_REST"
  rest POST /jars/upload -H 'Expect:' -F "jarfile=@$jar;type=application/java-archive" ||
    die "upload failed: $REST_BODY"
  [ "$REST_CODE" = 200 ] || { print_rest_errors "$REST_BODY"; die "upload answered HTTP $REST_CODE"; }
  local filename jarid
  filename="$(echo "$REST_BODY" | json_field filename)"
  jarid="${filename##*/}"
  [ -n "$jarid" ] || die "unexpected upload answer: $REST_BODY"

  local body a first=1
  body="{\"entryClass\":$(json_string "$entry"),\"programArgsList\":["
  for a in ${args[@]+"${args[@]}"}; do
    [ $first = 1 ] || body+=","
    body+="$(json_string "$a")"
    first=0
  done
  body+="]"
  [ -n "$parallelism" ] && body+=",\"parallelism\":$parallelism"
  if [ -n "$savepoint" ]; then
    body+=",\"savepointPath\":$(json_string "$savepoint"),\"allowNonRestoredState\":$allow_non_restored"
  fi
  body+="}"

  rest POST "/jars/$jarid/run" -H 'Content-Type: application/json' --data-binary "$body" ||
    die "run request failed: $REST_BODY"
  local code="$REST_CODE" answer="$REST_BODY"
  # The cluster keeps the job's jar in its blob store; the uploaded copy is no longer needed.
  rest DELETE "/jars/$jarid" >/dev/null 2>&1 || true
  if [ "$code" != 200 ]; then
    print_rest_errors "$answer"
    die "the cluster refused the job (HTTP $code)"
  fi
  local jid
  jid="$(echo "$answer" | json_field jobid)"
  [ -n "$jid" ] || die "unexpected run answer: $answer"
  echo "rapport submit: submitted job $jid"
  echo "rapport submit: web UI $FLINK_REST/#/job/running/$jid/overview"
  if [ $wait = 1 ]; then
    wait_running "$jid" || exit 1
  fi
}
