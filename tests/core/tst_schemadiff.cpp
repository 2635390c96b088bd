// SchemaSnapshot differences of two real databases, one made with before.sql and one with
// after.sql (tests/core/data/schemadiff): each changed definition (view, function, trigger,
// default, constraint, index) as exact unified hunks, and whether only literals differ (said
// only of views and functions: a changed default, CHECK or index predicate is a real change).
#include "db/pgconnection.h"
#include "schema/schemasnapshot.h"
#include "testcluster.h"
#include "testdatabase.h"

#include <QFile>
#include <QtTest>

using namespace uaip;
using namespace uaip::test;

namespace {

QByteArray dataFile(const QString &name)
{
    QFile f(TestCluster::sourceDir() + QStringLiteral("/tests/core/data/schemadiff/") + name);
    if (!f.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(f.fileName()));
    return f.readAll();
}

// common.sql then 'script' in db; its schema as the witness sees it (time zone UTC, so
// timestamps print the same wherever the test runs).
std::optional<SchemaSnapshot> build(TestDatabase &db, const QString &script)
{
    PgConnection &c = db.witness();
    for (const QByteArray &sql : {QByteArray("SET TimeZone = 'UTC'"),
                                  dataFile(QStringLiteral("common.sql")), dataFile(script)}) {
        const PgResult r = c.execScript(sql);
        if (!r.ok()) {
            qWarning("%s: %s", qPrintable(script), qPrintable(r.error().toString()));
            return std::nullopt;
        }
    }
    auto snapshot = SchemaSnapshot::take(c);
    if (!snapshot) {
        qWarning("%s", qPrintable(snapshot.error().toString()));
        return std::nullopt;
    }
    return snapshot.take();
}

} // namespace

class TestSchemaDiff : public QObject
{
    Q_OBJECT

private:
    QList<SchemaSnapshot::Difference> m_diffs; // before.sql -> after.sql

    const SchemaSnapshot::Difference *find(const QString &object) const
    {
        for (const auto &d : m_diffs)
            if (d.object == object)
                return &d;
        return nullptr;
    }

private slots:
    void initTestCase()
    {
        // Two databases that stay read-only for every case below.
        TestDatabase before;
        const auto a = build(before, QStringLiteral("before.sql"));
        QVERIFY(a);
        // 'now' must read a later moment in the second database: the server's clock has passed
        // the first build's end
        const QString built = before.scalar("SELECT clock_timestamp()::text");
        QVERIFY(QTest::qWaitFor(
            [&] {
                return before.scalar("SELECT clock_timestamp() > $1::timestamptz", {built})
                    == QLatin1String("t");
            },
            5000));
        TestDatabase after;
        const auto b = build(after, QStringLiteral("after.sql"));
        QVERIFY(b);
        m_diffs = a->diff(*b);
    }

    void everyChangeIsFound()
    {
        QStringList objects;
        for (const auto &d : m_diffs) {
            QCOMPARE(d.kind, SchemaSnapshot::Difference::Kind::Changed);
            objects << d.object;
        }
        objects.sort();
        QCOMPARE(objects,
                 QStringList({QStringLiteral("column public.orders.status"),
                              QStringLiteral("constraint public.orders.orders_amount_check"),
                              QStringLiteral("function public.order_total(p_customer text)"),
                              QStringLiteral("index public.orders_big_idx"),
                              QStringLiteral("index public.orders_created_idx"),
                              QStringLiteral("trigger public.orders.orders_touch"),
                              QStringLiteral("view public.recent_orders"),
                              QStringLiteral("view public.todays_orders")}));
    }

