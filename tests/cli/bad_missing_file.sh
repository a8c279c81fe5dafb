"$NUTGRAF" summarize /nonexistent/article.txt
