printf "\n\n   \n\t\n" | "$NUTGRAF" summarize -
