#include "foreignledgerreader.h"

#include "db/pgconnection.h"
#include "db/sqlresource.h"
#include "db/transaction.h"
#include "util/visibletext.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace uaip {

namespace {

QByteArray sql(const QString &name)
{
    return SqlResource::get(QStringLiteral("foreign/sql/%1.sql").arg(name));
}

} // namespace

ForeignLedgerReader::ForeignLedgerReader(PgConnection &connection)
    : m_connection(connection)
{ }

Result<QList<ForeignLedger>> ForeignLedgerReader::read(const QString &toolId, const QString &table)
{
    return readTables(toolId, table, Rows::Read);
}

Result<QList<ForeignLedger>> ForeignLedgerReader::find(const QString &table)
{
    return readTables({}, table, Rows::Skip);
}

Result<QList<ForeignLedger>> ForeignLedgerReader::readTables(const QString &toolId,
                                                             const QString &table, Rows rows)
{
    QList<const ForeignTool *> tools;
    for (const ForeignTool &t : ForeignTool::all())
        if (toolId.isEmpty() || t.id == toolId)
            tools << &t;
    QStringList names;
    QStringList shapeStarts; // the first column of a shape found under any name
    for (const ForeignTool *t : tools) {
        names << t->defaultTable << t->legacyTables;
        if (t->foundByShape && table.isEmpty())
            for (const QStringList &shape : shapesOf(*t))
                shapeStarts << shape.first().section(u' ', 0, 0);
    }
    if (!table.isEmpty())
        names << table;
    names.removeDuplicates();
    shapeStarts.removeDuplicates();

    Transaction transaction(m_connection);
    TransactionOptions snapshot = TransactionOptions::readOnlyRolledBack();
    snapshot.isolation = TransactionOptions::Isolation::RepeatableRead; // one snapshot
    if (Status begun = transaction.begin(snapshot); !begun)
        return begun.error();
    if (const PgResult off = m_connection.exec(sql(QStringLiteral("read_without_row_security")));
        !off.ok())
        return Error(off.error());
    const PgResult found = m_connection.exec(sql(QStringLiteral("foreign_tables")),
                                             {names.join(u'\n'), shapeStarts.join(u'\n')});
    if (!found.ok()) {
        return Error(found.error()).in(tr("cannot look for other tools' history tables"));
    }
    QList<ForeignLedger> out;
    for (int i = 0; i < found.rows(); ++i) {
        const QString tableName = found.value(i, "table_name");
        QStringList columns;
        for (const QJsonValue &v :
             QJsonDocument::fromJson(found.value(i, "columns").toUtf8()).array())
            columns << v.toString();
        for (const ForeignTool *t : tools) {
            const qsizetype shape = shapeLength(*t, tableName, table, columns);
            if (shape < 0)
                continue;
            ForeignLedger ledger;
            ledger.tool = *t;
            ledger.extraColumns = columns.mid(shape);
            ledger.schema = found.value(i, "schema_name");
            ledger.table = tableName;
            ledger.tableOid = found.value(i, "table_oid").toUInt();
            ledger.owner = found.value(i, "owner");
            if (!found.isNull(i, found.columnIndex("untrusted_owner")))
                ledger.distrust = distrust(ledger, found, i);
            if (Status read = rows == Rows::Read ? readEntries(ledger) : Status(); !read)
                return read.error();
            out << ledger;
        }
    }
    transaction.end(); // read only: rolled back, nothing to keep
    return out;
}

QList<QStringList> ForeignLedgerReader::shapesOf(const ForeignTool &tool)
{
    return QList<QStringList>{tool.columns} + tool.legacyColumns;
}

qsizetype ForeignLedgerReader::shapeLength(const ForeignTool &tool, const QString &tableName,
                                           const QString &table, const QStringList &columns)
{
    const bool named = tableName == tool.defaultTable || tool.legacyTables.contains(tableName)
        || tableName == table;
    for (const QStringList &shape : shapesOf(tool)) {
        // by its name: the tool's columns in its order, a project's migration may have added
        // more after; by its shape alone: exactly the tool's
        if (named ? columns.mid(0, shape.size()) == shape
                  : tool.foundByShape && table.isEmpty() && columns == shape)
            return shape.size();
    }
    return -1;
}

QString ForeignLedgerReader::distrust(const ForeignLedger &ledger, const PgResult &found,
                                      int row) const
{
    const auto role = [this](const QString &name) {
        return VisibleText::escaped(QString::fromUtf8(m_connection.quoteIdentifier(name)));
    };
    const QString table = VisibleText::escaped(found.value(row, "qualified_name"));
    const QString owner = role(found.value(row, "untrusted_owner"));
    if (found.value(row, "untrusted_writes") == u"t") {
        const QString name = found.value(row, "untrusted_owner");
        //: %1 the tool, %2 schema.table (or a table of it), %3 a role or PUBLIC, %4 connected role
        return tr("%1's history table %2 may be written by %3 (INSERT, UPDATE, DELETE or "
                  "TRUNCATE granted), which could have written any history there: only a table "
                  "no role but a superuser, role %4 or a role that has %4's privileges may write "
                  "is taken over; revoke those grants first")
            .arg(ledger.tool.displayName,
                 VisibleText::escaped(found.value(row, "untrusted_relation")),
                 name == QLatin1String("PUBLIC") ? name : owner, role(m_connection.user()));
    }
    //: %1 the tool, %2 schema.table, %3 its owner
    const QString whose = found.value(row, "untrusted_is_part") != u"t"
        ? tr("%1's history table %2 is owned by role %3").arg(ledger.tool.displayName, table, owner)
        //: %1 the tool, %2 schema.table, %3 a table that inherits from it, %4 its owner
        : tr("%1's history table %2 is read with %3 (a table of it), owned by role %4")
              .arg(ledger.tool.displayName, table,
                   VisibleText::escaped(found.value(row, "untrusted_relation")), owner);
    //: %1 what is owned by whom, %2 the connected role
    return tr("%1, which could have written any history there: only a table owned by a "
              "superuser, by role %2 or by a role that has %2's privileges is taken over; have "
              "it handed over (ALTER TABLE ... OWNER TO) or adopt as its owner")
        .arg(whose, role(m_connection.user()));
}

Status ForeignLedgerReader::readEntries(ForeignLedger &ledger)
{
    QByteArray statement = sql(ledger.tool.readSql);
    statement.replace("{{table}}",
                      m_connection.quoteIdentifier(ledger.schema) + '.'
                          + m_connection.quoteIdentifier(ledger.table));
    const PgResult r = m_connection.exec(statement);
    if (!r.ok()) {
        return Error(r.error()).in(tr("cannot read %1's history in %2")
                                       .arg(ledger.tool.displayName, ledger.qualifiedName()));
    }
    const int fromCode = r.columnIndex("from_code"); // Flyway's only
    for (int i = 0; i < r.rows(); ++i) {
        ForeignEntry e;
        e.ref = r.value(i, "ref");
        e.version = r.value(i, "version");
        e.name = r.value(i, "name");
        e.foreignName = r.value(i, "foreign_name");
        e.appliedAt = r.value(i, "applied_at");
        e.checksum = r.value(i, "checksum");
        e.state = r.value(i, "state");
        e.kind = r.value(i, "kind");
        e.fromCode = fromCode >= 0 && r.value(i, fromCode) == u"t";
        ledger.entries << e;
    }
    return {};
}

} // namespace uaip
