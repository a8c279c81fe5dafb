# A 10 MB line without sentence punctuation: bounded time and memory, one
# "sentence" in the summary, verbatim.
t=$(mktemp); trap 'rm -f "$t"' EXIT
yes "word" | head -c 10000000 | tr '\n' ' ' > "$t"
out=$(ulimit -v 1000000; "$NUTGRAF" summarize --json "$t") || exit 1
printf '%s' "$out" | grep -q '"index":0' || exit 2
