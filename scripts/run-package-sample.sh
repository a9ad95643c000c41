#!/usr/bin/env bash
# The feature runner as a user of another repository gets it: packs Fota.FeatureRunner into a fresh folder feed,
# copies samples/FeatureRunnerSample (which imports nothing from this repository) to a folder outside it, restores
# the package from that feed and runs the sample's features with `dotnet test`.
#
#   scripts/run-package-sample.sh [extra dotnet test arguments]
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work="$(mktemp -d "${TMPDIR:-/tmp}/fota-package-sample.XXXXXX")"
trap 'rm -rf "$work"' EXIT

sample="$work/FeatureRunnerSample"
mkdir -p "$sample"
(cd "$root/samples/FeatureRunnerSample" && git ls-files -z --cached --others --exclude-standard . | xargs -0 cp --parents -t "$sample")

# The sample's nuget.config names its folder feed `packages/`.
dotnet pack "$root/src/Fota.FeatureRunner" -o "$sample/packages"

# Same id and version as a previous pack: drop that copy from the global packages folder so this pack is restored.
global_packages="$(dotnet nuget locals global-packages --list | sed 's/^global-packages: //')"
rm -rf "${global_packages%/}/fota.featurerunner"

cd "$sample"
dotnet test "$@"
