#!/bin/sh
# Regenerates the libhyphen dictionaries in hyphen/ that Debian does not ship (Turkish) or ships
# in a form poorer than TeX's (Greek: an ISO8859-7 set that misses many monotonic breaks;
# Russian: a 2003 KOI8-R set; Ukrainian: a set that misses most breaks), from TeX's hyph-utf8
# patterns with libhyphen's own converter. TeX's exception lists (hyph-*.hyp.txt) become
# patterns of their own with levels 8 and 9, above any level patgen produces.
#
# The patterns come from the Debian packages texlive-lang-european (hyph-tr),
# texlive-lang-greek (hyph-el-monoton) and texlive-lang-cyrillic (hyph-ru, hyph-uk): taken
# from /usr/share/texlive when installed, otherwise fetched with `apt-get download` and
# unpacked into a temporary directory (nothing is installed).
# Needs libhyphen-dev (for /usr/share/libhyphen/substrings.pl) and perl.
# Usage: tools/make-hyphen.sh [OUTDIR]   (default: hyphen/ of the source tree)
set -eu

out=${1:-$(dirname "$0")/../hyphen}
conv=/usr/share/libhyphen/substrings.pl
pat_dir=usr/share/texlive/texmf-dist/tex/generic/hyph-utf8/patterns/txt
[ -f "$conv" ] || { echo "make-hyphen: $conv missing (apt-get install libhyphen-dev)" >&2; exit 1; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# pattern_file NAME PACKAGE: the path of hyph-NAME.pat.txt, unpacking PACKAGE if needed.
pattern_file () {
	if [ -f "/$pat_dir/hyph-$1.pat.txt" ]; then
		echo "/$pat_dir/hyph-$1.pat.txt"
		return
	fi
	if [ ! -d "$tmp/$2" ]; then
		mkdir -p "$tmp/$2"
		(cd "$tmp/$2" && apt-get download "$2" >/dev/null 2>&1 && \
		 dpkg-deb --fsys-tarfile ./*.deb | tar -x --wildcards "./$pat_dir/hyph-*.txt")
	fi
	echo "$tmp/$2/$pat_dir/hyph-$1.pat.txt"
}

# convert NAME PACKAGE DIC LEFT RIGHT: DIC from hyph-NAME with TeX's hyphenmins.
convert () {
	src=$(pattern_file "$1" "$2")
	[ -f "$src" ] || { echo "make-hyphen: no patterns for $1 in $2" >&2; exit 1; }
	# substrings.pl wants one pattern per line, no comments (it keeps their text otherwise).
	sed -e 's/%.*//' "$src" | tr ' \t' '\n\n' | sed -e '/^$/d' >"$tmp/$1.pat"
	# Exceptions: "ка-ра-ул" becomes ".к8а9р8а8у8л." (9 breaks, 8 forbids, both win).
	exc="${src%.pat.txt}.hyp.txt"
	if [ -f "$exc" ]; then
		sed -e 's/%.*//' "$exc" | tr ' \t' '\n\n' | sed -e '/^$/d' | perl -CSD -ne '
			chomp; my @c = split //; my $p = "."; my $brk = 0;
			for my $i (0 .. $#c) {
				if ($c[$i] eq "-") { $brk = 1; next }
				$p .= ($brk ? "9" : "8") if length ($p) > 1;
				$p .= $c[$i]; $brk = 0;
			}
			print "$p.\n";' >>"$tmp/$1.pat"
	fi
	perl "$conv" "$tmp/$1.pat" "$out/$3" UTF-8 "$4" "$5" >/dev/null
	echo "make-hyphen: $out/$3 from $(basename "$src") ($(wc -l <"$tmp/$1.pat") patterns)"
}

mkdir -p "$out"
convert tr texlive-lang-european hyph_tr_TR.dic 2 2
convert el-monoton texlive-lang-greek hyph_el_GR.dic 1 1
convert ru texlive-lang-cyrillic hyph_ru_RU.dic 2 2
convert uk texlive-lang-cyrillic hyph_uk_UA.dic 2 2
