# --max-bytes takes a suffix k, m or g in either case (KiB, MiB, GiB):
# the file is 3,122 bytes, so 1k and 1K refuse it and 1m ... 1G take it.
f=samples/news/001_2a09c4be25c96587.txt
for s in 1k 1K 1m 1M 1g 1G 3122; do
  "$NUTGRAF" segment --max-bytes "$s" "$f" > /dev/null 2>&1
  echo "$s: exit $?"
done
"$NUTGRAF" summarize --max-bytes 2K "$f"
