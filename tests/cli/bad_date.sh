"$NUTGRAF" entities -d 2023-13-45 samples/news/001_2a09c4be25c96587.txt
