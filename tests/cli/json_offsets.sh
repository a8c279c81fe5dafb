# --json offsets point at the exact bytes of each sentence in the input.
f=samples/news/001_2a09c4be25c96587.txt
"$NUTGRAF" summarize --json -n 3 "$f" | python3 -c '
import json, sys
d = json.load(sys.stdin)
raw = open(sys.argv[1], "rb").read()
assert d["method"] == "default" and len(d["sentences"]) == 3
for s in d["sentences"]:
    assert raw[s["offset"]:s["offset"] + s["length"]].decode() == s["text"], s
print("ok")' "$f"
