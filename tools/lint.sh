#!/bin/sh
# make lint: the clang-format check and cppcheck over every C source of the project (layout/, tests/).
set -u
cd "$(dirname "$0")/.."
status=0
files=$(git ls-files 'layout/*.c' 'layout/*.h' 'tests/*.c' 'tests/*.h')
echo "clang-format: $(echo "$files" | wc -l) files"
if ! clang-format --dry-run --Werror $files; then
	echo "clang-format: run 'clang-format -i' on the files above" >&2
	status=1
fi
echo "cppcheck"
if ! cppcheck --quiet --error-exitcode=1 --enable=warning,performance,portability \
	--inline-suppr --library=gtk --std=c11 -Ilayout \
	'-DG_DEFINE_AUTOPTR_CLEANUP_FUNC(a,b)=' --suppress=missingIncludeSystem layout tests; then
	status=1
fi
[ $status -eq 0 ] && echo "lint: clean"
exit $status
