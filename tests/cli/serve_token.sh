# serve --token-file: writes need the bearer token (401 JSON error without
# it or with a wrong one, before the body is read); reads stay open.
. tests/cli/serve_common.shlib
printf 's3cret-token\n' > "$TMP/token"
start_server --token-file "$TMP/token"
A=samples/news/001_2a09c4be25c96587.txt
expect 401 POST /api/articles -H 'Content-Type: text/plain' --data-binary "@$A"
expect 401 POST /api/articles -H 'Authorization: Bearer wrong' -H 'Content-Type: text/plain' --data-binary "@$A"
expect 401 POST /api/articles -H 'Authorization: Bearer s3cret-token-and-more' -H 'Content-Type: text/plain' --data-binary "@$A"
expect 401 POST /api/articles -H 'Authorization: Basic czNjcmV0LXRva2Vu' -H 'Content-Type: text/plain' --data-binary "@$A"
echo "no token 401"
expect 200 GET /api/articles
has '"total":0'
expect 201 POST /api/articles -H 'Authorization: Bearer s3cret-token' -H 'Content-Type: text/plain' --data-binary "@$A"
expect 200 GET /api/articles/1
expect 200 GET /api/articles/1/summary
expect 200 POST /api/summarize -H 'Content-Type: text/plain' --data-binary "@$A"
# The scheme is case-insensitive (RFC 9110 11.1).
expect 200 POST /api/articles -H 'Authorization: bearer s3cret-token' -H 'Content-Type: text/plain' --data-binary "@$A"
expect 200 POST /api/articles -H 'Authorization: BEARER  s3cret-token' -H 'Content-Type: text/plain' --data-binary "@$A"
expect 401 POST /api/articles -H 'Authorization: Bearers3cret-token' -H 'Content-Type: text/plain' --data-binary "@$A"
echo "token 201, reads open"
