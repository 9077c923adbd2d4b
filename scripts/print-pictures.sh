#!/usr/bin/env bash
# Makes the pictures in docs/print/: page 1 of each printout of the sample
# binder, in each language given (default: the ones the docs show), as PNG;
# and, from testdata/hard-binder.json (twelve numbers to learn, long
# international numbers, six-digit extensions), the first page of cards and
# the page of the release checklist where the numbers to learn start (the
# first page with a number in spoken groups after the pages of the day), in English and Vietnamese.
# At 100 dpi: the page a release checklist opens with, for the day it
# happens (day-en, day-zh-Hans, day-vi, and English with Chinese beside it),
# and a helper's sheet in English with Chinese beside it (sheet-en-zh-Hans);
# the back side of the sample's cards (cards-back-en), its cards with
# --labels (cards-labels-en), and from the hard binder a whole page of
# cards with Arabic, Hebrew, Khmer and Lao names (cards-hard-scripts-en)
# and the page of the release checklist with the numbers to learn and
# their dated practice rows (practice-hard-en).
# Needs pdftoppm (poppler-utils). Run from anywhere:
#   scripts/print-pictures.sh            # en zh-Hans zh-Hant vi ko th
#   scripts/print-pictures.sh fr es      # others
# Look at every picture before committing it.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
langs=("$@")
[ ${#langs[@]} -gt 0 ] || langs=(en zh-Hans zh-Hant vi ko th)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$root"
go build -o "$tmp/pathway" ./cmd/pathway
printf 'pictures of the sample binder\n' > "$tmp/pass"
pw() { "$tmp/pathway" --vault "$tmp/vault" --passphrase-file "$tmp/pass" "$@" 2>/dev/null; }
pw import testdata/sample-binder.json
for lang in "${langs[@]}"; do
  pw --lang "$lang" print checklist release-1 -o "$tmp/checklist-$lang.pdf"
  pw --lang "$lang" print cards --back -o "$tmp/cards-$lang.pdf"
  pw --lang "$lang" print sheet Mei --name "Li Na" --born 1990-01-01 -o "$tmp/sheet-$lang.pdf"
  for kind in checklist cards sheet; do
    pdftoppm -f 1 -l 1 -r 60 -png -singlefile "$tmp/$kind-$lang.pdf" "docs/print/$kind-$lang"
  done
done
for lang in en zh-Hans vi; do
  pw --lang "$lang" print checklist release-1 -o "$tmp/day-$lang.pdf"
  pdftoppm -f 1 -l 1 -r 100 -png -singlefile "$tmp/day-$lang.pdf" "docs/print/day-$lang"
done
pw --lang en print checklist release-1 --bilingual zh-Hans -o "$tmp/day-en-zh-Hans.pdf"
pdftoppm -f 1 -l 1 -r 100 -png -singlefile "$tmp/day-en-zh-Hans.pdf" "docs/print/day-en-zh-Hans"
pw --lang en print sheet Mei --bilingual zh-Hans --name "Li Na" --born 1990-01-01 -o "$tmp/sheet-en-zh-Hans.pdf"
pdftoppm -f 1 -l 1 -r 100 -png -singlefile "$tmp/sheet-en-zh-Hans.pdf" "docs/print/sheet-en-zh-Hans"
pw --lang en print cards --back -o "$tmp/cards-back-en.pdf"
pdftoppm -f 2 -l 2 -r 100 -png -singlefile "$tmp/cards-back-en.pdf" "docs/print/cards-back-en"
pw --lang en print cards --labels -o "$tmp/cards-labels-en.pdf"
pdftoppm -f 1 -l 1 -r 100 -png -singlefile "$tmp/cards-labels-en.pdf" "docs/print/cards-labels-en"
hard() { "$tmp/pathway" --vault "$tmp/hard" --passphrase-file "$tmp/pass" "$@" 2>/dev/null; }
hard import testdata/hard-binder.json
for lang in en vi; do
  hard --lang "$lang" print cards --back -o "$tmp/cards-hard-$lang.pdf"
  hard --lang "$lang" print checklist release-1 -o "$tmp/learn-hard-$lang.pdf"
  pages=$(pdfinfo "$tmp/learn-hard-$lang.pdf" | awk '/^Pages:/ {print $2}')
  # The pages of the day show the numbers in spoken groups too: the
  # numbers to learn start on the first page with them after a page
  # without (the detail).
  last=$pages detail=0
  for p in $(seq "$pages"); do
    if pdftotext -f "$p" -l "$p" "$tmp/learn-hard-$lang.pdf" - | grep -q ' · '; then
      if [ "$detail" = 1 ]; then last=$p; break; fi
    else
      detail=1
    fi
  done
  pdftoppm -f 1 -l 1 -r 60 -png -singlefile "$tmp/cards-hard-$lang.pdf" "docs/print/cards-hard-$lang"
  pdftoppm -f "$last" -l "$last" -r 60 -png -singlefile "$tmp/learn-hard-$lang.pdf" "docs/print/learn-hard-$lang"
done
hard --lang en print cards -o "$tmp/cards-hard-scripts-en.pdf"
pdftoppm -f 1 -l 1 -r 100 -png -singlefile "$tmp/cards-hard-scripts-en.pdf" "docs/print/cards-hard-scripts-en"
# The practice rows: the first page full of them (four numbers, each with
# its rows dated by hand: "Date" on a line of its own twelve times).
pages=$(pdfinfo "$tmp/learn-hard-en.pdf" | awk '/^Pages:/ {print $2}')
for p in $(seq "$pages"); do
  if [ "$(pdftotext -f "$p" -l "$p" "$tmp/learn-hard-en.pdf" - | grep -c '^Date$')" -ge 12 ]; then
    pdftoppm -f "$p" -l "$p" -r 100 -png -singlefile "$tmp/learn-hard-en.pdf" "docs/print/practice-hard-en"
    break
  fi
done
ls -l docs/print
