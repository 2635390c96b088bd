#include "testdatabase.h"

#include "testcluster.h"

#include <QRandomGenerator>

namespace uaip::test {

TestDatabase::TestDatabase(const QString &templateDb)
    : m_name(QStringLiteral("t_%1").arg(QRandomGenerator::global()->generate64(), 16, 16,
                                        QLatin1Char('0')))
{
    if (const Status made = TestCluster::sandbox().createDatabase(m_name, templateDb); !made)
        qFatal("cannot create test database %s: %s", qPrintable(m_name),
               qPrintable(made.error().toString()));
}

TestDatabase::~TestDatabase()
{
    m_witness.reset();
    if (const Status dropped = TestCluster::sandbox().dropDatabase(m_name); !dropped)
        qWarning("cannot drop test database %s: %s", qPrintable(m_name),
                 qPrintable(dropped.error().toString()));
}

QString TestDatabase::conninfo() const
{
    return TestCluster::conninfo(m_name);
}

ConnectionProfile TestDatabase::profile() const
{
    ConnectionProfile p = TestCluster::sandbox().profile(m_name);
    p.passFile = TestCluster::passFile(); // a test's own roles too
    return p;
}

PgConnection &TestDatabase::witness()
{
    if (!m_witness) {
        m_witness = std::make_unique<PgConnection>();
        if (!m_witness->open(conninfo(), QStringLiteral("uaip-test-witness")))
            qFatal("witness connection failed: %s", qPrintable(m_witness->connectionError()));
    }
    return *m_witness;
}

QString TestDatabase::scalar(const QByteArray &sql, const QVariantList &params)
{
    PgResult r = witness().exec(sql, params);
    if (!r.ok())
        qWarning("witness query failed: %s\n%s", qPrintable(r.error().toString()), sql.constData());
    return r.ok() && r.rows() > 0 && !r.isNull(0, 0) ? r.value(0, 0) : QString();
}

} // namespace uaip::test
