#pragma once

#include "error/result.h"
#include "objects/catalogdatabase.h"
#include "objects/catalognode.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QStringList>

namespace uaip {

class ObjectSessions;

// One object a search found, with the database it is in.
struct ObjectSearchHit
{
    QString database;
    CatalogNode node;
};

// The Objects view's search by name over the server's databases (issue 60): ObjectCatalog::find
// on each database the role can open, on that database's session (ObjectSessions opens it on
// first use), at most kMaxDatabases of them (those with a session already first: the
// connection's own, those expanded in the tree; then by name). The
// answers come in one database at a time (changed); finished once every one has answered. It
// says which databases were searched, which could not be opened (refused, no CONNECT, or the
// session failed: why) and which were left out over the bound. A new search drops the answers
// of the one before.
class ObjectSearch : public QObject
{
    Q_OBJECT
public:
    static constexpr int kMaxDatabases = 16;

    explicit ObjectSearch(ObjectSessions *sessions, QObject *parent = nullptr);

    // Searches databases (the tree's, the connection's own first) for text.
    void start(const QString &text, const QList<CatalogDatabase> &databases);
    // Forgets the results; an answer still under way is dropped.
    void clear();

    QString text() const { return m_text; }
    // What was found so far, grouped by database in the order searched.
    QList<ObjectSearchHit> hits() const;
    // The databases searched (answered or not yet), in order.
    QStringList databases() const { return m_databases; }
    // How many objects database's answer held (0 before it answered or when it failed).
    int foundIn(const QString &database) const;
    bool isFinished() const { return m_waiting == 0; }
    // The status line: how many found in how many databases, which could not be searched.
    QString summary() const;

signals:
    // A database answered.
    void changed();
    // Every database answered: the objects found (-1 when no database could be searched).
    void finished(int found);

private:
    void answered(int serial, const QString &database, const Result<QList<CatalogNode>> &result);

    ObjectSessions *m_sessions;
    QString m_text;
    QStringList m_databases; // searched, in order
    QHash<QString, QList<CatalogNode>> m_found;
    QStringList m_closed; // "name: why" of the databases that could not be searched
    QStringList m_leftOut; // over the bound
    int m_waiting = 0;
    int m_serial = 0;
};

} // namespace uaip
