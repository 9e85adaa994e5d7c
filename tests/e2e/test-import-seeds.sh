# pamphlet import: every seed in corpus/raw gives the committed corpus file byte for byte,
# no word is lost or invented, bad input and bad usage fail cleanly, outputs are atomic.
. tests/e2e/lib.sh

# The recorded commands regenerate the six texts exactly.
mkdir -p "$T/corpus"
if PAMPHLET="$PAMPHLET" OUT="$T/corpus" corpus/import.sh 2>"$T/import.err"; then
	ok "corpus/import.sh runs"
else
	fail "corpus/import.sh failed"; sed 's/^/# /' "$T/import.err"
fi
for f in statement-el statement-tr statement-fr statement-ru analysis-it analysis-en; do
	if cmp -s "$T/corpus/$f.md" "corpus/$f.md"; then ok "$f.md byte for byte"
	else fail "$f.md differs"; diff "corpus/$f.md" "$T/corpus/$f.md" | head -10 | sed 's/^/# /'; fi
done
# Only the expected warnings: the Russian seed's missing image and stray markup.
[ "$(grep -c 'warning' "$T/import.err")" -eq 2 ] &&
	grep -q '003_258ac3d5c2c22684.txt:2:1: warning: image' "$T/import.err" &&
	grep -q '003_258ac3d5c2c22684.txt:156:1: warning: stray markup' "$T/import.err" &&
	ok "import warnings: missing image, stray markup" || fail "import warnings: $(cat "$T/import.err")"

