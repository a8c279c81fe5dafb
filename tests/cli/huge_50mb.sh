# 50 MB of real sentences (the sample corpus repeated): summarized within a
# memory bound, exit 0.
t=$(mktemp); trap 'rm -f "$t"' EXIT
i=0; while [ $(stat -c %s "$t") -lt 50000000 ]; do cat samples/news/000_4607e9d5b3ed23ff.txt samples/news/002_f29642c651209d67.txt >> "$t"; cat "$t" "$t" > "$t.2" 2>/dev/null; mv "$t.2" "$t"; done
(ulimit -v 4000000; "$NUTGRAF" summarize -n 3 "$t" > /dev/null)
