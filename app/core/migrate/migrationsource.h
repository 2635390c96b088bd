#pragma once

#include "migration.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

namespace uaip {

// Reads a folder of VERSION_name/{up.sql,down.sql} migrations (a real folder or the
// embedded ":/migrations" copy). Every problem names the path it is about. What is inside a
// script (syntax, transaction control) is checked per plan, by PlanChecker.
class MigrationSource
{
    Q_DECLARE_TR_FUNCTIONS(uaip::MigrationSource)

public:
    static QString bundledDir() { return QStringLiteral(":/migrations"); }

    // Loads and sorts by version. Returns false when any problem was found; the
    // migrations that could be read are still returned.
    bool load(const QString &dir);

    const QList<Migration> &migrations() const { return m_migrations; }
    const QStringList &errors() const { return m_errors; }
    QString dir() const { return m_dir; }
    const Migration *find(const MigrationVersion &version) const;

private:
    bool readFile(const QString &path, QByteArray *content, bool required);

    QString m_dir;
    QList<Migration> m_migrations;
    QStringList m_errors;
};

} // namespace uaip
