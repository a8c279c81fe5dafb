"$NUTGRAF" --help | head -n 1
