// uaip-test: no database (a pure test: CTest runs it without the PostgreSQL fixture)
// The insights' rules without a server: which statements the index advisor reads and the
// columns it takes from their typed parse tree (aliases, joins, sort keys, $n), the candidates
// it builds and the ones an existing index already serves; which indexes are unused, duplicate,
// covered or invalid, never one a constraint stands on; what a missing extension's fix says.
#include "indexadvice/indexcandidates.h"
#include "indexadvice/indexhealthrules.h"
#include "insights/insightscapabilities.h"
#include "insights/queryshapereader.h"
#include "insights/typedliteralrewrite.h"

#include "db/sqlresource.h"

#include <QRegularExpression>

#include <QTest>

using namespace uaip;

namespace {

IndexInfo index(const QString &name, const QStringList &keys, int keyCount = -1)
{
    IndexInfo i;
    i.oid = qint64(qHash(name) % 100000);
    i.schema = QStringLiteral("public");
    i.table = QStringLiteral("events");
    i.name = name;
    i.definition = QStringLiteral("CREATE INDEX %1 ON public.events USING btree (%2)")
                       .arg(name, keys.join(QStringLiteral(", ")));
    i.accessMethod = QStringLiteral("btree");
    i.keyCount = keyCount < 0 ? int(keys.size()) : keyCount;
    for (const QString &k : keys) {
        i.keys << QString::number(qHash(k) % 1000 + 1);
        i.operatorClasses << QStringLiteral("3124");
        i.collations << QStringLiteral("0");
    }
    i.columnNames = keys;
    return i;
}

ResolvedTable table(const QString &name, const QStringList &columns)
{
    return {name,   qint64(qHash(name) % 100000), QStringLiteral("public"),
            name,   QStringLiteral("r"),          1000,
            columns};
}

QStringList kinds(const QList<IndexFinding> &findings)
{
    QStringList out;
    for (const IndexFinding &f : findings)
        out << IndexFinding::kindName(f.kind) + u':' + f.index;
    out.sort();
    return out;
}

} // namespace

class TestInsightsRules : public QObject
{
    Q_OBJECT
private slots:
    void shapeOfAJoinWithAliases()
    {
        const Result<QueryShape> s = QueryShapeReader::read(
            QStringLiteral("SELECT e.* FROM events e JOIN \"Agents\" a ON a.id = e.agent_id "
                           "WHERE e.kind = $1 AND e.created_at > $2 ORDER BY e.created_at "
                           "DESC LIMIT $3"));
        QVERIFY2(s, qPrintable(s ? QString() : s.error().toString()));
        QCOMPARE(s->parameters, 3);
        QCOMPARE(s->relationNames(),
                 (QStringList{QStringLiteral("events"), QStringLiteral("\"Agents\"")}));
        QStringList columns;
        for (const QueryShape::Column &c : s->columns)
            columns << c.qualifier + u'.' + c.name + u'/' + QString::number(int(c.use));
        QCOMPARE(columns,
                 (QStringList{QStringLiteral("a.id/0"), QStringLiteral("e.agent_id/0"),
                              QStringLiteral("e.kind/0"), QStringLiteral("e.created_at/1"),
                              QStringLiteral("e.created_at/2")}));
    }

    // pg_stat_statements' `interval $1` is written `$1::interval` so it parses and prepares
    void typedLiteralsBecomeCasts()
    {
        QCOMPARE(TypedLiteralRewrite::preparable(QStringLiteral(
                     "SELECT 1 FROM t WHERE at > now() - interval $1 AND d = date $2 LIMIT $3")),
                 QStringLiteral(
                     "SELECT 1 FROM t WHERE at > now() - $1::interval AND d = $2::date LIMIT $3"));
        QCOMPARE(TypedLiteralRewrite::preparable(
                     QStringLiteral("SELECT timestamp with time zone $1, public.mood $2")),
                 QStringLiteral("SELECT $1::timestamp with time zone, $2::public.mood"));
        const QString plain = QStringLiteral("SELECT * FROM t WHERE a = $1 OFFSET $2");
        QCOMPARE(TypedLiteralRewrite::preparable(plain), plain);
        const Result<QueryShape> s = QueryShapeReader::read(
            QStringLiteral("SELECT a FROM t WHERE at > now() - interval $1 AND b = $2"));
        QVERIFY2(s, qPrintable(s ? QString() : s.error().toString()));
        QCOMPARE(s->parameters, 2);
        QVERIFY(s->text.contains(QLatin1String("$1::interval")));
    }

