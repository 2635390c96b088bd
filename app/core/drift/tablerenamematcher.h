#pragma once

#include "ddlcatalog.h"

#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

#include <utility>

namespace uaip {

// A table that is gone from one catalog and a table that is new in the other, in the same
// schema, with the same columns (names and definitions) and, one for one, the same constraints,
// indexes, triggers, rules, policies, owner, grants and comments once the table's name is put
// in place of the other's (a constraint or an index may have another name: it is renamed too):
// the table was renamed (ALTER TABLE ... RENAME TO). Generated SQL then renames it back,
// instead of dropping the table (and the serial's sequence it owns, which the CREATE that
// follows still names) and making it again empty. A table with more than one such match is not
// taken as renamed.
class TableRenameMatcher
{
public:
    struct Rename
    {
        QString fromKey; // "table public.old"
        QString toKey; // "table public.new"
        QString fromName; // public.old
        QString toName; // public.new
        // the statements, in order: the table's RENAME TO, then its constraints' and indexes'
        QStringList sql;
        QList<std::pair<QString, QString>> pairs; // every descendant: key in from, key in to
    };

    static QList<Rename> find(const DdlCatalog &from, const DdlCatalog &to,
                              const QSet<QString> &removed, const QSet<QString> &added);
    // A table's columns as "name definition" lines, sorted: what two tables share when the
    // one is the other renamed.
    static QString columns(const DdlCatalog &catalog, const QString &table);
    // The last part of a qualified name as SQL writes it ("public.\"a.b\"" -> "\"a.b\"").
    static QString lastPart(const QString &qualified);
};

} // namespace uaip
