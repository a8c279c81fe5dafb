"$NUTGRAF" summarize --bogus samples/news/001_2a09c4be25c96587.txt
