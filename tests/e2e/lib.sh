# lib.sh: TAP helpers for end-to-end tests. Source it; call ok/fail/check; end with done_testing.
# PAMPHLET is the binary under test; T is a fresh temporary directory removed at exit.
set -u
PM_BUILD=${PM_BUILD:-build}
PAMPHLET="$(pwd)/$PM_BUILD/pamphlet"
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
_n=0
_failed=0

ok () { _n=$((_n + 1)); echo "ok $_n - $*"; }
fail () { _n=$((_n + 1)); _failed=$((_failed + 1)); echo "not ok $_n - $*"; }

# check DESCRIPTION COMMAND...: passes when COMMAND exits 0.
check () {
	d=$1; shift
	if "$@" >"$T/.check.out" 2>&1; then ok "$d"; else fail "$d"; sed 's/^/# /' "$T/.check.out"; fi
}

# run_pm ARGS...: runs pamphlet; sets $status, $out (stdout) and $err (stderr).
run_pm () {
	"$PAMPHLET" "$@" >"$T/.out" 2>"$T/.err"
	status=$?
	out=$(cat "$T/.out")
	err=$(cat "$T/.err")
}

done_testing () { echo "1..$_n"; [ "$_failed" -eq 0 ]; }
