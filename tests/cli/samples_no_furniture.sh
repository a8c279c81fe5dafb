# Every sample's 3-sentence summary: three lines, each verbatim from the
# article, none of them site furniture.
for f in samples/news/*.txt; do
  out=$("$NUTGRAF" summarize -n 3 "$f") || { echo "fail $f"; exit 1; }
  n=$(printf '%s\n' "$out" | wc -l)
  [ "$n" -eq 3 ] || { echo "$f: $n lines"; exit 1; }
  printf '%s\n' "$out" | while IFS= read -r line; do
    grep -qF -- "$line" "$f" || { echo "$f: not verbatim: $line"; exit 1; }
    case "$line" in
      *"No time to read"*|*"Get a summary"*|*"Previous Article"*|*"Next Article"*|*cookies*|*"Read More"*) echo "$f: furniture: $line"; exit 1;;
    esac
  done || exit 1
done
