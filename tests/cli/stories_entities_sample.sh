# People and dates of a sample article, with its date given: Sergey/Sergei
# spellings keyed by surname skeleton, "Monday" resolved against the date.
"$NUTGRAF" entities -d 2022-12-19 samples/news/003_dc0927f4facc235e.txt | grep -E '^(person|date)'
