# summarize -w W where no sentence has at most W words: one line says so,
# exit 1 (it printed nothing and exited 0; --json gave no sentences).
"$NUTGRAF" summarize --json -w 10 samples/news/001_2a09c4be25c96587.txt
