# An id given to two articles is grouped but warned about on standard
# error (ids name the articles in every output); -q keeps it quiet.
d=$(mktemp -d); trap 'rm -rf "$d"' EXIT
printf '%s\n' '{"id":"a","title":"x","text":"Obama visited Paris on Monday."}' \
  '{"id":"a","title":"y","text":"Merkel visited Rome on Tuesday."}' \
  '{"id":"b","title":"z","text":"Macron visited Berlin."}' > "$d/dup.jsonl"
"$NUTGRAF" stories --json "$d/dup.jsonl" | grep -c '"a"'
"$NUTGRAF" stories -q --json "$d/dup.jsonl" > /dev/null
