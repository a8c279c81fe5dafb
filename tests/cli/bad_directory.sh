"$NUTGRAF" summarize /tmp
