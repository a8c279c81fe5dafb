# entities --eval on a file with no ECB+ document: an error (exit 1).
printf '{"id":"a","text":"no entity annotations here"}\n' | "$NUTGRAF" entities --eval /dev/stdin
