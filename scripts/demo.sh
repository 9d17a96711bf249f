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

echo "== submitting samples/*.txt"
"$ingest_bin" submit --server="$ingest_addr" samples/*.txt

call() { "$query_bin" call --server="$query_addr" "$@"; }
show() { /usr/bin/python3 -c "$1"; }

echo; echo "== GetStats"
call GetStats '{}'
echo; echo "== ListArticles (titles)"
call ListArticles '{"pageSize": 10}' | show '
import json,sys
for a in json.load(sys.stdin).get("articles", []):
    print(f"  {a[\"id\"]}  [{a.get(\"category\",\"-\")}] {a[\"title\"]}")'
echo; echo "== ListEntities (most mentioned)"
call ListEntities '{"pageSize": 8}' | show '
import json,sys
for e in json.load(sys.stdin).get("entities", []):
    print(f"  {e[\"name\"]:<20} {e[\"type\"]:<28} mentions={e.get(\"mentionCount\",0)} articles={e.get(\"articleCount\",0)}")'
top=$(call ListEntities '{"pageSize": 1, "type": "ENTITY_TYPE_PERSON"}' | show '
import json,sys
e=json.load(sys.stdin).get("entities", [])
print(e[0]["name"] if e else "")')
if [ -n "$top" ]; then
  echo; echo "== GetEntity \"${top}은\" (particle and all)"
  call GetEntity "{\"name\": \"${top}은\", \"maxMentions\": 3}" | show '
import json,sys
r=json.load(sys.stdin)
e=r["entity"]
print(f"  {e[\"name\"]} {e[\"type\"]} quotes={e.get(\"quoteCount\",0)}")
for m in r.get("mentions", []): print("   -", m.get("snippet","")[:100])
print("  seen with:", ", ".join(c["name"] for c in r.get("cooccurring", [])[:5]))'
  echo; echo "== ListQuotes speaker=\"$top\""
  call ListQuotes "{\"speaker\": \"$top\", \"pageSize\": 3}" | show '
import json,sys
for q in json.load(sys.stdin).get("quotes", []):
    q=q["quote"]; print(f"  {q[\"speaker\"]} ({q.get(\"cue\",\"\")}): {q[\"text\"][:90]}")'
fi
question=${GISA_DEMO_QUESTION:-"언제 어디서 열려?"}
echo; echo "== SearchFaq \"$question\""
call SearchFaq "{\"query\": \"$question\", \"pageSize\": 3}" | show '
import json,sys
for r in json.load(sys.stdin).get("results", []):
    print(f"  {r[\"score\"]:.2f}  Q. {r[\"question\"]}\n        A. {r[\"answer\"][:80]}")'
echo
if [ $keep -eq 1 ]; then
  echo "Services keep running: ingest $ingest_addr (pid $ingest_pid), query $query_addr (pid $query_pid); logs in $work"
else
  echo "Shutting down (SIGTERM). Logs are in $work"
fi
