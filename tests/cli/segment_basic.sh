printf 'Mr. Smith went to Washington. He arrived at 3.30 p.m. on Monday! Did he stay?\n' | "$NUTGRAF" segment -