    void statementsTheAdvisorLeavesAlone()
    {
        // the code's name, "read" when the statement was read
        const auto codeOf = [](const char *query) {
            const Result<QueryShape> s = QueryShapeReader::read(QLatin1String(query));
            return s ? QStringLiteral("read") : errorCodeName(s.error().code());
        };
        QCOMPARE(codeOf("INSERT INTO t VALUES ($1)"), QStringLiteral("refused"));
        QCOMPARE(codeOf("UPDATE t SET a = $1"), QStringLiteral("refused"));
        const Result<QueryShape> two = QueryShapeReader::read(QStringLiteral("SELECT 1; SELECT 2"));
        QVERIFY(!two);
        QCOMPARE(two.error().code(), ErrorCode::BadInput);
        QCOMPARE(two.error().arg(QStringLiteral("statements")).toInt(), 2);
        QCOMPARE(codeOf("SELECT * FROM pg_class WHERE oid = $1"), QStringLiteral("not-found"));
        const Result<QueryShape> bad = QueryShapeReader::read(QStringLiteral("SELECT FROM WHERE"));
        QVERIFY(!bad);
        QCOMPARE(bad.error().code(), ErrorCode::BadInput);
        QCOMPARE(bad.error().arg(QStringLiteral("line")).toInt(), 1);
        QVERIFY(bad.error().arg(QStringLiteral("column")).toInt() > 1);
        QCOMPARE(codeOf("DELETE FROM t WHERE a IN ($1, $2)"), QStringLiteral("read"));
    }

    void candidatesLeadWithEqualityAndSkipWhatExists()
    {
        const Result<QueryShape> s = QueryShapeReader::read(
            QStringLiteral("SELECT * FROM events WHERE agent_id = $1 AND kind = $2 "
                           "ORDER BY created_at DESC LIMIT $3"));
        QVERIFY(s);
        const QHash<QString, ResolvedTable> tables{
            {QStringLiteral("events"),
             table(QStringLiteral("events"),
                   {QStringLiteral("agent_id"), QStringLiteral("kind"),
                    QStringLiteral("created_at")})}};
        QStringList got;
        for (const IndexCandidate &c : IndexCandidates::of(*s, tables, {}))
            got << c.columns.join(u',');
        QCOMPARE(got,
                 (QStringList{QStringLiteral("agent_id"), QStringLiteral("kind"),
                              QStringLiteral("created_at"), QStringLiteral("agent_id,kind"),
                              QStringLiteral("agent_id,created_at"),
                              QStringLiteral("kind,agent_id"), QStringLiteral("kind,created_at"),
                              QStringLiteral("agent_id,kind,created_at")}));
        // an index on (agent_id, kind) already serves agent_id and agent_id,kind
        got.clear();
        for (const IndexCandidate &c :
             IndexCandidates::of(*s, tables,
                                 {index(QStringLiteral("x"),
                                        {QStringLiteral("agent_id"), QStringLiteral("kind")})}))
            got << c.columns.join(u',');
        QVERIFY(!got.contains(QStringLiteral("agent_id")));
        QVERIFY(!got.contains(QStringLiteral("agent_id,kind")));
        QVERIFY(got.contains(QStringLiteral("agent_id,created_at")));
    }

    void candidateNamesAndStatementsAreQuoted()
    {
        const IndexCandidate c{1,
                               QStringLiteral("my schema"),
                               QStringLiteral("Ev\"ents"),
                               {QStringLiteral("select"), QStringLiteral("a;b")},
                               QString()};
        // never IF NOT EXISTS: a hand-made index of that name makes it fail, not pass over
        QCOMPARE(c.statement(),
                 QStringLiteral("CREATE INDEX CONCURRENTLY \"Ev\"\"ents_select_a;b_idx\" "
                                "ON \"my schema\".\"Ev\"\"ents\" (\"select\", \"a;b\");"));
        QCOMPARE(
            c.downStatement(),
            QStringLiteral(
                "DROP INDEX CONCURRENTLY IF EXISTS \"my schema\".\"Ev\"\"ents_select_a;b_idx\";"));
        const IndexCandidate longName{
            1, QStringLiteral("s"), QString(60, u'\u00e9'), {QStringLiteral("c")}, QString()};
        QVERIFY(longName.indexName().toUtf8().size() <= 63);
        QVERIFY(!longName.indexName().contains(QChar::ReplacementCharacter));
        for (int k : {1, 9, 42})
            QVERIFY(longName.generatedName(k).toUtf8().size() <= 63);
        QVERIFY(longName.generatedName(42).endsWith(QLatin1String("_idx42")));
        QVERIFY(longName.generatedName(42).startsWith(longName.generatedStem()));
        QVERIFY(longName.generatedName(0).startsWith(longName.generatedStem()));
    }

