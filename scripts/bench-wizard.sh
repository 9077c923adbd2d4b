#!/usr/bin/env bash
# Times a whole release plan in the full-screen wizard, end to end in tmux
# at 80x24: pathway new release on a vault holding the sample binder, every
# question skipped with Enter, seven pages each saved, the summary, the
# final save and the check-up. The real work factor (scrypt logN 18).
# Usage: scripts/bench-wizard.sh [PATHWAY_BINARY] [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${1:-}
runs=${2:-3}
work=$(mktemp -d)
trap 'tmux -L bench-wizard kill-server 2>/dev/null || true; rm -rf "$work"' EXIT
if [ -z "$bin" ]; then
  bin=$work/pathway
  CGO_ENABLED=0 go build -trimpath -o "$bin" ./cmd/pathway
fi
echo 'correct horse battery staple' > "$work/pass"
for i in $(seq "$runs"); do
  rm -rf "$work/vault"
  "$bin" --vault "$work/vault" --passphrase-file "$work/pass" import testdata/sample-binder.json 2>/dev/null
  rm -f "$work/exit"
  start=$(date +%s.%N)
  tmux -L bench-wizard -f /dev/null new-session -d -s t -x 80 -y 24 \
    "$bin --vault $work/vault --passphrase-file $work/pass new release; echo \$? > $work/exit; sleep 60"
  while [ ! -s "$work/exit" ]; do
    tmux -L bench-wizard send-keys -t t Enter 2>/dev/null || true
    sleep 0.05
  done
  end=$(date +%s.%N)
  tmux -L bench-wizard kill-server 2>/dev/null || true
  plans=$("$bin" --vault "$work/vault" --passphrase-file "$work/pass" show 2>/dev/null | grep -c 'Release plan' || true)
  printf 'run %d: %.2f s, exit %s, release plans in the vault: %s\n' "$i" "$(echo "$end - $start" | bc)" "$(cat "$work/exit")" "$plans"
done
