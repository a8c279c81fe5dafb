"$NUTGRAF" frobnicate
