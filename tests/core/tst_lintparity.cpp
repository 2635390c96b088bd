// Issue 59, point 4: lint parity. Every statement uaip-migrate up refuses on a big table
// (BlockingWorkGate on the lock forecast) is a lint finding, SET UNLOGGED / LOGGED / TABLESPACE /
// ACCESS METHOD and ADD CONSTRAINT ... EXCLUDE as dangers of their own; squawk's rules that uaip
// lacked are warnings under squawk's ids; "-- uaip:allow RULE REASON" above a statement
// suppresses that rule's finding there (listed as suppressed with the reason, recorded in the
// ledger event; a missing reason is an error naming file:line); lint --db knows that a validated
// CHECK (column IS NOT NULL) spares SET NOT NULL its scan; only a constraint that may be a
// foreign key gets the lock forecast's foreign-key note.
#include "forecast/migrationlockforecast.h"
#include "forecast/planforecast.h"
#include "forecast/statementlockforecast.h"
#include "lint/sqllinter.h"
#include "live/blockingworkgate.h"
#include "sqlparse/pgparsetree.h"
#include "sqlparse/sqlsplitter.h"
#include "uaipmigratetestutil.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace uaip;
using namespace uaip::test;

namespace {

// The statements BlockingWorkGate refuses in sql, every table it locks taken as big:
// "line:col" of each.
QStringList refusedAt(const QByteArray &sql)
{
    const SqlSplitResult split = SqlSplitter::split(sql);
    PlanForecast plan;
    PlanForecast::Script script;
    script.migration = QStringLiteral("0001_x");
    script.file = QStringLiteral("up.sql");
    script.statements = MigrationLockForecast::of(split);
    for (const StatementForecast &item : std::as_const(script.statements))
        for (const RelationLock &lock : item.forecast.locks) {
            RelationSize size;
            size.name = lock.relation;
            size.table = lock.relation;
            size.rows = 1000000000;
            plan.sizes.insert(lock.relation, size);
        }
    plan.scripts << script;
    QStringList at;
    for (const ValidationProblem &p : BlockingWorkGate::judge(plan, 1000))
        at << QStringLiteral("%1:%2").arg(p.line).arg(p.column);
    at.removeDuplicates(); // a statement that locks two tables (a foreign key) is one
    return at;
}

// "kind severity @line:col" of each finding, suppressed ones with " suppressed".
QStringList describe(const QList<LintFinding> &findings)
{
    QStringList out;
    for (const LintFinding &f : findings)
        out << QStringLiteral("%1 %2 @%3%4")
                   .arg(LintFinding::kindName(f.kind), LintFinding::severityName(f.severity),
                        f.position.toString(),
                        f.suppressed ? QStringLiteral(" suppressed") : QString());
    return out;
}

QList<QJsonObject> findingsOf(const Run &r)
{
    QList<QJsonObject> out;
    for (const QJsonValue &v : r.json().value(QStringLiteral("findings")).toArray())
        out << v.toObject();
    return out;
}

} // namespace

