#!/usr/bin/env bash
# bench.sh measures `pathway export` and the three printouts (`pathway print
# cards`, `print checklist release-1`, `print sheet Mei`) of the sample
# binder against the real age command decrypting the same vault file: wall
# time (hyperfine, median of pooled, interleaved runs) and peak memory (max
# RSS from GNU time -v, median of MEM_RUNS), on a passphrase (scrypt) vault
# and on an X25519 identity vault, where scrypt is absent and the
# printout's own cost shows. It also records the size in bytes and pages of
# each printout in English, Simplified Chinese and Thai (whose fonts are
# embedded as subsets), `pathway --version` start-up time and the size of
# the static pathway binary. It prints Markdown tables; see BENCHMARKS.md
# for a recorded run and how to read it.
#
# Usage, from anywhere:   scripts/bench.sh
#   RUNS=N      hyperfine runs of each passphrase (scrypt) command (default 15, min 10)
#   FAST_PER=N  runs per round of the millisecond cases, 10 rounds (default 10, min 5)
#   MEM_RUNS=N  /usr/bin/time -v runs per command (default 5)
#
# Needs: go (the toolchain go.mod asks for; nothing is downloaded:
# GOPROXY=off, GOTOOLCHAIN=local), hyperfine (-N), jq, awk, cmp, GNU time
# at /usr/bin/time.
# Everything it makes, the PDFs included, lives in one temporary directory,
# removed on exit.
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
if (( RUNS < 10 || FAST_PER < 5 )); then
	echo "bench.sh: RUNS must be at least 10 and FAST_PER at least 5" >&2
	exit 2
fi

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
for tool in go hyperfine jq awk cmp; do
	command -v "$tool" >/dev/null || { echo "bench.sh: $tool not found" >&2; exit 1; }
done
[[ -x /usr/bin/time ]] || { echo "bench.sh: /usr/bin/time missing (apt-get install -y time)" >&2; exit 1; }

tmp=$(mktemp -d "${TMPDIR:-/tmp}/pathway-bench.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
trap 'exit 130' INT
trap 'exit 143' TERM HUP
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
# NAME, seconds, round (numbered across all groups, for pdiff).
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
group "$RUNS" 1 1 \
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

# --- 3. peak memory, interleaved too -------------------------------------
say "GNU time -v: $MEM_RUNS runs of each command"
for ((i = 0; i < MEM_RUNS; i++)); do
	mem p-pass -- "$P" export --passphrase-file "$tmp/pass" --vault "$tmp/vp"
	mem age-pass "$FEED" "$tmp/pass" -- "$AGE" -d "$VP"
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
# What go:embed puts into the binary: the fonts in the tree, DejaVu Sans
# and Sans Bold from the module cache, and the catalogues.
dejavu=$(cd "$root" && go list -m -f '{{.Dir}}' github.com/go-fonts/dejavu 2>/dev/null) || dejavu=""
size_fonts=$(cat "$root"/printout/fonts/*.ttf 2>/dev/null | wc -c)
size_dejavu=0
[[ -n $dejavu ]] && size_dejavu=$(cat "$dejavu"/dejavusans/*.ttf "$dejavu"/dejavusansbold/*.ttf 2>/dev/null | wc -c)
size_cat=$(cat "$root"/locales/*.json | wc -c)
n_cat=$(find "$root/locales" -maxdepth 1 -name '*.json' | wc -l)

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
| static binary (CGO_ENABLED=0, -trimpath) | $(mib "$size_p") | $(mib "$size_a") |
| of which embedded fonts: printout/fonts/*.ttf (Chinese, Korean, Thai) | $(mib "$size_fonts") | |
| of which embedded fonts: DejaVu Sans and Sans Bold (go-fonts/dejavu) | $(mib "$size_dejavu") | |
| of which embedded catalogues ($n_cat locales/*.json) | $(mib "$size_cat") | |
EOF
if [[ -n $t_script ]]; then
	echo
	echo "Rejected wrapper: \`printf 'x\\n' | script -qec true /dev/null\` ($(script --version 2>&1 | head -1)): median $t_script ms over 3 runs."
fi
