#!/usr/bin/env bash
# Quick-start command 1: installs what is missing, builds, starts both
# services on loopback, ingests the sample articles in samples/ and shows
# answers from the query service. With --keep-running the services stay up
# afterwards (stop them with `kill <pid>`); otherwise they shut down
# gracefully at the end.
set -euo pipefail
cd "$(dirname "$0")/.."
keep=0
[ "${1:-}" = "--keep-running" ] && keep=1

scripts/install_deps.sh
echo "== building"
scripts/build.sh --target ingest_service query_service
build=${GISA_BUILD_DIR:-build}
ingest_bin=$build/ingest_service/ingest_service
query_bin=$build/query_service/query_service

free_port() { /usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
ingest_addr=127.0.0.1:${GISA_DEMO_INGEST_PORT:-$(free_port)}
query_addr=127.0.0.1:${GISA_DEMO_QUERY_PORT:-$(free_port)}
work=$(mktemp -d -t gisa-demo-XXXXXX)

"$ingest_bin" serve --listen="$ingest_addr" --data_dir="$work/data" >"$work/ingest.log" 2>&1 &
ingest_pid=$!
"$query_bin" serve --listen="$query_addr" --ingest="$ingest_addr" >"$work/query.log" 2>&1 &
query_pid=$!
stop() {
  if [ $keep -eq 0 ]; then
    kill -TERM $query_pid $ingest_pid 2>/dev/null || true
    wait $query_pid $ingest_pid 2>/dev/null || true
  fi
}
trap stop EXIT

wait_ready() {  # log file, name
  for _ in $(seq 100); do
    grep -q "ready" "$1" 2>/dev/null && return 0
    sleep 0.1
  done
  echo "$2 did not start:"; cat "$1"; exit 1
}
wait_ready "$work/ingest.log" ingest_service
wait_ready "$work/query.log" query_service
echo "== ingest_service on $ingest_addr (pid $ingest_pid), query_service on $query_addr (pid $query_pid)"

echo "== submitting samples/ (text, Markdown and HTML)"
acks=$("$ingest_bin" submit --server="$ingest_addr" samples/ko-*)
echo "$acks"
# Read-your-writes: every query below waits until the replica has applied
# the last acknowledged sequence.
seq=$(/usr/bin/python3 -c 'import json,sys; print(max(json.loads(l).get("sequence", 0) for l in sys.stdin))' <<<"$acks")

ask() {  # METHOD JSON-fields: calls the query service and prints the answer
  local method=$1 fields=$2 request answer
  request="{\"minSequence\": $seq${fields:+, $fields}}"
  [ "$method" = GetStats ] && request="{}"
  if answer=$("$query_bin" call --server="$query_addr" "$method" "$request" 2>&1); then
    /usr/bin/python3 scripts/demo_show.py "$method" <<<"$answer"
  else
    echo "  $answer"
  fi
}
# NAME + the topic particle that agrees with its last syllable (은 after a
# final consonant, 는 after a vowel), as a reader would type it.
with_particle() {
  /usr/bin/python3 -c 'import sys; n=sys.argv[1]; c=ord(n[-1]) - 0xAC00
print(n + ("은" if 0 <= c < 11172 and c % 28 else "는"))' "$1"
}

echo; echo "== ListArticles"
ask ListArticles '"pageSize": 10'
echo; echo "== ListEntities (most mentioned first)"
ask ListEntities '"pageSize": 8'
person=$("$query_bin" call --server="$query_addr" ListEntities '{"pageSize": 1, "type": "ENTITY_TYPE_PERSON"}' |
  /usr/bin/python3 -c 'import json,sys; e=json.load(sys.stdin).get("entities", []); print(e[0]["name"] if e else "")')
if [ -n "$person" ]; then
  spoken=$(with_particle "$person")
  echo; echo "== GetEntity \"$spoken\" (with a particle)"
  ask GetEntity "\"name\": \"$spoken\", \"maxMentions\": 3"
  echo; echo "== ListQuotes speaker=\"$person\""
  ask ListQuotes "\"speaker\": \"$person\", \"pageSize\": 4"
fi
for question in "K리그 경기 어디서 봐?" "대출 이자 고정이 나아 변동이 나아?" "BIFF 표 어떻게 사?"; do
  echo; echo "== SearchFaq \"$question\""
  ask SearchFaq "\"query\": \"$question\", \"pageSize\": 3"
done
echo; echo "== GetStats"
ask GetStats ""
echo
if [ $keep -eq 1 ]; then
  echo "Services keep running: ingest $ingest_addr (pid $ingest_pid), query $query_addr (pid $query_pid); logs in $work"
else
  echo "Shutting down (SIGTERM). Logs are in $work"
fi