class TestLintParity : public QObject
{
    Q_OBJECT

private slots:
    // Each statement kind the engine refuses: up's judge refuses it, and lint reports it at
    // the same line:col (the new kinds as dangers, by their kind).
    void everyRefusedStatementIsAFinding_data()
    {
        QTest::addColumn<QByteArray>("sql");
        QTest::addColumn<QString>("kind"); // the finding's kind; empty: any
        const auto row = [](const char *name, const char *sql, const char *kind = "") {
            QTest::newRow(name) << QByteArray(sql) << QString::fromLatin1(kind);
        };
        row("SET UNLOGGED", "ALTER TABLE t SET UNLOGGED;", "rewrites_table");
        row("SET LOGGED", "ALTER TABLE t SET LOGGED;", "rewrites_table");
        row("SET TABLESPACE", "ALTER TABLE t SET TABLESPACE pg_default;", "rewrites_table");
        row("SET ACCESS METHOD", "ALTER TABLE t SET ACCESS METHOD heap;", "rewrites_table");
        row("ADD CONSTRAINT EXCLUDE",
            "ALTER TABLE t ADD CONSTRAINT t_no_overlap EXCLUDE USING "
            "gist (r WITH &&);",
            "add_exclusion_constraint");
        row("ADD PRIMARY KEY USING INDEX", "ALTER TABLE t ADD PRIMARY KEY USING INDEX t_id_idx;",
            "blocks_while_working");
        row("DROP CONSTRAINT, then ADD PRIMARY KEY USING INDEX",
            "ALTER TABLE t DROP CONSTRAINT t_old, ADD PRIMARY KEY USING INDEX t_id_idx;",
            "blocks_while_working");
        row("ATTACH PARTITION", "ALTER TABLE p ATTACH PARTITION p1 FOR VALUES IN (1);",
            "blocks_while_working");
        row("ALTER COLUMN TYPE", "ALTER TABLE t ALTER COLUMN n TYPE bigint;");
        row("SET NOT NULL", "ALTER TABLE t ALTER COLUMN n SET NOT NULL;");
        row("ADD COLUMN volatile default",
            "ALTER TABLE t ADD COLUMN u uuid DEFAULT "
            "gen_random_uuid();");
        row("ADD COLUMN NOT NULL", "ALTER TABLE t ADD COLUMN c int NOT NULL;");
        row("ADD CHECK", "ALTER TABLE t ADD CONSTRAINT c CHECK (n > 0);");
        row("ADD FOREIGN KEY", "ALTER TABLE t ADD FOREIGN KEY (a) REFERENCES a (id);");
        row("ADD PRIMARY KEY", "ALTER TABLE t ADD PRIMARY KEY (id);");
        row("ADD UNIQUE", "ALTER TABLE t ADD UNIQUE (n);");
        row("CREATE INDEX", "CREATE INDEX t_n ON t (n);");
        row("VACUUM FULL", "VACUUM FULL t;");
        row("CLUSTER", "CLUSTER t USING t_pkey;");
        row("REINDEX", "REINDEX TABLE t;");
    }
    void everyRefusedStatementIsAFinding()
    {
        QFETCH(QByteArray, sql);
        QFETCH(QString, kind);
        const QByteArray script = "SELECT 1;\n  " + sql + "\n";
        QCOMPARE(refusedAt(script), QStringList{QStringLiteral("2:3")});
        const SqlSplitResult split = SqlSplitter::split(script);
        const QList<LintFinding> findings = SqlLinter::lintAll(script, split);
        bool found = false;
        for (const LintFinding &f : findings) {
            if (f.position.toString() != u"2:3" || f.suppressed)
                continue;
            if (!kind.isEmpty() && LintFinding::kindName(f.kind) != kind)
                continue;
            found = true;
            if (!kind.isEmpty() && kind != u"blocks_while_working")
                QCOMPARE(f.severity, LintFinding::Severity::Danger);
        }
        QVERIFY2(found, qPrintable(describe(findings).join(u'\n')));
        // on a table the file creates, neither refuses (it is not in the database yet)
    }

    // A table the file creates is not in the database: neither the gate's sizes nor lint count it.
    void aNewTableIsNoFinding()
    {
        const QByteArray sql = "CREATE TABLE t (id int);\nALTER TABLE t SET UNLOGGED;\n"
                               "ALTER TABLE t ADD PRIMARY KEY USING INDEX t_i;\n";
        const SqlSplitResult split = SqlSplitter::split(sql);
        QCOMPARE(describe(SqlLinter::lint(sql, split)), QStringList());
    }

    // squawk's rules, as warnings with squawk's ids, the column types at the type.
    void squawkRulesAreWarningsWithTheirIds()
    {
        const QByteArray sql
            = "CREATE TABLE IF NOT EXISTS a (id serial, code varchar(3), at timestamp,\n"
              "  c char(2), n integer, t text, b bigint, z timestamptz);\n"
              "ALTER TABLE a ALTER COLUMN t DROP NOT NULL;\n"
              "ALTER TYPE mood ADD VALUE 'meh';\n"
              "ALTER TYPE mood ADD VALUE 'ok' AFTER 'meh';\n";
        const SqlSplitResult split = SqlSplitter::split(sql);
        QCOMPARE(
            describe(SqlLinter::lintAll(sql, split)),
            (QStringList{"prefer-identity warning @1:34", "prefer-bigint-over-int warning @1:34",
                         "prefer-text-field warning @1:47", "prefer-timestamp-tz warning @1:62",
                         "ban-char-field warning @2:5", "prefer-bigint-over-int warning @2:16",
                         "ban-drop-not-null warning @3:1",
                         "require-enum-value-ordering warning @4:1"}));
        // SqlLinter::lint, the safety rules alone, has none of them
        QCOMPARE(describe(SqlLinter::lint(sql, split)), QStringList());
    }

