// Issue 57, point 10: a tool's history table owned by a role whose code would run as the console
// (a trigger, a policy, an inheriting table of its) is not adopted: adopt names the table and its
// owner, exit 3, nothing written; foreign shows the owner; the table is read with row security off.
#include "foreignledgertestutil.h"

using namespace uaip;
using namespace uaip::test;

class TestForeignLedgerTrust : public QObject
{
    Q_OBJECT

private slots:
    void historyOwnedByAnotherRoleIsNotAdopted_data() { addToolShapes(); }

    void historyOwnedByAnotherRoleIsNotAdopted()
    {
        QFETCH(QByteArray, ddl);
        QFETCH(QString, tool);
        QFETCH(QString, table);
        TestDatabase db;
        exec(db, ddl);
        AppRole app(db);
        const QString role = QString::fromUtf8(db.witness().quoteIdentifier(app.name));
        exec(db, QStringLiteral("ALTER TABLE %1 OWNER TO %2").arg(table, role).toUtf8());
        MigrationFolder f;
        f.add(QStringLiteral("20240101120000_init"), "SELECT 1;", "SELECT 1;");
        const QString displayName = ForeignTool::find(tool)->displayName;
        const QString distrust = QStringLiteral("%1's history table %2 is owned by role %3, "
                                                "which could have written any history there")
                                     .arg(displayName, table, role);
        const QString refusal = QStringLiteral("nothing was adopted: ") + distrust;

        const Run r = migrate(on(db, f.path())
                              + QStringList{QStringLiteral("adopt"), QStringLiteral("--from"), tool,
                                            QStringLiteral("--dry-run")});
        QCOMPARE(r.exitCode, 3);
        QVERIFY2(r.err.contains(refusal), qPrintable(r.err));
        QVERIFY2(r.out.contains(QStringLiteral("%1's history in %2, owned by role %3")
                                    .arg(displayName, table, app.name)),
                 qPrintable(r.out));
        const Run written = migrate(on(db, f.path())
                                    + QStringList{QStringLiteral("adopt"), QStringLiteral("--from"),
                                                  tool, QStringLiteral("--json")});
        QCOMPARE(written.exitCode, 3);
        QCOMPARE(written.json().value(QStringLiteral("exit_code")).toInt(), 3);
        QVERIFY2(written.json().value(QStringLiteral("error")).toString().contains(refusal),
                 qPrintable(written.out));
        QVERIFY(!tableExists(db, "uaip_ledger.uaip_schema_migrations"));

        const Run listed = migrate(
            on(db, f.path()) + QStringList{QStringLiteral("foreign"), QStringLiteral("--json")});
        QCOMPARE(listed.exitCode, 0);
        const QJsonObject ledger
            = listed.json().value(QStringLiteral("ledgers")).toArray().first().toObject();
        QCOMPARE(ledger.value(QStringLiteral("owner")).toString(), app.name);
        QCOMPARE(ledger.value(QStringLiteral("trusted")).toBool(true), false);

        Engine e(f.path(), db.conninfo());
        const AdoptionPlan plan = planFor(db, e, tool);
        QVERIFY(!plan.ok());
        QVERIFY(plan.rows.isEmpty());
        QVERIFY2(plan.problems.join(u'\n').contains(distrust),
                 qPrintable(plan.problems.join(u'\n')));

        exec(db, QStringLiteral("ALTER TABLE %1 OWNER TO CURRENT_USER").arg(table).toUtf8());
        const AdoptionPlan handedOver = planFor(db, e, tool);
        QVERIFY2(!handedOver.problems.join(u'\n').contains(QStringLiteral("owned by role")),
                 qPrintable(handedOver.problems.join(u'\n')));
        QVERIFY(!handedOver.rows.isEmpty());
    }

