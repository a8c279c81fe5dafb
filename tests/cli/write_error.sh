# A write error on standard output (a full disk: /dev/full) is a failure
# for every command: exit 1 and one line "nutgraf: write error: ...".
f=samples/news/001_2a09c4be25c96587.txt
d=$(mktemp -d); trap 'rm -rf "$d"' EXIT
printf '{"id":"a","text":"First sentence is here and long enough. Second one follows."}\n' > "$d/in.jsonl"
printf '{"id":"a","reference":"first sentence is here"}\n' > "$d/refs.jsonl"
printf '{"id":"a","summary":"first sentence here"}\n' > "$d/sys.jsonl"
run() {
  what=$1; shift
  "$NUTGRAF" "$@" > /dev/full 2> "$d/err"
  echo "$what: exit $?, $(wc -l < "$d/err") line: $(cat "$d/err")"
}
run summarize summarize "$f"
run "summarize --json" summarize --json "$f" "$f"
run "summarize --jsonl" summarize --jsonl "$d/in.jsonl"
run extract extract "$f"
run segment segment "$f"
run entities entities "$f"
run "entities --json" entities --json "$f"
run stories stories "$f"
run "stories --json --digest" stories --json --digest "$f"
run "eval rouge" eval rouge --refs "$d/refs.jsonl" --system "$d/sys.jsonl"
run --help --help
run "summarize --help" summarize --help
