# test-print.sh: print-ready output on the real corpus: imposition order, crop marks and
# bleed, PDF/X-3, proofs (pages, contact sheet, draft marks), reproducible and atomic builds.
. tests/e2e/lib.sh
export SOURCE_DATE_EPOCH=1700000000 TZ=UTC
PY="python3 tests/e2e/print.py"
S=$(pwd)/styles/booklet-a5.style
F=tests/fixtures/print

mkdir -p "$T/corpus"
cp corpus/*.md "$T/corpus/"
sed "s|^output-dir:.*|output-dir: $T/out|; s|\.\./styles/|$(pwd)/styles/|" corpus/editions.yaml \
	>"$T/corpus/editions.yaml"
M="$T/corpus/editions.yaml"
O="$T/out"
run_pm editions --jobs 2 --only booklet --only booklet-print --only booklet-imposed "$M"
[ $status -eq 0 ] && ok "the three booklets build" || fail "editions: $status $out $err"

# 1. Imposition: each half of each sheet side is the booklet page saddle stitching wants.
check "imposed booklet: every half of every sheet is the right page, the blanks before the back cover" \
	$PY imposition "$O/booklet.pdf" "$O/booklet-imposed.pdf"
imgs=$(pdfimages -list "$O/booklet-imposed.pdf" | tail -n +3 | wc -l)
[ "$imgs" -eq "$(pdfimages -list "$O/booklet.pdf" | tail -n +3 | wc -l)" ] &&
	pdffonts "$O/booklet-imposed.pdf" | grep -q LiberationSerif &&
	ok "imposed sheets replay the pages: fonts, no images added ($imgs)" || fail "imposed: $imgs images"

# 2. Crop marks on a text page, and the cover's band through the bleed.
check "booklet-print: eight crop marks outside the bleed, none in the bleed at the corners" \
	$PY crop-marks "$O/booklet-print.pdf" 10 148 210 3 1 5 150
check "booklet-print: the same on a left-hand page" \
	$PY crop-marks "$O/booklet-print.pdf" 11 148 210 3 1 5 150
check "booklet-print: the cover band runs through the bleed and stops there" \
	$PY bleed-colour "$O/booklet-print.pdf" 1 148 210 3 10 100

# 3. PDF/X-3 of one statement.
run_pm build --style "$S" --pdfx --bleed 3mm -o "$T/x.pdf" corpus/statement-fr.md
[ $status -eq 0 ] && ok "build --pdfx --bleed 3mm" || fail "pdfx build: $status $err"
check "PDF/X: GTS_PDFXVersion, a CMYK ICC output intent, TrimBox and BleedBox on every page" \
	$PY pdfx "$T/x.pdf"
# Ghostscript places glyphs by the widths it reads: still flush after the conversion (the
# text block 3 mm further in, for the bleed; the text starts on page 3).
check "PDF/X: justified lines still end flush with the measure" \
	python3 tests/e2e/flush.py "$T/x.pdf" 3 "$(pdfinfo "$T/x.pdf" | awk '/^Pages:/ {print $2}')" \
	317.48031 53.85827 65.19685 40
pdftotext "$T/x.pdf" "$T/x.txt"
grep -q 'Zhanaozen' "$T/x.txt" && grep -q 'travailleurs' "$T/x.txt" && ok "PDF/X: text is still text" ||
	fail "PDF/X: no text"
pdffonts "$T/x.pdf" >"$T/fonts.txt"
if [ "$(tail -n +3 "$T/fonts.txt" | wc -l)" -gt 0 ] &&
	tail -n +3 "$T/fonts.txt" | awk '{ if ($(NF-4) != "yes") exit 1 }'; then
	ok "PDF/X: every font embedded"
else
	fail "PDF/X fonts"; sed 's/^/# /' "$T/fonts.txt"
fi
qpdf --check "$T/x.pdf" >"$T/check.txt" 2>&1 && grep -q '^No syntax or stream encoding errors' "$T/check.txt" &&
	! grep -qi 'warning' "$T/check.txt" &&
	ok "PDF/X: qpdf --check clean" || { fail "qpdf --check"; sed 's/^/# /' "$T/check.txt"; }

# 4. Proofs: one PNG per page at the size the dpi gives, and a contact sheet.
run_pm build --style "$S" -o "$T/fr.pdf" corpus/statement-fr.md
pages=$(pdfinfo "$T/fr.pdf" | awk '/^Pages:/ {print $2}')
run_pm proof --style "$S" --dpi 50 -o "$T/proof" corpus/statement-fr.md
[ $status -eq 0 ] && ok "proof exits 0" || fail "proof: $status $err"
n=$(ls "$T/proof" | grep -c '^page-[0-9][0-9][0-9]\.png$')
[ "$n" -eq "$pages" ] && ok "proof: one PNG per page ($pages)" || fail "proof: $n PNGs for $pages pages"
# A5 at 50 dpi: ceil(148 / 25.4 * 50) x ceil(210 / 25.4 * 50).
sizes=$(for f in "$T"/proof/page-*.png; do $PY png-size "$f"; done | sort -u)
[ "$sizes" = "292 414" ] && ok "proof: every page 292 x 414 px at 50 dpi" || fail "proof sizes: $sizes"
cs=$($PY png-size "$T/proof/contact-sheet.png")
[ -n "$cs" ] && [ "${cs%% *}" -gt 292 ] && ok "proof: contact-sheet.png ($cs)" || fail "contact sheet: '$cs'"

# Draft: the overfull line of the fixture gets a bar in the margin at its height.
run_pm build --style $F/narrow.style -o "$T/of.pdf" $F/overfull.md
echo "$err" | grep -q "^$F/overfull.md:7:1: warning: overfull line" &&
	ok "the overfull line is reported at overfull.md:7:1" || fail "overfull warning: $err"
run_pm proof --draft --dpi 72 --style $F/narrow.style -o "$T/draft" $F/overfull.md
[ $status -eq 0 ] && echo "$out" | grep -q '[1-9][0-9]* lines marked' && ok "proof --draft exits 0, lines marked" ||
	fail "draft: $status $out $err"
run_pm proof --dpi 72 --style $F/narrow.style -o "$T/plain" $F/overfull.md
page=0 box=""
for p in $(seq 1 "$(pdfinfo "$T/of.pdf" | awk '/^Pages:/ {print $2}')"); do
	box=$(pdftotext -bbox -f "$p" -l "$p" "$T/of.pdf" - | grep 'Pneumono') && { page=$p; break; }
done
y0=$(echo "$box" | sed 's/.*yMin="\([0-9.]*\)".*/\1/')
y1=$(echo "$box" | sed 's/.*yMax="\([0-9.]*\)".*/\1/')
pp=$(printf 'page-%03d.png' "$page")
# The measure ends at 16 + 82 mm on a right-hand page, 50 + 82 mm on a left-hand one.
check "proof --draft: a black bar right of the measure at the overfull line (page $page)" \
	$PY draft-bar "$T/draft/$pp" "$T/plain/$pp" 72 277 "$y0" "$y1"
