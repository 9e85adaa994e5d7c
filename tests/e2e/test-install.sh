# make install: the binary, styles, fonts, hyphenation patterns and man page land under
# DESTDIR/PREFIX, and the installed binary, run from elsewhere, finds its data there.
. tests/e2e/lib.sh

# The build under test (build or build/sanitize) is installed as it is: same make variables,
# default PREFIX (so nothing is rebuilt), into a staging DESTDIR.
case $PM_BUILD in
*sanitize*) san=1 ;;
*) san=0 ;;
esac
stage="$T/stage"
if env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL make --no-print-directory -s install \
	SANITIZE=$san BUILD="$PM_BUILD" DESTDIR="$stage" >"$T/install.log" 2>&1; then
	ok "make install DESTDIR=... exits 0"
else
	fail "make install failed"
	sed 's/^/# /' "$T/install.log"
fi
root="$stage/usr/local"
share="$root/share/pamphlet"
for f in bin/pamphlet share/man/man1/pamphlet.1 share/pamphlet/fonts/fonts.conf \
	share/pamphlet/fonts/fonts.list share/pamphlet/styles/base.style \
	share/pamphlet/styles/booklet-a5.style share/pamphlet/hyphen/hyph_tr_TR.dic; do
	[ -s "$root/$f" ] && ok "installed $f" || fail "missing $f"
done
[ -x "$root/bin/pamphlet" ] && ok "binary executable" || fail "binary not executable"
if [ -d styles/pdfx ]; then
	cmp -s styles/pdfx/pamphlet-fogra39.icc "$share/styles/pdfx/pamphlet-fogra39.icc" &&
		ok "styles/pdfx installed" || fail "styles/pdfx not installed"
fi
cmp -s hyphen/hyph_el_GR.dic "$share/hyphen/hyph_el_GR.dic" && ok "hyphen/ copied as is" ||
	fail "hyphen/ differs"

# Run from a directory outside the source tree, without PAMPHLET_DATADIR: the data is the
# installed copy, found beside bin/.
cp corpus/statement-tr.md "$T/statement-tr.md"
mkdir "$T/elsewhere"
(cd "$T/elsewhere" && env -u PAMPHLET_DATADIR "$root/bin/pamphlet" --version) >"$T/v" 2>&1
status=$?
[ $status -eq 0 ] && grep -q '^pamphlet [0-9]' "$T/v" && ok "installed --version" ||
	fail "--version: $status $(cat "$T/v")"
want=$(cd "$share" && pwd -P)
grep -qx "data directory: $want" "$T/v" && ok "data directory is the installed one" ||
	fail "data directory: $(cat "$T/v"), want $want"
(cd "$T/elsewhere" && env -u PAMPHLET_DATADIR "$root/bin/pamphlet" check ../statement-tr.md) \
	>"$T/c" 2>&1
status=$?
[ $status -eq 0 ] && [ ! -s "$T/c" ] && ok "installed check on a corpus file: exit 0, silent" ||
	fail "check: $status $(cat "$T/c")"

# The man page renders without a warning.
if command -v groff >/dev/null; then
	w=$(groff -man -Tutf8 -ww -z "$root/share/man/man1/pamphlet.1" 2>&1)
	[ -z "$w" ] && ok "installed man page renders without warnings" || fail "groff: $w"
fi
done_testing
