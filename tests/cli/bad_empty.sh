printf "" | "$NUTGRAF" summarize -
