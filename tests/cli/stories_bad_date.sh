# A JSON Lines "date" that is not a calendar date is reported (file, line,
# id) and ignored; the article is still grouped and the run succeeds.
printf '%s\n' '{"id":"d1","title":"Quake hits Padang","text":"A magnitude 7.6 earthquake struck Padang on Wednesday. Many buildings fell.","date":"2009-13-45"}' \
  '{"id":"d2","title":"Quake hits Padang","text":"A magnitude 7.6 earthquake struck Padang on Wednesday.","date":"2009-09-30T10:00:00Z"}' |
  "$NUTGRAF" stories -