# The corpus passes the checker without a single warning.
run_pm check corpus/*.md
[ $status -eq 0 ] && [ -z "$out$err" ] && ok "pamphlet check corpus: no errors, no warnings" ||
	fail "check corpus: $status $out $err"
# ... and reports the Greek references whose notes are missing when no notes file is given.
"$PAMPHLET" import --lang el corpus/raw/000_da753cc83beaba05.txt -o "$T/el-nonotes.md" 2>/dev/null
run_pm check "$T/el-nonotes.md"
[ $status -eq 1 ] && [ "$(echo "$err$out" | grep -c 'el-nonotes.md:[0-9]*:[0-9]*: error: .*\[^[123]\]')" -eq 3 ] &&
	ok "check: references without notes in an import without --notes" || fail "check nonotes: $status $err"

# Word fidelity, and the check catches a lost word and an invented one.
check "fidelity: no word lost or invented" tests/fidelity.sh "$T/corpus"
mkdir -p "$T/lost" "$T/invented"
cp "$T"/corpus/*.md "$T/lost/"; cp "$T"/corpus/*.md "$T/invented/"
sed -i 's/Tengizchevroil, όπου/όπου/' "$T/lost/statement-el.md"
sed -i 's/les rebelles/les méchants rebelles/' "$T/invented/statement-fr.md"
tests/fidelity.sh "$T/lost" >"$T/fid.out" 2>&1 && fail "fidelity misses a lost word" ||
	{ grep -q '< Tengizchevroil' "$T/fid.out" && ok "fidelity catches a lost word" || fail "lost: $(cat "$T/fid.out")"; }
tests/fidelity.sh "$T/invented" >"$T/fid.out" 2>&1 && fail "fidelity misses an invented word" ||
	{ grep -q '> méchants' "$T/fid.out" && ok "fidelity catches an invented word" || fail "invented: $(cat "$T/fid.out")"; }

# Greek without its notes file: every reference without text is named with its place.
run_pm import --lang el corpus/raw/000_da753cc83beaba05.txt
[ $status -eq 0 ] && echo "$err" | grep -q '000_da753cc83beaba05.txt:52:39: warning: note 1 has no text' &&
	echo "$err" | grep -q ':76:43: warning: note 2' && echo "$err" | grep -q ':133:24: warning: note 3' &&
	echo "$out" | grep -q '^lang: el$' && ok "missing note texts: warnings with file:line:column" ||
	fail "missing notes: $status $err"

# Two languages: the detected split is the recorded one.
run_pm import --lang it --lang en --split-at 112 --kind analysis --bracket-notes --drop-line 1 \
	--drop-line 3 --fix "January 24, 20220=January 24, 2022" \
	--title "Kazakistan: sulla sollevazione di gennaio" --title "The workers’ uprising in Kazakhstan" \
	--meta "title-en=The workers’ uprising in Kazakhstan" \
	corpus/raw/004_8221160abd3b24fd.txt -o "$T/it.md" -o "$T/en.md"
[ $status -eq 0 ] && cmp -s "$T/it.md" corpus/analysis-it.md && cmp -s "$T/en.md" corpus/analysis-en.md &&
	grep -q ':112:1: note: en begins here' "$T/import.err" && ok "--split-at 112 = detected split" ||
	fail "split: $status $err"

# Bad usage: exit 2.
run_pm import corpus/raw/001_187a36d7775cf41e.txt
[ $status -eq 2 ] && ok "no --lang: exit 2" || fail "no --lang: $status"
run_pm import --lang tr --frobnicate corpus/raw/001_187a36d7775cf41e.txt
[ $status -eq 2 ] && ok "unknown option: exit 2" || fail "unknown option: $status"
run_pm import --lang tr --split-at 3 corpus/raw/001_187a36d7775cf41e.txt
[ $status -eq 2 ] && ok "--split-at with one language: exit 2" || fail "split one lang: $status"
run_pm import --lang it --lang en --split-at 9999 corpus/raw/004_8221160abd3b24fd.txt -o "$T/a" -o "$T/b"
[ $status -eq 2 ] && ok "--split-at past the end: exit 2" || fail "split past end: $status"
run_pm import --lang tr --drop-line x corpus/raw/001_187a36d7775cf41e.txt
[ $status -eq 2 ] && ok "--drop-line x: exit 2" || fail "drop-line x: $status $err"

# Bad input: exit 1, a message naming the file (and line:column where there is one).
run_pm import --lang el "$T/missing.txt"
[ $status -eq 1 ] && echo "$err" | grep -q 'missing.txt' && ok "missing file: exit 1" || fail "missing: $status $err"
run_pm import --lang el "$T"
[ $status -eq 1 ] && echo "$err" | grep -q 'is a directory' && ok "directory: exit 1" || fail "dir: $status $err"
printf 'Στο\nΚαζα\377κστάν\n' >"$T/bad.txt"
run_pm import --lang el "$T/bad.txt" -o "$T/bad.md"
[ $status -eq 1 ] && echo "$err" | grep -q 'bad.txt:2:5: invalid UTF-8' && [ ! -e "$T/bad.md" ] &&
	ok "invalid UTF-8: exit 1, located, nothing written" || fail "utf8: $status $err"
printf 'ab\ncd\000ef\n' >"$T/nul.txt"
run_pm import --lang en "$T/nul.txt"
[ $status -eq 1 ] && echo "$err" | grep -q 'nul.txt:2:3: NUL byte' && ok "NUL byte: exit 1, located" || fail "nul: $status $err"
run_pm import --lang en --fix "nowhere=x" corpus/raw/004_8221160abd3b24fd.txt
[ $status -eq 1 ] && echo "$err" | grep -q "'nowhere' occurs nowhere" && ok "--fix of absent text: exit 1" || fail "fix: $status $err"
printf 'just text\n' >"$T/notes.md"
run_pm import --lang el --notes "$T/notes.md" corpus/raw/000_da753cc83beaba05.txt
[ $status -eq 1 ] && echo "$err" | grep -q 'notes.md:1:1: not a note' && ok "bad notes file: exit 1, located" || fail "notes: $status $err"
printf 'Il lavoro e la lotta.\nLa classe e il partito.\n' >"$T/one.txt"
run_pm import --lang it --lang en "$T/one.txt" -o "$T/x" -o "$T/y"
[ $status -eq 1 ] && echo "$err" | grep -q 'give --split-at' && [ ! -e "$T/x" ] && ok "no split found: exit 1" || fail "nosplit: $status $err"

# Pathological input finishes (a generous limit: this is not a timing test).
awk 'BEGIN { for (i = 0; i < 60000; i++) printf "λέξη [x] τένγκε1 "; print "" }' >"$T/line.txt"
awk 'BEGIN { for (i = 0; i < 100000; i++) print "abc def gh-" }' >"$T/hyphens.txt"
awk 'BEGIN { for (i = 0; i < 100000; i++) printf "ab cd\n\n" }' >"$T/blanks.txt"
for f in line hyphens blanks; do
	timeout 60 "$PAMPHLET" import --lang el --bracket-notes "$T/$f.txt" -o "$T/$f.md" 2>/dev/null
	s=$?
	[ $s -eq 0 ] && [ -s "$T/$f.md" ] && ok "pathological $f.txt: imported" || fail "pathological $f.txt: status $s"
done

# Atomic output: a failed import leaves the old file as it was.
echo "old" >"$T/keep.md"
run_pm import --lang el "$T/bad.txt" -o "$T/keep.md"
[ "$(cat "$T/keep.md")" = old ] && ok "failed import leaves the output alone" || fail "output clobbered"
run_pm import --lang tr corpus/raw/001_187a36d7775cf41e.txt -o "$T/keep.md"
[ $status -eq 0 ] && grep -q '^lang: tr$' "$T/keep.md" && [ -z "$(ls -a "$T" | grep 'keep\.md\.')" ] &&
	ok "output replaced, no temporary file left" || fail "atomic: $status $(ls -a "$T")"
done_testing
