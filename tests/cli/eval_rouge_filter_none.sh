# eval rouge --filter that matches no reference: an error (exit 1).
d=$(mktemp -d); trap 'rm -rf "$d"' EXIT
printf '{"id":"a","reference":"first sentence is here","source":"cnn"}\n' > "$d/refs.jsonl"
printf '{"id":"a","summary":"first sentence here"}\n' > "$d/sys.jsonl"
"$NUTGRAF" eval rouge --refs "$d/refs.jsonl" --system "$d/sys.jsonl" --filter source=bbc
