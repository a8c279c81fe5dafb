# The five sample articles (Russia-Belarus meetings): the ones about the same
# event group together, different events stay apart; in the digest no
# person appears under two spellings (Sergei/Sergey, Aleinik/Aleynik) and
# every digest sentence is verbatim from its source.
out=$("$NUTGRAF" stories --json samples/news) || exit 1
printf '%s\n' "$out" | tr '{' '\n' | sed -n 's/.*"articles": *\[\([^]]*\)\].*/\1/p' | tr -d '" '
dig=$("$NUTGRAF" stories --digest samples/news) || exit 1
# People lines: fold each name's last word to a skeleton (y/i/j as vowels,
# vowels dropped after the first letter) and look for repeats per story.
printf '%s\n' "$dig" | sed -n 's/^People: //p' | while IFS= read -r line; do
  dups=$(printf '%s\n' "$line" | tr ',' '\n' | awk '{print tolower($NF)}' |
    sed -e 's/[yj]/i/g' -e 's/\(.\)[aeiou]*/\1/' -e 's/\(.\)\(.*\)/\1 \2/' |
    awk '{gsub(/[aeiou]/, "", $2); print $1 $2}' | sort | uniq -d)
  [ -z "$dups" ] || { echo "person under two spellings: $dups in: $line"; exit 1; }
done || exit 1
printf '%s\n' "$dig" | sed -n 's/^- \(.*\) \[\(.*\)\]$/\2\t\1/p' | while IFS="$(printf '\t')" read -r src sent; do
  grep -qF -- "$sent" "samples/news/$src" || { echo "not verbatim from $src: $sent"; exit 1; }
done || exit 1
echo "digest ok"
# Headlines: a story with a titled member takes its title; a first sentence
# standing in for one is cut after a word, with an ellipsis, in 200 bytes.
printf '%s\n' "$out" | python3 -c '
import json, sys
for s in json.load(sys.stdin)["stories"]:
    h = s["headline"]
    assert len(h.encode()) <= 200, h
    if "003_dc0927f4facc235e.txt" in s["articles"]:
        assert h == "Top diplomats discuss Belarus, Russia ties ahead of leaders\u2019 meeting", h
    if len(s["articles"]) == 1 and s["articles"][0].startswith("002"):
        assert h.endswith(" military\u2026"), h
print("headlines ok")
' 
