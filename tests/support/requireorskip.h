#pragma once

// The one rule for a test that cannot run here (no Secret Service answers, the sandbox has no
// TCP listener, uaip-admin was not built, ...): outside CI it skips and prints the reason; under
// CI (the environment variable CI set and non-empty) it fails with that reason, so CI never
// stays green because a test did not run. Use UAIP_REQUIRE_OR_SKIP(reason) in place of QSKIP
// wherever the cause is the environment; QSKIP stays only for skips fixed by the build itself
// (e.g. a measurement that means nothing under AddressSanitizer).

#include <QString>
#include <QtTest/QTest>

namespace uaip::test {

// True when the suite runs in CI (CI=true, as CI services set it).
inline bool underCi()
{
    return !qEnvironmentVariableIsEmpty("CI");
}

// Records the skip (outside CI) or the failure (under CI) of the current test function; the
// caller returns right after (the macro below does).
inline void requireOrSkip(const QString &reason, const char *file, int line)
{
    if (underCi()) {
        const QString message
            = QStringLiteral("CI is set, so this cannot be skipped: %1").arg(reason);
        QTest::qFail(qPrintable(message), file, line);
    } else {
        QTest::qSkip(qPrintable(reason), file, line);
    }
}

} // namespace uaip::test

// Skips (outside CI) or fails (under CI) the current test function with the reason (a QString
// or a string literal), and returns from it.
#define UAIP_REQUIRE_OR_SKIP(reason)                                                               \
    do {                                                                                           \
        ::uaip::test::requireOrSkip((reason), __FILE__, __LINE__);                                 \
        return;                                                                                    \
    } while (false)
