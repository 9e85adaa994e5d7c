# test-editions.sh: pamphlet editions: parallel builds, incremental rebuilds, failures kept
# to their editions, byte-identical output, print boxes and imposition.
. tests/e2e/lib.sh
export SOURCE_DATE_EPOCH=1700000000

mkdir -p "$T/corpus"
cp corpus/*.md "$T/corpus/"
cp -r styles "$T/styles"
sed "s|^output-dir:.*|output-dir: $T/out|" corpus/editions.yaml >"$T/corpus/editions.yaml"
M="$T/corpus/editions.yaml"
n_editions=$(grep -c '^  - ' "$M")

run_pm editions --jobs 2 "$M"
[ $status -eq 0 ] && ok "all $n_editions editions build (--jobs 2)" || fail "editions: $status $out $err"
[ "$(echo "$out" | grep -c ' pages ')" -eq "$n_editions" ] && ok "one progress line per edition" ||
	fail "progress: $out"
# The page counts the runner reads back from each build's report are those of the PDFs.
for f in booklet leaflet-el leaflet-en; do
	p=$(echo "$out" | awk -v name=$f '$1 == name {print $2}')
	[ "$p" = "$(pdfinfo "$T/out/$f.pdf" | awk '/^Pages:/ {print $2}')" ] &&
		ok "$f: $p pages in its progress line, as in its PDF" || fail "$f pages: '$p' in $out"
done
# The English analysis does not fit one leaflet sheet: said under its line; the imposed
# booklet's line gives its sheets.
echo "$out" | grep -A1 '^leaflet-en ' | grep -q '^  .*analysis-en.md: warning: the leaflet takes 4 pages' &&
	ok "leaflet-en: longer than one sheet, said under its progress line" || fail "leaflet-en warning: $out"
ip=$(echo "$out" | awk '/^booklet-imposed / {print $2}')
echo "$out" | grep '^booklet-imposed ' | grep -q "($(( (ip + 3) / 4 )) A4 sheets)" &&
	ok "booklet-imposed: its A4 sheets counted" || fail "imposed sheets: $out"
# Every word broken at a line's end shows its hyphen, in the ragged leaflets and the booklet.
for l in ru el tr fr; do
	check "leaflet-$l: no word broken without a hyphen" \
		python3 tests/e2e/broken_words.py "$T/out/leaflet-$l.pdf" "$T/corpus/statement-$l.md"
done
check "booklet: no word broken without a hyphen" \
	sh -c "cat '$T'/corpus/*.md >'$T/all.md' && python3 tests/e2e/broken_words.py '$T/out/booklet.pdf' '$T/all.md'"
for f in booklet booklet-print booklet-imposed leaflet-el leaflet-en; do
	[ -s "$T/out/$f.pdf" ] && ok "$f.pdf written" || fail "$f.pdf missing"
done
ls -a "$T/out" | grep -q '^\.booklet' && fail "temporary files left" || ok "no temporary files left"
# The booklet and its print and imposed versions set the same pages: one build makes the three.
times=$(echo "$out" | awk '$1 ~ /^booklet/ { print $4 }' | sort -u | wc -l)
[ "$times" -eq 1 ] && ok "the three booklet editions come from one build" || fail "booklet builds: $out"

# Nothing changed: nothing is rebuilt.
cp "$T/out/booklet.pdf" "$T/booklet.before"
run_pm editions "$M"
[ $status -eq 0 ] && [ "$(echo "$out" | grep -c 'up to date')" -eq "$n_editions" ] &&
	ok "no-op rebuild: every edition up to date" || fail "no-op: $out"

# Touching a file without changing it rebuilds nothing; changing it rebuilds its editions.
touch "$T/corpus/statement-fr.md"
run_pm editions "$M"
[ "$(echo "$out" | grep -c 'up to date')" -eq "$n_editions" ] && ok "touch alone rebuilds nothing" ||
	fail "touch: $out"
sed -i 's/^Les travailleurs/Les  travailleurs/' "$T/corpus/statement-fr.md"
echo "Un paragraphe de plus." >>"$T/corpus/statement-fr.md"
run_pm editions "$M"
rebuilt=$(echo "$out" | grep ' pages ' | awk '{print $1}' | sort | tr '\n' ' ')
[ "$rebuilt" = "booklet booklet-imposed booklet-print leaflet-fr " ] &&
	ok "editing statement-fr.md rebuilds only its four editions" || fail "rebuilt: '$rebuilt'"

# A sheet the editions' own sheets inherit is an input too: changing base.style rebuilds all.
sed -i 's/^  widow-penalty: 10000$/  widow-penalty: 9999/' "$T/styles/base.style"
run_pm editions "$M"
[ "$(echo "$out" | grep -c ' pages ')" -eq "$n_editions" ] &&
	ok "editing the inherited base.style rebuilds every edition" || fail "base.style: $out"

run_pm build --style "$T/styles/booklet-a5.style" --deps "$T/deps" -o "$T/d.pdf" "$T/corpus/statement-ru.md"
grep -q '/base\.style$' "$T/deps" && grep -q '/booklet-a5\.style$' "$T/deps" && grep -q 'hyph_ru.*\.dic$' "$T/deps" &&
	grep -q 'LiberationSerif-Regular\.ttf$' "$T/deps" &&
	ok "--deps lists the sheets, the hyphenation patterns and the fonts read" || fail "deps: $(cat "$T/deps")"

# Byte-identical output from the same inputs.
run_pm editions --force --only booklet "$M"
cp "$T/out/booklet.pdf" "$T/booklet.1"
run_pm editions --force --only booklet "$M"
cmp -s "$T/booklet.1" "$T/out/booklet.pdf" && ok "rebuilds are byte-identical" ||
	fail "rebuild differs"

# A broken input fails its editions only; the others build; the old PDFs stay.
cp "$T/out/leaflet-tr.pdf" "$T/leaflet-tr.before"
printf 'bad \377 byte\n' >>"$T/corpus/statement-tr.md"
run_pm editions --force "$M"
[ $status -eq 1 ] && ok "a broken input: exit 1" || fail "broken: status $status"
failed=$(echo "$out" | grep FAILED | awk '{print $1}' | sort | tr '\n' ' ')
[ "$failed" = "booklet booklet-imposed booklet-print leaflet-tr " ] &&
	ok "only the editions using it failed" || fail "failed: '$failed'"
echo "$out" | grep -q 'statement-tr.md:[0-9]*:[0-9]*: error' && ok "the failure names file:line:column" ||
	fail "no located message: $out"
[ "$(echo "$out" | grep -c ' pages ')" -eq $((n_editions - 4)) ] && ok "the other editions built" ||
	fail "others: $out"
cmp -s "$T/leaflet-tr.before" "$T/out/leaflet-tr.pdf" && ok "the failed edition's old PDF is intact" ||
	fail "old PDF changed"

# Print boxes: trim A5, bleed 3 mm around it, media with room for the crop marks.
python3 - "$T/out/booklet-print.pdf" <<'PY' && ok "booklet-print: TrimBox A5, BleedBox 3 mm beyond it, marks outside" || fail "boxes"
import json, subprocess, sys
j = json.loads(subprocess.run(["qpdf", "--json=1", "--json-key=objects", sys.argv[1]],
                              capture_output=True, text=True).stdout)
objs = j["objects"]
pages = [o for o in objs.values() if isinstance(o, dict) and o.get("/Type") == "/Page"]
mm = 72 / 25.4
assert pages
for p in pages:
    t, b, m = p["/TrimBox"], p["/BleedBox"], p["/MediaBox"]
    assert abs((t[2] - t[0]) - 148 * mm) < 0.05 and abs((t[3] - t[1]) - 210 * mm) < 0.05, t
    for i in (0, 1):
        assert abs((t[i] - b[i]) - 3 * mm) < 0.05, (t, b)
        assert abs((b[i + 2] - t[i + 2]) - 3 * mm) < 0.05, (t, b)
        assert b[i] - m[i] > 3 * mm, (b, m)
PY

# Imposition: A4 landscape sheets, a multiple of four pages, cover and back cover together.
pages=$(pdfinfo "$T/out/booklet.pdf" | awk '/^Pages:/ {print $2}')
sides=$(pdfinfo "$T/out/booklet-imposed.pdf" | awk '/^Pages:/ {print $2}')
[ "$sides" -eq $(( (pages + 3) / 4 * 2 )) ] && ok "imposed: $pages pages on $sides sides" ||
	fail "imposed sides $sides for $pages pages"
pdfinfo "$T/out/booklet-imposed.pdf" | grep -q 'Page size: *841.89 x 595.276' && ok "imposed sheets are A4 landscape" ||
	fail "sheet size"
pdftotext -f 1 -l 1 -x 421 -y 0 -W 421 -H 595 "$T/out/booklet-imposed.pdf" "$T/right.txt"
grep -q 'Заявление' "$T/right.txt" && ok "sheet 1 front, right half: the cover" || fail "cover not on sheet 1 right"

done_testing
