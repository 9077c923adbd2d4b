#!/usr/bin/env bash
# Rebuilds the pocket file's script (pocket/viewer.bundle.js, or the path
# given) from package-lock.json: the exact age-encryption and esbuild the
# lock names, no install scripts run. CI runs it and compares the result
# with the committed file, byte for byte.
set -euo pipefail
cd "$(dirname "$0")"
out="${1:-../viewer.bundle.js}"
case "$out" in /*) ;; *) out="$PWD/$out" ;; esac
npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
node build.mjs "$out"
