# serve: a stored text article's summary offsets index the bytes as
# posted, which GET /api/articles/ID/raw gives back unchanged (its "text"
# has the site furniture taken out, so it is not what they index).
. tests/cli/serve_common.shlib
start_server
f=$(ls samples/news/*.txt | sed -n 2p) # furniture before the story
expect 201 POST /api/articles -H 'Content-Type: text/plain' --data-binary "@$f"
id=$(json_num id)
curl -s -S -o "$TMP/raw" -D "$TMP/h" "$BASE/api/articles/$id/raw" || fail "raw"
cmp -s "$TMP/raw" "$f" || fail "raw bytes differ from the posted file"
grep -qi '^Content-Type: application/octet-stream' "$TMP/h" || fail "raw content type"
echo "raw bytes as posted"
expect 200 GET "/api/articles/$id/summary?sentences=3"
python3 -c '
import json, sys
raw = open(sys.argv[1], "rb").read()
sents = json.load(open(sys.argv[2]))["summary"]["sentences"]
assert len(sents) == 3, sents
for s in sents:
    assert raw[s["offset"]:s["offset"] + s["length"]].decode() == s["text"], s
print("text summary offsets index the raw bytes")' "$TMP/raw" "$TMP/body" || fail "offsets"
expect 404 GET /api/articles/999/raw
expect 405 POST "/api/articles/$id/raw"
echo "raw: 404 and 405"