    // As the platform's non-owner role: a history table is believed when a superuser, the role
    // itself or a role that has its privileges owns it and every table of it (an inheriting
    // table is read with it); another role's is not, named with its owner.
    void trustFollowsTheOwnerOfEveryTableRead()
    {
        TestDatabase db;
        exec(db, kDbmate + kFlyway);
        AppRole app(db);
        OtherRole other(db);
        const QString appRole = QString::fromUtf8(db.witness().quoteIdentifier(app.name));
        exec(db,
             QStringLiteral("CREATE TABLE public.flyway_part () INHERITS "
                            "(public.flyway_schema_history); GRANT SELECT ON "
                            "public.schema_migrations, public.flyway_schema_history TO %1")
                 .arg(appRole)
                 .toUtf8());
        const auto judged = [&](const QString &tool) {
            const auto read = readAs(app.conninfo(), tool);
            if (!read || read.value().size() != 1)
                qFatal("read %s: %s", qPrintable(tool), qPrintable(why(read)));
            return read.value().first();
        };
        const QString superuser = db.scalar("SELECT current_user");
        QVERIFY(judged(QStringLiteral("dbmate")).trusted());
        QCOMPARE(judged(QStringLiteral("dbmate")).owner, superuser);
        QVERIFY(judged(QStringLiteral("flyway")).trusted());

        exec(db, "ALTER TABLE public.schema_migrations OWNER TO " + other.quoted.toUtf8());
        ForeignLedger dbmate = judged(QStringLiteral("dbmate"));
        QCOMPARE(dbmate.owner, other.name);
        QVERIFY2(dbmate.distrust.startsWith(
                     QStringLiteral("dbmate's history table public.schema_migrations is owned by "
                                    "role %1, which could have written any history there: only a "
                                    "table owned by a superuser, by role %2 or by a role that has "
                                    "%2's privileges is taken over")
                         .arg(other.quoted, appRole)),
                 qPrintable(dbmate.distrust));
        // a role that has the connected role's privileges: its table is as good as the role's own
        exec(db, QStringLiteral("GRANT %1 TO %2").arg(appRole, other.quoted).toUtf8());
        QVERIFY2(judged(QStringLiteral("dbmate")).trusted(),
                 qPrintable(judged(QStringLiteral("dbmate")).distrust));
        exec(db, QStringLiteral("REVOKE %1 FROM %2").arg(appRole, other.quoted).toUtf8());
        exec(db, "ALTER TABLE public.schema_migrations OWNER TO " + appRole.toUtf8());
        QVERIFY(judged(QStringLiteral("dbmate")).trusted());

        exec(db, "ALTER TABLE public.flyway_part OWNER TO " + other.quoted.toUtf8());
        const ForeignLedger flyway = judged(QStringLiteral("flyway"));
        QCOMPARE(flyway.owner, superuser);
        QVERIFY2(flyway.distrust.startsWith(
                     QStringLiteral("Flyway's history table public.flyway_schema_history is read "
                                    "with public.flyway_part (a table of it), owned by role %1")
                         .arg(other.quoted)),
                 qPrintable(flyway.distrust));
    }

    // Reading another role's history table runs none of its code: a row-level security policy
    // of the owner (whose expression would run with the reader's rights, and could hide rows)
    // makes the read an error, its function never called.
    void readingRunsNoPolicyOfTheOwner()
    {
        TestDatabase db;
        exec(db, kDbmate);
        AppRole app(db);
        OtherRole other(db);
        const QString appRole = QString::fromUtf8(db.witness().quoteIdentifier(app.name));
        exec(db,
             QStringLiteral(R"(
CREATE FUNCTION public.policy_probe() RETURNS boolean LANGUAGE plpgsql AS
  $$BEGIN RAISE EXCEPTION 'the policy ran as %', current_user; END$$;
ALTER FUNCTION public.policy_probe() OWNER TO %1;
ALTER TABLE public.schema_migrations OWNER TO %1;
ALTER TABLE public.schema_migrations ENABLE ROW LEVEL SECURITY;
CREATE POLICY probe ON public.schema_migrations USING (public.policy_probe());
GRANT SELECT ON public.schema_migrations TO %2;
GRANT EXECUTE ON FUNCTION public.policy_probe() TO %2;
)")
                 .arg(other.quoted, appRole)
                 .toUtf8());
        const auto read = readAs(app.conninfo(), QStringLiteral("dbmate"));
        QVERIFY(!read);
        // insufficient_privilege: row_security off refuses the read (the policy, had it run,
        // would have raised P0001)
        QCOMPARE(read.error().sqlState(), QStringLiteral("42501"));
        QVERIFY2(read.error().toString().contains(QStringLiteral("public.schema_migrations")),
                 qPrintable(read.error().toString()));
    }
};

QTEST_GUILESS_MAIN(TestForeignLedgerTrust)
#include "tst_foreignledgertrust.moc"
