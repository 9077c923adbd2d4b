#!/usr/bin/env bash
# bench.sh measures `pathway export` against the real age command on the
# same vault file: wall time (hyperfine, median) and peak memory (max RSS
# from GNU time -v, median of 5), plus `pathway --version` start-up time and
# the size of the static pathway binary. It prints Markdown tables; see
# BENCHMARKS.md for a recorded run and how to read it.
#
# Usage, from anywhere:   scripts/bench.sh
#   RUNS=N      hyperfine runs of each passphrase (scrypt) command (default 15, min 10)
#   FAST_PER=N  runs per round of the millisecond cases, 10 rounds (default 10)
#   MEM_RUNS=N  /usr/bin/time -v runs per command (default 5)
#
# Needs: go (the toolchain go.mod asks for; nothing is downloaded:
# GOPROXY=off, GOTOOLCHAIN=local), hyperfine (-N), jq, awk, GNU time at
# /usr/bin/time.
# Everything it makes lives in one temporary directory, removed on exit.
#
# age reads a passphrase only from a terminal. To give it one without a
# person, the script builds `ptyfeed`, a tiny Go program (standard library
# only, source below) that opens a pseudo-terminal, makes it the controlling
# terminal of the command it runs, writes the passphrase line into it and
# discards what the command prints there. Its own cost is measured by
# running it around `true`, and pathway is also timed under the same
# wrapper, so the two sides can be compared with identical overhead.
set -euo pipefail

RUNS=${RUNS:-15}
FAST_PER=${FAST_PER:-10}
MEM_RUNS=${MEM_RUNS:-5}
if (( RUNS < 10 )); then
	echo "bench.sh: RUNS must be at least 10" >&2
	exit 2
fi

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
for tool in go hyperfine jq awk; do
	command -v "$tool" >/dev/null || { echo "bench.sh: $tool not found" >&2; exit 1; }
done
[[ -x /usr/bin/time ]] || { echo "bench.sh: /usr/bin/time missing (apt-get install -y time)" >&2; exit 1; }

tmp=$(mktemp -d "${TMPDIR:-/tmp}/pathway-bench.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
bin=$tmp/bin
mkdir -p "$bin"

# No network: only the module cache and the local toolchain.
export GOPROXY=off GOTOOLCHAIN=local CGO_ENABLED=0

say() { printf '%s\n' "$*" >&2; }

# --- build --------------------------------------------------------------
say "building pathway, age, age-keygen and ptyfeed in $tmp"
(
	cd "$root"
	go build -trimpath -o "$bin/pathway" ./cmd/pathway
	# Same toolchain and flags for age, so both sides differ only in code.
	go build -trimpath -o "$bin/age" filippo.io/age/cmd/age
	go build -trimpath -o "$bin/age-keygen" filippo.io/age/cmd/age-keygen
)

mkdir -p "$tmp/ptyfeed"
cat >"$tmp/ptyfeed/go.mod" <<'EOF'
module ptyfeed

go 1.26
EOF
cat >"$tmp/ptyfeed/main.go" <<'EOF'
// ptyfeed PASSFILE COMMAND [ARG...] runs COMMAND in a new session whose
// controlling terminal (and standard input) is a fresh pseudo-terminal,
// writes the first line of PASSFILE plus a newline into that terminal, and
// discards whatever COMMAND writes to it. Standard output and standard
// error are passed through. It exits with COMMAND's status.
package main

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"os/exec"
	"syscall"
	"unsafe"
)

func ioctl(fd, req uintptr, arg unsafe.Pointer) error {
	if _, _, e := syscall.Syscall(syscall.SYS_IOCTL, fd, req, uintptr(arg)); e != 0 {
		return e
	}
	return nil
}

