# serve: a stored HTML article's summary offsets index the article's
# "text" (GET /api/articles/ID), as extract --json's do its "text".
. tests/cli/serve_common.shlib
start_server
expect 201 POST /api/articles -H 'Content-Type: text/html' \
  --data-binary '<!DOCTYPE html><html><head><title>Harbour reopens after storm repairs</title></head><body><article><h1>Harbour reopens after storm repairs</h1><p>The harbour reopened on Monday after three weeks of storm repairs. Fishing boats returned within hours, and the ferry runs again from Tuesday.</p><p>Officials said the quay is safe. The repairs cost the town two million euros, most of it from a regional fund.</p></article></body></html>'
id=$(json_num id)
expect 200 GET "/api/articles/$id"
cp "$TMP/body" "$TMP/article.json"
expect 200 GET "/api/articles/$id/summary?sentences=2"
python3 -c '
import json, sys
text = json.load(open(sys.argv[1]))["text"].encode()
sents = json.load(open(sys.argv[2]))["summary"]["sentences"]
assert len(sents) == 2, sents
for s in sents:
    assert text[s["offset"]:s["offset"] + s["length"]].decode() == s["text"], (s, text)
print("html summary offsets index the article text")' "$TMP/article.json" "$TMP/body" || fail "offsets"
