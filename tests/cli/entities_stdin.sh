# entities with no FILE reads standard input, as summarize does (the man
# page's synopsis says [FILE|-]); '-' too.
f=samples/news/001_2a09c4be25c96587.txt
a=$("$NUTGRAF" entities "$f") || exit 1
b=$("$NUTGRAF" entities < "$f") || exit 1
c=$("$NUTGRAF" entities - < "$f") || exit 1
[ -n "$a" ] && [ "$a" = "$b" ] && [ "$a" = "$c" ] && echo "same entities"
