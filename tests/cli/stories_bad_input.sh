# A JSON Lines batch with an empty article, a Russian one and two copies:
# the bad ones are reported and skipped, the rest is grouped (exit 1).
tmp=$(mktemp)
trap 'rm -f "$tmp"' EXIT
printf '%s\n' '{"id":"e1","title":"","text":""}' \
  '{"id":"r1","title":"Лукашенко встретился с Лавровым","text":"Президент Беларуси Александр Лукашенко встретился в Минске с министром иностранных дел России Сергеем Лавровым."}' \
  'not json' \
  '{"id":"d1","title":"Quake hits Padang","text":"A magnitude 7.6 earthquake struck Padang on Wednesday.","date":"2009-09-30"}' \
  '{"id":"d2","title":"Quake hits Padang","text":"A magnitude 7.6 earthquake struck Padang on Wednesday.","date":"2009-09-30"}' > "$tmp"
cp "$tmp" "$tmp.jsonl"
trap 'rm -f "$tmp" "$tmp.jsonl"' EXIT
"$NUTGRAF" stories --json "$tmp.jsonl"