    // prefer-robust-stmts: outside a transaction only, as squawk reads it.
    void preferRobustStmtsOutsideATransaction()
    {
        const QByteArray body = "CREATE TABLE b (id bigint);\n"
                                "CREATE INDEX CONCURRENTLY IF NOT EXISTS b_i ON b (id);\n"
                                "ALTER TABLE c ADD COLUMN IF NOT EXISTS x text;\n"
                                "ALTER TABLE c DROP CONSTRAINT IF EXISTS c_x;\n"
                                "ALTER TABLE c ADD CONSTRAINT c_x CHECK (x <> '') NOT VALID;\n"
                                "DROP TABLE d;\n";
        const QByteArray noTx = "-- uaip:no-transaction\n" + body;
        QStringList robust;
        for (const QString &d : describe(SqlLinter::lintAll(noTx, SqlSplitter::split(noTx))))
            if (d.startsWith(u"prefer-robust-stmts"))
                robust << d;
        QCOMPARE(
            robust,
            (QStringList{"prefer-robust-stmts warning @2:1", "prefer-robust-stmts warning @7:1"}));
        for (const QString &d : describe(SqlLinter::lintAll(body, SqlSplitter::split(body))))
            QVERIFY2(!d.startsWith(u"prefer-robust-stmts"), qPrintable(d));
    }

    // -- uaip:allow RULE REASON suppresses that rule's finding of the statement below (only that
    // one); an allowance matching nothing is a warning of its own.
    void allowSuppressesOneRuleOfOneStatement()
    {
        const QByteArray sql = "-- uaip:allow prefer-text-field ISO 3166 codes, never longer\n"
                               "ALTER TABLE a ADD COLUMN cc varchar(2);\n"
                               "ALTER TABLE a ADD COLUMN dd varchar(2);\n"
                               "-- uaip:allow rewrites_table\t an empty staging table\n"
                               "-- (a comment between is fine)\n"
                               "ALTER TABLE s SET UNLOGGED;\n"
                               "-- uaip:allow set_not_null nothing to match\n"
                               "SELECT 1;\n"
                               "-- uaip:allow no-such-rule a typo\n"
                               "SELECT 2;\n";
        const SqlSplitResult split = SqlSplitter::split(sql);
        const QList<LintFinding> findings = SqlLinter::lintAll(sql, split);
        QCOMPARE(
            describe(findings),
            (QStringList{"prefer-text-field warning @2:29 suppressed",
                         "prefer-text-field warning @3:29", "rewrites_table danger @6:1 suppressed",
                         "unused_allow warning @7:1", "unused_allow warning @9:1"}));
        QCOMPARE(findings.first().allowReason, QStringLiteral("ISO 3166 codes, never longer"));
        QCOMPARE(findings.at(2).allowReason, QStringLiteral("an empty staging table"));
        QVERIFY2(findings.last().message.contains(QStringLiteral("names no lint rule")),
                 qPrintable(findings.last().message));
    }

