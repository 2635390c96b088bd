#include "ddlcatalog.h"

#include "db/pgconnection.h"
#include "db/sessionstatement.h"
#include "db/sqlresource.h"
#include "db/transaction.h"

#include <QJsonDocument>
#include <QSet>

namespace uaip {

Result<DdlCatalog> DdlCatalog::take(PgConnection &connection)
{
    const QByteArray sql = SqlResource::get(QStringLiteral("drift/sql/ddl_catalog.sql"));
    // planned once per session where the connection was idle (import-migrations reads it after
    // every migration); in a rolled-back transaction without JIT (TransactionOptions::catalogRead)
    const bool prepared = connection.transactionState() == PgConnection::TransactionState::Idle;
    Transaction tx(connection);
    if (Status begun = tx.begin(TransactionOptions::catalogRead()); !begun)
        return begun.error().in(tr("cannot read the schema's definitions"));
    const PgResult r = prepared ? SessionStatement::run(connection, "uaip_ddl_catalog", sql)
                                : connection.exec(sql);
    tx.end();
    if (!r.ok())
        return Error(r.error()).in(tr("cannot read the schema's definitions"));
    DdlCatalog catalog;
    for (int i = 0; i < r.rows(); ++i) {
        DdlObject o;
        o.kind = r.value(i, 0);
        o.name = r.value(i, 1);
        o.parent = r.value(i, 2);
        o.comesWith = r.value(i, 3);
        o.createSql = r.value(i, 4);
        o.dropSql = r.value(i, 5);
        o.definition = r.value(i, 6);
        o.attrs = QJsonDocument::fromJson(r.value(i, 7).toUtf8()).object();
        catalog.m_objects.insert(o.key(), o);
        if (!o.parent.isEmpty())
            catalog.m_children.insert(o.parent, o.key());
    }
    return catalog;
}

const DdlObject *DdlCatalog::find(const QString &key) const
{
    auto it = m_objects.constFind(key);
    return it == m_objects.cend() ? nullptr : &it.value();
}

QStringList DdlCatalog::ancestors(const QString &key) const
{
    QStringList out;
    const DdlObject *o = find(key);
    while (o && !o->parent.isEmpty() && !out.contains(o->parent)) {
        out << o->parent;
        o = find(o->parent);
    }
    return out;
}

QStringList DdlCatalog::descendants(const QString &key) const
{
    QStringList out;
    QStringList queue{key};
    while (!queue.isEmpty()) {
        const QString k = queue.takeFirst();
        for (auto it = m_children.constFind(k); it != m_children.cend() && it.key() == k; ++it)
            if (!out.contains(it.value())) {
                out << it.value();
                queue << it.value();
            }
    }
    return out;
}

QStringList DdlCatalog::remove(const QString &key)
{
    if (!m_objects.contains(key))
        return {};
    QStringList gone = QStringList{key} + descendants(key);
    for (const DdlObject &o : std::as_const(m_objects)) {
        const QString ownedBy = o.attrs.value(QLatin1String("owned_by")).toString();
        if (!ownedBy.isEmpty() && gone.contains(QStringLiteral("column ") + ownedBy))
            gone << o.key();
        else if (gone.contains(o.comesWith))
            gone << o.key();
    }
    for (const QString &k : std::as_const(gone)) {
        const DdlObject o = m_objects.take(k);
        m_children.remove(o.parent, k);
    }
    return gone;
}

QStringList DdlCatalog::roles() const
{
    QSet<QString> roles;
    for (const DdlObject &o : m_objects) {
        const QString role = o.attrs.value(QStringLiteral("role")).toString();
        if (!role.isEmpty())
            roles.insert(role);
    }
    QStringList out(roles.cbegin(), roles.cend());
    out.sort();
    return out;
}

} // namespace uaip
