#!/usr/bin/env bash
# The GitHub Action's step (action.yml): builds the kubeward lint command line
# from the INPUT_* variables, runs it, and passes its exit status on. It is a
# script of its own so that it can be tested without GitHub.
#
#   INPUT_PATH     files or folders, separated by white space (default .)
#   INPUT_PROFILE  --profile, when set
#   INPUT_FORMAT   the report's format (default sarif)
#   INPUT_FAIL_ON  --fail-on, when set
#   INPUT_CONFIG   --config, when set
#   INPUT_OUTPUT   the report's file (default kubeward.sarif): the text report
#                  goes to the log as well, from the same run; empty: the
#                  report goes to the log instead
#   INPUT_ANNOTATE true: annotate the pull request (the github format)
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

format="${INPUT_FORMAT:-sarif}"
output="${INPUT_OUTPUT-kubeward.sarif}"
# One run, one evaluation, several reports: the text report for the log and
# the requested one for its file (and the annotations for theirs).
if [ -n "$output" ]; then
  args=(lint --format text --format "$format=$output")
else
  args=(lint --format "$format")
fi
annotations=
case "${INPUT_ANNOTATE:-false}" in
  true)
    annotations=$(mktemp "${RUNNER_TEMP:-/tmp}/kubeward-annotations.XXXXXX")
    trap 'rm -f "$annotations"' EXIT
    args+=(--format "github=$annotations")
    ;;
  false | "") ;;
  *) echo "kubeward: annotate is true or false, not ${INPUT_ANNOTATE}" >&2; exit 2 ;;
esac
[ -n "${INPUT_PROFILE:-}" ] && args+=(--profile "$INPUT_PROFILE")
[ -n "${INPUT_FAIL_ON:-}" ] && args+=(--fail-on "$INPUT_FAIL_ON")
[ -n "${INPUT_CONFIG:-}" ] && args+=(--config "$INPUT_CONFIG")
args+=("${extra[@]}" "${paths[@]}")

kubeward="${KUBEWARD:-kubeward}"
printf '+ kubeward'
printf ' %q' "${args[@]}"
printf '\n'

status=0
"$kubeward" "${args[@]}" || status=$?
# The runner reads workflow commands from the log: printed, the github
# format's lines become annotations on the pull request.
if [ -n "$annotations" ] && [ -s "$annotations" ]; then
  cat "$annotations"
fi

if [ -n "${GITHUB_OUTPUT:-}" ]; then
  {
    [ -n "$output" ] && [ -f "$output" ] && echo "report=$output"
    echo "exit-code=$status"
  } >>"$GITHUB_OUTPUT"
fi
exit "$status"
