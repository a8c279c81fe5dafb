head -c 4096 "$NUTGRAF" | "$NUTGRAF" summarize -
