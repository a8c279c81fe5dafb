# Text hard-wrapped at 72 columns (fold -s, no blank lines) summarizes as
# the unwrapped text does: its paragraphs are read across the line breaks,
# the first lines are not taken for a title or furniture, and each summary
# sentence prints on one line.
t=$(mktemp); trap 'rm -f "$t" "$t.a" "$t.b"' EXIT
f=samples/news/000_4607e9d5b3ed23ff.txt
fold -s -w 72 "$f" > "$t"
"$NUTGRAF" summarize "$f" | tr -s ' ' > "$t.a" || exit 1
"$NUTGRAF" summarize "$t" | tr -s ' ' > "$t.b" || exit 1
cmp -s "$t.a" "$t.b" || { echo "wrapped summary differs:"; cat "$t.b"; exit 1; }
wc -l < "$t.b" | tr -d ' '
# With --json the sentences are still verbatim spans of the wrapped input.
"$NUTGRAF" summarize --json "$t" | python3 -c '
import json, sys
src = open(sys.argv[1], "rb").read()
for s in json.load(sys.stdin)["sentences"]:
    assert src[s["offset"]:s["offset"] + s["length"]].decode() == s["text"], s
print("spans ok")
' "$t"