func main() {
	if len(os.Args) < 3 {
		fmt.Fprintln(os.Stderr, "usage: ptyfeed PASSFILE COMMAND [ARG...]")
		os.Exit(2)
	}
	pass, err := os.ReadFile(os.Args[1])
	check(err)
	pass, _, _ = bytes.Cut(pass, []byte("\n"))

	master, err := os.OpenFile("/dev/ptmx", os.O_RDWR|syscall.O_NOCTTY, 0)
	check(err)
	var unlock int32
	check(ioctl(master.Fd(), syscall.TIOCSPTLCK, unsafe.Pointer(&unlock)))
	var n uint32
	check(ioctl(master.Fd(), syscall.TIOCGPTN, unsafe.Pointer(&n)))
	slave, err := os.OpenFile(fmt.Sprintf("/dev/pts/%d", n), os.O_RDWR|syscall.O_NOCTTY, 0)
	check(err)

	cmd := exec.Command(os.Args[2], os.Args[3:]...)
	cmd.Stdin, cmd.Stdout, cmd.Stderr = slave, os.Stdout, os.Stderr
	cmd.SysProcAttr = &syscall.SysProcAttr{Setsid: true, Setctty: true, Ctty: 0}
	check(cmd.Start())
	slave.Close()

	// The line waits in the terminal's input queue until the command reads
	// it; echo (before the command turns it off) comes back on master.
	_, err = master.Write(append(pass, '\n'))
	check(err)
	go io.Copy(io.Discard, master)

	err = cmd.Wait()
	if ee, ok := err.(*exec.ExitError); ok {
		os.Exit(ee.ExitCode())
	}
	check(err)
}

func check(err error) {
	if err != nil {
		fmt.Fprintln(os.Stderr, "ptyfeed:", err)
		os.Exit(1)
	}
}
EOF
(cd "$tmp/ptyfeed" && go build -trimpath -o "$bin/ptyfeed" .)

P=$bin/pathway AGE=$bin/age FEED=$bin/ptyfeed

# --- vaults -------------------------------------------------------------
say "sealing the sample binder (scrypt, work factor 18) and to an X25519 identity"
printf 'correct horse battery staple\n' >"$tmp/pass"
"$P" import --passphrase-file "$tmp/pass" --vault "$tmp/vp" "$root/testdata/sample-binder.json" >/dev/null
"$bin/age-keygen" -o "$tmp/key.txt" 2>/dev/null
"$P" import --identity "$tmp/key.txt" --vault "$tmp/vi" "$root/testdata/sample-binder.json" >/dev/null
VP=$tmp/vp/binder.age VI=$tmp/vi/binder.age
stanza=$(sed -n 2p "$VP")
[[ $stanza == "-> scrypt "*" 18" ]] || { say "unexpected stanza: $stanza"; exit 1; }

# Both sides must really decrypt the file, to the sample itself.
"$P" export --passphrase-file "$tmp/pass" --vault "$tmp/vp" 2>/dev/null | cmp -s - "$root/testdata/sample-binder.json"
"$FEED" "$tmp/pass" "$AGE" -d "$VP" | cmp -s - "$root/testdata/sample-binder.json"
"$P" export --identity "$tmp/key.txt" --vault "$tmp/vi" 2>/dev/null | cmp -s - "$root/testdata/sample-binder.json"
"$AGE" -d -i "$tmp/key.txt" "$VI" | cmp -s - "$root/testdata/sample-binder.json"
say "all four decrypt to testdata/sample-binder.json"

