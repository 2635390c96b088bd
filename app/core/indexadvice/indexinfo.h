#pragma once

#include <QString>
#include <QStringList>

namespace uaip {

// One index as the catalog has it (IndexHealthReader): what tells duplicates apart (access
// method, key columns with their operator classes and collations, expressions, predicate),
// its size from pg_class, its scans since the statistics' reset, what stands on it. The leaf
// density is read on request only (pgstatindex): -1 until then.
struct IndexInfo
{
    qint64 oid = 0;
    QString schema;
    QString table;
    QString name;
    QString definition; // pg_get_indexdef
    QString accessMethod;
    QStringList keys; // attnums of indkey (0: an expression), key columns then INCLUDE ones
    int keyCount = 0;
    QStringList operatorClasses;
    QStringList collations;
    QStringList sortOptions; // indoption: DESC, NULLS FIRST per key column
    bool nullsNotDistinct = false;
    bool immediate = true; // its uniqueness checked at once, not deferred to the commit
    QString expressions;
    QString predicate;
    QStringList columnNames;
    qint64 bytes = 0;
    qint64 scans = 0;
    bool unique = false;
    bool primary = false;
    bool valid = true;
    bool ready = true;
    bool replicaIdentity = false;
    bool backsConstraint = false;
    bool partition = false; // a partition of a partitioned index: dropped only with it
    bool locked = false; // an ACCESS EXCLUSIVE lock on it or its table: definition not read
    QString constraints;
    qint64 tableRows = 0;
    double leafDensity = -1;
    double leafFragmentation = -1;

    QStringList keyColumns() const { return keys.mid(0, keyCount); }
    QString qualifiedTable() const;
    QString qualifiedName() const;
};

} // namespace uaip
