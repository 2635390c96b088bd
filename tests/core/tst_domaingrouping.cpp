// DomainGrouping against the bundled migrations: every table they create has a domain in the
// Entities view's tree (a table without one is listed loose under its schema, away from its
// siblings).
#include "browse/domaingrouping.h"
#include "platformdatabase.h"

#include <QTest>

using namespace uaip;
using namespace uaip::test;

class TestDomainGrouping : public QObject
{
    Q_OBJECT

private slots:
    void everyBundledTableHasADomain()
    {
        PlatformDatabase p(QStringLiteral("tst_domaingrouping"));
        const PgResult r = p.connection.execScript(
            "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
            "WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') ORDER BY 1");
        QVERIFY2(r.ok(), qPrintable(r.error().toString()));
        QVERIFY(r.rows() > 50);
        QStringList missing;
        for (int i = 0; i < r.rows(); ++i)
            if (DomainGrouping::domainOf(QStringLiteral("public"), r.value(i, 0)).isEmpty())
                missing << r.value(i, 0);
        QVERIFY2(missing.isEmpty(), qPrintable(QStringLiteral("no domain: ") + missing.join(u' ')));
        QCOMPARE(
            DomainGrouping::domainOf(QStringLiteral("public"), QStringLiteral("ai_prompt_labels")),
            QStringLiteral("AI prompts"));
        QVERIFY(DomainGrouping::domainOf(QStringLiteral("other"), QStringLiteral("ai_prompts"))
                    .isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestDomainGrouping)
#include "tst_domaingrouping.moc"