    void changedDefinition_data()
    {
        QTest::addColumn<QString>("object");
        QTest::addColumn<QString>("unified");
        QTest::addColumn<bool>("literalOnly");
        QTest::addColumn<QString>("summary");
        QTest::newRow("view with a timestamp literal")
            << QStringLiteral("view public.recent_orders")
            << QStringLiteral("@@ -4,4 +4,4 @@\n"
                              "     orders.status,\n"
                              "     orders.created_at\n"
                              "    FROM orders\n"
                              "-  WHERE orders.created_at > '2024-01-31 12:00:00+00'::timestamp "
                              "with time zone;\n"
                              "+  WHERE orders.created_at > '2026-11-22 08:30:00+00'::timestamp "
                              "with time zone;\n")
            << true
            << QStringLiteral("only literal values differ: '2024-01-31 12:00:00+00' -> '2026-11-22 "
                              "08:30:00+00'");
        QTest::newRow("function body")
            << QStringLiteral("function public.order_total(p_customer text)")
            << QStringLiteral(
                   "@@ -5,7 +5,7 @@\n"
                   " DECLARE\n"
                   "     total numeric;\n"
                   " BEGIN\n"
                   "-    SELECT sum(amount) INTO total FROM orders WHERE customer = p_customer;\n"
                   "+    SELECT sum(amount) INTO total FROM orders WHERE customer = p_customer "
                   "AND status <> 'void';\n"
                   "     RETURN coalesce(total, 0);\n"
                   " END\n"
                   " $function$\n")
            << false << QStringLiteral("1 line(s) removed, 1 added");
        QTest::newRow("default") << QStringLiteral("column public.orders.status")
                                 << QStringLiteral("@@ -1 +1 @@\n"
                                                   "-#4 text NOT NULL DEFAULT 'new'::text\n"
                                                   "+#4 text NOT NULL DEFAULT 'open'::text\n")
                                 << false << QStringLiteral("1 line(s) removed, 1 added");
        QTest::newRow("constraint")
            << QStringLiteral("constraint public.orders.orders_amount_check")
            << QStringLiteral("@@ -1 +1 @@\n"
                              "-CHECK (amount >= 0::numeric)\n"
                              "+CHECK (amount >= 10::numeric)\n")
            << false << QStringLiteral("1 line(s) removed, 1 added");
        QTest::newRow("index columns")
            << QStringLiteral("index public.orders_created_idx")
            << QStringLiteral(
                   "@@ -1 +1 @@\n"
                   "-CREATE INDEX orders_created_idx ON public.orders USING btree (created_at)\n"
                   "+CREATE INDEX orders_created_idx ON public.orders USING btree (created_at, "
                   "id)\n")
            << false << QStringLiteral("1 line(s) removed, 1 added");
        QTest::newRow("partial index predicate")
            << QStringLiteral("index public.orders_big_idx")
            << QStringLiteral(
                   "@@ -1 +1 @@\n"
                   "-CREATE INDEX orders_big_idx ON public.orders USING btree (customer) "
                   "WHERE (amount > (100)::numeric)\n"
                   "+CREATE INDEX orders_big_idx ON public.orders USING btree (customer) "
                   "WHERE (amount > (200)::numeric)\n")
            << false << QStringLiteral("1 line(s) removed, 1 added");
        QTest::newRow("trigger events")
            << QStringLiteral("trigger public.orders.orders_touch")
            << QStringLiteral(
                   "@@ -1 +1 @@\n"
                   "-CREATE TRIGGER orders_touch BEFORE INSERT ON orders FOR EACH ROW "
                   "EXECUTE FUNCTION touch_order()\n"
                   "+CREATE TRIGGER orders_touch BEFORE INSERT OR UPDATE ON orders FOR EACH "
                   "ROW EXECUTE FUNCTION touch_order()\n")
            << false << QStringLiteral("1 line(s) removed, 1 added");
    }

    void changedDefinition()
    {
        QFETCH(QString, object);
        QFETCH(QString, unified);
        QFETCH(bool, literalOnly);
        QFETCH(QString, summary);
        const SchemaSnapshot::Difference *d = find(object);
        QVERIFY2(d, qPrintable(object));
        const DefinitionDiff diff = d->definitionDiff();
        QCOMPARE(diff.lines().unifiedText(), unified);
        QCOMPARE(diff.literalOnly(), literalOnly);
        QCOMPARE(diff.summary(), summary);
        QCOMPARE(d->headline(), QStringLiteral("~ %1: %2").arg(object, summary));
    }

    void viewWithFrozenNowIsLiteralOnly()
    {
        // The same CREATE VIEW ... 'now' in both databases: only the moment it froze differs.
        const SchemaSnapshot::Difference *d = find(QStringLiteral("view public.todays_orders"));
        QVERIFY(d);
        const DefinitionDiff diff = d->definitionDiff();
        QVERIFY(diff.literalOnly());
        QCOMPARE(diff.literalChanges().size(), 1); // interval '1 day' is the same on both
        const auto &change = diff.literalChanges()[0];
        QVERIFY2(change.before < change.after, qPrintable(change.before + change.after));
        const QString year = QString::number(QDate::currentDate().year());
        QVERIFY2(change.before.startsWith(u'\'' + year), qPrintable(change.before));
        QVERIFY(d->headline().contains(QStringLiteral("only literal values differ: ")
                                       + change.before + QStringLiteral(" -> ") + change.after));
    }

    void describeIndentsTheDiff()
    {
        const SchemaSnapshot::Difference *d = find(QStringLiteral("column public.orders.status"));
        QVERIFY(d);
        QCOMPARE(d->describe(QStringLiteral("    ")),
                 QStringLiteral("    ~ column public.orders.status: 1 line(s) removed, 1 added\n"
                                "      @@ -1 +1 @@\n"
                                "      -#4 text NOT NULL DEFAULT 'new'::text\n"
                                "      +#4 text NOT NULL DEFAULT 'open'::text"));
    }

    void addedAndRemovedDefinitions()
    {
        using Kind = SchemaSnapshot::Difference::Kind;
        const SchemaSnapshot::Difference column{
            Kind::Added, QStringLiteral("column public.t.c"), {}, QStringLiteral("#2 text")};
        QCOMPARE(column.describe(), QStringLiteral("+ column public.t.c #2 text"));
        const SchemaSnapshot::Difference table{
            Kind::Removed, QStringLiteral("table public.t"), {}, {}};
        QCOMPARE(table.describe(), QStringLiteral("- table public.t"));
        // A definition of several lines goes under the headline, one marked line each.
        const SchemaSnapshot::Difference view{Kind::Removed,
                                              QStringLiteral("view public.v"),
                                              QStringLiteral(" SELECT 1 AS one\n   FROM t;"),
                                              {}};
        QCOMPARE(view.describe(QStringLiteral("  ")),
                 QStringLiteral("  - view public.v\n    - SELECT 1 AS one\n    -   FROM t;"));
    }
};

QTEST_GUILESS_MAIN(TestSchemaDiff)
#include "tst_schemadiff.moc"
