# Every command answers a bad option in two lines (what is wrong, and
# "Try 'nutgraf CMD --help'."), not with its whole help text; exit 2.
e=$(mktemp); trap 'rm -f "$e"' EXIT
for c in summarize extract segment entities stories ingest serve "eval rouge" "eval summarize" "eval digest"; do
  # shellcheck disable=SC2086
  "$NUTGRAF" $c --bogus < /dev/null > /dev/null 2> "$e"
  echo "$c: exit $?, $(wc -l < "$e") lines: $(head -n 1 "$e") / $(tail -n 1 "$e")"
done
"$NUTGRAF" summarize -n < /dev/null 2> "$e"
echo "summarize -n: exit $?, $(wc -l < "$e") lines: $(head -n 1 "$e")"
"$NUTGRAF" eval --bogus 2> "$e"
echo "eval --bogus: exit $?, $(wc -l < "$e") lines: $(head -n 1 "$e")"
