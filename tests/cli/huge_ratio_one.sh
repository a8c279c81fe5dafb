# -r 1 of a 50,000-sentence text with no repeated trigram: every sentence,
# each checked against the picked ones' trigrams in a hash set (checking
# every pair took minutes; the runner's timeout catches a return to that).
t=$(mktemp); trap 'rm -f "$t"' EXIT
awk 'BEGIN { for (i = 0; i < 50000; i++) { s = "Alpha" i; for (k = 1; k < 12; k++) s = s " w" k "x" i; print s "." } }' > "$t"
"$NUTGRAF" summarize -r 1 "$t" | wc -l | tr -d ' '
