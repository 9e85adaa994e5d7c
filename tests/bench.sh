#!/bin/sh
# make bench: the stage benchmarks (build/bench/bench-*), then whole builds timed with
# hyperfine (median of repeated runs) and their peak memory (GNU time, median of 5 runs).
# RUNS sets the number of timed runs (default 20).
set -eu
BUILD=${BUILD:-build}
RUNS=${RUNS:-20}
PM="$BUILD/pamphlet"
out="$BUILD/bench"
mkdir -p "$out"
export LC_ALL=C.UTF-8 SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-1700000000}

for b in "$out"/bench-*; do
	[ -x "$b" ] || continue
	echo "== $(basename "$b")"
	"$b"
done

# median_ms JSON: the median of a hyperfine export, in milliseconds.
median_ms () {
	python3 -c 'import json,sys; print("%.1f" % (json.load(open(sys.argv[1]))["results"][0]["median"]*1000))' "$1"
}

# peak_mb COMMAND...: median peak resident memory of 5 runs, in MB.
peak_mb () {
	for i in 1 2 3 4 5; do
		/usr/bin/time -f %M "$@" 2>&1 >/dev/null | tail -n 1
	done | sort -n | sed -n 3p | awk '{ printf "%.1f", $1 / 1024 }'
}

# timed NAME COMMAND: hyperfine median and peak memory, one line.
timed () {
	name=$1; shift
	hyperfine -N --warmup 2 --runs "$RUNS" --export-json "$out/$name.json" "$*" >/dev/null 2>&1 || {
		echo "$name: failed"; return 0; }
	printf '%-28s median %8s ms   peak %6s MB\n' "$name" "$(median_ms "$out/$name.json")" \
		"$(peak_mb sh -c "$*")"
}

corpus="corpus/statement-el.md corpus/statement-tr.md corpus/statement-fr.md corpus/statement-ru.md corpus/analysis-it.md corpus/analysis-en.md"
if [ -f styles/booklet-a5.style ] && [ -f corpus/statement-el.md ]; then
	echo "== whole builds ($RUNS runs each)"
	booklet="$PM build --style styles/booklet-a5.style --cover-lang ru --cover-lang en -o $out/booklet.pdf $corpus"
	timed booklet "$booklet"
	# The same with --report, as pamphlet editions runs it (the JSON costs a few ms), and the
	# stages of its last run.
	timed booklet-report "$booklet --report $out/booklet.report.json"
	python3 -c 'import json,sys; t=json.load(open(sys.argv[1]))["timings_ms"]; print("  stages: " + ", ".join("%s %.1f ms" % kv for kv in t.items()))' "$out/booklet.report.json" || true
fi
if [ -f corpus/editions.yaml ]; then
	echo "== editions (corpus/editions.yaml into build/editions)"
	timed editions-jobs1 "$PM editions --force --jobs 1 corpus/editions.yaml"
	timed editions-jobs2 "$PM editions --force --jobs 2 corpus/editions.yaml"
	"$PM" editions corpus/editions.yaml >/dev/null
	timed editions-noop "$PM editions corpus/editions.yaml"
fi
