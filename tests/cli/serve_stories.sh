# serve: stories. The stored articles are grouped as `nutgraf stories`
# groups them (the samples: 1 | 2, 4 | 3 | 5 by store id, the files 000 |
# 001, 003 | 002 | 004); a story is named by its first article and found
# from any member; the story page has the digest with its sources, the
# timeline and the entities; an article page links its story; articles
# added after the server started join the stories.
. tests/cli/serve_common.shlib
"$NUTGRAF" ingest -q --db "$DB" samples/news > /dev/null || fail "ingest"
start_server
# The server reads the store into stories on a thread of its own: until
# then the story routes answer 503.
i=0
while :; do
  req GET /api/stories
  [ "$CODE" = 200 ] && break
  [ "$CODE" = 503 ] || fail "/api/stories while reading: $CODE"
  i=$((i + 1))
  [ $i -lt 200 ] || fail "the stories were never read"
  sleep 0.05
done

expect 200 GET /api/stories
has '"total":4'
groups=$(printf '%s' "$BODY" | python3 -c 'import json,sys; print(sorted([a["id"] for a in s["articles"]] for s in json.load(sys.stdin)["stories"]))')
[ "$groups" = "[[1], [2, 4], [3], [5]]" ] || fail "stories: $groups"
expect 200 GET '/api/stories?min_articles=2'
has '"total":1'
echo "stories as the command groups them"

expect 200 GET /api/stories/4
has '"id":2'
has '"kind":"person","name":"Alexander Lukashenko"'
has '"digest":[{"article":2,"text":"In Minsk this Monday, Alexander Lukashenko greeted Vladimir Putin'
has '"article":4,"text":"The Belarusian and Russian foreign ministers on Monday'
expect 404 GET /api/stories/99
expect 400 GET '/api/stories?per_page=0'
echo "a story from any member, with entities and digest"

expect 200 GET /stories
has '<h1>Stories</h1>'
has 'href="/s/2"'
lacks 'href="/s/1"'
expect 200 GET '/stories?all=1'
has 'href="/s/1"'
expect 200 GET /api/articles/4
has '"story":{"id":2,"headline":'
has '"size":2}'
expect 200 GET /s/4
has '<h2>The story so far</h2>'
has '<h2>Timeline</h2>'
has 'href="/a/4"'
has 'People</dt><dd>Alexander Lukashenko'
req GET /s/99
[ "$CODE" = 404 ] || fail "/s/99: $CODE"
expect 200 GET /a/2
has '<h2>In this story</h2>'
has 'href="/s/2"'
has 'href="/a/4"'
expect 200 GET /a/1
lacks 'In this story'
expect 200 GET '/stories?page=50'
has 'Page 50 is past the end: the last page is <a href="/stories?page=1">page 1</a>.'
lacks 'page=49'
expect 200 GET '/stories?all=1&page=7'
has '<a href="/stories?all=1&amp;page=1">page 1</a>'
echo "story pages"

expect 200 POST /api/articles -H 'Content-Type: text/plain' \
  --data-binary @samples/news/003_dc0927f4facc235e.txt
has '"duplicate":true'
expect 200 GET /api/stories
has '"total":4'
echo "an identical page is a duplicate, not a new article"
printf 'Lukashenko and Putin met in Minsk on Monday, a visit the Kremlin called a working one.\n\nThe two presidents greeted each other with bread and salt in Minsk, and their foreign ministers Sergey Lavrov and Sergey Aleinik had met before the leaders.\n\nLukashenko said sanctions could be softened through coordinated steps.\n' > "$TMP/new.txt"
expect 201 POST /api/articles -H 'Content-Type: text/plain' --data-binary @"$TMP/new.txt"
expect 200 GET /api/stories/6
has '"id":2'
echo "a new article joins its story"
