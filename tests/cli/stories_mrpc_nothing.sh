# stories --eval-mrpc on a file with no pair: an error (exit 1).
printf '{"a":"only one side"}\n' | "$NUTGRAF" stories --eval-mrpc /dev/stdin
