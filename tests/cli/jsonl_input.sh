# JSON Lines input: a line longer than twice --max-bytes is skipped with an
# error (an error object in the summarize batch, which goes on); `stories -`
# reads JSON Lines from standard input when it starts with '{', else one
# article.
set -u
d=$(mktemp -d)
trap 'rm -rf "$d"' EXIT
python3 -c '
import json
print(json.dumps({"id": "long", "text": "x" * 200}))
print(json.dumps({"id": "ok", "text": "Hello world. This is fine."}))
' > "$d/in.jsonl"
"$NUTGRAF" summarize --jsonl --max-bytes 50 "$d/in.jsonl" | python3 -c '
import json, sys
rows = [json.loads(l) for l in sys.stdin]
assert rows[0] == {"id": None, "error": "line longer than twice the size limit (see --max-bytes)"}, rows[0]
assert rows[1]["id"] == "ok" and rows[1]["summary"], rows[1]
print("summarize --jsonl: long line answered with an error, batch went on")
' || exit 1
# CRLF line ends, a blank line, and a last line with no newline.
printf '{"id":"c1","text":"One sentence here."}\r\n\r\n{"id":"c2","text":"Two sentences. Here."}' |
  "$NUTGRAF" summarize --jsonl - | python3 -c '
import json, sys
rows = [json.loads(l) for l in sys.stdin]
assert [r["id"] for r in rows] == ["c1", "c2"] and all("summary" in r for r in rows), rows
print("summarize --jsonl: CRLF, blank line, no final newline")
' || exit 1
"$NUTGRAF" ingest --db "$d/n.db" --max-bytes 50 "$d/in.jsonl" 2> "$d/err"
[ $? = 1 ] && grep -q 'in.jsonl:1: line longer than twice the size limit' "$d/err" || { cat "$d/err"; exit 1; }
echo "ingest: long line reported, exit 1"
python3 -c '
import json
for i, t in enumerate(["A magnitude 7.6 earthquake struck Padang, Sumatra, on Wednesday.",
                       "Rescuers in Padang searched for survivors of the Sumatra earthquake."]):
    print(json.dumps({"id": "q%d" % i, "title": "Quake in Padang", "text": t}))
' | "$NUTGRAF" stories -q --json - | python3 -c '
import json, sys
ids = [a for s in json.load(sys.stdin)["stories"] for a in s["articles"]]
assert sorted(ids) == ["q0", "q1"], ids
print("stories -: JSON Lines from standard input")
' || exit 1
"$NUTGRAF" stories -q --json - < samples/news/004_bc4a88b22efdc5bb.txt | python3 -c '
import json, sys
st = json.load(sys.stdin)["stories"]
assert st[0]["articles"] == ["-"] and st[0]["headline"].startswith("Putin and Lukashenko"), st
print("stories -: one article from standard input")
' || exit 1
