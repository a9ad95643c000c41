#!/usr/bin/env bash
# Mutation benchmark of src/Fota.Api with Stryker.NET (see README.md).
#   bench/mutation/run.sh features|upgrade-paths|unit|unit-all|all [SCOPE...]
# unit-all is the unit suite run without per-test coverage (every filtered test against each mutant): Stryker 5.1's MTP
# per-test coverage capture stalls on Fota.Api.Tests, so narrow it with FILTER to the tests of the code mutated.
# upgrade-paths is the features suite narrowed to the /v2 and device-state features (upgrade-paths.json), for the
# flow code that every test covers through its background loop. It runs every filtered test against each mutant
# (coverage-analysis "all": per-test coverage cannot attribute code a background loop runs). FILTER=<expression>
# (dotnet test --filter syntax) narrows the tests further, e.g. to the features of the file mutated.
# A SCOPE is a folder or file of src/Fota.Api (Fota, Http/JsonBody.cs), or a part of a file (Http/JsonBody.cs{0..900}:
# Stryker's span, in characters from the start, to split one file's run across worktrees); join several with commas to
# mutate them in one Stryker run. Without scopes, every folder is run, one Stryker run per folder.
# Each run writes StrykerOutput/<suite>/<scope>/ (git-ignored) and figures/<suite>-<scope>.md.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
suite="${1:?usage: run.sh features|unit|all [SCOPE...]}"
shift
scopes=("$@")
[ ${#scopes[@]} -gt 0 ] || scopes=(Devices Fota Http NrfCloud Storage Program.cs)

if [ "$suite" = all ]; then
  "$0" features "${scopes[@]}"
  exec "$0" unit "${scopes[@]}"
fi
case "$suite" in
  features|upgrade-paths) test_project="$root/tests/Fota.AcceptanceTests" ;;
  unit|unit-all) test_project="$root/tests/Fota.Api.Tests" ;;
  *) echo "unknown suite '$suite' (features, upgrade-paths, unit, unit-all or all)" >&2; exit 2 ;;
esac

cd "$root"
dotnet tool restore >/dev/null
commit="$(git rev-parse --short HEAD)$(git diff --quiet HEAD -- src tests features || echo '+changes')"

for scope in "${scopes[@]}"; do
  name="${scope//.cs/}"
  name="${name//[\/,]/_}"
  name="${name//\{/_L}"
  name="${name//\}/}"
  name="${name//../-}"
  mutate=()
  IFS=',' read -ra parts <<< "$scope"
  for part in "${parts[@]}"; do
    part="${part#src/Fota.Api/}"
    if [[ "$part" == *.cs || "$part" == *.cs\{*\} ]]; then mutate+=(--mutate "**/$part"); else mutate+=(--mutate "**/${part%/}/**/*.cs"); fi
  done
  out="$here/StrykerOutput/$suite/$name"
  rm -rf "$out"
  started=$(date +%s)
  echo "== $suite / $scope on $commit, $(date -u +%H:%M) UTC"
  filter=()
  [ -z "${FILTER:-}" ] || filter=(--test-case-filter "$FILTER")
  read -ra extra <<< "${STRYKER_ARGS:-}" # more Stryker options, e.g. STRYKER_ARGS='--log-to-file --verbosity debug'
  (cd "$test_project" && dotnet stryker --config-file "$here/$suite.json" "${mutate[@]}" "${filter[@]}" ${extra[@]+"${extra[@]}"} \
     --output "$out" --skip-version-check)
  seconds=$(( $(date +%s) - started ))
  python3 "$here/summarize.py" "$out/reports/mutation-report.json" --suite "$suite" --scope "$scope" \
    --commit "$commit" --seconds "$seconds" --filter "${FILTER:-}" > "$here/figures/$suite-$name.md"
  cat "$here/figures/$suite-$name.md"
done
