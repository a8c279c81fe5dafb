# JSON Lines saved with a UTF-8 byte order mark (Notepad, PowerShell) are
# read as without it, by stories, summarize --jsonl and ingest alike.
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
printf '\357\273\277%s\n' '{"id":"q","title":"Obama in Paris","text":"President Barack Obama arrived in Paris on Tuesday for talks with French President Emmanuel Macron."}' > "$tmp/bom.jsonl"
"$NUTGRAF" stories "$tmp/bom.jsonl" || exit 1
"$NUTGRAF" summarize --jsonl "$tmp/bom.jsonl" | cut -c1-30 || exit 1
"$NUTGRAF" ingest --db "$tmp/b.db" "$tmp/bom.jsonl" 2>&1
