#!/bin/sh
# -j N: documents are processed by N threads in batches, yet the output
# is the same lines in the same order as with one thread, failures
# included, and each document's output is written as soon as it is
# ready, not when later input arrives.
. "$TEST_SRCDIR/cli/lib.sh"

# 5,000 JSONL documents of varied size, every 97th a line that is not JSON
# (an error record and exit status 1 in the output).
awk 'BEGIN { for (i = 1; i <= 5000; i++) {
	if (i % 97 == 0) { print "{not json " i; continue }
	printf "{\"id\": \"d%d\", \"text\": \"", i
	for (k = 0; k < i % 40; k++) printf "alpha %d beta ", k
	print "\"}" } }' > "$TMP/in.jsonl"
good --input=jsonl -j 1 < "$TMP/in.jsonl" > "$TMP/one" 2> /dev/null
rc1=$?
expect "-j 1: one line per document" "$(wc -l < "$TMP/one")" 5000
for jobs in 2 3 8; do
	good --input=jsonl -j "$jobs" < "$TMP/in.jsonl" > "$TMP/many" 2> /dev/null
	rc=$?
	if cmp -s "$TMP/one" "$TMP/many"; then ok "-j $jobs from a file: same output as -j 1"
	else not_ok "-j $jobs from a file: same output as -j 1"; fi
	expect "-j $jobs: same exit status" "$rc" "$rc1"
	cat "$TMP/in.jsonl" | good --input=jsonl -j "$jobs" > "$TMP/piped" 2> /dev/null
	if cmp -s "$TMP/one" "$TMP/piped"; then ok "-j $jobs from a pipe: same output as -j 1"
	else not_ok "-j $jobs from a pipe: same output as -j 1"; fi
done
expect "exit status 1 with failed documents" "$rc1" 1

# Liveness: the first document's line must appear while the writer still
# holds its input open and has not written the second one. The 20 s bound
# only keeps a broken build from hanging the suite.
for jobs in 1 2; do
	mkfifo "$TMP/fifo$jobs"
	good --split=line --format=tsv -j "$jobs" < "$TMP/fifo$jobs" > "$TMP/live$jobs" &
	pid=$!
	exec 3> "$TMP/fifo$jobs"
	echo "alpha first" >&3
	n=0
	while [ ! -s "$TMP/live$jobs" ] && [ "$n" -lt 200 ]; do
		sleep 0.1
		n=$((n + 1))
	done
	expect "-j $jobs: a document's output is written before the next document arrives" \
		"$(cut -f1,5 "$TMP/live$jobs")" "$(printf -- '-:1\talpha')"
	echo "alpha second" >&3
	exec 3>&-
	wait "$pid"
	expect "-j $jobs: then the second" "$(wc -l < "$TMP/live$jobs")" 2
done

# Without -j: several documents (a split stream) take one thread per
# CPU, one document one thread. Threads are counted in /proc once entx
# waits for more input: the plugin is loaded and the main thread sleeps
# in read() (threads, if any, are started before the first read).
if [ "$(nproc)" -gt 1 ]; then several="more than one"; else several="one"; fi
for split in line none; do
	mkfifo "$TMP/fifo-$split"
	"$ENTX" --plugin-path="$GOOD_DIR" --plugins=good --split="$split" --format=tsv \
		< "$TMP/fifo-$split" > "$TMP/default-$split" &
	pid=$!
	exec 3> "$TMP/fifo-$split"
	echo "alpha first" >&3
	n=0
	until grep -q good "/proc/$pid/maps" 2> /dev/null &&
		[ "$(cut -d' ' -f3 "/proc/$pid/stat")" = S ] || [ "$n" -ge 200 ]; do
		sleep 0.1
		n=$((n + 1))
	done
	sleep 0.2
	threads=$(ls "/proc/$pid/task" | wc -l)
	exec 3>&-
	wait "$pid"
	if [ "$threads" -gt 1 ]; then got="more than one"; else got="one"; fi
	if [ "$split" = line ]; then want=$several; else want="one"; fi
	expect "no -j, --split=$split, $(nproc) CPUs: $want thread" "$got" "$want"
	expect "no -j, --split=$split: the document written" "$(cut -f5 "$TMP/default-$split")" alpha
done

# "-j2", as make takes it, is "-j 2".
good --input=jsonl -j2 < "$TMP/in.jsonl" > "$TMP/attached" 2> /dev/null
if cmp -s "$TMP/one" "$TMP/attached"; then ok "-j2 is read as -j 2"
else not_ok "-j2 is read as -j 2"; fi
good --input=jsonl < "$TMP/in.jsonl" > "$TMP/default" 2> /dev/null
if cmp -s "$TMP/one" "$TMP/default"; then ok "no -j: same output as -j 1"
else not_ok "no -j: same output as -j 1"; fi

finish
