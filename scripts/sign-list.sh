#!/bin/sh
# sign-list.sh: sign an organisations' list for pathway, with minisign.
#
# An organisation makes its key once, publishes the public key (in person,
# on its site, on paper), and signs each new version of its list. The people
# it helps trust the key once (pathway resources trust), then import each
# list with its signature beside it: pathway refuses a list that was changed
# after it was signed, or signed with a key they did not trust.
#
#   scripts/sign-list.sh keygen DIR          make DIR/list.pub (to publish) and
#                                            DIR/list.key (secret, keep it offline)
#   scripts/sign-list.sh sign KEY LIST.json  check LIST.json with pathway, then
#                                            write LIST.json.minisig beside it
#   scripts/sign-list.sh verify PUB LIST.json
#                                            check a signature as pathway will
#
# It uses the minisign tool (Debian: apt install minisign). Without it, it
# builds and runs the Go minisign of aead.dev/minisign, a dependency of
# pathway (Go needed). See docs/signed-lists.md.
set -eu

root=$(cd "$(dirname "$0")/.." && pwd)

run_minisign() {
	if command -v minisign >/dev/null 2>&1; then
		command minisign "$@"
		return
	fi
	# Built from pathway's own module, so that it runs from any folder.
	bin=$(mktemp -d)/minisign
	go -C "$root" build -o "$bin" aead.dev/minisign/cmd/minisign
	"$bin" "$@"
	rm -rf "$(dirname "$bin")"
}

usage() {
	sed -n '2,20p' "$0" | sed 's/^# \{0,1\}//' >&2
	exit 2
}

[ $# -ge 1 ] || usage
case "$1" in
keygen)
	[ $# -eq 2 ] || usage
	mkdir -p "$2"
	# The secret key is protected with a password minisign asks for.
	# Keep it off the computers you use every day.
	run_minisign -G -p "$2/list.pub" -s "$2/list.key"
	echo "Publish $2/list.pub. Keep $2/list.key secret."
	echo "Give people the key's words to compare, after they trust it:"
	echo "  pathway resources trust $2/list.pub --name \"Your organisation\""
	;;
sign)
	[ $# -eq 3 ] || usage
	key=$2 list=$3
	# The list must read: pathway checks it the way it will on import,
	# in a throwaway vault, without signature (--unsigned).
	if command -v pathway >/dev/null 2>&1; then
		tmp=$(mktemp -d)
		trap 'rm -rf "$tmp"' EXIT
		printf 'a throwaway passphrase\n' > "$tmp/pass"
		PATHWAY_VAULT="$tmp/vault" pathway resources import --unsigned \
			--passphrase-file "$tmp/pass" "$list" >/dev/null
	fi
	# The trusted comment is signed too: the list's name and date.
	run_minisign -S -s "$key" -m "$list" -t "pathway list $(basename "$list") signed $(date -u +%Y-%m-%d)"
	echo "Publish $list and $list.minisig together."
	;;
verify)
	[ $# -eq 3 ] || usage
	run_minisign -V -p "$2" -m "$3"
	;;
*)
	usage
	;;
esac
