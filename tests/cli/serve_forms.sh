# serve: form bodies (application/x-www-form-urlencoded, what `curl -d`
# and HTML forms send) to the JSON API are decoded, with the JSON body's
# fields (text/html/article, url, title, source, sentences, words), not
# stored or summarized as the raw "text=...&..." string.
. tests/cli/serve_common.shlib
start_server
G='Giraffes escaped from the city zoo on Tuesday morning after a storm damaged a fence. Keepers found all four animals grazing in a nearby park by noon. The zoo said no visitor was hurt and the fence would be rebuilt this week.'
expect 201 POST /api/articles --data-urlencode "text=$G" --data-urlencode 'url=https://example.test/giraffes'
has '"input":"text"'
has '"url":"https://example.test/giraffes"'
id=$(json_num id)
expect 200 GET "/api/articles/$id"
has '"text":"Giraffes escaped from the city zoo on Tuesday morning'
lacks 'text='
lacks '+'
echo "form article stored decoded"

expect 200 POST /api/summarize -d 'text=Giraffes+escaped+from+the+zoo.+Keepers+found+them+by+noon.+Nobody+was+hurt.&sentences=1'
has '"input":"text"'
has '"sentences":[{"index":'
lacks 'text='
lacks 'Giraffes+escaped'
expect 200 POST /api/summarize --data-urlencode 'html=<p>The harbour reopened on Monday after storm repairs.</p><p>Fishing boats returned within hours.</p>'
has '"input":"html"'
lacks '<p>'
echo "form summarized decoded"

expect 400 POST /api/articles -d 'body=no+article+field'
has 'html'
expect 400 POST /api/summarize -d 'text=Some+text.&sentences=zero'
expect 400 POST /api/articles -d 'text='
echo "bad forms 400"

# A title the client gives wins over the page's own.
P='<!DOCTYPE html><html><head><title>Page title</title></head><body><article><h1>Page title</h1><p>The harbour reopened on Monday after storm repairs. Fishing boats returned within hours. Officials said the quay is safe.</p></article></body></html>'
expect 201 POST '/api/articles?title=Client+title' -H 'Content-Type: text/html' --data-binary "$P"
has '"title":"Client title"'
expect 201 POST /api/articles -H 'Content-Type: application/json' --data-binary "{\"title\":\"JSON title\",\"html\":\"$(printf '%s' "$P" | sed 's/"/\\"/g; s/Monday/Tuesday/')\"}"
has '"title":"JSON title"'
expect 201 POST /api/articles --data-urlencode "html=$(printf '%s' "$P" | sed 's/Monday/Friday/')" -d 'title=Form+title'
has '"title":"Form title"'
expect 201 POST /api/articles -H 'Content-Type: text/html' --data-binary "$(printf '%s' "$P" | sed 's/Monday/Sunday/')"
has '"title":"Page title"'
expect 200 POST '/api/summarize?title=Client+title' -H 'Content-Type: text/html' --data-binary "$P"
has '"title":"Client title"'
echo "the client's title wins"

# A NUL byte (%00) in the URL or a form field would cut the value short
# (libmicrohttpd's strings end at it): refused.
expect 400 GET '/api/articles?q=a%00b'
expect 400 GET '/api/articles/1%00'
req GET '/a/1%00'
[ "$CODE" = 400 ] || fail "/a/1%00: $CODE"
has '<!DOCTYPE html>'
expect 400 POST /api/articles -d 'text=Before%00after. More text here. And more.'
expect 400 POST /api/summarize -d 'text=Fine+text.+More.&title=a%00b'
req POST /summarize -d 'text=Before%00after.+The+rest+is+here.'
[ "$CODE" = 400 ] || fail "paste with a NUL: $CODE"
has 'NUL'
echo "NUL bytes refused"