    void indexFindings()
    {
        IndexInfo pkey = index(QStringLiteral("events_pkey"), {QStringLiteral("a")});
        pkey.primary = pkey.unique = pkey.backsConstraint = true;
        IndexInfo dupOfPkey = index(QStringLiteral("events_a_idx"), {QStringLiteral("a")});
        dupOfPkey.scans = 5;
        IndexInfo ab
            = index(QStringLiteral("events_ab"), {QStringLiteral("a"), QStringLiteral("b")});
        ab.scans = 3;
        IndexInfo b = index(QStringLiteral("events_b"), {QStringLiteral("b")});
        b.scans = 1;
        IndexInfo bc
            = index(QStringLiteral("events_bc"), {QStringLiteral("b"), QStringLiteral("c")});
        bc.scans = 9;
        IndexInfo unusedUnique = index(QStringLiteral("events_c_key"), {QStringLiteral("c")});
        unusedUnique.unique = unusedUnique.backsConstraint = true;
        IndexInfo unused = index(QStringLiteral("events_d"), {QStringLiteral("d")});
        IndexInfo invalid = index(QStringLiteral("events_e"), {QStringLiteral("e")});
        invalid.valid = false;
        IndexInfo leftover = index(QStringLiteral("events_e_ccnew"), {QStringLiteral("e")});
        leftover.valid = false;
        const QList<IndexFinding> f = IndexHealthRules::findings(
            {pkey, dupOfPkey, ab, b, bc, unusedUnique, unused, invalid, leftover});
        QCOMPARE(kinds(f),
                 (QStringList{
                     QStringLiteral("covered:events_b"), QStringLiteral("duplicate:events_a_idx"),
                     QStringLiteral("invalid:events_e"), QStringLiteral("invalid:events_e_ccnew"),
                     QStringLiteral("unused:events_d")}));
        for (const IndexFinding &x : f) {
            if (x.kind == IndexFinding::Kind::Duplicate)
                QCOMPARE(x.other, QStringLiteral("events_pkey"));
            if (x.index == QLatin1String("events_e"))
                QCOMPARE(x.statement,
                         QStringLiteral("REINDEX INDEX CONCURRENTLY public.events_e;"));
            if (x.index == QLatin1String("events_e_ccnew"))
                QVERIFY(x.statement.startsWith(QLatin1String("DROP INDEX CONCURRENTLY")));
            if (x.kind == IndexFinding::Kind::Unused)
                QCOMPARE(x.down,
                         QStringLiteral("CREATE INDEX CONCURRENTLY events_d ON "
                                        "public.events USING btree (d);"));
        }
        // of two alike, the first by name stays; a different predicate is not a duplicate
        IndexInfo x1 = index(QStringLiteral("x1"), {QStringLiteral("f")});
        IndexInfo x2 = index(QStringLiteral("x2"), {QStringLiteral("f")});
        x1.scans = x2.scans = 1;
        QCOMPARE(kinds(IndexHealthRules::findings({x2, x1})),
                 QStringList{QStringLiteral("duplicate:x2")});
        x2.predicate = QStringLiteral("(f > 0)");
        QVERIFY(IndexHealthRules::findings({x2, x1}).isEmpty());
    }

    // what the attack found: sort order and NULLS NOT DISTINCT tell indexes apart; the index
    // that stays is the one scanned, never one proposed unused; partitions and locked tables
    // are left alone
    void findingsNeverDropBothOrADistinctOne()
    {
        IndexInfo asc = index(QStringLiteral("t_ab"), {QStringLiteral("a"), QStringLiteral("b")});
        IndexInfo desc
            = index(QStringLiteral("t_ab_desc"), {QStringLiteral("a"), QStringLiteral("b")});
        asc.sortOptions = {QStringLiteral("0"), QStringLiteral("0")};
        desc.sortOptions = {QStringLiteral("0"), QStringLiteral("3")};
        asc.scans = desc.scans = 4;
        QVERIFY(IndexHealthRules::findings({asc, desc}).isEmpty());
        IndexInfo u1 = index(QStringLiteral("u_plain"), {QStringLiteral("a")});
        IndexInfo u2 = index(QStringLiteral("u_nnd"), {QStringLiteral("a")});
        u1.unique = u2.unique = true;
        u2.nullsNotDistinct = true;
        u1.scans = u2.scans = 1;
        QVERIFY(IndexHealthRules::findings({u1, u2}).isEmpty());
        // two alike, only the second scanned: the first goes, once
        IndexInfo a = index(QStringLiteral("e4_a"), {QStringLiteral("a")});
        IndexInfo z = index(QStringLiteral("e4_z"), {QStringLiteral("a")});
        z.scans = 1;
        QCOMPARE(kinds(IndexHealthRules::findings({a, z})),
                 QStringList{QStringLiteral("duplicate:e4_a")});
        // (a) scanned, (a, b) never: (a, b) is the unused one, (a) stays
        IndexInfo ea = index(QStringLiteral("e3_a"), {QStringLiteral("a")});
        IndexInfo eab = index(QStringLiteral("e3_a_b"), {QStringLiteral("a"), QStringLiteral("b")});
        ea.scans = 7;
        QCOMPARE(kinds(IndexHealthRules::findings({ea, eab})),
                 QStringList{QStringLiteral("unused:e3_a_b")});
        // a deferrable primary key does not make an immediate unique index a duplicate
        IndexInfo pk = index(QStringLiteral("d_pkey"), {QStringLiteral("id")});
        pk.unique = pk.primary = pk.backsConstraint = true;
        pk.immediate = false;
        IndexInfo imm = index(QStringLiteral("d_id_imm"), {QStringLiteral("id")});
        imm.unique = true;
        pk.scans = imm.scans = 1;
        QVERIFY(IndexHealthRules::findings({pk, imm}).isEmpty());
        IndexInfo part = index(QStringLiteral("p1_b_idx"), {QStringLiteral("b")});
        part.partition = true;
        IndexInfo locked = index(QStringLiteral("l_b"), {QStringLiteral("b")});
        locked.locked = true;
        QVERIFY(IndexHealthRules::findings({part, locked}).isEmpty());
    }

