# summarize --jsonl: a line that fails gets its {"id", "error"} object and
# the batch goes on, but the exit status is 1 and one line says how many.
printf '%s\n' '{"id":"a","article":"First sentence is here and long enough. Second sentence follows it."}' \
  'not json' '{"id":7,"text":""}' | "$NUTGRAF" summarize --jsonl -n 1 -
