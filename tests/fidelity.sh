#!/bin/sh
# fidelity.sh: no word of a seed is lost or invented by the import, apart from the residue
# listed below. Words are runs of letters or runs of digits (typography, Markdown syntax
# and spacing do not count); the front matter and footnote labels `[^N]:` are left out of
# the corpus files. Prints `seed words-in words-out` per seed; exits 1 on any difference
# not listed. Usage: tests/fidelity.sh [CORPUS_DIR] (default corpus).
set -u
cd "$(dirname "$0")/.."
DIR=${1:-corpus}
R=corpus/raw
export LC_ALL=C.UTF-8
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
status=0

words () { grep -oP '[\p{L}\p{M}]+|\p{N}+' | LC_ALL=C sort; }

# The body of corpus files: no front matter, no footnote labels.
body () {
	for f in "$@"; do
		awk 'NR == 1 && /^---$/ { fm = 1; next } fm && /^---$/ { fm = 0; next } !fm' "$f"
	done | sed 's/^\[^[0-9]*\]://'
}

# seed RAW "REMOVED WORDS" "ADDED WORDS" CORPUS.md...
seed () {
	raw=$1 removed=$2 added=$3
	shift 3
	words <"$R/$raw" >"$tmp/in"
	body "$@" | words >"$tmp/out"
	# expected output = input - removed + added
	printf '%s\n' $removed | grep . | LC_ALL=C sort >"$tmp/rm"
	printf '%s\n' $added | grep . | words >"$tmp/add"
	LC_ALL=C comm -23 "$tmp/in" "$tmp/rm" >"$tmp/kept"
	if [ "$(LC_ALL=C comm -13 "$tmp/in" "$tmp/rm" | wc -l)" -ne 0 ]; then
		echo "$raw: listed residue not in the seed: $(LC_ALL=C comm -13 "$tmp/in" "$tmp/rm" | tr '\n' ' ')"
		status=1
	fi
	LC_ALL=C sort -m "$tmp/kept" "$tmp/add" >"$tmp/expected"
	echo "$raw $(wc -l <"$tmp/in") words in, $(wc -l <"$tmp/out") out ($*)"
	if ! LC_ALL=C diff "$tmp/expected" "$tmp/out" >"$tmp/diff"; then
		echo "$raw: words lost (<) or invented (>):"
		grep '^[<>]' "$tmp/diff" | head -40
		status=1
	fi
}

# Greek: the editor's notes 1-3 are added from corpus/notes/statement-el.md.
seed 000_da753cc83beaba05.txt "" "$(sed 's/^\[^[0-9]*\]://' corpus/notes/statement-el.md)" \
	"$DIR/statement-el.md"
seed 001_187a36d7775cf41e.txt "" "" "$DIR/statement-tr.md"
seed 002_7b286b4c87d8e980.txt "" "" "$DIR/statement-fr.md"
# Russian: the image whose file is missing.
seed 003_258ac3d5c2c22684.txt "img old socialismKZ jpg" "" "$DIR/statement-ru.md"
# Italian + English: the site's navigation line; the blog post's title line (its title
# repeats as line 7); the "n." marker of the three bracketed notes; the typo 20220 (2022).
# Added: the numbers of the footnotes made from bracketed notes (it 1 2 3, en 1).
seed 004_8221160abd3b24fd.txt \
	"Approfondimenti politiciCobasInternazionale CONTRIBUTO Kazakistan sulla sollevazione di gennaio ita eng n n n 20220" \
	"1 2 3 1 2022" "$DIR/analysis-it.md" "$DIR/analysis-en.md"
exit $status
