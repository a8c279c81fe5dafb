"$NUTGRAF" summarize -n 0 samples/news/000_4607e9d5b3ed23ff.txt
