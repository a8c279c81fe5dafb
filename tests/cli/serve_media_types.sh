# serve: request bodies by their exact media type (case and parameters
# aside): "application/jsonx" is not JSON. A charset other than UTF-8 on
# a text, JSON or form body is a 415 that names it; an HTML body's charset
# is converted, and its stored bytes are read again with it.
. tests/cli/serve_common.shlib
start_server
T='The council approved the new budget on Tuesday. Spending on schools rises by four percent. The mayor said the plan keeps taxes flat.'
expect 415 POST /api/articles -H 'Content-Type: application/jsonx' --data-binary "{\"text\":\"$T\"}"
expect 415 POST /api/summarize -H 'Content-Type: text/plainish' --data-binary "$T"
expect 200 POST /api/summarize -H 'Content-Type: APPLICATION/JSON ; charset="UTF-8"' --data-binary "{\"text\":\"$T\"}"
expect 200 POST /api/summarize -H 'Content-Type: Text/Plain;charset=us-ascii' --data-binary "$T"
expect 200 POST /api/summarize -H 'Content-Type: application/xhtml+xml' --data-binary "<html><body><p>$T</p></body></html>"
echo "media types matched exactly"

printf 'Caf\351 owners in the old town said on Monday that rents had doubled. The council promised a review. Several caf\351s have closed.' > "$TMP/latin1"
expect 415 POST /api/articles -H 'Content-Type: text/plain; charset=iso-8859-1' --data-binary "@$TMP/latin1"
has 'charset \"iso-8859-1\" is not supported for text/plain'
expect 415 POST /api/summarize -H 'Content-Type: application/json; charset=utf-16' --data-binary "{\"text\":\"$T\"}"
has 'utf-16'
expect 415 POST /api/articles -H 'Content-Type: application/x-www-form-urlencoded; charset=iso-8859-1' --data-binary "text=$T"
expect 415 POST /api/articles -H 'Content-Type: text/html; charset=x-no-such-charset' --data-binary "<p>$T</p>"
has 'x-no-such-charset'
echo "unsupported charsets 415"

# KOI8-R HTML, declared only in the Content-Type: stored as UTF-8 text,
# and its summary (the raw bytes read again) quotes that text.
python3 -c 'import sys; sys.stdout.buffer.write("<html><body><article><p>Мэр Москвы открыл новый мост через реку в понедельник. Строительство заняло три года. Жители ждали этот мост десять лет.</p></article></body></html>".encode("koi8-r"))' > "$TMP/koi8"
expect 201 POST /api/articles -H 'Content-Type: text/html; charset=KOI8-R' --data-binary "@$TMP/koi8"
id=$(json_num id)
expect 200 GET "/api/articles/$id"
has '"text":"Мэр Москвы открыл новый мост'
expect 200 GET "/api/articles/$id/summary"
has 'Мэр Москвы открыл новый мост'
expect 200 POST /api/summarize -H 'Content-Type: text/html; charset=koi8-r' --data-binary "@$TMP/koi8"
has 'Строительство заняло три года.'
echo "HTML charset converted, stored and read again with it"