# --- helpers ------------------------------------------------------------
# The machine is a small VM whose speed drifts (some hyperfine runs of the
# scrypt case took several seconds instead of ~0.75 s). So the commands of
# one comparison are interleaved: each round is one hyperfine call running
# every command of the group (the order reversed every other round), and
# the per-run times of all rounds are pooled. Drift then hits both sides
# alike instead of whichever command happened to run during it.
#
# group ROUNDS PER_ROUND WARMUP NAME CMD [NAME CMD]... : hyperfine with -N
# (no shell; output to /dev/null), per-run times appended to times.tsv.
group() {
	local rounds=$1 per=$2 warm=$3
	shift 3
	local names=() cmds=() i r args
	while (($#)); do names+=("$1"); cmds+=("$2"); shift 2; done
	say "hyperfine: ${names[*]} ($rounds rounds x $per runs, warmup $warm)"
	args=()
	for i in "${!names[@]}"; do args+=(-n "${names[$i]}" "${cmds[$i]}"); done
	hyperfine -N --style none --runs "$warm" "${args[@]}" >/dev/null 2>&1 ||
		{ say "a command failed:"; hyperfine -N --runs 1 "${args[@]}"; exit 1; }
	for ((r = 0; r < rounds; r++)); do
		args=()
		for i in "${!names[@]}"; do
			((r % 2)) && i=$((${#names[@]} - 1 - i))
			args+=(-n "${names[$i]}" "${cmds[$i]}")
		done
		hyperfine -N --style none --runs "$per" --export-json "$tmp/round.json" "${args[@]}" >/dev/null 2>&1
		jq -r '.results[] | .command as $c | .times[] | "\($c)\t\(.)"' "$tmp/round.json" >>"$tmp/times.tsv"
	done
}
# q CMD... : one command line for hyperfine -N.
q() { printf '%q ' "$@"; }

# med NAME / spread NAME / count NAME : median, "min–max" (ms) and number of
# the pooled runs of NAME.
med() {
	awk -F'\t' -v n="$1" '$1 == n { print $2 * 1000 }' "$tmp/times.tsv" | sort -g | awk '{ v[NR] = $1 } END {
		printf "%.1f\n", (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}
spread() {
	awk -F'\t' -v n="$1" '$1 == n { t = $2 * 1000; if (!c++ || t < lo) lo = t; if (t > hi) hi = t }
		END { printf "%.1f–%.1f", lo, hi }' "$tmp/times.tsv"
}
count() { awk -F'\t' -v n="$1" '$1 == n { c++ } END { print c + 0 }' "$tmp/times.tsv"; }

# mem NAME PREFIX... -- CMD... : one run of CMD under GNU time -v (PREFIX,
# e.g. ptyfeed, goes outside GNU time so only CMD is counted); its max RSS
# in KiB is appended to NAME.rss. rss NAME: median in MiB.
mem() {
	local name=$1
	shift
	local pre=()
	while [[ $1 != -- ]]; do pre+=("$1"); shift; done
	shift
	"${pre[@]}" /usr/bin/time -v -o "$tmp/time.out" "$@" >/dev/null 2>&1
	awk -F': ' '/Maximum resident set size/ { print $2 }' "$tmp/time.out" >>"$tmp/$name.rss"
}
rss() {
	sort -n "$tmp/$1.rss" | awk '{ v[NR] = $1 } END {
		m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
		printf "%.1f\n", m / 1024 }'
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
minus() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", a - b }'; }

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
: >"$tmp/times.tsv"

# --- 1. passphrase (scrypt) vault: RUNS rounds of one run each ----------
group "$RUNS" 1 1 \
	p-pass "$(q "$P" export --passphrase-file "$tmp/pass" --vault "$tmp/vp")" \
	p-pass-feed "$(q "$FEED" "$tmp/pass" "$P" export --passphrase-file "$tmp/pass" --vault "$tmp/vp")" \
	age-pass-feed "$(q "$FEED" "$tmp/pass" "$AGE" -d "$VP")"

# --- 2. millisecond cases: 10 rounds of FAST_PER runs each --------------
group 10 "$FAST_PER" 3 \
	feed-true "$(q "$FEED" "$tmp/pass" true)" \
	p-id "$(q "$P" export --identity "$tmp/key.txt" --vault "$tmp/vi")" \
	age-id "$(q "$AGE" -d -i "$tmp/key.txt" "$VI")" \
	p-version "$(q "$P" --version)" \
	age-version "$(q "$AGE" --version)"

# --- 3. peak memory, interleaved too -------------------------------------
say "GNU time -v: $MEM_RUNS runs of each command"
for ((i = 0; i < MEM_RUNS; i++)); do
	mem p-pass -- "$P" export --passphrase-file "$tmp/pass" --vault "$tmp/vp"
	mem age-pass "$FEED" "$tmp/pass" -- "$AGE" -d "$VP"
	mem feed-true -- "$FEED" "$tmp/pass" true
	mem p-id -- "$P" export --identity "$tmp/key.txt" --vault "$tmp/vi"
	mem age-id -- "$AGE" -d -i "$tmp/key.txt" "$VI"
	mem p-version -- "$P" --version
done
load_after=$(cut -d' ' -f1-3 /proc/loadavg)

t_p=$(med p-pass) t_pf=$(med p-pass-feed) t_af=$(med age-pass-feed)
t_feed_true=$(med feed-true)
t_a=$(minus "$t_af" "$t_feed_true")
t_pi=$(med p-id) t_ai=$(med age-id) t_ver=$(med p-version) t_aver=$(med age-version)
m_p=$(rss p-pass) m_a=$(rss age-pass) m_feed=$(rss feed-true)
m_pi=$(rss p-id) m_ai=$(rss age-id) m_ver=$(rss p-version)
size_p=$(stat -c %s "$P")
size_a=$(stat -c %s "$AGE")

# The rejected wrapper: script(1) with the passphrase on a pipe.
t_script=""
if command -v script >/dev/null; then
	say "hyperfine: script(1) around true (3 runs)"
	hyperfine --style none --runs 3 --export-csv "$tmp/script-true.csv" \
		"printf 'x\n' | script -qec true /dev/null" >/dev/null 2>&1 &&
		t_script=$(awk -F, 'NR==2 { printf "%.1f", $4 * 1000 }' "$tmp/script-true.csv")
fi

# --- report -------------------------------------------------------------
mib() { awk -v b="$1" 'BEGIN { printf "%.2f MiB (%d bytes)", b / 1048576, b }'; }
cat <<EOF

## Run of $(date -u +%F) ($(date -u +%FT%TZ))

- tree: $(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo unknown)$( [[ -n $(git -C "$root" status --porcelain 2>/dev/null) ]] && echo " (with uncommitted changes)")
- machine: $(nproc) cores, $(free -h | awk '/^Mem:/ { print $2 }') RAM, $(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo), $(uname -sr)
- $(go version)
- hyperfine $(hyperfine --version | awk '{ print $2 }') -N, interleaved rounds: $(count p-pass) runs of each scrypt command (warmup 1), $(count p-id) of each millisecond command (warmup 3); max RSS: median of $MEM_RUNS runs of GNU time -v
- load average (1, 5, 15 min) before: $load_before; after: $load_after

### Passphrase vault (scrypt, work factor 18), $(stat -c %s "$VP")-byte binder.age

| command | median wall time | range (min–max) | median max RSS |
|---|---:|---:|---:|
| \`pathway export --passphrase-file P --vault V\` | $t_p ms | $(spread p-pass) ms | $m_p MiB |
| \`ptyfeed P pathway export --passphrase-file P --vault V\` | $t_pf ms | $(spread p-pass-feed) ms | – |
| \`ptyfeed P age -d V/binder.age\` | $t_af ms | $(spread age-pass-feed) ms | $m_a MiB (age alone) |
| \`ptyfeed P true\` (wrapper overhead) | $t_feed_true ms | $(spread feed-true) ms | $m_feed MiB (ptyfeed) |
| age -d alone (wrapped − overhead) | $t_a ms | | |

| ratio pathway / age | value |
|---|---:|
| time, both under ptyfeed | $(ratio "$t_pf" "$t_af") |
| time, pathway bare / (age wrapped − overhead) | $(ratio "$t_p" "$t_a") |
| peak memory (max RSS) | $(ratio "$m_p" "$m_a") |

### X25519 identity vault (no scrypt)

| command | median wall time | range (min–max) | median max RSS |
|---|---:|---:|---:|
| \`pathway export --identity key.txt --vault V\` | $t_pi ms | $(spread p-id) ms | $m_pi MiB |
| \`age -d -i key.txt V/binder.age\` | $t_ai ms | $(spread age-id) ms | $m_ai MiB |
| ratio pathway / age | $(ratio "$t_pi" "$t_ai") | | $(ratio "$m_pi" "$m_ai") |

### Start-up and size

| measure | pathway | age (for scale) |
|---|---:|---:|
| \`--version\`, median wall time | $t_ver ms | $t_aver ms |
| \`--version\`, median max RSS | $m_ver MiB | |
| static binary (CGO_ENABLED=0, -trimpath) | $(mib "$size_p") | $(mib "$size_a") |
EOF
if [[ -n $t_script ]]; then
	echo
	echo "Rejected wrapper: \`printf 'x\\n' | script -qec true /dev/null\` ($(script --version 2>&1 | head -1)): median $t_script ms over 3 runs."
fi
