#!/usr/bin/env bash
# bench.sh measures pathway against the real age command, on the same
# bytes, with both built by the same toolchain with the same flags:
#
#   open   `pathway export` against `age -d` on the same vault file
#   save   `pathway import` into an empty vault (one scrypt) and
#          `pathway import --replace` (opens the old vault to check the
#          passphrase, then seals: two scrypts) against `age -e -p` on
#          the same JSON bytes
#   print  `pathway print cards` (and the checklist and sheet) against
#          `age -d`
#
# on a passphrase (scrypt) vault and on an X25519 identity vault, where
# scrypt is absent and pathway's own cost shows: wall time (hyperfine,
# median of pooled, interleaved runs) and peak memory (max RSS from GNU
# time -v, median of MEM_RUNS). It also records `pathway --version`
# start-up, the time from launching `pathway` in a fresh 80x24 tmux
# session to its first frame (the first-run welcome screen of an empty
# vault, and the home menu of an existing vault), the size in bytes and
# pages of each printout in English, Simplified Chinese and Thai (whose
# fonts are embedded as subsets) and the size of the static pathway binary.
# It prints Markdown tables; see BENCHMARKS.md for a recorded run and how
# to read it.
#
# Usage, from anywhere:   scripts/bench.sh
#   RUNS=N      hyperfine runs of each passphrase (scrypt) command (default 15, min 10)
#   FAST_PER=N  runs per round of the millisecond cases, 10 rounds (default 10, min 5)
#   MEM_RUNS=N  /usr/bin/time -v runs per command (default 5)
#   TM_RUNS=N   tmux first-frame runs of each case (default 20, min 5)
#
# Needs: go (the toolchain go.mod asks for; nothing is downloaded:
# GOPROXY=off, GOTOOLCHAIN=local), hyperfine (-N), jq, awk, cmp, tmux,
# GNU time at /usr/bin/time, bash 5 (EPOCHREALTIME).
# Everything it makes, the PDFs and the tmux server's socket included,
# lives in one temporary directory, removed (and the tmux server killed)
# on exit, Ctrl-C included.
#
# age reads a passphrase only from a terminal. To give it one without a
# person, the script builds `ptyfeed`, a tiny Go program (standard library
# only, source below) that opens a pseudo-terminal, makes it the controlling
# terminal of the command it runs, types the passphrase line into it (twice
# with -n 2, for `age -e -p`, which asks again to confirm) and discards
# what the command prints there. Its own cost is measured by running it
# around `true`, and pathway is also timed under the same wrapper, so the
# two sides can be compared with identical overhead.
set -euo pipefail

RUNS=${RUNS:-15}
FAST_PER=${FAST_PER:-10}
MEM_RUNS=${MEM_RUNS:-5}
TM_RUNS=${TM_RUNS:-20}
if (( RUNS < 10 || FAST_PER < 5 || TM_RUNS < 5 )); then
	echo "bench.sh: RUNS must be at least 10, FAST_PER and TM_RUNS at least 5" >&2
	exit 2
fi
[[ -n ${EPOCHREALTIME:-} ]] || { echo "bench.sh: needs bash 5 (EPOCHREALTIME)" >&2; exit 1; }

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
for tool in go hyperfine jq awk cmp tmux; do
	command -v "$tool" >/dev/null || { echo "bench.sh: $tool not found" >&2; exit 1; }
done
[[ -x /usr/bin/time ]] || { echo "bench.sh: /usr/bin/time missing (apt-get install -y time)" >&2; exit 1; }

