# Standard input is JSON Lines when its first byte past white space and a
# byte order mark is '{'; otherwise one article, whose text keeps those
# leading bytes (its offsets index the input as given).
printf '\357\273\277  {"id":"q","title":"x","text":"Obama visited Paris on Monday."}\n' |
  "$NUTGRAF" stories --json - | grep -o '"articles":\["q"\]'
printf '  \nObama visited Paris on Monday. He met Macron there.\n' |
  "$NUTGRAF" stories --json - | grep -o '"articles":\["-"\]'
