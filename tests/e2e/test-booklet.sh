# The multilingual A5 booklet, end to end: every word of the corpus in reading order, notes
# on the page of their marks, the contents' page numbers, the page size, fonts, outline,
# page labels; and what bad input does. The checks of the PDF are in booklet.py.
. tests/e2e/lib.sh

PY="python3 tests/e2e/booklet.py"
DOCS="corpus/statement-el.md corpus/statement-tr.md corpus/statement-fr.md corpus/statement-ru.md
corpus/analysis-it.md corpus/analysis-en.md"
PDF="$T/booklet.pdf"

# shellcheck disable=SC2086
run_pm build --style styles/booklet-a5.style --cover-lang ru --cover-lang en \
	--report "$T/report.json" -o "$PDF" $DOCS
if [ $status -eq 0 ] && [ -s "$PDF" ]; then ok "build: exit 0 and a PDF"; else
	fail "build: exit $status"; echo "$err" | sed 's/^/# /'; fi

if [ -s "$PDF" ]; then
	qpdf --json "$PDF" >"$T/pdf.json" 2>"$T/qpdf.err"
	# shellcheck disable=SC2086
	check "every word of every corpus file, and of each note, in reading order" \
		$PY words "$PDF" "$T/pdf.json" $DOCS
	# The word check itself finds a word that is not there (a text with one more word),
	# and two words swapped, naming the file and the word.
	mkdir -p "$T/mut"
	for f in $DOCS; do cp "$f" "$T/mut/"; done
	sed -i 's/et dès le début les protestations/et dès le tout début les protestations/' \
		"$T/mut/statement-fr.md"
	sed -i 's/^\(.*\)material colony of developed/\1colony material of developed/' \
		"$T/mut/analysis-en.md"
	# shellcheck disable=SC2046
	$PY words "$PDF" "$T/pdf.json" $(for f in $DOCS; do echo "$T/mut/$(basename "$f")"; done) \
		>"$T/mut.out"
	if [ $? -eq 1 ] && grep -q 'statement-fr.md, body: word 14 ' "$T/mut.out" &&
		grep -q 'dès le \[tout\] début' "$T/mut.out" &&
		grep -q 'analysis-en.md, body: word 350 ' "$T/mut.out" &&
		grep -q 'a raw \[colony\] material' "$T/mut.out" &&
		[ "$(grep -c 'not found' "$T/mut.out")" -eq 2 ]; then
		ok "the word check finds an extra and a swapped word"
	else fail "the word check on altered texts:"; sed 's/^/# /' "$T/mut.out"; fi
	check "each note mark is on its note's page; numbers link back" $PY notes "$T/pdf.json"
	if [ -s "$T/report.json" ] && python3 -c '
