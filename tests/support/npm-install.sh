# Sourced by the tests that run tools from npm (tests/foreign/run.sh, tests/squawk/run.sh).
#   skip REASON                 exit 77 (skipped) with the reason outside CI; under CI (the
#                               environment variable CI set and non-empty) fail (exit 1): CI
#                               never stays green because the tools did not run
#   npm_install SRC CACHE WHAT  npm install SRC's package.json and package-lock.json into CACHE
#                               (kept in the build tree, redone only when the lock changes);
#                               skip when npm cannot install WHAT

skip() {
    if [ -n "${CI:-}" ]; then
        echo "FAIL: CI is set, so this cannot be skipped: $*" >&2
        exit 1
    fi
    echo "SKIPPED: $*"
    exit 77
}

npm_install() {
    local src=$1 cache=$2 what=$3
    mkdir -p "$cache"
    if [ -d "$cache/node_modules" ] && cmp -s "$src/package-lock.json" "$cache/installed-lock.json"; then
        return 0
    fi
    if ! command -v npm >/dev/null; then
        skip "npm is not installed (packaging/bootstrap.sh installs nodejs and npm)"
    fi
    rm -rf "$cache/node_modules" "$cache/installed-lock.json"
    cp "$src/package.json" "$src/package-lock.json" "$cache/"
    # npm install, not npm ci: a lock file written on one platform lacks the other platforms'
    # builds of optional binary packages (dbmate's, squawk's), and npm ci refuses such a lock
    # (npm/cli#4828); the direct dependencies are exact versions and the lock pins the rest.
    if ! (cd "$cache" && npm install --no-audit --no-fund --loglevel=error); then
        rm -rf "$cache/node_modules"
        skip "npm install failed (no network or registry?): cannot install $what"
    fi
    cp "$src/package-lock.json" "$cache/installed-lock.json"
}
