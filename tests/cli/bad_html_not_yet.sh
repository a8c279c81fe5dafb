printf "<html><body><p>x</p></body></html>" | "$NUTGRAF" summarize - >/dev/null 2>&1; test $? -le 1
