# 50 MB of real sentences (the sample corpus repeated): summarized with exit
# 0 in bounded memory (peak RSS under 12x the input; looser under sanitizers).
t=$(mktemp); trap 'rm -f "$t" "$t.2" "$t.rss"' EXIT
while [ "$(stat -c %s "$t")" -lt 50000000 ]; do
  cat samples/news/000_4607e9d5b3ed23ff.txt samples/news/002_f29642c651209d67.txt >> "$t"
  cat "$t" "$t" > "$t.2" && mv "$t.2" "$t"
done
limit_kb=$(( $(stat -c %s "$t") * 12 / 1024 ))
ldd "$NUTGRAF" 2>/dev/null | grep -q libasan && limit_kb=$((limit_kb * 4))
/usr/bin/time -f %M -o "$t.rss" "$NUTGRAF" summarize -n 3 "$t" > /dev/null || exit 1
rss=$(tail -n 1 "$t.rss")
[ "$rss" -lt "$limit_kb" ] || { echo "peak RSS $rss KB over $limit_kb KB"; exit 3; }