import json, sys
docs = json.load(open(sys.argv[1]))["documents"]
sys.exit(0 if len(docs) == 6 and all(d["notes_moved"] == 0 for d in docs)
         and sum(d["notes"] for d in docs) == 7 else 1)' "$T/report.json"; then
		ok "report: 6 documents, 7 notes, notes_moved 0"
	else fail "report: notes_moved or notes"; fi
	# shellcheck disable=SC2086
	check "contents: each page number is its heading's page, led to by dots" $PY contents "$PDF" "$T/pdf.json" $DOCS

	n=$(pdfinfo "$PDF" | sed -n 's/^Pages: *//p')
	bad=$(pdfinfo -f 1 -l "$n" -box "$PDF" | awk '/MediaBox|TrimBox/ {
		if ($(NF-3) != 0 || $(NF-2) != 0 || ($(NF-1) - 419.53)^2 > 0.0001 || ($NF - 595.28)^2 > 0.0001) print }')
	boxes=$(pdfinfo -f 1 -l "$n" -box "$PDF" | grep -c 'MediaBox')
	if [ -z "$bad" ] && [ "$boxes" -eq "$n" ] && [ "$n" -gt 10 ]; then ok "all $n pages A5 (419.53 x 595.28 pt)"
	else fail "pages not A5: $bad"; fi

	pdffonts "$PDF" >"$T/fonts" 2>&1
	nf=$(tail -n +3 "$T/fonts" | grep -c .)
	notemb=$(tail -n +3 "$T/fonts" | awk '{ n = NF; if ($(n-4) != "yes" || $(n-3) != "yes") print }')
	notsub=$(tail -n +3 "$T/fonts" | grep -cv '^[A-Z]\{6\}+')
	if [ "$nf" -gt 0 ] && [ -z "$notemb" ] && [ "$notsub" -eq 0 ]; then ok "$nf fonts, all embedded and subset"
	else fail "fonts not embedded or subset:"; sed 's/^/# /' "$T/fonts"; fi

	check "qpdf --check is clean" sh -c "qpdf --check '$PDF' >'$T/check' 2>&1 &&
		grep -q 'No syntax or stream encoding errors' '$T/check' && ! grep -qi 'warning' '$T/check'"
	# shellcheck disable=SC2086
	check "outline: one entry per text, subheadings nested" $PY outline "$T/pdf.json" $DOCS
	check "page labels: cover unnumbered; no folio on covers and blank pages" \
		$PY labels "$PDF" "$T/pdf.json"
else
	fail "no PDF to check"
fi

# Bad input. A character no font has: exit 1, file:line:column, no PDF.
mkdir -p "$T/bad"
printf -- '---\nlang: en\ntitle: "Bad"\n---\n\nA first paragraph.\n\nThe sign \344\270\200 is in no font.\n' \
	>"$T/bad/han.md"
run_pm build --style styles/booklet-a5.style -o "$T/bad/out.pdf" "$T/bad/han.md"
if [ $status -eq 1 ] && echo "$err" | grep -q "han.md:8:10" && [ ! -e "$T/bad/out.pdf" ]; then
	ok "missing glyph: exit 1, located, no PDF"
else fail "missing glyph: exit $status: $err"; fi
echo "previous" >"$T/bad/keep.pdf"
run_pm build --style styles/booklet-a5.style -o "$T/bad/keep.pdf" "$T/bad/han.md"
if [ $status -eq 1 ] && [ "$(cat "$T/bad/keep.pdf")" = previous ] &&
	[ "$(ls "$T/bad" | wc -l)" -eq 2 ]; then
	ok "missing glyph: an existing PDF untouched, no stray file"
else fail "missing glyph with an existing PDF: exit $status, $(ls "$T/bad")"; fi

# A missing image: a warning naming it, and a PDF with a framed placeholder.
printf -- '---\nlang: en\ntitle: "Pictures"\n---\n\nBefore the picture.\n\n![A map of the region](nowhere/map.png)\n\nAfter the picture.\n' \
	>"$T/bad/image.md"
run_pm build --style styles/booklet-a5.style -o "$T/bad/image.pdf" "$T/bad/image.md"
if [ $status -eq 0 ] && echo "$err" | grep -q "image.md:8:.*warning.*nowhere/map.png" &&
	pdftotext "$T/bad/image.pdf" - | grep -q "A map of the region"; then
	ok "missing image: warning and a placeholder with its description"
else fail "missing image: exit $status: $err"; fi

run_pm build --style "$T/bad/no-such.style" -o "$T/bad/x.pdf" corpus/statement-fr.md
if [ $status -eq 1 ] && echo "$err" | grep -q "no-such.style" && [ ! -e "$T/bad/x.pdf" ]; then
	ok "unknown style file: exit 1 naming it"
else fail "unknown style file: exit $status: $err"; fi

run_pm build --style styles/booklet-a5.style corpus/statement-fr.md
if [ $status -eq 2 ] && echo "$err" | grep -q -- "-o"; then ok "no -o: exit 2"
else fail "no -o: exit $status: $err"; fi

done_testing