    // The CLI: lint lists the suppressed finding with its reason (text and --json), counts it
    // neither as danger nor warning; a missing reason is an error naming file:line; up records
    // the allowance in the ledger's event.
    void allowInTheCliAndTheLedger()
    {
        TestDatabase db;
        MigrationFolder f;
        f.add(QStringLiteral("0001_codes"),
              "CREATE TABLE codes (id bigint PRIMARY KEY);\n"
              "-- uaip:allow prefer-text-field ISO codes\n"
              "ALTER TABLE codes ADD COLUMN cc varchar(2);\n",
              "DROP TABLE codes;\n");
        const Run text = migrate({QStringLiteral("--dir"), f.path(), QStringLiteral("lint")});
        QCOMPARE(text.exitCode, 0);
        QVERIFY2(text.out.contains(QStringLiteral("0001_codes/up.sql:3:33: suppressed "
                                                  "[prefer-text-field]")),
                 qPrintable(text.out));
        QVERIFY2(text.out.contains(QStringLiteral("(suppressed: ISO codes)")),
                 qPrintable(text.out));
        QVERIFY2(text.out.contains(QStringLiteral("0 danger, 0 warning")), qPrintable(text.out));
        const Run json = migrate({QStringLiteral("--dir"), f.path(), QStringLiteral("--json"),
                                  QStringLiteral("lint"), QStringLiteral("--fail-on"),
                                  QStringLiteral("warning")});
        QCOMPARE(json.exitCode, 0);
        const QList<QJsonObject> items = findingsOf(json);
        QCOMPARE(items.size(), 1);
        QCOMPARE(items.first().value(QStringLiteral("kind")).toString(),
                 QStringLiteral("prefer-text-field"));
        QCOMPARE(items.first().value(QStringLiteral("suppressed")).toBool(), true);
        QCOMPARE(items.first().value(QStringLiteral("reason")).toString(),
                 QStringLiteral("ISO codes"));

        const Run up = migrate(on(db, f.path()) << QStringLiteral("up"));
        QVERIFY2(up.exitCode == 0, qPrintable(up.err));
        const QJsonArray allowed
            = QJsonDocument::fromJson(db.scalar("SELECT detail FROM "
                                                "uaip_ledger.uaip_migration_events WHERE version "
                                                "= '0001' AND outcome = 'ok'")
                                          .toUtf8())
                  .object()
                  .value(QStringLiteral("allow"))
                  .toArray();
        QCOMPARE(allowed.size(), 1);
        QCOMPARE(allowed.first().toObject().value(QStringLiteral("rule")).toString(),
                 QStringLiteral("prefer-text-field"));
        QCOMPARE(allowed.first().toObject().value(QStringLiteral("reason")).toString(),
                 QStringLiteral("ISO codes"));

        MigrationFolder bad;
        bad.add(QStringLiteral("0001_bad"),
                "SELECT 1;\n-- uaip:allow prefer-text-field\nALTER TABLE a ADD b varchar(2);\n",
                "SELECT 1;\n");
        const Run refused = migrate({QStringLiteral("--dir"), bad.path(), QStringLiteral("lint")});
        QVERIFY(refused.exitCode != 0);
        QVERIFY2((refused.out + refused.err).contains(QStringLiteral("0001_bad/up.sql")),
                 qPrintable(refused.out + refused.err));
        QVERIFY2((refused.out + refused.err)
                     .contains(QStringLiteral("line 2: uaip:allow needs a "
                                              "rule and a reason")),
                 qPrintable(refused.out + refused.err));
    }

    // lint --db: SET NOT NULL of a column a validated CHECK (column IS NOT NULL) proves does not
    // scan (as the dry run says); without the CHECK, or with one NOT VALID, it does.
    void lintDbKnowsAValidatedCheckSparesSetNotNull()
    {
        TestDatabase db;
        for (const char *sql :
             {"CREATE TABLE proven (a int, b int, c int)",
              "ALTER TABLE proven ADD CONSTRAINT a_nn CHECK (a IS NOT NULL)",
              "ALTER TABLE proven ADD CONSTRAINT c_nn CHECK (c IS NOT NULL) NOT VALID"})
            QVERIFY2(db.witness().exec(sql).ok(), sql);
        MigrationFolder f;
        f.add(QStringLiteral("0001_nn"),
              "ALTER TABLE proven ALTER COLUMN a SET NOT NULL;\n"
              "ALTER TABLE proven ALTER COLUMN b SET NOT NULL;\n"
              "ALTER TABLE proven ALTER COLUMN c SET NOT NULL;\n",
              "SELECT 1;\n");
        const Run r
            = migrate(on(db, f.path()) << QStringLiteral("--json") << QStringLiteral("lint"));
        QCOMPARE(r.exitCode, 0);
        QStringList seen;
        for (const QJsonObject &o : findingsOf(r))
            if (o.value(QStringLiteral("kind")).toString() == u"set_not_null")
                seen << QStringLiteral("%1 %2")
                            .arg(o.value(QStringLiteral("line")).toInt())
                            .arg(o.value(QStringLiteral("suppressed_by")).toString());
        QCOMPARE(seen, (QStringList{"1 check", "2 ", "3 "}));
    }

