printf "Valid start. Then \377\376 bad bytes here.\n" | "$NUTGRAF" summarize -
