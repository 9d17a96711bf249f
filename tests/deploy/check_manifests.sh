#!/usr/bin/env bash
# Checks that every GISA_* variable the Kubernetes manifests set is one the
# binary the container runs actually reads (as listed by its --help), and
# that the container commands name real subcommands.
# Usage: check_manifests.sh DEPLOY_DIR INGEST_BIN QUERY_BIN
set -euo pipefail
deploy=$1 ingest=$2 query=$3
fail=0
check() {  # manifest binary
  local help
  help=$("$2" serve --help 2>&1 || true)
  for var in $(grep -o 'GISA_[A-Z_]*' "$1" | sort -u); do
    if ! grep -q "$var" <<<"$help"; then
      echo "FAIL: $1 sets $var, which $(basename "$2") serve --help does not list"
      fail=1
    fi
  done
}
check "$deploy/ingest.yaml" "$ingest"
check "$deploy/query.yaml" "$query"
grep -q 'command: \["ingest_service", "serve"\]' "$deploy/ingest.yaml" || { echo "FAIL: ingest command"; fail=1; }
grep -q 'command: \["query_service", "serve"\]' "$deploy/query.yaml" || { echo "FAIL: query command"; fail=1; }
[ $fail -eq 0 ] && echo "deploy manifests match the binaries' flags"
exit $fail
