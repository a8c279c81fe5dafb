# serve: the web reader. Pages are HTML, article content is escaped (a
# stored <script> shows as text), the summary works without JavaScript
# (?summary=1), search and the paste form work, assets are embedded.
. tests/cli/serve_common.shlib
"$NUTGRAF" ingest -q --db "$DB" samples/news > /dev/null || fail "ingest"
start_server
expect 201 POST /api/articles -H 'Content-Type: application/json' --data-binary \
  '{"title":"Evil <script>alert(1)</script> title","url":"javascript:alert(2)","text":"Officials said <script>alert(3)</script> was found in the page. The <img src=x onerror=alert(4)> tag was inert. Everything \"quoted\" & escaped stays text."}'

expect 200 GET /
has '<h1>Articles</h1>'
has 'href="/a/6"'
has 'Evil &lt;script&gt;alert(1)&lt;/script&gt; title'
has 'action="/summarize"'
lacks '<script>alert'
# An ingested file is shown by its name, not by the server's path to it.
has '000_4607e9d5b3ed23ff.txt'
lacks 'samples/news/'
echo "home page"

expect 200 GET /a/6
has 'Officials said &lt;script&gt;alert(3)&lt;/script&gt; was found'
has '&lt;img src=x onerror=alert(4)&gt;'
has '&quot;quoted&quot; &amp; escaped'
lacks '<script>alert'
lacks '<img src=x'
lacks 'href="javascript:'
has 'No time to read? Get a summary'
has 'rel="prev" id="prev" href="/a/5"'
echo "article page escapes content"

expect 200 GET /a/2
has 'id="get-summary"'
has 'href="/a/2?summary=1#summary"'
has 'data-api="/api/articles/2/summary"'
has 'href="/a/1"'
has 'href="/a/3"'
has 'Related articles'
expect 200 GET '/a/2?summary=1'
has '<section id="summary" class="summary"'
has '<h2>Summary</h2><ul><li>'
echo "summary without JavaScript"

expect 200 GET '/?q=Lavrov'
has '<mark>Lavrov</mark>'
expect 200 GET '/?q=%3Cscript%3E'
lacks '<script>alert'
has 'value="&lt;script&gt;"'
echo "search"

# A page past the end says so and links the last page, not the one before.
expect 200 GET '/?page=50'
has 'Page 50 is past the end: the last page is <a href="/?page=1">page 1</a>.'
lacks 'No articles yet'
lacks 'page=49'
expect 200 GET '/?q=Lavrov&page=3'
has 'href="/?page=1&amp;q=Lavrov"'
lacks 'page=2'
echo "page past the end"

# A search of only punctuation finds nothing (not every article), and a
# title with no word of 4 letters or more has no related articles (not
# the newest ones).
expect 200 GET '/?q=%22'
has 'The search has no words to look for.'
lacks 'class="articles"'
expect 200 GET '/api/articles?q=%22%21'
has '"total":0'
expect 200 GET '/api/articles?q='
has '"total":6'
expect 201 POST '/api/articles?title=Up+to+us' -H 'Content-Type: text/plain' --data-binary \
  'Voters in the valley decided on Sunday to keep the old bridge open to cyclists. The count ended late in the evening. Turnout was the highest in a decade.'
expect 200 GET "/a/$(json_num id)"
has '<h1>Up to us</h1>'
lacks 'Related articles'
echo "no words, no results"

# An empty "url" is no URL: no dead "original" link.
expect 201 POST /api/articles -H 'Content-Type: application/json' --data-binary \
  '{"url":"","source":"","text":"Harbour workers ended their strike on Friday after a pay deal. Ferries will sail again on Saturday. The union called the deal fair."}'
has '"url":null'
has '"source":null'
expect 200 GET "/a/$(json_num id)"
lacks 'class="orig"'
echo "empty url, no link"

expect 200 POST /summarize --data-urlencode "text@samples/news/003_dc0927f4facc235e.txt" --data 'sentences=2'
has '<section id="summary" class="summary"><ul><li>'
req POST /summarize --data 'text=%FF%FE'
case $CODE in 4??) ;; *) fail "paste of non-UTF-8: $CODE" ;; esac
echo "paste form"

req GET /a/999
[ "$CODE" = 404 ] || fail "/a/999: $CODE"
has 'There is no article with this number.'
expect 200 GET /static/style.css
has '.summary'
expect 200 GET /static/reader.js
has 'get-summary'
curl -s -D "$TMP/h" -o /dev/null "$BASE/a/2"
grep -qi "^Content-Security-Policy: default-src 'none'; script-src 'self'" "$TMP/h" || fail "no CSP header"
grep -qi '^Content-Type: text/html; charset=utf-8' "$TMP/h" || fail "content type"
# Every series of /metrics once (route labels are unique).
expect 200 GET /metrics
dups=$(printf '%s\n' "$BODY" | grep -v '^#' | sed 's/ [^ ]*$//' | sort | uniq -d)
[ -z "$dups" ] || fail "duplicate metrics series: $dups"
has 'route="web_css"'
has 'route="web_js"'
echo "assets and headers"
