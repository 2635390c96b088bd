#pragma once

#include <QString>
#include <QStringList>

namespace uaip {

// A foreign key from `columns` of one table to `refColumns` of `refSchema`.`refTable`.
// For TableInfo::referencedBy, schema/table name the referencing table and refColumns are
// the columns of the browsed table.
struct ForeignKeyInfo
{
    QString name;
    QString schema; // referencing table (referencedBy only)
    QString table; // referencing table (referencedBy only)
    QStringList columns;
    QString refSchema;
    QString refTable;
    QStringList refColumns;
    // pg_constraint.confdeltype / confupdtype (referencedBy only): a NO ACTION, r RESTRICT,
    // c CASCADE, n SET NULL, d SET DEFAULT.
    QChar onDelete;
    QChar onUpdate;

    // "NO ACTION", "RESTRICT", "CASCADE", "SET NULL", "SET DEFAULT" (empty when unknown).
    static QString actionName(QChar action)
    {
        switch (action.unicode()) {
        case u'a':
            return QStringLiteral("NO ACTION");
        case u'r':
            return QStringLiteral("RESTRICT");
        case u'c':
            return QStringLiteral("CASCADE");
        case u'n':
            return QStringLiteral("SET NULL");
        case u'd':
            return QStringLiteral("SET DEFAULT");
        default:
            return QString();
        }
    }
};

} // namespace uaip
