#include "objectsearch.h"

#include "objectsessions.h"

#include <QPointer>

#include <algorithm>

namespace uaip {

ObjectSearch::ObjectSearch(ObjectSessions *sessions, QObject *parent)
    : QObject(parent)
    , m_sessions(sessions)
{ }

void ObjectSearch::clear()
{
    ++m_serial;
    m_text.clear();
    m_databases.clear();
    m_found.clear();
    m_closed.clear();
    m_leftOut.clear();
    m_waiting = 0;
}

void ObjectSearch::start(const QString &text, const QList<CatalogDatabase> &databases)
{
    clear();
    m_text = text;
    // within the bound: the databases with a session already (the connection's own, those
    // expanded in the tree) before the others, each group in the tree's order
    QList<CatalogDatabase> ordered = databases;
    std::stable_partition(ordered.begin(), ordered.end(),
                          [this](const CatalogDatabase &d) { return m_sessions->isKept(d.name); });
    for (const CatalogDatabase &d : std::as_const(ordered)) {
        if (!d.allowsConnections)
            m_closed << tr("%1: it does not allow connections").arg(d.name);
        else if (!d.mayConnect)
            m_closed << tr("%1: this role has no CONNECT privilege on it").arg(d.name);
        else if (m_databases.size() >= kMaxDatabases)
            m_leftOut << d.name;
        else
            m_databases << d.name;
    }
    m_waiting = int(m_databases.size());
    const int serial = m_serial;
    const QPointer<ObjectSearch> self(this);
    for (const QString &database : std::as_const(m_databases))
        m_sessions->read<QList<CatalogNode>>(
            database, tr("Find objects named like \"%1\" in %2").arg(text, database),
            [text](ObjectCatalog &catalog) { return catalog.find(text); },
            [self, serial, database](const Result<QList<CatalogNode>> &result) {
                if (self)
                    self->answered(serial, database, result);
            },
            true);
    if (m_waiting == 0) {
        m_sessions->releaseTransient();
        emit finished(-1);
    }
}

void ObjectSearch::answered(int serial, const QString &database,
                            const Result<QList<CatalogNode>> &result)
{
    if (serial != m_serial)
        return; // an earlier search's
    --m_waiting;
    if (result)
        m_found.insert(database, result.value());
    else
        m_closed << QStringLiteral("%1: %2").arg(database, result.error().toString());
    emit changed();
    if (m_waiting > 0)
        return;
    // every search's reads have answered (a worker runs its reads in order): the sessions opened
    // only for them end now
    m_sessions->releaseTransient();
    int found = 0;
    for (const QList<CatalogNode> &nodes : std::as_const(m_found))
        found += int(nodes.size());
    emit finished(m_found.isEmpty() ? -1 : found);
}

QList<ObjectSearchHit> ObjectSearch::hits() const
{
    QList<ObjectSearchHit> out;
    for (const QString &database : m_databases)
        for (const CatalogNode &node : m_found.value(database))
            out.append(ObjectSearchHit{database, node});
    return out;
}

int ObjectSearch::foundIn(const QString &database) const
{
    return int(m_found.value(database).size());
}

QString ObjectSearch::summary() const
{
    int found = 0;
    for (const QList<CatalogNode> &nodes : m_found)
        found += int(nodes.size());
    const int searched = int(m_databases.size());
    QStringList lines; // one arg() call each: a %1 in the search text or a name is not filled
    if (m_waiting > 0)
        lines << tr("Searching for \"%1\": %2 of %n database(s) answered…", nullptr, searched)
                     .arg(m_text, QString::number(searched - m_waiting));
    else
        lines << tr("%n database(s) searched for \"%1\": %2 found.", nullptr, int(m_found.size()))
                     .arg(m_text, QString::number(found));
    for (auto at = m_found.cbegin(); at != m_found.cend(); ++at)
        if (at.value().size() >= ObjectCatalog::kFindLimit)
            lines << tr("%1: the first %2 only; type more of the name.")
                         .arg(at.key(), QString::number(ObjectCatalog::kFindLimit));
    if (!m_closed.isEmpty())
        lines << tr("Not searched (could not be opened): %1")
                     .arg(m_closed.join(QStringLiteral("; ")));
    if (!m_leftOut.isEmpty())
        lines << tr("Not searched (more than %1 databases): %2")
                     .arg(QString::number(kMaxDatabases), m_leftOut.join(QStringLiteral(", ")));
    return lines.join(u'\n');
}

} // namespace uaip
