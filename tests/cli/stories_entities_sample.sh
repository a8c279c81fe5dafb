# People and dates of a sample article, with its date given: people keyed
# by the skeletons of surname and given name (Sergey/Sergei spellings
# agree), "Monday" resolved against the date.
"$NUTGRAF" entities -d 2022-12-19 samples/news/003_dc0927f4facc235e.txt | grep -E '^(person|date)'
