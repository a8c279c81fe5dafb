"$NUTGRAF" --bogus
