#include "schemasnapshot.h"

#include "db/pgconnection.h"
#include "db/sessionstatement.h"
#include "db/sqlresource.h"
#include "db/transaction.h"
#include "util/visibletext.h"

namespace uaip {

QString SchemaSnapshot::Difference::headline() const
{
    const QString &definition = kind == Kind::Added ? after : before;
    switch (kind) {
    case Kind::Added:
    case Kind::Removed: {
        const QString sign = kind == Kind::Added ? QStringLiteral("+ ") : QStringLiteral("- ");
        if (definition.isEmpty() || definition.contains(u'\n'))
            return sign + object;
        return sign + object + u' ' + definition;
    }
    case Kind::Changed:
        return QStringLiteral("~ %1: %2").arg(object, definitionDiff().summary());
    }
    return QString();
}

QStringList SchemaSnapshot::Difference::details() const
{
    if (kind == Kind::Changed)
        return definitionDiff().lines().unifiedLines();
    const QString &definition = kind == Kind::Added ? after : before;
    if (!definition.contains(u'\n'))
        return {};
    QStringList lines;
    const QChar sign = kind == Kind::Added ? u'+' : u'-';
    for (const QString &line : LineDiff::splitLines(definition))
        lines << sign + line;
    return lines;
}

DefinitionDiff SchemaSnapshot::Difference::definitionDiff() const
{
    const bool mayFreeze = object.startsWith(QLatin1String("view "))
        || object.startsWith(QLatin1String("materialized view "))
        || object.startsWith(QLatin1String("function "));
    return DefinitionDiff(before, after, 3,
                          mayFreeze ? DefinitionDiff::Literals::MayBeFrozen
                                    : DefinitionDiff::Literals::Significant);
}

QString SchemaSnapshot::Difference::describe(const QString &indent) const
{
    // names are printed as they may reach a terminal: a line break in a name does not split the
    // listing, an escape sequence does not reach the terminal (issue 41)
    QString text = indent + VisibleText::escaped(headline());
    const QString deeper = indent + QStringLiteral("  ");
    for (const QString &line : details())
        text += u'\n' + deeper + VisibleText::escaped(line);
    return text;
}

QString SchemaSnapshot::Difference::describeAll(const QList<Difference> &diffs)
{
    QStringList lines;
    for (const Difference &d : diffs)
        lines << d.describe(QStringLiteral("  "));
    return lines.join(u'\n');
}

namespace {

constexpr char kStatement[] = "uaip_schema_snapshot";

} // namespace

// Inside the caller's transaction block the plain query runs (no PREPARE in someone else's
// transaction).
Result<SchemaSnapshot> SchemaSnapshot::take(PgConnection &connection,
                                            const QList<quint32> &tablesLeftOut)
{
    const QByteArray sql = SqlResource::get(QStringLiteral("schema/sql/snapshot.sql"));
    QStringList oids;
    for (quint32 oid : tablesLeftOut)
        oids << QString::number(oid);
    const QVariantList params{QString(u'{' + oids.join(u',') + u'}')};
    const bool prepared = connection.transactionState() == PgConnection::TransactionState::Idle;
    Transaction tx(connection);
    if (Status begun = tx.begin(TransactionOptions::catalogRead()); !begun)
        return begun.error().in(tr("cannot read the schema"));
    // planned once per session where the connection was idle (verify takes dozens of snapshots
    // on one connection, and planning the query costs about as much as running it)
    const PgResult r = prepared ? SessionStatement::run(connection, kStatement, sql, params)
                                : connection.exec(sql, params);
    tx.end();
    if (!r.ok())
        return Error(r.error()).in(tr("cannot read the schema"));
    SchemaSnapshot s;
    for (int i = 0; i < r.rows(); ++i)
        s.m_objects.insert(r.value(i, 0) + u' ' + r.value(i, 1), r.value(i, 2));
    return s;
}

QList<SchemaSnapshot::Difference> SchemaSnapshot::diff(const SchemaSnapshot &other) const
{
    QList<Difference> out;
    for (auto it = m_objects.cbegin(); it != m_objects.cend(); ++it) {
        auto o = other.m_objects.constFind(it.key());
        if (o == other.m_objects.cend())
            out << Difference{Difference::Kind::Removed, it.key(), it.value(), {}};
        else if (o.value() != it.value())
            out << Difference{Difference::Kind::Changed, it.key(), it.value(), o.value()};
    }
    for (auto it = other.m_objects.cbegin(); it != other.m_objects.cend(); ++it)
        if (!m_objects.contains(it.key()))
            out << Difference{Difference::Kind::Added, it.key(), {}, it.value()};
    return out;
}

} // namespace uaip
