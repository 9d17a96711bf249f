#!/usr/bin/env bash
# Parser quality gate (ctest test `parser_quality`).
#
#   tests/quality/check_quality.sh INGEST_BIN SHARED_DIR
#
# Scores `INGEST_BIN parse` with SHARED_DIR/eval/score.py over the seed and dev
# corpora together ("seed+dev"), over klue-ner ("klue-ner") and over the
# project's own annotated articles in articles/ ("project"), prints the
# figures, and fails (exit 1) when an article cannot be parsed or an F1 figure
# falls below its floor in thresholds.txt beside this script. Exits 77
# (skipped) when SHARED_DIR holds no scorer, 2 on a usage error.
set -uo pipefail

if [[ $# -ne 2 ]]; then
  echo "usage: $0 INGEST_BIN SHARED_DIR" >&2
  exit 2
fi
bin=$1
shared=$2
here=$(cd "$(dirname "$0")" && pwd)
score="$shared/eval/score.py"
python=/usr/bin/python3

if [[ ! -f "$score" ]]; then
  echo "SKIP: ../shared not present"
  exit 77
fi
if [[ ! -x "$bin" ]]; then
  echo "FAIL: $bin is not an executable" >&2
  exit 1
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
status=0

# run_set NAME DIR...: scores one set into $tmp/NAME.json.
run_set() {
  local name=$1
  shift
  for dir in "$@"; do
    if [[ ! -d "$dir" ]]; then
      echo "FAIL: $name: corpus folder $dir is missing"
      status=1
      return
    fi
  done
  echo "== $name"
  if ! "$python" "$score" --cmd "$(printf '%q' "$bin") parse {file}" "$@" \
      --json "$tmp/$name.json"; then
    echo "FAIL: $name: the parser failed on some articles (see above)"
    status=1
  fi
}

run_set seed+dev "$shared/corpus/seed" "$shared/corpus/dev"
run_set klue-ner "$shared/corpus/klue-ner"
run_set project "$here/articles"

"$python" - "$here/thresholds.txt" "$tmp" <<'PY' || status=1
import json, os, sys

thresholds, folder = sys.argv[1], sys.argv[2]
failed = False
checked = 0
for number, line in enumerate(open(thresholds, encoding="utf-8"), 1):
    line = line.split("#", 1)[0].strip()
    if not line:
        continue
    try:
        name, field, floor = line.split()
        floor = float(floor)
    except ValueError:
        print(f"FAIL: {thresholds}:{number}: expected 'SET FIELD FLOOR', got {line!r}")
        failed = True
        continue
    path = os.path.join(folder, name + ".json")
    if not os.path.exists(path):
        print(f"FAIL: {name} {field}: no figures for set {name!r}")
        failed = True
        continue
    figures = json.load(open(path))["figures"]
    if field not in figures:
        print(f"FAIL: {thresholds}:{number}: unknown field {field!r}")
        failed = True
        continue
    f1 = figures[field]["f1"]
    checked += 1
    if f1 + 1e-9 < floor:
        print(f"FAIL: {name} {field} F1 {f1:.3f} is below the floor {floor:.3f}")
        failed = True
print(f"{'FAILED' if failed else 'OK'}: {checked} figures checked against {thresholds}")
sys.exit(1 if failed else 0)
PY

exit $status
