#pragma once
// What the online-change tests share: a script run on the test's database, and one statement
// parsed and written on its catalog (the expand as version 0002).
#include "db/pgconnection.h"
#include "online/onlinechange.h"
#include "online/onlinechangewriter.h"
#include "testdatabase.h"

#include <QtTest>

namespace uaip::test {

inline bool exec(TestDatabase &db, const QByteArray &sql)
{
    const PgResult r = db.witness().execScript(sql);
    if (!r.ok())
        qWarning("%s\n%s", sql.constData(), qPrintable(r.error().message));
    return r.ok();
}

inline Result<OnlineChangeScripts> writeOn(TestDatabase &db, const QByteArray &sql)
{
    const Result<OnlineChange> change = OnlineChange::parse(sql);
    if (!change)
        return change.error();
    PgConnection catalog;
    if (!catalog.open(db.conninfo(), QStringLiteral("tst_onlinechange")))
        qFatal("connect: %s", qPrintable(catalog.connectionError()));
    return OnlineChangeWriter::write(catalog, *change, QStringLiteral("0002"));
}

} // namespace uaip::test
