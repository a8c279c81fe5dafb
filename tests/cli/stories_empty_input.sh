# An empty directory or an empty JSON Lines file holds no article: one
# line and exit 1, not exit 0 with no output (which reads as "no stories").
d=$(mktemp -d); trap 'rm -rf "$d"' EXIT
: > "$d/empty.jsonl"
mkdir "$d/none"
"$NUTGRAF" stories "$d/none"; a=$?
"$NUTGRAF" stories --json "$d/empty.jsonl"; b=$?
echo "dir $a, jsonl $b"
[ $a -ne 0 ] && [ $b -ne 0 ]
