"$NUTGRAF" extract --json samples/news/004_bc4a88b22efdc5bb.txt | python3 -c '
import json, sys
d = json.load(sys.stdin)
assert d["title"] == "Putin and Lukashenko Discuss Alliance and Ukraine Topics", d["title"]
assert d["language"] == "en" and d["type"] == "article" and d["input"] == "text"
assert "Get a summary" not in d["text"] and "Next Article" not in d["text"]
assert d["text"].startswith("On August 30")
print("ok")'