tmp=$(mktemp -d "${TMPDIR:-/tmp}/pathway-bench.XXXXXX")
# The tmux server (section 3) has its socket in $tmp; kill it first.
sock=$tmp/tmux.sock
cleanup() {
	if [[ -S $sock ]]; then tmux -S "$sock" kill-server 2>/dev/null || :; fi
	rm -rf "$tmp" 2>/dev/null || { sleep 0.5; rm -rf "$tmp"; }
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM HUP
bin=$tmp/bin
mkdir -p "$bin"

# No network: only the module cache and the local toolchain.
export GOPROXY=off GOTOOLCHAIN=local CGO_ENABLED=0

say() { printf '%s\n' "$*" >&2; }

# --- build --------------------------------------------------------------
say "building pathway, age, age-keygen and ptyfeed in $tmp"
# What the figures belong to, taken before the build: the commit, and
# whether anything that goes into the binary differs from it (this file
# and BENCHMARKS.md do not).
commit=$(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo unknown)
dirty=$(git -C "$root" status --porcelain -- . ':!BENCHMARKS.md' ':!scripts' 2>/dev/null | wc -l)
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
// ptyfeed [-n N] PASSFILE COMMAND [ARG...] runs COMMAND in a new session
// whose controlling terminal (and standard input) is a fresh
// pseudo-terminal, writes the first line of PASSFILE plus a newline into
// that terminal N times (default 1; 2 for `age -e -p`, which asks for the
// passphrase and then to confirm it), and discards whatever COMMAND writes
// to it. Standard output and standard error are passed through. It exits
// with COMMAND's status.
package main

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strconv"
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
	args, times := os.Args[1:], 1
	if len(args) > 1 && args[0] == "-n" {
		n, err := strconv.Atoi(args[1])
		if err != nil || n < 1 {
			fmt.Fprintln(os.Stderr, "ptyfeed: -n wants a positive number")
			os.Exit(2)
		}
		args, times = args[2:], n
	}
	if len(args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: ptyfeed [-n N] PASSFILE COMMAND [ARG...]")
		os.Exit(2)
	}
	pass, err := os.ReadFile(args[0])
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

	cmd := exec.Command(args[1], args[2:]...)
	cmd.Stdin, cmd.Stdout, cmd.Stderr = slave, os.Stdout, os.Stderr
	cmd.SysProcAttr = &syscall.SysProcAttr{Setsid: true, Setctty: true, Ctty: 0}
	check(cmd.Start())
	slave.Close()

	// The lines wait in the terminal's input queue until the command reads
	// them; echo (before the command turns it off) comes back on master.
	// Typing ahead works because age reads the passphrase a byte at a time
	// (x/term ReadPassword) and changes the terminal's modes without
	// flushing its input, so the second line waits for the second prompt.
	line := append(pass, '\n')
	_, err = master.Write(bytes.Repeat(line, times))
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

# What go:embed puts into the binary, taken right after the build (others
# may edit the tree meanwhile): the fonts in the tree, DejaVu Sans and Sans
# Bold from the module cache, the catalogues and the guide's directory.
dejavu=$(cd "$root" && go list -m -f '{{.Dir}}' github.com/go-fonts/dejavu 2>/dev/null) || dejavu=""
size_fonts=$(cat "$root"/printout/fonts/*.ttf 2>/dev/null | wc -c)
size_dejavu=0
[[ -n $dejavu ]] && size_dejavu=$(cat "$dejavu"/dejavusans/*.ttf "$dejavu"/dejavusansbold/*.ttf 2>/dev/null | wc -c)
size_cat=$(cat "$root"/locales/*.json | wc -c)
n_cat=$(find "$root/locales" -maxdepth 1 -name '*.json' | wc -l)
size_guide=$(stat -c %s "$root/directory/guide.json" 2>/dev/null || echo 0)
goos=$(go env GOOS) goarch=$(go env GOARCH)
# The sample binder every command works on, copied now for the same reason.
sample=$tmp/sample-binder.json
cp "$root/testdata/sample-binder.json" "$sample"

P=$bin/pathway AGE=$bin/age FEED=$bin/ptyfeed

# --- vaults -------------------------------------------------------------
say "sealing the sample binder (scrypt, work factor 18) and to an X25519 identity"
printf 'correct horse battery staple\n' >"$tmp/pass"
"$P" import --passphrase-file "$tmp/pass" --vault "$tmp/vp" "$sample" >/dev/null
"$bin/age-keygen" -o "$tmp/key.txt" 2>/dev/null
"$P" import --identity "$tmp/key.txt" --vault "$tmp/vi" "$sample" >/dev/null
VP=$tmp/vp/binder.age VI=$tmp/vi/binder.age
stanza=$(sed -n 2p "$VP")
[[ $stanza == "-> scrypt "*" 18" ]] || { say "unexpected stanza: $stanza"; exit 1; }

# Both sides must really decrypt the file, to the sample itself.
"$P" export --passphrase-file "$tmp/pass" --vault "$tmp/vp" 2>/dev/null | cmp -s - "$sample"
"$FEED" "$tmp/pass" "$AGE" -d "$VP" | cmp -s - "$sample"
"$P" export --identity "$tmp/key.txt" --vault "$tmp/vi" 2>/dev/null | cmp -s - "$sample"
"$AGE" -d -i "$tmp/key.txt" "$VI" | cmp -s - "$sample"
say "all four decrypt to testdata/sample-binder.json (copied at build time)"

# --- saving ---------------------------------------------------------------
# The save side: pathway seals the JSON it is given (plan.Encode of the
# sample gives the same bytes back, checked above: export = the file), and
# age -e encrypts that same file. $tmp/vr and $tmp/vri are vaults that the
# timed `import --replace` runs save over again and again; $tmp/vn is
# removed before every timed run (hyperfine --prepare), so each
# `import` into it starts from nothing, as a first import does.
"$P" import --passphrase-file "$tmp/pass" --vault "$tmp/vr" "$sample" >/dev/null 2>&1
"$P" import --identity "$tmp/key.txt" --vault "$tmp/vri" "$sample" >/dev/null 2>&1
saved() { # DIR KEYFLAG KEYFILE: the vault DIR opens to the sample
	"$P" export "$2" "$3" --vault "$1" 2>/dev/null | cmp -s - "$sample" || { say "$1 does not open to the sample"; exit 1; }
}
"$P" import --replace --passphrase-file "$tmp/pass" --vault "$tmp/vr" "$sample" >/dev/null 2>&1
"$P" import --replace --identity "$tmp/key.txt" --vault "$tmp/vri" "$sample" >/dev/null 2>&1
[[ -f $tmp/vr/binder.previous.age && -f $tmp/vri/binder.previous.age ]] || { say "import --replace kept no backup"; exit 1; }
saved "$tmp/vr" --passphrase-file "$tmp/pass"
saved "$tmp/vri" --identity "$tmp/key.txt"
# age -e -p, the passphrase typed twice; what it makes is a vault file
# pathway opens, and age -e -i likewise.
"$FEED" -n 2 "$tmp/pass" "$AGE" -e -p -o "$tmp/age-e.age" "$sample"
[[ $(sed -n 2p "$tmp/age-e.age") == "-> scrypt "*" 18" ]] || { say "age -e -p: unexpected stanza"; exit 1; }
"$AGE" -e -i "$tmp/key.txt" -o "$tmp/age-ei.age" "$sample"
mkdir -m 700 "$tmp/va" "$tmp/vai"
cp "$tmp/age-e.age" "$tmp/va/binder.age"
cp "$tmp/age-ei.age" "$tmp/vai/binder.age"
saved "$tmp/va" --passphrase-file "$tmp/pass"
saved "$tmp/vai" --identity "$tmp/key.txt"
say "import, import --replace, age -e -p and age -e -i all make vaults that open to the sample"

# --- printouts ----------------------------------------------------------
# The three printouts as timed below: no --lang, so cards and checklist
# come out in the binder's language (en) and the sheet in the helper's
# first language (Mei: zh-Hans). Each timed command writes its own file with
# --force, as a person printing again would. The PDFs are deterministic
# (fixed dates), so the passphrase and identity vaults must give the same
# bytes, and the files left by the timed runs are compared with these.
out=$tmp/out
mkdir -p "$out" "$tmp/ref"
kinds=(cards checklist sheet)
declare -A what=([cards]="cards" [checklist]="checklist release-1" [sheet]="sheet Mei")
for k in "${kinds[@]}"; do
	# shellcheck disable=SC2086 # what[] holds the subcommand and its argument
	"$P" print ${what[$k]} --passphrase-file "$tmp/pass" --vault "$tmp/vp" -o "$tmp/ref/$k.pdf" 2>/dev/null
	# shellcheck disable=SC2086
	"$P" print ${what[$k]} --identity "$tmp/key.txt" --vault "$tmp/vi" -o - 2>/dev/null >"$tmp/ref/$k-id.pdf"
	cmp -s "$tmp/ref/$k.pdf" "$tmp/ref/$k-id.pdf" || { say "print $k: the two vaults give different PDFs"; exit 1; }
	[[ $(head -c 5 "$tmp/ref/$k.pdf") == %PDF- ]] || { say "print $k: not a PDF"; exit 1; }
	for lang in en zh-Hans th; do
		# shellcheck disable=SC2086
		"$P" print ${what[$k]} --lang "$lang" --identity "$tmp/key.txt" --vault "$tmp/vi" -o - 2>/dev/null >"$tmp/ref/$k-$lang.pdf"
	done
done
# pages: fpdf writes one "/Type /Page" dictionary per page, uncompressed.
pages() { grep -ac '/Type /Page\([^s]\|$\)' "$1"; }
# sizepg FILE: "bytes (pages p.)"
sizepg() { printf '%d (%d p.)' "$(stat -c %s "$1")" "$(pages "$1")"; }
# which language a printout without --lang came out in.
deflang() {
	local l
	for l in en zh-Hans th; do
		cmp -s "$tmp/ref/$1.pdf" "$tmp/ref/$1-$l.pdf" && { echo "$l"; return; }
	done
	echo "?"
}
cp "$VP" "$tmp/vp.before"
cp "$VI" "$tmp/vi.before"
say "the printouts are PDFs and the same from both vaults"

# --- helpers ------------------------------------------------------------
# The machine is a small VM whose speed drifts (some hyperfine runs of the
# scrypt case took several seconds instead of ~0.75 s). So the commands of
# one comparison are interleaved: each round is one hyperfine call running
# every command of the group (the order reversed every other round), and
# the per-run times of all rounds are pooled. Drift then hits both sides
# alike instead of whichever command happened to run during it.
#
# group ROUNDS PER_ROUND WARMUP NAME CMD [NAME CMD]... : hyperfine with -N
# (no shell; output to /dev/null), per-run times appended to times.tsv as
# NAME, seconds, round (numbered across all groups, for pdiff). If $prep is
# set, hyperfine runs it (untimed) before every run of every command.
group() {
	local rounds=$1 per=$2 warm=$3
	shift 3
	local names=() cmds=() i r args pre=()
	while (($#)); do names+=("$1"); cmds+=("$2"); shift 2; done
	[[ -n ${prep:-} ]] && pre=(--prepare "$prep")
	say "hyperfine: ${names[*]} ($rounds rounds x $per runs, warmup $warm)"
	args=()
	for i in "${!names[@]}"; do args+=(-n "${names[$i]}" "${cmds[$i]}"); done
	hyperfine -N --style none "${pre[@]}" --runs "$warm" "${args[@]}" >/dev/null 2>&1 ||
		{ say "a command failed:"; hyperfine -N "${pre[@]}" --runs 1 "${args[@]}"; exit 1; }
	for ((r = 0; r < rounds; r++)); do
		args=()
		for i in "${!names[@]}"; do
			((r % 2)) && i=$((${#names[@]} - 1 - i))
			args+=(-n "${names[$i]}" "${cmds[$i]}")
		done
		hyperfine -N --style none "${pre[@]}" --runs "$per" --export-json "$tmp/round.json" "${args[@]}" >/dev/null 2>&1
		jq -r --arg r "$((round += 1))" '.results[] | .command as $c | .times[] | "\($c)\t\(.)\t\($r)"' \
			"$tmp/round.json" >>"$tmp/times.tsv"
	done
}
round=0
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
# pdiff A B : median over the rounds of (A's run − B's run in the same
# round), ms. Only for groups of one run per round (the scrypt cases): the
# two runs of a pair are seconds apart, so slow drift cancels, which a
# difference of two medians does not do.
pdiff() {
	awk -F'\t' -v a="$1" -v b="$2" '$1 == a { A[$3] = $2 * 1000 } $1 == b { B[$3] = $2 * 1000 }
		END { for (r in A) if (r in B) print A[r] - B[r] }' "$tmp/times.tsv" | sort -g | awk '{ v[NR] = $1 } END {
		printf "%.1f\n", (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

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
pct() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f %%", 100 * a / b }'; }
minus() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", a - b }'; }

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
: >"$tmp/times.tsv"

# --- 1. passphrase (scrypt) vault: RUNS rounds of one run each ----------
pp=(--passphrase-file "$tmp/pass" --vault "$tmp/vp")
pi=(--identity "$tmp/key.txt" --vault "$tmp/vi")
# Before every run: the vault that `import` fills is empty again.
prep=$(q rm -rf "$tmp/vn")
group "$RUNS" 1 1 \
	imp-new "$(q "$P" import --passphrase-file "$tmp/pass" --vault "$tmp/vn" "$sample")" \
	imp-new-feed "$(q "$FEED" -n 2 "$tmp/pass" "$P" import --passphrase-file "$tmp/pass" --vault "$tmp/vn" "$sample")" \
	imp-rep "$(q "$P" import --replace --passphrase-file "$tmp/pass" --vault "$tmp/vr" "$sample")" \
	age-enc-feed "$(q "$FEED" -n 2 "$tmp/pass" "$AGE" -e -p -o "$out/age-enc.age" "$sample")" \
	p-pass "$(q "$P" export "${pp[@]}")" \
	p-pass-feed "$(q "$FEED" "$tmp/pass" "$P" export "${pp[@]}")" \
	age-pass-feed "$(q "$FEED" "$tmp/pass" "$AGE" -d "$VP")" \
	pc-pass "$(q "$P" print cards "${pp[@]}" -o "$out/pc-pass.pdf" --force)" \
	pc-pass-feed "$(q "$FEED" "$tmp/pass" "$P" print cards "${pp[@]}" -o "$out/pc-pass-feed.pdf" --force)" \
	pl-pass "$(q "$P" print checklist release-1 "${pp[@]}" -o "$out/pl-pass.pdf" --force)" \
	ps-pass "$(q "$P" print sheet Mei "${pp[@]}" -o "$out/ps-pass.pdf" --force)"

# --- 2. millisecond cases: 10 rounds of FAST_PER runs each --------------
group 10 "$FAST_PER" 3 \
	feed-true "$(q "$FEED" "$tmp/pass" true)" \
	imp-new-id "$(q "$P" import --identity "$tmp/key.txt" --vault "$tmp/vn" "$sample")" \
	imp-rep-id "$(q "$P" import --replace --identity "$tmp/key.txt" --vault "$tmp/vri" "$sample")" \
	age-enc-id "$(q "$AGE" -e -i "$tmp/key.txt" -o "$out/age-enc-id.age" "$sample")" \
	p-id "$(q "$P" export "${pi[@]}")" \
	age-id "$(q "$AGE" -d -i "$tmp/key.txt" "$VI")" \
	p-version "$(q "$P" --version)" \
	age-version "$(q "$AGE" --version)" \
	pc-id "$(q "$P" print cards "${pi[@]}" -o "$out/pc-id.pdf" --force)" \
	pl-id "$(q "$P" print checklist release-1 "${pi[@]}" -o "$out/pl-id.pdf" --force)" \
	ps-id "$(q "$P" print sheet Mei "${pi[@]}" -o "$out/ps-id.pdf" --force)" \
	ps-en-id "$(q "$P" print sheet Mei --lang en "${pi[@]}" -o "$out/ps-en-id.pdf" --force)" \
	pl-zh-id "$(q "$P" print checklist release-1 --lang zh-Hans "${pi[@]}" -o "$out/pl-zh-id.pdf" --force)" \
	pl-th-id "$(q "$P" print checklist release-1 --lang th "${pi[@]}" -o "$out/pl-th-id.pdf" --force)"

# The timed runs wrote what they should and left the vaults alone.
for f in pc-pass:cards pc-pass-feed:cards pl-pass:checklist ps-pass:sheet \
	pc-id:cards pl-id:checklist ps-id:sheet ps-en-id:sheet-en pl-zh-id:checklist-zh-Hans pl-th-id:checklist-th; do
	cmp -s "$out/${f%%:*}.pdf" "$tmp/ref/${f#*:}.pdf" || { say "${f%%:*}.pdf differs from ${f#*:}.pdf"; exit 1; }
done
cmp -s "$VP" "$tmp/vp.before" && cmp -s "$VI" "$tmp/vi.before" || { say "a vault file changed"; exit 1; }
# ... and the saves saved what they were given ($tmp/vn is removed before
# every run, whichever command it is, so it is checked only above).
saved "$tmp/vr" --passphrase-file "$tmp/pass"
saved "$tmp/vri" --identity "$tmp/key.txt"
cp "$out/age-enc.age" "$tmp/va/binder.age"
cp "$out/age-enc-id.age" "$tmp/vai/binder.age"
saved "$tmp/va" --passphrase-file "$tmp/pass"
saved "$tmp/vai" --identity "$tmp/key.txt"

# --- 3. first frame in tmux ---------------------------------------------
# One tmux server on a socket in $tmp, started from an empty environment
# (English, HOME in $tmp), with remain-on-exit so that a program that ends
# leaves its pane (and an error) to read. Each run makes a fresh 80x24
# session running the command directly (argv form, no shell), reads the
# pane with `capture-pane -p` every 5 ms (or back to back, if a capture
# takes longer) until it shows NEEDLE, and counts from just before
# `new-session` to the end of the capture that showed it. Then it kills
# the session and waits for the program to be gone. The baseline is the
# trivial program `sh -c 'printf …; exec sleep 600'`; it must stay, because
# tmux 3.3a scrolls a dead pane's last screen out of `capture-pane -p`'s
# view. The cases alternate (order reversed every other round) and each
# round has its own number, so pdiff pairs pathway with the printf run of
# the same round.
say "tmux: time to first frame, $TM_RUNS rounds (+1 warmup) of 4 cases"
mkdir -m 700 "$tmp/home" "$tmp/fresh"
cp -a "$tmp/vp" "$tmp/vhp"
cp -a "$tmp/vi" "$tmp/vhi"
env -i PATH=/usr/bin:/bin HOME="$tmp/home" LANG=C.UTF-8 \
	tmux -S "$sock" -f /dev/null new-session -d -s keep -x 80 -y 24 sleep 86400
tmux -S "$sock" set-option -g remain-on-exit on
# read -t on a pipe nobody writes to: a short sleep without a fork.
exec {nap}<> <(:)
polls=0 polled=0 polled_us=0 tm_n=0
# frame NAME NEEDLE [-e VAR=VALUE]... -- COMMAND [ARG...] : one run; its
# time goes to times.tsv as NAME (with round $round) unless NAME is "-".
frame() {
	local name=$1 needle=$2 env=() s t0 t1 d now next pid sess=r$((++tm_n)) n=0
	shift 2
	while [[ $1 != -- ]]; do env+=("$1"); shift; done
	shift
	t0=$EPOCHREALTIME
	tmux -S "$sock" new-session -d -s "$sess" -x 80 -y 24 "${env[@]}" "$@"
	next=$((${t0/[.,]/} + 5000))
	until s=$(tmux -S "$sock" capture-pane -p -t "$sess") && [[ $s == *"$needle"* ]]; do
		now=${EPOCHREALTIME/[.,]/}
		if ((now - ${t0/[.,]/} > 20000000)); then
			say "tmux: no \"$needle\" after 20 s from: $*"
			tmux -S "$sock" capture-pane -p -S - -t "$sess" >&2
			exit 1
		fi
		# The next capture is due 5 ms after the one before was; if that
		# one took longer, it starts at once.
		if ((next > now)); then
			read -rt "0.$(printf '%06d' $((next - now)))" -u "$nap" || :
		fi
		((next += 5000, ++n))
	done
	t1=$EPOCHREALTIME
	polled=$((n + 1))
	d=$((${t1/[.,]/} - ${t0/[.,]/}))
	pid=$(tmux -S "$sock" display-message -p -t "$sess" '#{pane_pid}')
	tmux -S "$sock" kill-session -t "$sess"
	for ((n = 0; n < 400; n++)); do
		kill -0 "$pid" 2>/dev/null || break
		read -rt 0.005 -u "$nap" || :
	done
	kill -0 "$pid" 2>/dev/null && { say "tmux: $* still running 2 s after its session ended"; exit 1; }
	[[ $name == - ]] && return
	printf '%s\t%d.%06d\t%d\n' "$name" $((d / 1000000)) $((d % 1000000)) "$round" >>"$tmp/times.tsv"
	((polls += polled, polled_us += d))
}
welcome="Welcome to pathway" home="What do you want to do?"
tm_cases=(tm-printf tm-welcome tm-home-id tm-home-pass)
for ((r = 0; r <= TM_RUNS; r++)); do
	((r > 0)) && ((round += 1))
	for ((i = 0; i < ${#tm_cases[@]}; i++)); do
		c=${tm_cases[$(((r % 2) ? ${#tm_cases[@]} - 1 - i : i))]}
		name=$c
		((r == 0)) && name=-
		case $c in
		tm-printf) frame "$name" "$welcome" -- /bin/sh -c 'printf "%s\n" "$1"; exec sleep 600' sh "$welcome" ;;
		tm-welcome)
			mkdir -m 700 "$tmp/fresh/$r"
			frame "$name" "$welcome" -e "PATHWAY_VAULT=$tmp/fresh/$r" -- "$P"
			;;
		tm-home-id) frame "$name" "$home" -- "$P" --identity "$tmp/key.txt" --vault "$tmp/vhi" ;;
		tm-home-pass) frame "$name" "$home" -- "$P" --passphrase-file "$tmp/pass" --vault "$tmp/vhp" ;;
		esac
	done
done
tmux -S "$sock" kill-server

# --- 4. peak memory, interleaved too -------------------------------------
say "GNU time -v: $MEM_RUNS runs of each command"
for ((i = 0; i < MEM_RUNS; i++)); do
	mem p-pass -- "$P" export --passphrase-file "$tmp/pass" --vault "$tmp/vp"
	mem age-pass "$FEED" "$tmp/pass" -- "$AGE" -d "$VP"
	rm -rf "$tmp/vn"
	mem imp-new -- "$P" import --passphrase-file "$tmp/pass" --vault "$tmp/vn" "$sample"
	mem imp-rep -- "$P" import --replace --passphrase-file "$tmp/pass" --vault "$tmp/vr" "$sample"
	mem age-enc "$FEED" -n 2 "$tmp/pass" -- "$AGE" -e -p -o "$out/age-enc.age" "$sample"
	mem feed-true -- "$FEED" "$tmp/pass" true
	mem p-id -- "$P" export --identity "$tmp/key.txt" --vault "$tmp/vi"
	mem age-id -- "$AGE" -d -i "$tmp/key.txt" "$VI"
	mem p-version -- "$P" --version
	mem pc-pass -- "$P" print cards "${pp[@]}" -o "$out/pc-pass.pdf" --force
	mem pc-id -- "$P" print cards "${pi[@]}" -o "$out/pc-id.pdf" --force
	mem pl-id -- "$P" print checklist release-1 "${pi[@]}" -o "$out/pl-id.pdf" --force
	mem ps-id -- "$P" print sheet Mei "${pi[@]}" -o "$out/ps-id.pdf" --force
	mem pl-zh-id -- "$P" print checklist release-1 --lang zh-Hans "${pi[@]}" -o "$out/pl-zh-id.pdf" --force
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
t_pc=$(med pc-pass) t_pcf=$(med pc-pass-feed) t_pl=$(med pl-pass) t_ps=$(med ps-pass)
t_pci=$(med pc-id) t_pli=$(med pl-id) t_psi=$(med ps-id) t_psei=$(med ps-en-id)
t_plzi=$(med pl-zh-id) t_plti=$(med pl-th-id)
m_pc=$(rss pc-pass) m_pci=$(rss pc-id) m_pli=$(rss pl-id) m_psi=$(rss ps-id) m_plzi=$(rss pl-zh-id)
# saving
t_in=$(med imp-new) t_inf=$(med imp-new-feed) t_ir=$(med imp-rep) t_aef=$(med age-enc-feed)
t_ae=$(minus "$t_aef" "$t_feed_true")
t_ini=$(med imp-new-id) t_iri=$(med imp-rep-id) t_aei=$(med age-enc-id)
m_in=$(rss imp-new) m_ir=$(rss imp-rep) m_ae=$(rss age-enc)
# first frame in tmux
t_tmp=$(med tm-printf) t_tmw=$(med tm-welcome) t_tmi=$(med tm-home-id) t_tms=$(med tm-home-pass)

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

- tree: $commit$( ((dirty)) && echo " with $dirty uncommitted change(s) outside BENCHMARKS.md and scripts/ at build time" || echo ", nothing uncommitted outside BENCHMARKS.md and scripts/ at build time")
- machine: $(nproc) cores, $(free -h | awk '/^Mem:/ { print $2 }') RAM, $(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo), $(uname -sr)
- $(go version); binaries built for $goos/$goarch, CGO_ENABLED=0, -trimpath
- vaults and outputs on $(df -T "$tmp" | awk 'NR == 2 { print $2 }') ($tmp; pathway syncs every file it saves, age does not)
- hyperfine $(hyperfine --version | awk '{ print $2 }') -N, interleaved rounds: $(count p-pass) runs of each scrypt command (warmup 1), $(count p-id) of each millisecond command (warmup 3); max RSS: median of $MEM_RUNS runs of GNU time -v; $(tmux -V), $(count tm-welcome) runs of each first-frame case (warmup 1)
- load average (1, 5, 15 min) before: $load_before; after: $load_after

### Summary: pathway against age on the same bytes

Measured $(date -u +%F) on the machine above; \`scripts/bench.sh\` reproduces every figure. The bytes: the $(stat -c %s "$sample")-byte sample binder (testdata/sample-binder.json) and its $(stat -c %s "$VP")-byte vault file. Times are medians in ms. age is timed under ptyfeed (its passphrase is typed on a pseudo-terminal) minus ptyfeed's own cost ($t_feed_true ms); where pathway was also timed under ptyfeed, the last column compares both wrapped.

| operation, passphrase vault (scrypt, work factor 18) | pathway | age | pathway / age | both under ptyfeed |
|---|---:|---:|---:|---:|
| open: \`pathway export\` / \`age -d\` | $t_p | $t_a | $(ratio "$t_p" "$t_a") | $(ratio "$t_pf" "$t_af") |
| save into an empty vault (1 scrypt): \`pathway import\` / \`age -e -p\` | $t_in | $t_ae | $(ratio "$t_in" "$t_ae") | $(ratio "$t_inf" "$t_aef") |
| save over a vault (open + seal: 2 scrypt): \`pathway import --replace\` / \`age -e -p\` | $t_ir | $t_ae | $(ratio "$t_ir" "$t_ae") | |
| print: \`pathway print cards\` / \`age -d\` | $t_pc | $t_a | $(ratio "$t_pc" "$t_a") | $(ratio "$t_pcf" "$t_af") |

| operation, X25519 identity vault (no scrypt) | pathway | age | pathway / age | pathway − age |
|---|---:|---:|---:|---:|
| open: \`pathway export\` / \`age -d -i\` | $t_pi | $t_ai | $(ratio "$t_pi" "$t_ai") | $(minus "$t_pi" "$t_ai") |
| save into an empty vault: \`pathway import\` / \`age -e -i\` | $t_ini | $t_aei | $(ratio "$t_ini" "$t_aei") | $(minus "$t_ini" "$t_aei") |
| save over a vault: \`pathway import --replace\` / \`age -e -i\` | $t_iri | $t_aei | $(ratio "$t_iri" "$t_aei") | $(minus "$t_iri" "$t_aei") |
| print: \`pathway print cards\` / \`age -d -i\` | $t_pci | $t_ai | $(ratio "$t_pci" "$t_ai") | $(minus "$t_pci" "$t_ai") |

| peak memory (median max RSS), passphrase vault | pathway | age | pathway / age |
|---|---:|---:|---:|
| open: \`pathway export\` / \`age -d\` | $m_p MiB | $m_a MiB | $(ratio "$m_p" "$m_a") |
| save into an empty vault: \`pathway import\` / \`age -e -p\` | $m_in MiB | $m_ae MiB | $(ratio "$m_in" "$m_ae") |
| save over a vault: \`pathway import --replace\` / \`age -e -p\` | $m_ir MiB | $m_ae MiB | $(ratio "$m_ir" "$m_ae") |
| print: \`pathway print cards\` / \`age -d\` | $m_pc MiB | $m_a MiB | $(ratio "$m_pc" "$m_a") |

| start-up and size | pathway | age (for scale) |
|---|---:|---:|
| \`--version\`, median wall time | $t_ver ms | $t_aver ms |
| first frame in a new 80x24 tmux session, first-run welcome (empty vault), minus the same for printf | $(pdiff tm-welcome tm-printf) ms (paired) | |
| first frame, home menu of an identity vault (X25519 open), minus printf | $(pdiff tm-home-id tm-printf) ms (paired) | |
| first frame, home menu of a passphrase vault (one scrypt open), minus printf: dominated by scrypt | $(pdiff tm-home-pass tm-printf) ms (paired) | |
| static $goos/$goarch binary | $(mib "$size_p") | $(mib "$size_a") |

### First frame in tmux (new 80x24 session, \`capture-pane -p\` every 5 ms)

| command run in the session | waits for | median | range (min–max) | minus printf: paired | minus printf: of medians |
|---|---|---:|---:|---:|---:|
| \`sh -c 'printf "%s\\n" "\$1"; exec sleep 600' sh 'Welcome to pathway'\` (what tmux, sh and the polling cost) | Welcome to pathway | $t_tmp ms | $(spread tm-printf) ms | | |
| \`pathway\` with PATHWAY_VAULT a new empty folder: first-run welcome | Welcome to pathway | $t_tmw ms | $(spread tm-welcome) ms | $(pdiff tm-welcome tm-printf) ms | $(minus "$t_tmw" "$t_tmp") ms |
| \`pathway --identity key.txt --vault V\`: home menu, no scrypt | $home | $t_tmi ms | $(spread tm-home-id) ms | $(pdiff tm-home-id tm-printf) ms | $(minus "$t_tmi" "$t_tmp") ms |
| \`pathway --passphrase-file P --vault V\`: home menu, one scrypt open | $home | $t_tms ms | $(spread tm-home-pass) ms | $(pdiff tm-home-pass tm-printf) ms | $(minus "$t_tms" "$t_tmp") ms |

Captures were due every 5 ms, but one \`tmux capture-pane -p\` (a fork and a tmux client) can take longer: over all timed runs the pane was read once every $(awk -v u="$polled_us" -v n="$polls" 'BEGIN { printf "%.1f", u / n / 1000 }') ms on average (time to first frame / captures). Each figure is late by up to one such interval, on both sides of a difference alike. For comparison, the passphrase-vault \`pathway export\` above took $t_p ms.

### Saving (each command also has the sample binder as FILE)

| command | median wall time | range (min–max) | median max RSS |
|---|---:|---:|---:|
| \`pathway import --passphrase-file P --vault EMPTY FILE\` (1 scrypt: seal) | $t_in ms | $(spread imp-new) ms | $m_in MiB |
| \`ptyfeed -n 2 P pathway import --passphrase-file P --vault EMPTY FILE\` | $t_inf ms | $(spread imp-new-feed) ms | – |
| \`pathway import --replace --passphrase-file P --vault V FILE\` (2 scrypt: open, seal) | $t_ir ms | $(spread imp-rep) ms | $m_ir MiB |
| \`ptyfeed -n 2 P age -e -p -o OUT FILE\` | $t_aef ms | $(spread age-enc-feed) ms | $m_ae MiB (age alone) |
| age -e -p alone (wrapped − overhead) | $t_ae ms | | |
| \`pathway import --identity key.txt --vault EMPTY FILE\` | $t_ini ms | $(spread imp-new-id) ms | |
| \`pathway import --replace --identity key.txt --vault V FILE\` | $t_iri ms | $(spread imp-rep-id) ms | |
| \`age -e -i key.txt -o OUT FILE\` | $t_aei ms | $(spread age-enc-id) ms | |

| saving, passphrase vault | value |
|---|---:|
| import − age -e -p, both wrapped, paired | $(pdiff imp-new-feed age-enc-feed) ms ($(pct "$(pdiff imp-new-feed age-enc-feed)" "$t_inf") of wrapped import) |
| import --replace − import, paired (one more scrypt, and the old file kept as the backup) | $(pdiff imp-rep imp-new) ms |
| import --replace / age -e -p alone | $(ratio "$t_ir" "$t_ae") |

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

### Printouts, passphrase vault (each command also has \`-o FILE --force\`)

| command | median wall time | range (min–max) | minus export: paired (share) | minus export: of medians |
|---|---:|---:|---:|---:|
| \`pathway print cards --passphrase-file P --vault V\` | $t_pc ms | $(spread pc-pass) ms | $(pdiff pc-pass p-pass) ms ($(pct "$(pdiff pc-pass p-pass)" "$t_pc")) | $(minus "$t_pc" "$t_p") ms |
| \`ptyfeed P pathway print cards --passphrase-file P --vault V\` | $t_pcf ms | $(spread pc-pass-feed) ms | $(pdiff pc-pass-feed p-pass-feed) ms (wrapped, against wrapped export) | $(minus "$t_pcf" "$t_pf") ms |
| \`pathway print checklist release-1 --passphrase-file P --vault V\` | $t_pl ms | $(spread pl-pass) ms | $(pdiff pl-pass p-pass) ms ($(pct "$(pdiff pl-pass p-pass)" "$t_pl")) | $(minus "$t_pl" "$t_p") ms |
| \`pathway print sheet Mei --passphrase-file P --vault V\` | $t_ps ms | $(spread ps-pass) ms | $(pdiff ps-pass p-pass) ms ($(pct "$(pdiff ps-pass p-pass)" "$t_ps")) | $(minus "$t_ps" "$t_p") ms |

| \`pathway print cards\` against \`age -d\`, passphrase vault | value |
|---|---:|
| time ratio, both under ptyfeed | $(ratio "$t_pcf" "$t_af") |
| time ratio, print cards bare / (age wrapped − overhead) | $(ratio "$t_pc" "$t_a") |
| print cards − age -d, both wrapped, paired | $(pdiff pc-pass-feed age-pass-feed) ms ($(pct "$(pdiff pc-pass-feed age-pass-feed)" "$t_pcf") of wrapped print cards) |
| print cards − age -d, difference of medians (bare − (wrapped − overhead)) | $(minus "$t_pc" "$t_a") ms ($(pct "$(minus "$t_pc" "$t_a")" "$t_pc") of print cards) |
| print cards − export (same binary, same vault), paired | $(pdiff pc-pass p-pass) ms ($(pct "$(pdiff pc-pass p-pass)" "$t_pc") of print cards) |
| print cards, identity vault / passphrase vault | $(pct "$t_pci" "$t_pc") |
| peak memory (max RSS) ratio | $(ratio "$m_pc" "$m_a") ($m_pc MiB against $m_a MiB) |

### Printouts, X25519 identity vault (no scrypt; each command also has \`-o FILE --force\`)

| command | median wall time | range (min–max) | minus export | median max RSS |
|---|---:|---:|---:|---:|
| \`pathway print cards --identity key.txt --vault V\` | $t_pci ms | $(spread pc-id) ms | $(minus "$t_pci" "$t_pi") ms | $m_pci MiB |
| \`pathway print checklist release-1 …\` | $t_pli ms | $(spread pl-id) ms | $(minus "$t_pli" "$t_pi") ms | $m_pli MiB |
| \`pathway print sheet Mei …\` (comes out in $(deflang sheet)) | $t_psi ms | $(spread ps-id) ms | $(minus "$t_psi" "$t_pi") ms | $m_psi MiB |
| \`pathway print sheet Mei --lang en …\` | $t_psei ms | $(spread ps-en-id) ms | $(minus "$t_psei" "$t_pi") ms | |
| \`pathway print checklist release-1 --lang zh-Hans …\` | $t_plzi ms | $(spread pl-zh-id) ms | $(minus "$t_plzi" "$t_pi") ms | $m_plzi MiB |
| \`pathway print checklist release-1 --lang th …\` | $t_plti ms | $(spread pl-th-id) ms | $(minus "$t_plti" "$t_pi") ms | |

| identity vault / passphrase vault | cards | checklist | sheet |
|---|---:|---:|---:|
| median wall time | $(pct "$t_pci" "$t_pc") | $(pct "$t_pli" "$t_pl") | $(pct "$t_psi" "$t_ps") |

### Printout sizes, bytes (pages)

| printout | as timed (no --lang) | --lang en | --lang zh-Hans | --lang th |
|---|---:|---:|---:|---:|
| cards | $(sizepg "$tmp/ref/cards.pdf"), = $(deflang cards) | $(sizepg "$tmp/ref/cards-en.pdf") | $(sizepg "$tmp/ref/cards-zh-Hans.pdf") | $(sizepg "$tmp/ref/cards-th.pdf") |
| checklist release-1 | $(sizepg "$tmp/ref/checklist.pdf"), = $(deflang checklist) | $(sizepg "$tmp/ref/checklist-en.pdf") | $(sizepg "$tmp/ref/checklist-zh-Hans.pdf") | $(sizepg "$tmp/ref/checklist-th.pdf") |
| sheet Mei | $(sizepg "$tmp/ref/sheet.pdf"), = $(deflang sheet) | $(sizepg "$tmp/ref/sheet-en.pdf") | $(sizepg "$tmp/ref/sheet-zh-Hans.pdf") | $(sizepg "$tmp/ref/sheet-th.pdf") |

$( cmp -s "$tmp/ref/cards-en.pdf" "$tmp/ref/cards-zh-Hans.pdf" && cmp -s "$tmp/ref/cards-en.pdf" "$tmp/ref/cards-th.pdf" && echo "The cards are byte for byte the same in the three languages." )

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
| static $goos/$goarch binary (CGO_ENABLED=0, -trimpath) | $(mib "$size_p") | $(mib "$size_a") |
| of which embedded fonts: printout/fonts/*.ttf (Chinese, Korean, Thai) | $(mib "$size_fonts") | |
| of which embedded fonts: DejaVu Sans and Sans Bold (go-fonts/dejavu) | $(mib "$size_dejavu") | |
| of which embedded catalogues ($n_cat locales/*.json) | $(mib "$size_cat") | |
| of which the embedded directory of organisations (directory/guide.json) | $(mib "$size_guide") | |
| the rest: code and everything else | $(mib $((size_p - size_fonts - size_dejavu - size_cat - size_guide))) | |
EOF
if [[ -n $t_script ]]; then
	echo
	echo "Rejected wrapper: \`printf 'x\\n' | script -qec true /dev/null\` ($(script --version 2>&1 | head -1)): median $t_script ms over 3 runs."
fi
