#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

namespace uaip {

// Flyway's Java migrations, as import-migrations --from flyway --java DIR finds them: a class
// named V<version>__<Description> (its '_' in the version are dots, in the description spaces:
// Flyway's own naming of a JavaMigration class), in a .java or .kt file of the same name, read
// recursively as Flyway scans a location (src/main/java/db/migration). What such a class does
// is code, not SQL: each gets a folder whose up.sql names the class and refuses to run (a DO
// block that raises, as RefusingDown's down.sql does) until its effect is written there by hand,
// and whose down.sql refuses likewise. adopt takes Flyway's JDBC row of its version over as
// applied with no file to compare, so a database Flyway migrated needs no edit; only `up` on a
// database without that version stops at it, naming the class. A repeatable Java migration
// (R__<Description>) is named to convert by hand, as is a migration's name with another
// extension (V5__D.groovy, V5__D.class: Flyway runs compiled classes, only sources are read); a
// symbolic link out of DIR (a directory, or a file named like a migration) is a problem, never
// followed.
class FlywayJavaMigrations
{
    Q_DECLARE_TR_FUNCTIONS(uaip::FlywayJavaMigrations)

public:
    struct Class
    {
        QString path; // as found: DIR/…/V1_5_3__Add_index.java, for messages
        // inside DIR (…/V1_5_3__Add_index.java): what the stub names, the same wherever the
        // project is checked out
        QString file;
        QString version; // Flyway's: 1.5.3
        QString description; // Add index
        QString className; // with its package: db.migration.V1_5_3__Add_index
    };

    // The Java migrations under dir (recursively); problems ("file:line: why") and files to
    // convert by hand noted.
    static QList<Class> find(const QString &dir, QStringList *problems, QStringList *byHand);
    // The stub's up.sql and down.sql (file content, never translated).
    static QByteArray upSql(const Class &c);
    static QByteArray downSql(const Class &c);
    // "db.migration.V1_5_3__Add_index": the file's package line and its base name.
    static QString classNameOf(const QString &file, const QString &text);

private:
    // A DO block raising message (quotes doubled), after the header lines.
    static QByteArray refusing(const QStringList &header, const QString &message);
};

} // namespace uaip
