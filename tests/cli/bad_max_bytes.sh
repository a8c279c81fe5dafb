printf "A sentence that is long enough to be an article. Another one here.\n" | "$NUTGRAF" summarize --max-bytes 10 -
