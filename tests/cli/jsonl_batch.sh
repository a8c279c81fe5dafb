# Batch: order kept, a bad line gets an error object, the batch goes on.
{
  printf '{"id":"a","article":"First sentence is here and long enough. Second sentence follows it. Third one ends it."}\n'
  printf 'not json\n'
  printf '{"id":7,"text":""}\n'
  printf '{"id":"b","text":"Only one sentence in this article today."}\n'
} | "$NUTGRAF" summarize --jsonl -j 2 -n 2 - | python3 -c '
import json, sys
rows = [json.loads(l) for l in sys.stdin]
assert [r.get("id") for r in rows] == ["a", None, 7, "b"], rows
assert rows[0]["summary"].count("\n") == 1 and "error" not in rows[0]
assert "error" in rows[1] and "error" in rows[2]
assert rows[3]["summary"] == "Only one sentence in this article today."
print("ok")'
