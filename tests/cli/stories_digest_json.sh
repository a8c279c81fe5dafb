# stories --digest --json: each story carries its digest, and every digest
# sentence is quoted verbatim from the sample it names; --words bounds the
# digest without cutting a sentence; --one digests all the samples as one
# story; --json --pairs carries the rewrite pairs.
set -u
out=$("$NUTGRAF" stories --json --digest -n 3 samples/news) || exit 1
printf '%s' "$out" | python3 -c '
import json, sys
d = json.load(sys.stdin)
n = 0
for s in d["stories"]:
    assert 1 <= len(s["digest"]) <= 3, s
    for it in s["digest"]:
        assert it["article"] in s["articles"], it
        src = open("samples/news/" + it["article"], encoding="utf-8").read()
        assert it["text"] in src, it["text"]
        n += 1
print(len(d["stories"]), "stories,", n, "digest sentences, each quoted from its source")
' || exit 1
"$NUTGRAF" stories --json --digest --words 40 samples/news | python3 -c '
import json, sys
for s in json.load(sys.stdin)["stories"]:
    words = sum(len(it["text"].split()) for it in s["digest"])
    assert words <= 40, (words, s["digest"])
print("--words 40: every digest within 40 words")
'
# --one: the five samples as one story, its digest drawn from several of them.
"$NUTGRAF" stories --one --json --digest -n 5 samples/news | python3 -c '
import json, sys
st = json.load(sys.stdin)["stories"]
assert len(st) == 1 and len(st[0]["articles"]) == 5, st
srcs = {it["article"] for it in st[0]["digest"]}
assert len(srcs) >= 3, srcs
print("--one: 1 story of 5 articles, digest from", len(srcs), "sources")
'
# --json --pairs: a copy and its source are a pair, with aligned sentences;
# the samples have none (a note on standard error, nothing on standard out).
python3 -c '
import json
a = ("A magnitude 7.6 earthquake struck off Sumatra on Wednesday, killing at least 200 people in Padang. "
     "Rescuers searched collapsed hotels through the night. Officials said hospitals were damaged. "
     "Thousands of residents slept outdoors as aftershocks shook the city.")
print(json.dumps({"id": "orig", "title": "Quake kills 200 in Padang", "text": a}))
print(json.dumps({"id": "copy", "title": "Quake kills 200 in Padang", "text": a.replace("Wednesday", "Wednesday evening")}))
' | "$NUTGRAF" stories -q --json --pairs - | python3 -c '
import json, sys
d = json.load(sys.stdin)
p = d["pairs"]
assert len(p) == 1 and {p[0]["a"], p[0]["b"]} == {"orig", "copy"} and p[0]["score"] > 0.9, p
assert len(p[0]["aligned"]) >= 3, p
print("--json --pairs: 1 pair,", len(p[0]["aligned"]), "aligned sentences")
' || exit 1
"$NUTGRAF" stories --pairs samples/news 2>&1 >/dev/null | grep -q "no pair of articles" || exit 1
echo "--pairs on the samples: none, said on standard error"
