#!/bin/sh
# Runs every unit test program (GLib tests, TAP output) and every end-to-end script
# (TAP output), and ends with one line: `N passed, N failed`.
# BUILD names the build directory (default build); extra arguments select test names.
BUILD=${BUILD:-build}
export PM_BUILD="$BUILD" PM_SOURCE_DIR="$(pwd)"
# Never let the user's fontconfig cache or locale change what tests see.
export LC_ALL=C.UTF-8
log="$BUILD/tests/log"
mkdir -p "$log"
passed=0
failed=0
failures=""

run_one () { # name, command...
	name=$1; shift
	out="$log/$name.tap"
	timeout 600 "$@" >"$out" 2>"$log/$name.err"
	status=$?
	p=$(grep -c '^ok ' "$out")
	f=$(grep -c '^not ok ' "$out")
	# TAP's "ok N # SKIP" counts as passed; a crash or a missing plan counts as a failure.
	if [ $status -ne 0 ] && [ "$f" -eq 0 ]; then
		f=1
		echo "not ok - $name exited with status $status" >>"$out"
	fi
	passed=$((passed + p))
	failed=$((failed + f))
	if [ "$f" -gt 0 ]; then
		failures="$failures $name"
		echo "FAIL $name ($p passed, $f failed)"
		grep '^not ok ' "$out" | sed 's/^/    /'
		tail -n 20 "$log/$name.err" | sed 's/^/    | /'
	else
		echo "ok   $name ($p passed)"
	fi
}


for t in "$BUILD"/tests/test-*; do
	[ -x "$t" ] || continue
	name=$(basename "$t")
	if [ -n "$PM_TESTS" ] && ! echo " $PM_TESTS " | grep -q " $name "; then continue; fi
	run_one "$name" "$t" --tap
done
for t in tests/e2e/test-*.sh; do
	[ -f "$t" ] || continue
	name=$(basename "$t" .sh)
	if [ -n "$PM_TESTS" ] && ! echo " $PM_TESTS " | grep -q " $name "; then continue; fi
	run_one "$name" sh "$t"
done
[ -n "$failures" ] && echo "failed:$failures"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
