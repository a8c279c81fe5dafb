# summarize --json with several FILEs: one object per line, each naming
# its FILE in "file" ('-' for standard input).
a=samples/news/001_2a09c4be25c96587.txt b=samples/news/003_dc0927f4facc235e.txt
{ "$NUTGRAF" summarize --json -n 1 "$a" "$b" && "$NUTGRAF" summarize --json -n 1 < "$a"; } | python3 -c '
import json, sys
rows = [json.loads(l) for l in sys.stdin]
print([(r["file"], len(r["sentences"])) for r in rows])
assert list(rows[0])[:2] == ["file", "method"]'
