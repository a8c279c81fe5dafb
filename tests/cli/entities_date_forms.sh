# entities --date takes a real calendar day YYYY-MM-DD, optionally with a
# time; anything else is a usage error (exit 2), not silently ignored.
f=samples/news/001_2a09c4be25c96587.txt
for d in 2023-13-45 yesterday 20230626 2023-02-30 2023-02-29 2023-06-26T25:00 2023-06-26x \
         2024-02-29 2023-06-26 2023-06-26T14:30 2023-06-26T14:30:05Z "2023-06-26 14:30:05.5+02:00"; do
  "$NUTGRAF" entities -d "$d" "$f" > /dev/null 2>&1
  echo "$d: exit $?"
done