run_pm proof -o "$T/bad" $F/bad.md
[ $status -eq 1 ] && echo "$err" | grep -q "^$F/bad.md:5:49: error" &&
	ok "proof of a bad input: exit 1 with file:line:column" || fail "bad proof: $status $err"

# 5. Byte-identical rebuilds, by `pamphlet build` into another directory.
ins="$T/corpus/statement-el.md $T/corpus/statement-tr.md $T/corpus/statement-fr.md
	$T/corpus/statement-ru.md $T/corpus/analysis-it.md $T/corpus/analysis-en.md"
mkdir "$T/again"
run_pm build --style "$S" --cover-lang ru --cover-lang en --bleed 3mm --crop-marks \
	-o "$T/again/booklet-print.pdf" $ins
cmp -s "$O/booklet-print.pdf" "$T/again/booklet-print.pdf" && ok "booklet-print rebuilds byte-identical" ||
	fail "booklet-print differs"
run_pm build --style "$S" --cover-lang ru --cover-lang en --impose -o "$T/again/booklet-imposed.pdf" $ins
cmp -s "$O/booklet-imposed.pdf" "$T/again/booklet-imposed.pdf" &&
	ok "booklet-imposed rebuilds byte-identical" || fail "booklet-imposed differs"
pdfinfo "$O/booklet-print.pdf" | grep -q '^CreationDate:.*Nov 14 22:13:20 2023' &&
	ok "SOURCE_DATE_EPOCH is the creation date" || fail "date: $(pdfinfo "$O/booklet-print.pdf" | grep Date)"

# An interrupted build leaves the previous PDF as it was: killed after a fixed delay, and
# killed as soon as its temporary file appears (mid-write).
cp "$O/booklet.pdf" "$T/booklet.good"
killed=0 intact=0 tries=0
for delay in 0.05 0.05 0.05 0.3 0.6 poll poll; do
	tries=$((tries + 1))
	stale=$(ls -a "$O" | grep -c '^\.booklet\.pdf\.')
	"$PAMPHLET" build --style "$S" --cover-lang ru --cover-lang en -o "$O/booklet.pdf" $ins \
		>/dev/null 2>&1 &
	pid=$!
	if [ $delay = poll ]; then
		i=0
		while [ $i -lt 2000 ] && [ "$(ls -a "$O" | grep -c '^\.booklet\.pdf\.')" -le "$stale" ]; do
			sleep 0.01; i=$((i + 1))
		done
	else
		sleep $delay
	fi
	kill -9 $pid 2>/dev/null
	wait $pid
	[ $? -eq 137 ] && killed=$((killed + 1))
	cmp -s "$T/booklet.good" "$O/booklet.pdf" && intact=$((intact + 1))
done
[ $killed -gt 0 ] && ok "$killed of $tries builds killed" || fail "no build was killed"
[ $intact -eq $tries ] && ok "after every kill the previous booklet.pdf is byte-identical" ||
	fail "booklet.pdf changed in $((tries - intact)) of $tries tries"
n=$(ls -a "$O" | grep -c '^\.booklet\.pdf\.')
[ "$n" -gt 0 ] && ok "killed mid-write: $n temporary files left beside booklet.pdf" ||
	fail "no kill happened mid-write"
run_pm editions "$M"
[ $status -eq 0 ] || fail "editions after the kills: $status $out"
left=$(ls -a "$O" | grep '^\.booklet' | tr '\n' ' ')
[ -z "$left" ] && ok "pamphlet editions removes the killed builds' temporary files" ||
	fail "left: $left"

done_testing
