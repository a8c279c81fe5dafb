# A 10 MB line without sentence punctuation: one "sentence", verbatim, in
# bounded memory (peak RSS measured; an ASan build gets a looser bound).
t=$(mktemp); trap 'rm -f "$t" "$t.rss" "$t.out"' EXIT
yes "word" | head -c 10000000 | tr '\n' ' ' > "$t"
limit_kb=600000
ldd "$NUTGRAF" 2>/dev/null | grep -q libasan && limit_kb=6000000
/usr/bin/time -f %M -o "$t.rss" "$NUTGRAF" summarize --json "$t" > "$t.out" || exit 1
grep -q '"index":0' "$t.out" || exit 2
rss=$(tail -n 1 "$t.rss")
[ "$rss" -lt "$limit_kb" ] || { echo "peak RSS $rss KB over $limit_kb KB"; exit 3; }
