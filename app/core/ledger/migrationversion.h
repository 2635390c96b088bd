#pragma once

#include "error/result.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringView>

#include <compare>
#include <optional>
#include <utility>

namespace uaip {

// The version part of a migration folder name (VERSION_snake_name): digits, optionally in
// groups separated by '-' (0007, 20240131120000, 2024-01-31-120000).
//
// Versions compare group by group as numbers of any length, so 0007 == 7, 9 < 10 and
// 2024-01-31-120000 < 2024-02-01-000000. When one version is a prefix of the other the
// shorter one is smaller (7 < 7-1). A default-constructed version is null and sorts first.
class MigrationVersion
{
    Q_DECLARE_TR_FUNCTIONS(uaip::MigrationVersion)

public:
    MigrationVersion() = default;

    // The version, or a BadInput error when text is not a valid version (args "version", and
    // "character" when one is not allowed).
    static Result<MigrationVersion> parse(QStringView text);

    // Splits a folder name at its first '_' into version and name. The name may only hold
    // letters, digits, '_' and '-'. On failure a BadInput error that names the folder (arg
    // "name") and says what is wrong.
    static Result<std::pair<MigrationVersion, QString>> parseFolderName(QStringView name);

    bool isNull() const { return m_groups.isEmpty(); }
    QString text() const { return m_text; } // as written, e.g. "0007"
    // The numeric groups without leading zeros ("0" for a group of zeros), e.g. {"7"}.
    QList<QString> groups() const { return m_groups; }

    std::strong_ordering operator<=>(const MigrationVersion &other) const;
    bool operator==(const MigrationVersion &other) const;

private:
    QString m_text;
    QList<QString> m_groups;
};

// Consistent with operator==: 0007 and 7 hash alike.
size_t qHash(const MigrationVersion &version, size_t seed = 0) noexcept;

} // namespace uaip
