"$NUTGRAF" stories -t 0 samples/news
