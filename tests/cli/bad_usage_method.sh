"$NUTGRAF" summarize --method nope samples/news/000_4607e9d5b3ed23ff.txt
