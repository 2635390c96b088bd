// Issue 21, point 9: the multi-step rollback preview lists every object every step drops,
// no-transaction steps included (their down.sql is read from its parse tree, not run), against
// the bundled platform schema on the sandbox.
#include "ledger/migrationsource.h"
#include "lint/scriptdrops.h"
#include "migrate/rollbackpreview.h"
#include "platformdatabase.h"

#include <QtTest>

using namespace uaip;
using namespace uaip::test;

namespace {

bool hasObject(const RollbackImpact &impact, const QString &kind, const QString &name)
{
    for (const RollbackImpact::Object &o : impact.objects)
        if (o.kind == kind && o.label() == name)
            return true;
    return false;
}

QString describe(const RollbackImpact &impact)
{
    QStringList out;
    for (const RollbackImpact::Object &o : impact.objects)
        out << o.kind + u' ' + o.label();
    out << impact.notes;
    return out.join(u'\n');
}

} // namespace

class TestRollbackPreviewDrops : public QObject
{
    Q_OBJECT

private slots:
    // Rolling back to 0014 runs 0025 in the preview's transaction, reads
    // 0024_analytics_period_index (no-transaction) from its script, runs 0023, 0022, 0021, 0020,
    // 0019, 0018, 0017, 0016 in the preview's transaction and reads 0015_analytics_indexes
    // (no-transaction: DROP INDEX CONCURRENTLY) from its script: their indexes are listed, and the
    // note says how they were found.
    void rangeWithNoTransactionStepListsItsIndexes()
    {
        PlatformDatabase platform(QStringLiteral("tst_rollbackpreviewdrops"));
        MigrationSource source;
        QVERIFY(source.load(MigrationSource::bundledDir()));
        RollbackPreview preview(platform.connection, source.migrations());
        DownTarget target;
        target.kind = DownTarget::Kind::ToVersion;
        target.version = *MigrationVersion::parse(u"0014");
        const Result<RollbackImpact> impact = preview.run(target, 5000);
        QVERIFY2(impact, qPrintable(impact ? QString() : impact.error().toString()));
        const RollbackImpact &i = impact.value();
        QCOMPARE(i.versions,
                 (QStringList{"0025", "0024", "0023", "0022", "0021", "0020", "0019", "0018",
                              "0017", "0016", "0015"}));
        for (const char *index :
             {"idx_agent_capability_metrics_capability_time",
              "idx_persona_analytics_metric_persona_time", "idx_persona_analytics_metric_time",
              "idx_persona_analytics_metric_persona_period"})
            QVERIFY2(
                hasObject(i, QStringLiteral("index"), QString::fromLatin1(index)),
                qPrintable(
                    QStringLiteral("%1 missing from:\n%2").arg(QLatin1String(index), describe(i))));
        const QString notes = i.notes.join(u'\n');
        QVERIFY2(notes.contains(QStringLiteral("0015_analytics_indexes runs outside a "
                                               "transaction: what it drops is read from its "
                                               "down.sql")),
                 qPrintable(notes));
        // the preview left everything as it was
        QCOMPARE(platform.db.scalar("SELECT count(*) FROM pg_indexes WHERE indexname IN "
                                    "('idx_agent_capability_metrics_capability_time', "
                                    "'idx_persona_analytics_metric_persona_period', "
                                    "'idx_persona_analytics_metric_time')"),
                 QStringLiteral("3"));
    }

    // The parse tree gives tables, columns and constraints too, named as written.
    void scriptDropsReadsEveryKindOfDrop()
    {
        RollbackImpact drops;
        QVERIFY(ScriptDrops::read("DROP TABLE IF EXISTS app.\"Odd\", plain;\n"
                                  "ALTER TABLE app.t DROP COLUMN c, DROP CONSTRAINT t_chk;\n"
                                  "DROP VIEW v1;\n",
                                  &drops));
        QCOMPARE(drops.tables.size(), 2);
        QCOMPARE(drops.tables[0].name, QStringLiteral("app.\"Odd\""));
        QCOMPARE(drops.tables[1].name, QStringLiteral("plain"));
        QCOMPARE(drops.columns.size(), 1);
        QCOMPARE(drops.columns[0].table + u'.' + drops.columns[0].column,
                 QStringLiteral("app.t.c"));
        QVERIFY(hasObject(drops, QStringLiteral("constraint"), QStringLiteral("t_chk on app.t")));
        QVERIFY(hasObject(drops, QStringLiteral("view"), QStringLiteral("v1")));
        QVERIFY(!ScriptDrops::read("DROP TABLE (", &drops));
    }
};

QTEST_MAIN(TestRollbackPreviewDrops)
#include "tst_rollbackpreviewdrops.moc"