    // The console's statements are told apart in pg_stat_statements by their first line: no
    // first line may hold a placeholder the code replaces.
    void everyStatementsFirstLineIsItsOwn()
    {
        const QStringList lines = SqlResource::firstLines();
        QVERIFY(lines.size() > 100);
        static const QRegularExpression placeholder(QStringLiteral("%[A-Z]+%"));
        for (const QString &l : lines)
            QVERIFY2(!placeholder.match(l).hasMatch(), qPrintable(l));
        QVERIFY(lines.contains(QStringLiteral(
            "-- The generic plan of the index advisor's prepared statement, every parameter "
            "unknown: the")));
    }

    void bloatOnlyWhenRead()
    {
        IndexInfo i = index(QStringLiteral("i"), {QStringLiteral("a")});
        IndexFinding f;
        QVERIFY(!IndexHealthRules::bloated(i, &f));
        i.leafDensity = 30;
        i.leafFragmentation = 12;
        i.bytes = 90 * 1024 * 1024;
        QVERIFY(IndexHealthRules::bloated(i, &f));
        QCOMPARE(f.statement, QStringLiteral("REINDEX INDEX CONCURRENTLY public.i;"));
        QVERIFY2(f.evidence.contains(QLatin1String("30.0%")), qPrintable(f.evidence));
    }

    void howToEnableNamesTheFix()
    {
        InsightsCapabilities none = InsightsCapabilities::of(
            QStringLiteral(""), QStringLiteral("pg_stat_statements,pgstattuple"), QString());
        QVERIFY(!none.ready(QStringLiteral("pg_stat_statements")));
        const QString s = none.howToEnable(QStringLiteral("pg_stat_statements"));
        QVERIFY2(s.contains(QLatin1String("shared_preload_libraries"))
                     && s.contains(QLatin1String("CREATE EXTENSION pg_stat_statements")),
                 qPrintable(s));
        QVERIFY(none.howToEnable(QStringLiteral("hypopg"))
                    .contains(QLatin1String("postgresql-15-hypopg")));
        // pgstattuple needs no preload
        QVERIFY(
            !none.howToEnable(QStringLiteral("pgstattuple")).contains(QLatin1String("preload")));
        const InsightsCapabilities ready = InsightsCapabilities::of(
            QStringLiteral("pg_stat_statements"), QStringLiteral("pg_stat_statements"),
            QStringLiteral("pg_stat_statements=ext"));
        QVERIFY(ready.ready(QStringLiteral("pg_stat_statements")));
        QCOMPARE(ready.schemaOf(QStringLiteral("pg_stat_statements")), QStringLiteral("ext"));
        QVERIFY(ready.howToEnable(QStringLiteral("pg_stat_statements")).isEmpty());
        // a role that may not read shared_preload_libraries: a created extension counts as
        // loaded (reading it says if it is not)
        const InsightsCapabilities hidden
            = InsightsCapabilities::of(QString(), QStringLiteral("pg_stat_statements"),
                                       QStringLiteral("pg_stat_statements=public"));
        QVERIFY(hidden.ready(QStringLiteral("pg_stat_statements")));
    }
};

QTEST_GUILESS_MAIN(TestInsightsRules)
#include "tst_insightsrules.moc"
