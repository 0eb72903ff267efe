#!/usr/bin/env bash
# Checks the npm package as people install it: `npm pack` (its prepack script builds dist/src), then
# `npm install -g` of the tarball into a temporary prefix (production dependencies come from the
# registry, nothing from this checkout), then the installed executables, run from outside the
# repository: `source-peloton spec`, `source-peloton --version` and `tap-peloton --about`.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
version="$(node -p "require('./package.json').version")"
work="$(mktemp -d "${TMPDIR:-/tmp}/source-peloton-pack.XXXXXX")"
trap 'rm -rf "$work"' EXIT

say() { echo "pack-check: $*" >&2; }
fail() {
  say "FAILED: $*"
  exit 1
}

say "npm pack (prepack builds dist/src)"
npm pack --pack-destination "$work" --silent >/dev/null
tarball="$work/source-peloton-$version.tgz"
[[ -f "$tarball" ]] || fail "npm pack did not produce $(basename "$tarball")"

listing="$(tar -tzf "$tarball")"
for required in package.json LICENSE README.md CHANGELOG.md bin/source-peloton.js bin/tap-peloton.js \
  dist/src/main.js dist/src/cli.js dist/src/commands/login.js schemas/spec.json; do
  grep -qx "package/$required" <<<"$listing" || fail "$required is missing from the tarball"
done
if grep -E '^package/(src|test|simulator|scripts|integration_tests|node_modules|dist/(simulator|scripts))/|\.ts$|\.map$' <<<"$listing"; then
  fail "the tarball holds the files listed above, which are not meant to ship"
fi
say "$(basename "$tarball"): $(wc -l <<<"$listing") files, $(du -k "$tarball" | cut -f1) kB"

say "npm install -g --prefix <tmp> $(basename "$tarball")"
cd "$work"
npm install -g --prefix "$work/prefix" --no-audit --no-fund --prefer-offline --loglevel=error "$tarball" >/dev/null
bin="$work/prefix/bin"
installed="$work/prefix/lib/node_modules/source-peloton"
[[ -d "$installed" ]] || fail "the package was not installed in $installed"
for dev in $(node -p "Object.keys(require('$root/package.json').devDependencies).join(' ')"); do
  [[ ! -e "$installed/node_modules/$dev" ]] || fail "the dev dependency $dev was installed"
done

say "source-peloton spec"
"$bin/source-peloton" spec >"$work/spec.out" || fail "source-peloton spec exited with $?"
node -e '
  const lines = require("fs").readFileSync(process.argv[1], "utf8").trim().split("\n");
  const message = JSON.parse(lines[0]);
  const ok = lines.length === 1 && message.type === "SPEC" && message.spec.connectionSpecification.required.includes("credentials");
  if (!ok) { console.error("not one SPEC message:", lines.join("\n").slice(0, 300)); process.exit(1); }
' "$work/spec.out" || fail "source-peloton spec did not print a SPEC message"

say "source-peloton --version"
printed="$("$bin/source-peloton" --version 2>&1 >"$work/version.out")" || fail "source-peloton --version exited with $?"
[[ "$printed" == "$version" ]] || fail "source-peloton --version printed '$printed', package.json says $version"
[[ ! -s "$work/version.out" ]] || fail "source-peloton --version wrote to stdout, which carries only protocol messages"

say "tap-peloton --about"
"$bin/tap-peloton" --about >"$work/about.out" || fail "tap-peloton --about exited with $?"
node -e '
  const about = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
  if (about.name !== "tap-peloton" || about.version !== process.argv[2]) { console.error("unexpected --about:", JSON.stringify(about).slice(0, 300)); process.exit(1); }
' "$work/about.out" "$version" || fail "tap-peloton --about is not JSON naming tap-peloton $version"

say "OK: source-peloton $version installs from its tarball and runs (${SECONDS}s)"
