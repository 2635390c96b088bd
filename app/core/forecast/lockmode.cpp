#include "lockmode.h"

namespace uaip {

namespace {

// Row: the mode; bit n set: it conflicts with the mode numbered n (AccessShare = 0). Transcribed
// from PostgreSQL 15's manual, "Conflicting Lock Modes".
constexpr unsigned conflictBits[] = {
    0b10000000, // ACCESS SHARE: ACCESS EXCLUSIVE
    0b11000000, // ROW SHARE: EXCLUSIVE, ACCESS EXCLUSIVE
    0b11110000, // ROW EXCLUSIVE: SHARE and stronger
    0b11111000, // SHARE UPDATE EXCLUSIVE: itself and stronger
    0b11101100, // SHARE: ROW EXCLUSIVE, SHARE UPDATE EXCLUSIVE, SHARE ROW EXCLUSIVE and stronger
    0b11111100, // SHARE ROW EXCLUSIVE: ROW EXCLUSIVE and stronger
    0b11111110, // EXCLUSIVE: ROW SHARE and stronger
    0b11111111, // ACCESS EXCLUSIVE: every mode
};

constexpr int indexOf(LockMode mode)
{
    return static_cast<int>(mode);
}

} // namespace

QString lockModeName(LockMode mode)
{
    switch (mode) {
    case LockMode::AccessShare:
        return QStringLiteral("ACCESS SHARE");
    case LockMode::RowShare:
        return QStringLiteral("ROW SHARE");
    case LockMode::RowExclusive:
        return QStringLiteral("ROW EXCLUSIVE");
    case LockMode::ShareUpdateExclusive:
        return QStringLiteral("SHARE UPDATE EXCLUSIVE");
    case LockMode::Share:
        return QStringLiteral("SHARE");
    case LockMode::ShareRowExclusive:
        return QStringLiteral("SHARE ROW EXCLUSIVE");
    case LockMode::Exclusive:
        return QStringLiteral("EXCLUSIVE");
    case LockMode::AccessExclusive:
        return QStringLiteral("ACCESS EXCLUSIVE");
    }
    return {};
}

bool lockModesConflict(LockMode a, LockMode b)
{
    return (conflictBits[indexOf(a)] >> indexOf(b)) & 1u;
}

bool blocksReads(LockMode mode)
{
    return lockModesConflict(mode, LockMode::AccessShare);
}

bool blocksWrites(LockMode mode)
{
    return lockModesConflict(mode, LockMode::RowExclusive);
}

std::optional<LockMode> lockModeFromNumber(int number)
{
    if (number < 1 || number > 8)
        return std::nullopt;
    return static_cast<LockMode>(number - 1);
}

} // namespace uaip