    // The forecast's foreign-key note: not for a constraint PostgreSQL named as a primary key,
    // unique or check constraint; for any other name it says "if".
    void foreignKeyNoteOnlyWhereItMayBeOne()
    {
        const auto notes = [](const QByteArray &sql) {
            const PgParseTree tree = PgParseTree::parse(sql);
            return StatementLockForecast::of(tree.statements().first().node).notes.join(u' ');
        };
        QVERIFY(!notes("ALTER TABLE users DROP CONSTRAINT users_pkey").contains(u"foreign key"));
        QVERIFY(!notes("ALTER TABLE users DROP CONSTRAINT users_email_key").contains(u"foreign"));
        QVERIFY(notes("ALTER TABLE o DROP CONSTRAINT o_user_id_fkey").contains(u"foreign key"));
    }

    // With the database, the dry run knows: a primary key of any name gets no foreign-key note,
    // a foreign key of any name gets a certain one.
    void dryRunTellsAForeignKeyDropFromAPrimaryKeyDrop()
    {
        TestDatabase db;
        MigrationFolder f;
        f.add(QStringLiteral("0001_t"),
              "CREATE TABLE parent (id bigint CONSTRAINT pk_parent PRIMARY KEY);\n"
              "CREATE TABLE child (id bigint, p bigint CONSTRAINT child_parent REFERENCES "
              "parent);\n",
              "DROP TABLE child, parent;\n");
        f.add(QStringLiteral("0002_drop"),
              "ALTER TABLE child DROP CONSTRAINT child_parent;\n"
              "ALTER TABLE parent DROP CONSTRAINT pk_parent;\n",
              "SELECT 1;\n");
        QCOMPARE(migrate(on(db, f.path())
                         << QStringLiteral("up") << QStringLiteral("--to") << QStringLiteral("1"))
                     .exitCode,
                 0);
        const Run r = migrate(on(db, f.path()) << QStringLiteral("--json") << QStringLiteral("up")
                                               << QStringLiteral("--dry-run"));
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QStringList notes;
        for (const QJsonValue &step : r.json().value(QStringLiteral("plan")).toArray())
            for (const QJsonValue &st :
                 step.toObject().value(QStringLiteral("statements")).toArray())
                notes << QStringLiteral("%1: %2")
                             .arg(st.toObject().value(QStringLiteral("line")).toInt())
                             .arg(st.toObject()
                                      .value(QStringLiteral("notes"))
                                      .toVariant()
                                      .toStringList()
                                      .join(u' '));
        QVERIFY2(notes.join(u'\n').contains(
                     QStringLiteral("1: child_parent is a foreign key: dropping it")),
                 qPrintable(notes.join(u'\n')));
        for (const QString &n : notes)
            QVERIFY2(!(n.startsWith(u"2:") && n.contains(u"foreign key")), qPrintable(n));
    }

    // End to end: up refuses SET UNLOGGED on a table over --max-blocking-rows, and lint names the
    // same statement as a danger.
    void upRefusesWhatLintReports()
    {
        TestDatabase db;
        MigrationFolder f;
        f.add(QStringLiteral("0001_t"),
              "CREATE TABLE big (id bigint PRIMARY KEY);\n"
              "INSERT INTO big SELECT g FROM generate_series(1, 2000) g;\n",
              "DROP TABLE big;\n");
        f.add(QStringLiteral("0002_unlogged"), "ALTER TABLE big SET UNLOGGED;\n", "SELECT 1;\n");
        QCOMPARE(migrate(on(db, f.path())
                         << QStringLiteral("up") << QStringLiteral("--to") << QStringLiteral("1"))
                     .exitCode,
                 0);
        QVERIFY(db.witness().exec("ANALYZE big").ok());
        const Run up = migrate(on(db, f.path()) << QStringLiteral("--max-blocking-rows")
                                                << QStringLiteral("1000") << QStringLiteral("up"));
        QCOMPARE(up.exitCode, 2);
        QVERIFY2(up.err.contains(QStringLiteral("0002_unlogged/up.sql:1:1")), qPrintable(up.err));
        const Run lint = migrate({QStringLiteral("--dir"), f.path(), QStringLiteral("lint"),
                                  QStringLiteral("--fail-on"), QStringLiteral("danger")});
        QCOMPARE(lint.exitCode, 3);
        QVERIFY2(lint.out.contains(QStringLiteral("0002_unlogged/up.sql:1:1: danger "
                                                  "[rewrites_table]")),
                 qPrintable(lint.out));
    }

