#pragma once

#include <QCoreApplication>
#include <QString>

class QRegularExpressionMatch;

namespace uaip {

class JsSource;

// The SQL of a TypeORM migration class (TypeScript or JavaScript, as `migration:generate` and
// `migration:create` write it, Prettier-formatted or not): the string literals passed to
// `<runner>.query(...)` in up() and down(), in order: '...', "..." and template literals
// without ${} (a trailing comma and an empty parameter list allowed). Anything else in a method
// (SQL built at run time with ${...}, parameters, queryRunner.createTable(), any other
// statement) makes the migration one to convert by hand, with the line it is on. Comments and
// strings are skipped when finding the class, its methods and its name.
//
// TypeORM records a migration under its `name` property if the class sets one, else the class
// name, and takes its timestamp from the last 13 characters of that name (parseInt): both are
// returned, so the folder is the one adopt matches with TypeORM's row.
class TypeOrmExtractor
{
    Q_DECLARE_TR_FUNCTIONS(uaip::TypeOrmExtractor)

public:
    struct Migration
    {
        bool ok = false;
        QString className; // AddPosts1700000000002
        QString name; // as TypeORM records it: the name property, else the class name
        QString timestamp; // as TypeORM takes it from the name ("1700000000002")
        QString up; // the statements, each ending with ';' on a line of its own
        QString down;
        bool hasDown = false; // down() holds at least one query
        int line = 0; // !ok: where
        QString why; // !ok: what
    };
    static Migration extract(const QString &source);
    // parseInt(name.substr(-13), 10) as TypeORM computes it; empty when that is NaN or 0
    // (TypeORM refuses the migration).
    static QString timestampOf(const QString &name);

private:
    // Steps of extract() once class c and its body [open, close] are found; each returns false
    // when the migration is one to convert by hand (r.line and r.why say where and what).
    // The name TypeORM records, and its timestamp:
    static bool readName(const JsSource &js, qsizetype open, qsizetype close,
                         const QRegularExpressionMatch &c, Migration &r);
    // up() (which must exist) or down(): its queries, into r.up or r.down:
    static bool readMethod(const JsSource &js, qsizetype open, qsizetype close,
                           const QRegularExpressionMatch &c, bool isUp, Migration &r);
};

} // namespace uaip
