#pragma once

// The Activity view's tests' shared steps: a session spec for a test database, and a refresh
// waited for (10 s at most).
#include "testdatabase.h"

#include "activity/activityview.h"

#include <QSignalSpy>

namespace uaip::test {

inline SessionSpec specFor(const TestDatabase &db, bool readOnly = false, bool production = false)
{
    ConnectionProfile p = db.profile();
    p.readOnly = readOnly;
    p.production = production;
    return SessionSpec::from(p, QString(), QStringLiteral("test"));
}

inline bool refreshNow(ActivityView &view)
{
    QSignalSpy spy(&view, &ActivityView::refreshed);
    view.refresh();
    if (!spy.wait(10000))
        return false;
    return spy.first().first().toBool();
}

} // namespace uaip::test
