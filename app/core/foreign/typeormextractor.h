#pragma once

#include <QCoreApplication>
#include <QString>

namespace uaip {

// The SQL of a TypeORM migration class (TypeScript or JavaScript, as `migration:generate` and
// `migration:create` write it): the string literals passed to `<runner>.query(...)` in up() and
// down(), in order: '...', "..." and template literals without ${}. Anything else in a method
// (a query built at run time, a parameter array, queryRunner.createTable(), any other
// statement) makes the migration one to convert by hand, with the line it is on.
class TypeOrmExtractor
{
    Q_DECLARE_TR_FUNCTIONS(uaip::TypeOrmExtractor)

public:
    struct Result
    {
        bool ok = false;
        QString className; // AddPosts1700000000002
        QString up; // the statements, each ending with ';' on a line of its own
        QString down;
        bool hasDown = false; // down() holds at least one query
        int line = 0; // !ok: where
        QString why; // !ok: what
    };
    static Result extract(const QString &source);
};

} // namespace uaip
