# eval summarize --out FILE: a write error on FILE is reported (one line,
# exit 1), not dropped.
d=$(mktemp -d); trap 'rm -rf "$d"' EXIT
mkdir "$d/cnndm_raw"
printf '{"id":"a","article":"First sentence is here and long enough. Second one follows.","reference":"first sentence"}\n' > "$d/cnndm_raw/dev.jsonl"
"$NUTGRAF" eval summarize --set cnndm_raw --data "$d" --out /dev/full > /dev/null
