#pragma once
// Helpers shared by the browser tests: open a table in an EntityModel and wait (on signals,
// never a fixed sleep) until the loader is idle; read a whole column through the model.
#include "browse/entitymodel.h"
#include "db/sessionspec.h"
#include "testdatabase.h"

#include <QSignalSpy>
#include <QTest>

namespace uaip::test {

// The test database as the target of a view or model (no password needed).
inline SessionSpec specOf(const TestDatabase &db, bool readOnly = false, bool production = false)
{
    ConnectionProfile profile = db.profile();
    profile.readOnly = readOnly;
    profile.production = production;
    return SessionSpec::from(profile, QString(), QStringLiteral("test"));
}

inline bool waitIdle(EntityModel &model, int timeoutMs = 20000)
{
    QElapsedTimer t;
    t.start();
    while (model.loader()->isLoading() || model.isSaving()) {
        if (t.elapsed() > timeoutMs)
            return false;
        QTest::qWait(5);
    }
    QCoreApplication::processEvents();
    return !model.loader()->isLoading();
}

inline bool openTable(EntityModel &model, const SessionSpec &spec, const QString &schema,
                      const QString &table, int pageSize = 50)
{
    model.setTarget(spec);
    model.loader()->setPageSize(pageSize);
    QSignalSpy opened(&model, &EntityModel::tableOpened);
    QSignalSpy failed(model.loader(), &PageLoader::failed);
    model.openTable(schema, table);
    if (!opened.wait(20000)) {
        qWarning("open failed: %s",
                 failed.isEmpty() ? "timeout" : qPrintable(failed.first().first().toString()));
        return false;
    }
    return waitIdle(model);
}

// Fetches every row (fetchMore until the end) and returns the text of one column.
inline QStringList fetchColumn(EntityModel &model, int column)
{
    while (model.canFetchMore({})) {
        model.fetchMore({});
        if (!waitIdle(model))
            return {};
    }
    QStringList out;
    for (int r = 0; r < model.rowCount(); ++r) {
        QVariant v = model.data(model.index(r, column), Qt::EditRole);
        if (!model.data(model.index(r, column), EntityModel::LoadedRole).toBool()) {
            if (!waitIdle(model))
                return {};
            v = model.data(model.index(r, column), Qt::EditRole);
        }
        out << (v.isNull() ? QStringLiteral("<null>") : v.toString());
    }
    return out;
}

inline QStringList witnessColumn(TestDatabase &db, const QByteArray &sql)
{
    QStringList out;
    const PgResult r = db.witness().execScript(sql);
    for (int i = 0; i < r.rows(); ++i)
        out << (r.isNull(i, 0) ? QStringLiteral("<null>") : r.value(i, 0));
    return out;
}

} // namespace uaip::test
