#!/usr/bin/env bash
# Quick-start command 2: installs what is missing, builds, and runs the whole
# test suite (unit, integration with real servers, parser quality).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install_deps.sh
scripts/build.sh
cd "${GISA_BUILD_DIR:-build}"
ctest --output-on-failure -j "$(nproc)" --timeout 900
