# Site lines between body paragraphs, in scraped text and in the <p>s of an
# HTML page ("Read more: <headline>", newsletter and follow calls, picture
# credits, "Scroll down for video" glued to a sentence, Russian "Читайте
# также:" and a Telegram call): neither `extract` nor an 8-sentence
# summary carries them, the page's headline and standfirst (<h1>, <h2>) are
# not summary lines, and every summary line is verbatim in the input.
set -e
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
lines='Read more: Council members clash over library funding
READ MORE: Mayor promises tax cuts before the election
Related: City faces deficit as pension costs soar
See also: How the budget process works
Sign up to our daily newsletter for the latest news from the city.
Follow us on Twitter for live updates
Click here to subscribe to our newsletter
Continue reading below
Image copyright Getty Images
Photo: Reuters
Читайте также: Мэр пообещал снизить налоги
Подписывайтесь на наш канал в Telegram.'
body='The city council approved a new budget on Tuesday after a debate that lasted more than six hours and drew hundreds of residents.
The budget includes money for road repairs, two new libraries and more police officers, the mayor said in a statement.
Critics said the plan relied on optimistic forecasts of sales tax revenue that might not materialise next year.
Scroll down for video Bosses in some states want more money for police, a council member said after the vote on Tuesday.
Council leaders were confident the budget would pass its second reading without major changes next month.'
# Each site line once (a repeated line is furniture anyway): three after
# each of the first four paragraphs.
printf '%s\n' "$lines" > "$tmp/lines"
interleave() {
  printf '%s\n' "$body" | awk -v pre="$1" -v post="$2" -v lines="$tmp/lines" '
    { print pre $0 post
      for (k = 0; k < 3 && (getline l < lines) > 0; k++) print pre l post }'
}
{
  echo "Council Approves New Budget After Long Debate"
  echo
  interleave "" ""
} > "$tmp/a.txt"
{
  echo '<!doctype html><html lang="en"><head><meta charset="utf-8">'
  echo '<title>Council Approves New Budget After Long Debate</title></head><body><article>'
  echo '<h1>Council Approves New Budget After Long Debate</h1>'
  echo '<h2>The vote followed six hours of debate</h2>'
  interleave "<p>" "</p>"
  echo '</article></body></html>'
} > "$tmp/a.html"
for f in "$tmp/a.txt" "$tmp/a.html"; do
  "$NUTGRAF" extract "$f" > "$tmp/extract"
  "$NUTGRAF" summarize -n 8 "$f" > "$tmp/summary"
  [ "$(wc -l < "$tmp/summary")" -eq 5 ] || { echo "$f: $(wc -l < "$tmp/summary") summary lines"; cat "$tmp/summary"; exit 1; }
  for out in "$tmp/extract" "$tmp/summary"; do
    printf '%s\n' "$lines" "Scroll down" "Council Approves" "six hours of debate" | while IFS= read -r l; do
      [ -z "$l" ] && continue
      if grep -qF -- "$l" "$out"; then
        case "$out:$l" in
          */extract:"Council Approves"*|*/extract:"six hours of debate") ;; # headings stay in the body
          *) echo "$f: '$l' in $(basename "$out")"; exit 1;;
        esac
      fi
    done
  done
  while IFS= read -r s; do
    grep -qF -- "$s" "$f" || { echo "$f: not verbatim: $s"; exit 1; }
  done < "$tmp/summary"
done
echo ok
