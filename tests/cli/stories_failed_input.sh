# An input that is not an article (here an empty file) is reported and
# skipped, the rest is grouped, and the exit status is 1 (as for ingest).
d=$(mktemp -d); trap 'rm -rf "$d"' EXIT
cp samples/news/001_2a09c4be25c96587.txt "$d/a.txt"
: > "$d/empty.txt"
"$NUTGRAF" stories "$d"
