#!/usr/bin/env bash
# The GitHub Action's step (action.yml): builds the kubeward lint command line
# from the INPUT_* variables, runs it, and passes its exit status on. It is a
# script of its own so that it can be tested without GitHub.
#
#   INPUT_PATH     files or folders, separated by white space (default .)
#   INPUT_PROFILE  --profile, when set
#   INPUT_FORMAT   --format (default sarif)
#   INPUT_FAIL_ON  --fail-on, when set
#   INPUT_CONFIG   --config, when set
#   INPUT_OUTPUT   --output (default kubeward.sarif; empty: the report goes to the log)
#   INPUT_ARGS     more arguments, separated by white space
#   KUBEWARD       the program to run (default kubeward, from PATH)
#   GITHUB_OUTPUT  where the step's outputs go (report, exit-code), when set
set -euo pipefail

# Paths and extra arguments are split on white space, without glob expansion:
# what the workflow wrote is what kubeward gets.
set -f
read -r -d '' -a paths <<<"${INPUT_PATH:-.}" || true
read -r -d '' -a extra <<<"${INPUT_ARGS:-}" || true
set +f
if [ "${#paths[@]}" -eq 0 ]; then
  paths=(.)
fi

args=(lint --format "${INPUT_FORMAT:-sarif}")
[ -n "${INPUT_PROFILE:-}" ] && args+=(--profile "$INPUT_PROFILE")
[ -n "${INPUT_FAIL_ON:-}" ] && args+=(--fail-on "$INPUT_FAIL_ON")
[ -n "${INPUT_CONFIG:-}" ] && args+=(--config "$INPUT_CONFIG")
output="${INPUT_OUTPUT-kubeward.sarif}"
[ -n "$output" ] && args+=(--output "$output")
args+=("${extra[@]}" "${paths[@]}")

kubeward="${KUBEWARD:-kubeward}"
printf '+ kubeward'
printf ' %q' "${args[@]}"
printf '\n'

status=0
"$kubeward" "${args[@]}" || status=$?

if [ -n "${GITHUB_OUTPUT:-}" ]; then
  {
    [ -n "$output" ] && [ -f "$output" ] && echo "report=$output"
    echo "exit-code=$status"
  } >>"$GITHUB_OUTPUT"
fi
exit "$status"
