# serve: --listen takes a port of digits only ("18k" was read as a size,
# port 18432); --help names the story and reader routes too.
set -u
for a in 127.0.0.1:18k 127.0.0.1:65536 127.0.0.1: 127.0.0.1:+80 '[::1]:8x'; do
  "$NUTGRAF" serve --db /nonexistent/x.db --listen "$a" 2> /dev/null
  rc=$?
  [ $rc = 2 ] || { echo "FAIL: --listen $a: exit $rc, want 2"; exit 1; }
done
echo "bad ports refused"
for r in '/api/stories?page=' '/api/stories/ID' '/a/ID' '/stories' '/s/ID'; do
  "$NUTGRAF" serve --help | grep -qF "$r" || { echo "FAIL: --help lacks $r"; exit 1; }
done
echo "help lists the routes"
