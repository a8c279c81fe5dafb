# eval rouge with no system id among the references scores nothing: an
# error (exit 1, one line), not "all 0 items" with 0.00 scores.
d=$(mktemp -d); trap 'rm -rf "$d"' EXIT
printf '{"id":"a","reference":"first sentence is here"}\n' > "$d/refs.jsonl"
printf '{"id":"b","summary":"first sentence here"}\n' > "$d/sys.jsonl"
"$NUTGRAF" eval rouge --refs "$d/refs.jsonl" --system "$d/sys.jsonl"
