#pragma once

#include "migration.h"

#include <QCoreApplication>
#include <QFileInfoList>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>
#include <variant>

namespace uaip {

// Reads a folder of VERSION_name/{up.sql,down.sql} migrations (a real folder or the
// embedded ":/migrations" copy). Every problem names the path it is about. What is inside a
// script (syntax, transaction control) is checked per plan, by PlanChecker.
class MigrationSource
{
    Q_DECLARE_TR_FUNCTIONS(uaip::MigrationSource)

public:
    static QString bundledDir() { return QStringLiteral(":/migrations"); }

    // Loads and sorts by version. Returns false when any problem was found. A migration whose
    // up.sql or down.sql is bad is still returned, its problems in upProblems/downProblems:
    // the plan check refuses every plan that would run the file; status still shows it.
    bool load(const QString &dir);

    const QList<Migration> &migrations() const { return m_migrations; }
    // Every problem found, each as file[:line:col]: message.
    const QStringList &errors() const { return m_errors; }
    // The problems that keep anything from running: the folder cannot be read, a folder with
    // an up.sql has a name that gives it no place in the order, two folders share a version,
    // a migration has no up.sql.
    // Also (issue 32): an entry whose name is not valid UTF-8 (it could never be read back by
    // that name), and a file laid out by another tool (golang-migrate, Flyway, dbmate, ...),
    // which names 'import-migrations'.
    const QStringList &folderErrors() const { return m_folderErrors; }
    // Entries that are no migration and nothing else either (notes/, README.md): not read,
    // each said once, as "path: ...".
    const QStringList &warnings() const { return m_warnings; }
    QString dir() const { return m_dir; }
    const Migration *find(const MigrationVersion &version) const;

private:
    // absent (when given) is set instead of a problem when the file does not exist.
    static std::optional<ValidationProblem> readFile(const QString &path, QByteArray *content,
                                                     bool *absent = nullptr);
    // False when the folder has no up.sql (nothing else read then).
    static bool readScripts(Migration &m);
    // A problem that keeps anything from running (folderErrors); false.
    bool refuse(const QString &message);
    // Refuses each entry of dir whose raw name is not valid UTF-8.
    void refuseInvalidNames(const QString &dir);
    // A folder of the list: refused at once (the message), or a migration to read.
    using Folder = std::variant<QString, Migration>;
    // The entries that are migrations or refused; the others are warnings.
    QList<Folder> listFolders(const QString &dir, const QFileInfoList &entries);
    // Reads the migrations' scripts; refuses the messages and the folders without an up.sql.
    void readFolders(QList<Folder> &folders);

    QString m_dir;
    QList<Migration> m_migrations;
    QStringList m_errors;
    QStringList m_folderErrors;
    QStringList m_warnings;
};

} // namespace uaip
