# HTML input: byte offsets index the article's text exactly as extract
# --json prints it in "text" (the body, without the title): the summary
# in extract --json -s, summarize --json, and entities --json (a first
# mention in the title has "in":"title" and indexes "title").
f=tests/cases/extract/related_prevnext.html
t=$(mktemp -d); trap 'rm -rf "$t"' EXIT
"$NUTGRAF" extract --json -s 3 "$f" > "$t/x" || exit 1
"$NUTGRAF" summarize --json -n 3 "$f" > "$t/s" || exit 1
"$NUTGRAF" entities --json "$f" > "$t/e" || exit 1
python3 -c '
import json, sys
x = json.load(open(sys.argv[1]))
text, title = x["text"].encode(), x["title"].encode()
def at(s, off, n): return s[off:off + n].decode()
for name, d in (("extract --json -s", x["summary"]), ("summarize --json", json.load(open(sys.argv[2])))):
    assert len(d["sentences"]) == 3, d
    for s in d["sentences"]:
        assert at(text, s["offset"], s["length"]) == s["text"], (name, s)
    print(name, "offsets index text")
ents = json.load(open(sys.argv[3]))["entities"]
for e in ents:
    src = title if e.get("in") == "title" else text
    assert at(src, e["offset"], e["length"]) in e["name"], e
print("entities --json offsets index text, or title:", sum(e.get("in") == "title" for e in ents))
' "$t/x" "$t/s" "$t/e"
