# stories --digest -w W: a story none of whose sentences fits in W words
# gets a note instead of an empty body (exit 0: the grouping is done).
t=$(mktemp); trap 'rm -f "$t"' EXIT
"$NUTGRAF" stories --digest -w 5 samples/news > "$t" || exit 1
echo "stories: $(grep -c '^== ' "$t")"
echo "notes: $(grep -c '^(no sentence of this story fits in 5 words; see --words)$' "$t")"
echo "sentences: $(grep -c '^- ' "$t")"
