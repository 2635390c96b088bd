#!/usr/bin/env bash
# Issue 84: sandboxes started at once, as root, on a system that has no "uaip-sandbox" OS user
# yet (a fresh machine: the suite's fixtures and a benchmark start theirs in the same second).
# Each round removes the user and starts several sandboxes at the same moment; every start must
# succeed, every server run as the one uaip-sandbox user the system has, and every cluster's
# folder belong to it. It runs in a private mount namespace whose /etc is a copy of the
# system's (bind-mounted over /etc, so useradd's renames stay inside it): the machine's own
# users, and the test suite's shared sandbox, are not touched.
# The namespace is made by privatemounts (tests/sandbox/privatemounts.cpp), which also works in a
# chroot, where "/" is no mount point and `unshare --propagation private` fails.
# Environment (set by CTest): UAIP_MIGRATE_BIN, UAIP_PRIVATE_MOUNTS_BIN. Needs root (exit 77
# with the reason otherwise; under CI that is a failure).
set -euo pipefail

bin=${UAIP_MIGRATE_BIN:?}
privatemounts=${UAIP_PRIVATE_MOUNTS_BIN:?}
rounds=${UAIP_CONCURRENT_ROUNDS:-3}
starts=${UAIP_CONCURRENT_STARTS:-4}
user=uaip-sandbox

if [ "${1:-}" != --inside ]; then
    if [ "$(id -u)" != 0 ]; then
        echo "needs root: the sandbox makes its OS user only when started as root"
        [ -n "${CI:-}" ] && exit 1
        exit 77
    fi
    work=$(mktemp -d /tmp/uaip-concurrent-user.XXXXXX)
    chmod 755 "$work"
    trap 'rm -rf "$work"' EXIT
    "$privatemounts" bash "$0" --inside "$work"
    exit $?
fi

work=$2
cp -a /etc "$work/etc"
fail() { echo "FAIL: $*" >&2; exit 1; }
mount --bind "$work/etc" /etc
# the copy is seen by this namespace only: its mount propagates nowhere
awk '$5 == "/etc"' /proc/self/mountinfo | grep -q . || fail "no mount on /etc in this namespace"
awk '$5 == "/etc"' /proc/self/mountinfo | grep -qE 'shared:|master:' \
    && fail "the mount on /etc is not private: $(awk '$5 == "/etc"' /proc/self/mountinfo)"

for round in $(seq 1 "$rounds"); do
    # the machine without the user, as a fresh one
    for f in passwd shadow group gshadow; do
        [ -f "/etc/$f" ] && sed -i "/^$user:/d" "/etc/$f"
    done
    getent passwd "$user" >/dev/null && fail "round $round: $user still exists"
    dirs=()
    pids=()
    for i in $(seq 1 "$starts"); do
        d="$work/r$round-$i/sandbox"
        mkdir -p "$(dirname "$d")"
        chmod 755 "$(dirname "$d")"
        dirs+=("$d")
    done
    for d in "${dirs[@]}"; do
        "$bin" sandbox start --no-fsync --data-dir "$d" >"$d.out" 2>&1 &
        pids+=($!)
    done
    failed=0
    for i in "${!pids[@]}"; do
        if ! wait "${pids[$i]}"; then
            echo "round $round: the start in ${dirs[$i]} failed:" >&2
            cat "${dirs[$i]}.out" >&2
            failed=1
        fi
    done
    uid=$(id -u "$user") || fail "round $round: no $user after the starts"
    for d in "${dirs[@]}"; do
        owner=$(stat -c %u "$d/data" 2>/dev/null || echo none)
        [ "$owner" = "$uid" ] || { echo "round $round: $d/data belongs to uid $owner, $user is $uid" >&2; failed=1; }
        pid=$(head -1 "$d/data/postmaster.pid" 2>/dev/null || true)
        if [ -n "$pid" ]; then
            runs=$(stat -c %u "/proc/$pid" 2>/dev/null || echo none)
            [ "$runs" = "$uid" ] || { echo "round $round: the server of $d runs as uid $runs, $user is $uid" >&2; failed=1; }
        elif [ $failed = 0 ]; then
            echo "round $round: no server runs in $d" >&2
            failed=1
        fi
    done
    for d in "${dirs[@]}"; do
        "$bin" sandbox stop --data-dir "$d" >/dev/null 2>&1 || true
    done
    [ $failed = 0 ] || fail "round $round: $starts sandboxes started at once without the OS user"
    echo "round $round: $starts sandboxes started at once, all as $user (uid $uid)"
done
# An account of that name that is not a system user of its own (another user's uid, as a
# hostile review made it with useradd -o) is refused: the server would run as that user.
for f in passwd shadow group gshadow; do
    [ -f "/etc/$f" ] && sed -i "/^$user:/d" "/etc/$f"
done
getent passwd 1000 >/dev/null || useradd -u 1000 -M -s /usr/sbin/nologin uaip-ordinary
useradd -o -u 1000 -M -s /usr/sbin/nologin "$user"
d="$work/shared-uid/sandbox"
mkdir -p "$(dirname "$d")"
chmod 755 "$(dirname "$d")"
if "$bin" sandbox start --no-fsync --data-dir "$d" >"$work/shared-uid.out" 2>&1; then
    "$bin" sandbox stop --data-dir "$d" >/dev/null 2>&1 || true
    fail "a sandbox started as $user with uid 1000, another user's"
fi
grep -q "not a system user of its own" "$work/shared-uid.out" \
    || { cat "$work/shared-uid.out" >&2; fail "the refusal does not say why"; }
echo "ok: $rounds rounds of $starts concurrent starts; $user of another user's uid refused"
