#!/usr/bin/env bash
# Configures and builds gisa into build/ (or $GISA_BUILD_DIR). Extra
# arguments are passed to `cmake --build` (e.g. --target ingest_service).
set -euo pipefail
cd "$(dirname "$0")/.."
build=${GISA_BUILD_DIR:-build}
launcher=()
if command -v ccache >/dev/null 2>&1; then launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache); fi
cmake -S . -B "$build" -G Ninja "${launcher[@]}" >/dev/null
cmake --build "$build" -j "$(nproc)" "$@"
