# serve: "Related articles" on an article page come from the stories: the
# newest article of each similar story (the samples, all on Belarus and
# Russia, relate to each other), and an article on nothing else in the
# store has none, even when its title shares a word with others ("meet").
. tests/cli/serve_common.shlib
"$NUTGRAF" ingest -q --db "$DB" samples/news > /dev/null || fail "ingest"
start_server
expect 201 POST '/api/articles?title=Cafe+owners+meet' -H 'Content-Type: text/plain' --data-binary \
  'Cafe owners in the old town will meet on Tuesday to discuss new rules for terraces. The council wants tables off the pavement by ten. Owners say they will lose trade.'
cafe=$(json_num id)
expect 200 GET /a/1
has '<aside class="related"><h2>Related articles</h2>'
lacks "href=\"/a/$cafe\""
echo "a sample relates to the other samples"
expect 200 GET "/a/$cafe"
lacks 'Related articles'
echo "an unrelated article has none"
