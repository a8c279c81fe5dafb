#!/bin/sh
# make eval: ROUGE of every method on every summarization set, written to
# eval/results.tsv (set, method, metric, value; F1 x 100, mean over items;
# for cnndm also the CNN / Daily Mail parts and the full-test weighting;
# for duc2006, the digests' ROUGE-2 / SU4 recall, 0-1).
# Committed, so a change in quality shows in the diff.
#   NUTGRAF=build/release/nutgraf NG_DATA=../shared/data sh eval/run.sh
set -eu
NUTGRAF=${NUTGRAF:-build/release/nutgraf}
DATA=${NG_DATA:-../shared/data}
out=eval/results.tsv
tmp=$out.tmp
printf 'set\tmethod\tmetric\tvalue\n' > "$tmp"
for set in cnndm cnndm_raw bbc xsum; do
  for m in lead textrank lexrank default; do
    nice "$NUTGRAF" eval summarize --data "$DATA" --set "$set" --method "$m" --tsv >> "$tmp"
  done
done
# The default method at a flat three sentences, beside its own default
# length (cnndm and cnndm_raw), so the two can be compared.
for set in cnndm cnndm_raw; do
  nice "$NUTGRAF" eval summarize --data "$DATA" --set "$set" -n 3 --tsv |
    sed 's/\tdefault\t/\tdefault-n3\t/' >> "$tmp"
done
# Multi-document digests on DUC 2006 (ROUGE-2 and SU4 recall x 1, as DUC
# reports them), beside NIST's lead baseline.
for m in digest lead; do
  nice "$NUTGRAF" eval digest --data "$DATA" -m "$m" --tsv >> "$tmp"
done
mv "$tmp" "$out"
grep -E 'rouge(1|2|Lsum)_f' "$out" | grep -v -E '\t(cnn|dm)\.' | column -t
