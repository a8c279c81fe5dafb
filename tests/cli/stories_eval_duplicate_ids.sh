# --eval matches the grouped articles to the input lines by id: with an id
# given twice, the second article is the second line (its own "cluster"),
# not the first line again. Two stories, two clusters: F1 1.
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
printf '%s\n' \
  '{"id":"a","cluster":"1","title":"Quake hits Padang","text":"A magnitude 7.6 earthquake struck Padang on Wednesday, killing hundreds."}' \
  '{"id":"a","cluster":"2","title":"Obama visits Paris","text":"President Barack Obama arrived in Paris on Tuesday for talks with French President Emmanuel Macron."}' \
  > "$tmp/dup.jsonl"
"$NUTGRAF" stories -q --eval "$tmp/dup.jsonl"
