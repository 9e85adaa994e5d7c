# pamphlet check: a table of bad inputs, each with its exit status and its first message
# (file:line:column), each run under timeout so that a hang fails instead of blocking.
. tests/e2e/lib.sh

fm='---\nlang: el\n---\n'
# make NAME PRINTF-FORMAT: writes $T/NAME from a printf format (so octal \342 and \0 work;
# the x keeps a format starting with --- from being read as an option).
make () { printf "x$2" | tail -c +2 >"$T/$1"; }

make invalid-utf8.md "${fm}Αβγ δε\342\202 ζ\n"
head -c 4096 /dev/urandom >"$T/binary.md"
{ printf "x$fm" | tail -c +2; head -c 1048576 /dev/zero | tr '\0' 'a'; printf '\n'; } >"$T/long-line.md"
make unterminated.md '---\nlang: el\ntitle: x\n\n# Τίτλος\n'
make unknown-lang.md '---\nlang: xx-YY\n---\nText.\n'
make greek-as-gr.md '---\ntitle: x\nlang: gr\n---\nText.\n'
make missing-lang.md '---\ntitle: "Τίτλος"\n---\nText.\n'
make missing-body.md "${fm}Κείμενο[^1] και[^2].\n\n[^1]: Σημείωση.\n"
make unreferenced.md "${fm}Κείμενο.\n\n[^1]: Σημείωση.\n"
make missing-image.md "${fm}Κείμενο.\n\n![εικόνα](nowhere.png)\n"
make empty.md ''
make empty-body.md "${fm}\n\n"
make raw-html.md "${fm}Κείμενο <span>με</span> HTML.\n"
make tab-yaml.md '---\nlang: el\ntitle: x\n\tkind: statement\n---\nText.\n'
make list-title.md '---\nlang: el\ntitle: [a, b]\n---\nText.\n'
make nul.md "${fm}ab\0cd\n"
make no-front-matter.md '# Title\n\nText.\n'
make underscore-lang.md '---\nlang: el_GR\n---\nText.\n'
make not-mapping.md '---\n- lang\n- el\n---\nText.\n'
make empty-note.md "${fm}Κείμενο[^1].\n\n[^1]:\n"
make crlf.md '\357\273\277---\r\nlang: en\r\n---\r\nText[^1] x[^2].\r\n\r\n[^1]: One.\r\n'
make table.md "${fm}Text.\n\n| a | b |\n|---|---|\n| 1 | 2 |\n"
mkdir "$T/dir.md"
truncate -s 17M "$T/huge.md"

# name | exit status | the expected start of the first message (a grep -E pattern)
while IFS='|' read -r name want pattern; do
	name=$(echo $name); want=$(echo $want); pattern=$(echo "$pattern" | sed 's/^ *//')
	(cd "$T" && timeout 20 "$PAMPHLET" check "$name" >"$T/.out" 2>"$T/.err")
	status=$?
	first=$(head -n 1 "$T/.err")
	if [ "$status" -eq "$want" ] && echo "$first" | grep -qE "^$name:[0-9]+:[0-9]+: $pattern"; then
		ok "$name: exit $want, $first"
	else
		fail "$name: exit $status (want $want), first message: $first (want $pattern)"
	fi
done <<'TABLE'
invalid-utf8.md    | 1 | error: invalid UTF-8 \(byte 0xE2\)
binary.md          | 1 | error: (invalid UTF-8|a NUL byte)
long-line.md       | 1 | error: this line is 1048576 bytes long
unterminated.md    | 1 | error: the front matter is never closed
unknown-lang.md    | 1 | error: `lang`: unknown language 'xx'
greek-as-gr.md     | 1 | error: `lang`: 'gr' is not a language code; write 'el'
missing-lang.md    | 1 | error: the front matter has no `lang`
missing-body.md    | 1 | error: the note reference \[\^2\] has no note text
unreferenced.md    | 0 | warning: the note \[\^1\] is never referred to
missing-image.md   | 1 | error: the image 'nowhere.png' is not there
missing.md         | 1 | error: cannot read the file: No such file or directory
dir.md             | 1 | error: this is a directory
empty.md           | 1 | error: the file is empty
empty-body.md      | 1 | error: the document has no text after its front matter
raw-html.md        | 0 | warning: raw HTML is dropped
tab-yaml.md        | 1 | error: front matter: YAML syntax: .*never tabs
list-title.md      | 1 | error: `title` must be text, not a list
nul.md             | 1 | error: a NUL byte
no-front-matter.md | 1 | error: no front matter
underscore-lang.md | 1 | error: `lang`: subtags are joined with '-', not '_': write 'el-GR'
not-mapping.md     | 1 | error: the front matter is a list
table.md           | 0 | warning: a table is dropped
huge.md            | 1 | error: the file is 17825792 bytes, more than
empty-note.md      | 1 | error: the note \[\^1\] has no text
crlf.md            | 1 | error: the note reference \[\^2\] has no note text
TABLE

