# A listing page (a front page of teasers) is not an article: extract
# says so in one line on standard error, prints nothing, and exits 3.
{
  printf '<html><head><title>News - Front page</title></head><body><div class="teasers">'
  for i in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20; do
    printf '<div class="teaser"><h2><a href="/story/%s">Headline number %s about something that happened today</a></h2><p>Short.</p></div>' $i $i
  done
  printf '</div></body></html>\n'
} | "$NUTGRAF" extract -
