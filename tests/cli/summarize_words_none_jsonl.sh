# summarize --jsonl -w W: a line where no sentence fits gets an error
# object saying so; the others are summarized; the exit status is 1.
printf '%s\n' '{"id":1,"text":"This first sentence of the article has more than ten words in it. And this second sentence also has more than ten words in it."}' \
  '{"id":2,"text":"Short one here. Another long sentence with many more words than ten in it."}' |
  "$NUTGRAF" summarize --jsonl -w 10 -
