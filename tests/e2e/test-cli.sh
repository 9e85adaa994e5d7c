# The command line's contract: --help, --version, exit status 2 on bad usage.
. tests/e2e/lib.sh

run_pm --version
[ $status -eq 0 ] && echo "$out" | grep -q '^pamphlet [0-9]' && ok "--version" || fail "--version: $status $out"
run_pm --help
[ $status -eq 0 ] && echo "$out" | grep -q 'pamphlet build' && ok "--help lists commands" || fail "--help"
run_pm
[ $status -eq 2 ] && ok "no command: exit 2" || fail "no command: exit $status"
run_pm frobnicate
[ $status -eq 2 ] && echo "$err" | grep -q "unknown command 'frobnicate'" && ok "unknown command: exit 2" || fail "unknown command: $status"
done_testing
