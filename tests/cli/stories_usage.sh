"$NUTGRAF" stories
