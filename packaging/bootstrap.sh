#!/usr/bin/env bash
# UAIP Admin quick start.
#   packaging/bootstrap.sh demo   install what is missing, build, start the sandbox, migrate, seed
#   packaging/bootstrap.sh test   install what is missing, build, run the whole CTest suite
# Environment: UAIP_PRESET (default dev), UAIP_JOBS (default: number of cores).
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/.." && pwd)
preset=${UAIP_PRESET:-dev}
jobs=${UAIP_JOBS:-$(nproc)}
configure_args=() # extra arguments of the configure step (choose_test_sandbox)
build="$root/build/$preset"

say() { printf '\n==> %s\n' "$*"; }

# timed NAME COMMAND...: runs COMMAND and prints how long it took.
timed() {
    local name=$1 start
    shift
    start=$(date +%s)
    "$@"
    say "$name: $(($(date +%s) - start)) s"
}

install_packages() {
    "$here/install-packages.sh"
}

build_all() {
    say "configuring ($preset) and building with $jobs jobs"
    cmake --preset "$preset" -S "$root" "${configure_args[@]}" >/dev/null
    cmake --build "$build" -j "$jobs"
}

check_format() {
    say "checking clang-format"
    local bad
    bad=$(cd "$root" && git ls-files '*.cpp' '*.h' | xargs -r clang-format --dry-run -Werror 2>&1 | grep -c 'error:' || true)
    if [ "$bad" != "0" ]; then
        (cd "$root" && git ls-files '*.cpp' '*.h' | xargs -r clang-format --dry-run -Werror 2>&1 | head -20) >&2
        echo "clang-format: $bad places differ from .clang-format; run: git ls-files '*.cpp' '*.h' | xargs clang-format -i" >&2
        exit 1
    fi
}

# The test suite's PostgreSQL sandbox: on /dev/shm when it has 4 GiB free (each test case's
# database is ~300 files made and removed; no disk journal there), else in the build tree.
# Sets configure_args; a folder made on /dev/shm is removed when this script ends.
choose_test_sandbox() {
    local free parent
    free=$(df -P -m /dev/shm 2>/dev/null | awk 'NR == 2 { print $4 }')
    if [ -n "$free" ] && [ "$free" -ge 4096 ] \
        && parent=$(mktemp -d /dev/shm/uaip-test-sandbox.XXXXXX 2>/dev/null); then
        chmod 755 "$parent" # the server's own user (as root: uaip-sandbox) passes through it
        # on exit: the folder goes, and the build tree points at its own folder again (a later
        # ctest there makes no cluster in RAM that nothing removes)
        trap 'rm -rf "'"$parent"'"; [ ! -f "'"$root"'/build/asan/CMakeCache.txt" ] \
            || cmake -S "'"$root"'" -B "'"$root"'/build/asan" \
                -DUAIP_TEST_SANDBOX_DIR="'"$root"'/build/asan/test-sandbox" >/dev/null || true' EXIT
        configure_args=(-DUAIP_TEST_SANDBOX_DIR="$parent/sandbox")
    else
        configure_args=(-DUAIP_TEST_SANDBOX_DIR="$root/build/asan/test-sandbox")
    fi
    say "the test sandbox: ${configure_args[0]#*=}"
}

