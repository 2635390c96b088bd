#pragma once

// Shared by tst_objectsview and tst_objectsviewfind: a fixture script run on a test database,
// the view's session spec, and a tree child waited for after expanding its parent.
#include "objects/objectsview.h"
#include "objects/objecttreemodel.h"
#include "testdatabase.h"

#include "db/pgconnection.h"
#include "db/sessionspec.h"

#include <QTest>
#include <QTreeView>

namespace uaip::test {

inline void exec(PgConnection &connection, const QByteArray &sql)
{
    const PgResult r = connection.execScript(sql);
    if (!r.ok())
        qFatal("%s", qPrintable(r.error().toString()));
}

inline SessionSpec specFor(const TestDatabase &db)
{
    return SessionSpec::from(db.profile(), QString(), QStringLiteral("test"));
}

// The child of parent whose role (the name by default) is text, once it is there; parent is
// expanded first. Invalid after 30 s.
inline QModelIndex expandTo(ObjectsView &view, const QModelIndex &parent, const QString &text,
                            int role = ObjectTreeModel::NameRole)
{
    ObjectTreeModel *model = view.model();
    view.tree()->expand(parent);
    QModelIndex found;
    (void)QTest::qWaitFor(
        [&] {
            for (int row = 0; row < model->rowCount(parent) && !found.isValid(); ++row)
                if (model->index(row, 0, parent).data(role).toString() == text)
                    found = model->index(row, 0, parent);
            return found.isValid();
        },
        30000);
    return found;
}

} // namespace uaip::test