# exact places
(cd "$T" && "$PAMPHLET" check invalid-utf8.md 2>&1 | grep -q '^invalid-utf8.md:4:7: ') &&
	ok "invalid UTF-8 at its line and character column" || fail "invalid UTF-8 place"
(cd "$T" && "$PAMPHLET" check missing-body.md 2>&1 | grep -q '^missing-body.md:4:16: ') &&
	ok "missing note body at the reference" || fail "missing note body place"
(cd "$T" && "$PAMPHLET" check crlf.md 2>&1 | grep -q '^crlf.md:4:11: ') &&
	ok "CRLF line ends and a byte order mark: places still right" || fail "CRLF place"
(cd "$T" && "$PAMPHLET" check long-line.md 2>&1 | grep -q '^long-line.md:4:100001: ') &&
	ok "long line at the limit" || fail "long line place"

# several files: every message, sorted by file, line, column; errors decide the status
(cd "$T" && timeout 20 "$PAMPHLET" check unreferenced.md raw-html.md missing-body.md \
	>"$T/.out" 2>"$T/.err")
status=$?
files=$(cut -d: -f1 "$T/.err" | uniq | tr '\n' ' ')
[ $status -eq 1 ] && [ "$files" = "missing-body.md raw-html.md unreferenced.md " ] &&
	ok "several files: sorted, exit 1" || fail "several files: $status, $files"
[ ! -s "$T/.out" ] && ok "nothing on stdout" || fail "stdout: $(cat "$T/.out")"

# a build given a big binary file among the texts: the error, exit 1, no PDF (a heap estimate
# from the inputs' size once went past malloc's mmap threshold and crashed)
head -c 1048576 /dev/urandom >"$T/big.md"
(timeout 60 "$PAMPHLET" build -o "$T/big.pdf" corpus/statement-el.md "$T/big.md" \
	corpus/statement-fr.md >/dev/null 2>"$T/.err")
status=$?
[ $status -eq 1 ] && grep -qE "^$T/big.md:[0-9]+:[0-9]+: error: (invalid UTF-8|a NUL byte)" "$T/.err" &&
	[ ! -e "$T/big.pdf" ] && ok "build with a binary input: exit 1, the error, no PDF" ||
	fail "build with a binary input: exit $status, $(head -n 1 "$T/.err")"

# a clean file: exit 0, no output
run_pm check tests/fixtures/corpus/clean.md tests/fixtures/corpus/constructs.md
[ $status -eq 0 ] && [ -z "$err" ] && ok "clean files: exit 0, silent" || fail "clean: $status $err"

# inputs that made an earlier reader quadratic: each must finish well inside the timeout
python3 - "$T" <<'PY'
import sys
t, fm = sys.argv[1], "---\nlang: en\n---\n"
files = {
    "many-emphases.md": fm + "*a* " * 24000 + "\n",
    "many-refs.md": fm + "[^1]" * 24000 + "\n\n[^1]: x\n",
    "many-notes.md": fm + "".join("x[^%d]\n" % i for i in range(20000)) + "\n"
    + "".join("[^%d]: n\n" % i for i in range(20000)),
    "brackets.md": fm + "[" * 90000 + "\n",
    "deep-quotes.md": fm + "> " * 40000 + "x\n",
}
for name, text in files.items():
    open(t + "/" + name, "w").write(text)
PY
for f in many-emphases many-refs many-notes brackets deep-quotes; do
	(cd "$T" && timeout 20 "$PAMPHLET" check $f.md >/dev/null 2>&1)
	status=$?
	[ $status -le 1 ] && ok "$f.md: finishes (exit $status)" || fail "$f.md: exit $status"
done

# usage
run_pm check
[ $status -eq 2 ] && ok "no files: exit 2" || fail "no files: $status"
run_pm check --frobnicate x.md
[ $status -eq 2 ] && ok "unknown option: exit 2" || fail "unknown option: $status"
done_testing
