#!/usr/bin/env bash
# One-shot setup of the Docker Compose stack (the `setup` service, in the apache/kafka image):
# creates Rapport's topics, installs the Elasticsearch index templates and imports the Kibana
# saved objects from dashboards/kibana/*.ndjson. Idempotent. Uses curl when the image has it,
# BusyBox wget otherwise (the apache/kafka image has no curl).
set -euo pipefail

KAFKA_BOOTSTRAP="${KAFKA_BOOTSTRAP:-kafka:29092}"
ELASTICSEARCH_URL="${ELASTICSEARCH_URL:-http://elasticsearch:9200}"
KIBANA_URL="${KIBANA_URL:-http://kibana:5601}"
TOPIC_PARTITIONS="${TOPIC_PARTITIONS:-4}"
DASHBOARDS="${DASHBOARDS:-/rapport/dashboards}"
KAFKA_TOPICS="${KAFKA_TOPICS:-/opt/kafka/bin/kafka-topics.sh}"

say() { echo "rapport setup: $*"; }

# post URL FILE [HEADER...]: POSTs FILE, prints the answer; fails on HTTP errors.
post() {
  local url="$1" file="$2"; shift 2
  local headers=() h
  if command -v curl >/dev/null; then
    for h in "$@"; do headers+=(-H "$h"); done
    curl -fsS -X POST "${headers[@]}" --data-binary "@$file" "$url"
  else
    for h in "$@"; do headers+=(--header "$h"); done
    wget -q -O - "${headers[@]}" --post-file "$file" "$url"
  fi
}

topic() {
  local name="$1" partitions="$2"; shift 2
  "$KAFKA_TOPICS" --bootstrap-server "$KAFKA_BOOTSTRAP" --create --if-not-exists \
    --topic "$name" --partitions "$partitions" --replication-factor 1 "$@" >/dev/null
  say "topic $name"
}

for t in social.mentions crm.customers crm.transactions crm.activities \
    rapport.alerts rapport.deadletter rapport.merges rapport.alert-status; do
  topic "$t" "$TOPIC_PARTITIONS"
done
topic rapport.clv-model 1 --config cleanup.policy=compact

# Index templates: POST _index_template/<name> is the same API as PUT.
for f in "$DASHBOARDS"/elasticsearch/index-templates/*.json; do
  [ -f "$f" ] || continue
  name="$(basename "$f" .json)"
  post "$ELASTICSEARCH_URL/_index_template/$name" "$f" 'Content-Type: application/json' >/dev/null
  say "index template $name"
done

# Kibana saved objects (data views, visualizations, dashboards), if there are any.
shopt -s nullglob
for f in "$DASHBOARDS"/kibana/*.ndjson; do
  boundary="rapport-$RANDOM$RANDOM"
  body="$(mktemp)"
  {
    printf -- '--%s\r\n' "$boundary"
    printf 'Content-Disposition: form-data; name="file"; filename="%s"\r\n' "$(basename "$f")"
    printf 'Content-Type: application/ndjson\r\n\r\n'
    cat "$f"
    printf '\r\n--%s--\r\n' "$boundary"
  } >"$body"
  answer="$(post "$KIBANA_URL/api/saved_objects/_import?overwrite=true" "$body" 'kbn-xsrf: rapport' \
    "Content-Type: multipart/form-data; boundary=$boundary")"
  rm -f "$body"
  if echo "$answer" | grep -Eq '"success" *: *true'; then
    say "Kibana saved objects from $(basename "$f")"
  else
    echo "rapport setup: Kibana refused $(basename "$f"): $answer" >&2
    exit 1
  fi
done
say "done"
