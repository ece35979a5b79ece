#!/usr/bin/env bash
# The action's second step (action.yml): iop test over the given paths, in the given format.
#
# IOP_PATHS     case files or folders, separated by spaces or new lines; none: iop's default
# IOP_CRITERIA  criteria files or folders (each one --criteria), separated the same way
# IOP_FORMAT    text, json, junit or github
# IOP_OUTPUT    a file for the report instead of the log; none: the log
set -euo pipefail
set -f # the paths are taken as written, not as patterns

args=(test)
# shellcheck disable=SC2206 # words are split on purpose: one path per word
paths=(${IOP_PATHS:-})
args+=(${paths[@]+"${paths[@]}"}) # (bash 3.2, macOS's, calls an empty array unset)
# shellcheck disable=SC2206
criteria=(${IOP_CRITERIA:-})
for c in ${criteria[@]+"${criteria[@]}"}; do
  args+=(--criteria "$c")
done
args+=(--format "${IOP_FORMAT:-github}")

echo "iop ${args[*]}"
if [ -n "${IOP_OUTPUT:-}" ]; then
  iop "${args[@]}" >"$IOP_OUTPUT"
else
  iop "${args[@]}"
fi