run_tests() {
    local build="${1:-$build}"
    say "running the test suite in $build"
    # The keychain tests need a session bus and an unlocked Secret Service: run everything in a
    # private D-Bus session with gnome-keyring unlocked by a throwaway password, fresh HOME.
    # Under CI a keyring that does not start fails the run (the keychain tests would skip).
    # CTest starts the tests that took longest in earlier runs first (tests/ctest-costs.txt,
    # CTest's own cost file, seeds a fresh build tree), so the slow ones do not run last alone.
    local home runtime
    home=$(mktemp -d /tmp/uaip-test-home.XXXXXX)
    runtime=$(mktemp -d /tmp/uaip-test-runtime.XXXXXX)
    chmod 700 "$runtime"
    mkdir -p "$build/Testing/Temporary"
    if [ ! -f "$build/Testing/Temporary/CTestCostData.txt" ] && [ -f "$root/tests/ctest-costs.txt" ]; then
        cp "$root/tests/ctest-costs.txt" "$build/Testing/Temporary/CTestCostData.txt"
    fi
    local rc=0
    cd "$build"
    HOME="$home" XDG_RUNTIME_DIR="$runtime" QT_QPA_PLATFORM=offscreen CI="${CI:-}" \
        dbus-run-session -- bash -c '
            if ! echo -n uaip-test | gnome-keyring-daemon --unlock --components=secrets >/dev/null 2>&1; then
                if [ -n "$CI" ]; then
                    echo "gnome-keyring-daemon did not start: the keychain tests cannot run" >&2
                    exit 1
                fi
                echo "note: no keyring started: the keychain tests skip (with the reason)" >&2
            fi
            ctest --output-on-failure --timeout 900 -j '"$jobs"'
        ' || rc=$?
    rm -rf "$home" "$runtime"
    return $rc
}

fuzz_smoke() {
    # The libFuzzer target needs clang; a short deterministic run guards the parsing boundary.
    if ! command -v clang++ >/dev/null; then
        say "clang not found: skipping the fuzz smoke test"
        return
    fi
    say "building and running the fuzz smoke test (clang, libFuzzer, ASan+UBSan)"
    cmake --preset fuzz -S "$root" >/dev/null
    cmake --build "$root/build/fuzz" -j "$jobs" --target fuzz_sqlsplitter
    (cd "$root/build/fuzz" && ctest --output-on-failure -R fuzz_)
}

demo() {
    local migrate="$build/bin/uaip-migrate"
    say "starting the sandbox PostgreSQL"
    "$migrate" sandbox start
    say "applying the bundled migrations"
    "$migrate" --sandbox up
    "$migrate" --sandbox status
    say "seeding the AI agents' prompts and a demo data set"
    "$migrate" --sandbox seed prompts
    "$migrate" --sandbox seed demo --scale "${UAIP_DEMO_SCALE:-200000}" \
        || echo "(the demo data of this seed is loaded already)"
    say "the sandbox is ready"
    "$migrate" sandbox env
    echo "Use it with: eval \"\$($migrate sandbox env)\" && psql"
    local admin="$build/bin/uaip-admin"
    if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
        say "opening UAIP Admin on the sandbox"
        exec "$admin" --sandbox
    fi
    echo
    echo "No display: open the window later with  $admin --sandbox"
    echo "or render its views to PNG files with   xvfb-run -a $admin --sandbox --screenshot DIR"
}

case "${1:-}" in
    demo) install_packages; build_all; demo ;;
    test)
        # One build and one suite run, under the sanitizers on an optimised build (the product
        # at -O1, unity files, Q_ASSERT kept, QT_FORCE_ASSERTS; the tests and the benchmarks at
        # -O0, each benchmark run once small: ctest -L bench):
        # optimised-build warnings (warnings are errors), memory errors and assertions fail CI.
        # -O1, not -O2: the product compiles a third faster, which keeps CI under 25 minutes;
        # -O2's own warnings are the release preset's (packaging/build-deb.sh). No Debug
        # build: nothing compiles differently by build type (cmake/check_build_type_neutral.cmake
        # fails the build otherwise), so a Debug-only compile error cannot exist; the dev
        # preset developers build is Debug. Each stage prints its time.
        install_packages; check_format; choose_test_sandbox
        timed "asan build" eval 'preset=asan; build="$root/build/asan"; build_all'
        timed "asan suite" run_tests "$root/build/asan"
        timed "fuzz smoke" fuzz_smoke ;;
    *) echo "usage: $0 demo|test" >&2; exit 2 ;;
esac