    // Issue 59 leftover 2: lint --db gives the verdict up gives on this database. CREATE INDEX
    // without CONCURRENTLY on a table over --max-blocking-rows is a danger saying up refuses it
    // and why (its rows and size); within the limit, or without --db, a warning as before.
    void lintDbJudgesABigTableAsUpDoes()
    {
        TestDatabase db;
        MigrationFolder f;
        f.add(QStringLiteral("0001_t"),
              "CREATE TABLE big (id bigint PRIMARY KEY, v bigint);\n"
              "INSERT INTO big SELECT g, g FROM generate_series(1, 2000) g;\n"
              "CREATE INDEX big_id_v ON big (id, v);\n", // its own table: no finding
              "DROP TABLE big;\n");
        f.add(QStringLiteral("0002_index"), "CREATE INDEX big_v ON big (v);\n",
              "DROP INDEX big_v;\n");
        QCOMPARE(migrate(on(db, f.path())
                         << QStringLiteral("up") << QStringLiteral("--to") << QStringLiteral("1"))
                     .exitCode,
                 0);
        QVERIFY(db.witness().exec("ANALYZE big").ok());
        const auto verdict = [&](const QStringList &args) {
            const Run r
                = migrate(QStringList(args)
                          << QStringLiteral("--json") << QStringLiteral("lint")
                          << QStringLiteral("--max-blocking-rows") << QStringLiteral("1000"));
            QStringList seen;
            for (const QJsonObject &o : findingsOf(r))
                if (o.value(QStringLiteral("kind")).toString()
                    == u"create_index_without_concurrently")
                    seen << QStringLiteral("%1 %2 %3")
                                .arg(o.value(QStringLiteral("migration")).toString(),
                                     o.value(QStringLiteral("severity")).toString(),
                                     o.value(QStringLiteral("message"))
                                             .toString()
                                             .contains(QStringLiteral("up refuses it"))
                                         ? QStringLiteral("refused")
                                         : QStringLiteral("-"));
            return seen;
        };
        QCOMPARE(verdict(on(db, f.path())), QStringList{"0002_index danger refused"});
        QCOMPARE(verdict({QStringLiteral("--dir"), f.path()}), QStringList{"0002_index warning -"});
        const Run text = migrate(on(db, f.path())
                                 << QStringLiteral("lint") << QStringLiteral("--max-blocking-rows")
                                 << QStringLiteral("1000"));
        QCOMPARE(text.exitCode, 0); // --fail-on not given
        const QString line
            = text.out.section(QStringLiteral("0002_index/up.sql:1:1: "), 1).section(u'\n', 0, 0);
        QVERIFY2(line.startsWith(QStringLiteral("danger [create_index_without_concurrently]"))
                     && line.contains(QStringLiteral("up refuses it on this database"))
                     && line.contains(QStringLiteral(" rows"))
                     && line.contains(QStringLiteral("SHARE")),
                 qPrintable(text.out));
        // up agrees
        const Run up = migrate(on(db, f.path()) << QStringLiteral("--max-blocking-rows")
                                                << QStringLiteral("1000") << QStringLiteral("up"));
        QCOMPARE(up.exitCode, 2);
        // within the default limit (100,000 rows) both let it through: a warning
        const Run within
            = migrate(on(db, f.path()) << QStringLiteral("--json") << QStringLiteral("lint"));
        for (const QJsonObject &o : findingsOf(within))
            QVERIFY2(o.value(QStringLiteral("severity")).toString() == u"warning"
                         || o.value(QStringLiteral("kind")).toString()
                             != u"create_index_without_concurrently",
                     qPrintable(within.out));
    }
};

QTEST_GUILESS_MAIN(TestLintParity)
#include "tst_lintparity.moc"
