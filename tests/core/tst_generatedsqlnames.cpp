// Issue 36, point 9, as a property: whatever the names, a generated migration runs exactly the
// statements the generator meant. Each round makes one schema of objects of every kind the
// generator writes (schema, enum, domain and its CHECK, composite type, sequence, tables,
// columns, primary key, unique, check and foreign key constraints, indexes, a view, a
// materialized view and its index, functions, a procedure, an aggregate, a trigger, a rule, a
// policy, partitions, an identity, a disabled trigger, a sequence OWNED BY, comments, grants
// and revokes, an owner), every name and label and comment text drawn from a
// seeded generator of hostile text (CR, LF, CRLF, other control characters, "*/", "$$", ";",
// quotes, "--", "uaip:" directives, U+2028, bidi overrides; never NUL, which PostgreSQL
// refuses), then changes it (a rename, enum values added and removed, a type change held back,
// a table dropped, a view and a comment changed). Five files per round are rendered (created
// from nothing, dropped to nothing, the change, and the downs), each under a hostile header,
// and read with libpg_query: their statements must be exactly the steps' that are not held
// back, in order, and their uaip: directives exactly the script's.
#include "db/pgconnection.h"
#include "drift/ddlcatalog.h"
#include "drift/migrationgenerator.h"
#include "sqlparse/migrationdirectives.h"
#include "sqlparse/pgparsetree.h"
#include "sqlparse/pgtreewalk.h"
#include "sqlparse/sqlsplitter.h"
#include "testdatabase.h"

#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QScopeGuard>
#include <QtTest>

using namespace uaip;
using namespace uaip::test;

namespace {

constexpr quint32 kSeed = 36;
constexpr int kRounds = 20;

// Hostile names: pieces that end comments, open and close quotes, comments and dollar
// quotes, look like directives or statements, or show as line breaks.
class HostileText
{
public:
    explicit HostileText(quint32 seed)
        : m_random(seed)
    { }

    // 1..63 bytes of UTF-8 (PostgreSQL cuts longer names), no NUL, unique in this round.
    QString name(int maxBytes = 63)
    {
        for (;;) {
            const QString n = draw(maxBytes);
            if (!n.isEmpty() && !m_used.contains(n)) {
                m_used.insert(n);
                ++m_count;
                return n;
            }
        }
    }
    // Free text (a comment, a string constant): may repeat, may be longer.
    QString text() { return draw(200); }
    void newRound() { m_used.clear(); }
    int count() const { return m_count; }

private:
    QString draw(int maxBytes)
    {
        static const QStringList pieces{
            QStringLiteral("\r"),
            QStringLiteral("\n"),
            QStringLiteral("\r\n"),
            QStringLiteral("\n\r"),
            QStringLiteral("*/"),
            QStringLiteral("/*"),
            QStringLiteral("$$"),
            QStringLiteral("$x$"),
            QStringLiteral(";"),
            QStringLiteral("'"),
            QStringLiteral("\""),
            QStringLiteral("--"),
            QStringLiteral("\\"),
            QStringLiteral("uaip:no-transaction"),
            QStringLiteral("uaip:lock-timeout=1ms"),
            QStringLiteral("\nCREATE ROLE uaip_x;--"),
            QStringLiteral("\rDROP TABLE t;--"),
            QStringLiteral("E'"),
            QStringLiteral("U&\""),
            QStringLiteral(" "),
            QString(QChar(0x2028)),
            QString(QChar(0x2029)),
            QString(QChar(0x202e)),
            QString(QChar(0x85)),
            QStringLiteral("\v"),
            QStringLiteral("\f"),
            QStringLiteral("\x1b[2J"),
            QStringLiteral("\t"),
            QStringLiteral("é"),
        };
        const int length = 1 + int(m_random.bounded(12));
        QByteArray out;
        for (int i = 0; i < length; ++i) {
            QByteArray piece;
            switch (m_random.bounded(3)) {
            case 0: // any ASCII but NUL
                piece = QByteArray(1, char(1 + m_random.bounded(127)));
                break;
            case 1: // a letter, so names are not only punctuation
                piece = QByteArray(1, char('a' + m_random.bounded(26)));
                break;
            default:
                piece = pieces[m_random.bounded(int(pieces.size()))].toUtf8();
            }
            if (out.size() + piece.size() > maxBytes)
                break;
            out += piece;
        }
        return QString::fromUtf8(out);
    }

    QRandomGenerator m_random;
    QSet<QString> m_used;
    int m_count = 0;
};

QString ident(const QString &name)
{
    return u'"' + QString(name).replace(u'"', QStringLiteral("\"\"")) + u'"';
}

QString literal(const QString &text)
{
    return u'\'' + QString(text).replace(u'\'', QStringLiteral("''")) + u'\'';
}

// The statements of a file: libpg_query's split (its text) and its parse (the kinds).
struct Parsed
{
    QStringList texts;
    QStringList kinds;
    QString error;
};

Parsed parse(const QByteArray &sql)
{
    Parsed p;
    const SqlSplitResult split = SqlSplitter::split(sql);
    if (!split.ok()) {
        p.error = split.error->toString();
        return p;
    }
    for (const SqlStatement &s : split.statements)
        p.texts << QString::fromUtf8(s.text);
    const PgParseTree tree = PgParseTree::parse(sql);
    if (!tree.ok()) {
        p.error = tree.errorMessage();
    } else {
        for (const PgStatementNode &statement : tree.statements())
            p.kinds << PgTreeWalk::kind(statement.node);
    }
    return p;
}

// The names of one round, drawn from HostileText and quoted; l1..l4 are enum labels as literals.
struct RoundNames
{
    QString s, e, e2, d, dc, ct, q, t, u, pk, uq, ck, fk, ix, v, mv, mix, f, pr, ag, tf, tr, ru, po,
        ci, ce, cd, cx, cg, cn, ui, ut, vc, pa, a1, a2, x2, nc, pt, pt1, pk1, id2;
    QString l1, l2, l3, l4;

    static RoundNames draw(HostileText &hostile)
    {
        RoundNames r;
        for (QString *name :
             {&r.s,  &r.e,  &r.e2, &r.d,  &r.dc, &r.ct,  &r.q,   &r.t,   &r.u,  &r.pk, &r.uq,
              &r.ck, &r.fk, &r.ix, &r.v,  &r.mv, &r.mix, &r.f,   &r.pr,  &r.ag, &r.tf, &r.tr,
              &r.ru, &r.po, &r.ci, &r.ce, &r.cd, &r.cx,  &r.cg,  &r.cn,  &r.ui, &r.ut, &r.vc,
              &r.pa, &r.a1, &r.a2, &r.x2, &r.nc, &r.pt,  &r.pt1, &r.pk1, &r.id2})
            *name = ident(hostile.name());
        for (QString *label : {&r.l1, &r.l2, &r.l3, &r.l4})
            *label = literal(hostile.name());
        return r;
    }
};

// The objects of one round: a schema with one object of every kind the generator writes, each
// named by the round's hostile names, with hostile literals in defaults, checks and comments.
QString makeTypesAndTables(const RoundNames &names, HostileText &hostile)
{
    const auto lit = [&] { return literal(hostile.text()); };
    const QString &s = names.s;
    const QString &e = names.e;
    const QString &e2 = names.e2;
    const QString &d = names.d;
    const QString &dc = names.dc;
    const QString &ct = names.ct;
    const QString &q = names.q;
    const QString &t = names.t;
    const QString &u = names.u;
    const QString &pk = names.pk;
    const QString &uq = names.uq;
    const QString &ck = names.ck;
    const QString &fk = names.fk;
    const QString &ix = names.ix;
    const QString &v = names.v;
    const QString &mv = names.mv;
    const QString &mix = names.mix;
    const QString &ci = names.ci;
    const QString &ce = names.ce;
    const QString &cd = names.cd;
    const QString &cx = names.cx;
    const QString &cg = names.cg;
    const QString &cn = names.cn;
    const QString &ui = names.ui;
    const QString &ut = names.ut;
    const QString &vc = names.vc;
    const QString &a1 = names.a1;
    const QString &a2 = names.a2;
    const QString &l1 = names.l1;
    const QString &l2 = names.l2;
    const QString &l3 = names.l3;
    const QString q_ = s + u'.';
    return QStringList{
        QStringLiteral("CREATE SCHEMA %1;").arg(s),
        QStringLiteral("CREATE TYPE %1%2 AS ENUM (%3, %4, %5);").arg(q_, e, l1, l2, l3),
        QStringLiteral("CREATE TYPE %1%2 AS ENUM (%3);").arg(q_, e2, l1),
        QStringLiteral("CREATE DOMAIN %1%2 AS int CONSTRAINT %3 CHECK (VALUE > 0);").arg(q_, d, dc),
        QStringLiteral("CREATE TYPE %1%2 AS (%3 int, %4 text);").arg(q_, ct, a1, a2),
        QStringLiteral("CREATE SEQUENCE %1%2;").arg(q_, q),
        QStringLiteral("CREATE TABLE %1%2 (%3 int CONSTRAINT %4 PRIMARY KEY, %5 %1%6 "
                       "DEFAULT %7, %8 %1%9, %10 text DEFAULT %11 CONSTRAINT %12 CHECK "
                       "(%10 <> %13), %14 bigint DEFAULT nextval(%15), %16 int "
                       "GENERATED ALWAYS AS (%3 * 2) STORED);")
            .arg(q_, t, ci, pk, ce, e, l1, cd, d, cx, lit(), ck, lit(), cn, literal(q_ + q), cg),
        QStringLiteral("CREATE TABLE %1%2 (%3 int CONSTRAINT %4 UNIQUE, %5 int "
                       "CONSTRAINT %6 REFERENCES %1%7 (%8));")
            .arg(q_, u, ui, uq, ut, fk, t, ci),
        QStringLiteral("CREATE INDEX %1 ON %2%3 (lower(%4)) WHERE %4 <> %5;")
            .arg(ix, q_, t, cx, lit()),
        QStringLiteral("CREATE VIEW %1%2 AS SELECT %3 AS %4, %5 FROM %1%6;")
            .arg(q_, v, ci, vc, cx, t),
        QStringLiteral("CREATE MATERIALIZED VIEW %1%2 AS SELECT %3 FROM %1%4;").arg(q_, mv, ci, t),
        QStringLiteral("CREATE INDEX %1 ON %2%3 (%4);").arg(mix, q_, mv, ci),
    }
        .join(u'\n');
}

// The rest: routines, triggers, rules, policies, comments, grants, partitions.
QString makeObjectsAndGrants(const RoundNames &names, HostileText &hostile, const QString &role)
{
    const auto lit = [&] { return literal(hostile.text()); };
    const QString &s = names.s;
    const QString &e = names.e;
    const QString &q = names.q;
    const QString &t = names.t;
    const QString &u = names.u;
    const QString &ck = names.ck;
    const QString &ix = names.ix;
    const QString &f = names.f;
    const QString &pr = names.pr;
    const QString &ag = names.ag;
    const QString &tf = names.tf;
    const QString &tr = names.tr;
    const QString &ru = names.ru;
    const QString &po = names.po;
    const QString &cx = names.cx;
    const QString &cn = names.cn;
    const QString &pa = names.pa;
    const QString &pt = names.pt;
    const QString &pt1 = names.pt1;
    const QString &pk1 = names.pk1;
    const QString &id2 = names.id2;
    const QString q_ = s + u'.';
    return QStringList{
        QStringLiteral("CREATE FUNCTION %1%2(%3 int) RETURNS text LANGUAGE sql AS %4;")
            .arg(q_, f, pa, literal(QStringLiteral("SELECT %1::text").arg(lit()))),
        QStringLiteral("CREATE PROCEDURE %1%2() LANGUAGE sql AS %3;")
            .arg(q_, pr, literal(QStringLiteral("SELECT %1").arg(lit()))),
        QStringLiteral("CREATE AGGREGATE %1%2 (int) (sfunc = int4pl, stype = int);").arg(q_, ag),
        QStringLiteral("CREATE FUNCTION %1%2() RETURNS trigger LANGUAGE plpgsql AS "
                       "'BEGIN RETURN NEW; END';")
            .arg(q_, tf),
        QStringLiteral("CREATE TRIGGER %1 BEFORE INSERT ON %2%3 FOR EACH ROW EXECUTE "
                       "FUNCTION %2%4();")
            .arg(tr, q_, t, tf),
        QStringLiteral("CREATE RULE %1 AS ON DELETE TO %2%3 DO INSTEAD NOTHING;").arg(ru, q_, u),
        QStringLiteral("ALTER TABLE %1%2 ENABLE ROW LEVEL SECURITY;").arg(q_, t),
        QStringLiteral("CREATE POLICY %1 ON %2%3 USING (%4 <> %5);").arg(po, q_, t, cx, lit()),
        QStringLiteral("COMMENT ON SCHEMA %1 IS %2;").arg(s, lit()),
        QStringLiteral("COMMENT ON TABLE %1%2 IS %3;").arg(q_, t, lit()),
        QStringLiteral("COMMENT ON COLUMN %1%2.%3 IS %4;").arg(q_, t, cx, lit()),
        QStringLiteral("COMMENT ON INDEX %1%2 IS %3;").arg(q_, ix, lit()),
        QStringLiteral("COMMENT ON CONSTRAINT %1 ON %2%3 IS %4;").arg(ck, q_, t, lit()),
        QStringLiteral("COMMENT ON TRIGGER %1 ON %2%3 IS %4;").arg(tr, q_, t, lit()),
        QStringLiteral("COMMENT ON FUNCTION %1%2(int) IS %3;").arg(q_, f, lit()),
        QStringLiteral("COMMENT ON TYPE %1%2 IS %3;").arg(q_, e, lit()),
        QStringLiteral("GRANT USAGE ON SCHEMA %1 TO %2;").arg(s, ident(role)),
        QStringLiteral("GRANT SELECT ON %1%2 TO %3;").arg(q_, t, ident(role)),
        QStringLiteral("GRANT UPDATE (%1) ON %2%3 TO %4;").arg(cx, q_, t, ident(role)),
        QStringLiteral("ALTER TABLE %1%2 OWNER TO %3;").arg(q_, u, ident(role)),
        QStringLiteral("CREATE TABLE %1%2 (%3 int, v text) PARTITION BY LIST (%3);")
            .arg(q_, pt, pk1),
        QStringLiteral("CREATE TABLE %1%2 PARTITION OF %1%3 FOR VALUES IN (1);").arg(q_, pt1, pt),
        QStringLiteral("ALTER TABLE %1%2 ADD COLUMN %3 int GENERATED BY DEFAULT AS "
                       "IDENTITY;")
            .arg(q_, u, id2),
        QStringLiteral("ALTER TABLE %1%2 DISABLE TRIGGER %3;").arg(q_, t, tr),
        QStringLiteral("ALTER SEQUENCE %1%2 OWNED BY %1%3.%4;").arg(q_, q, t, cn),
        QStringLiteral("REVOKE EXECUTE ON FUNCTION %1%2(int) FROM PUBLIC;").arg(q_, f),
        QStringLiteral("GRANT EXECUTE ON FUNCTION %1%2(int) TO %3;").arg(q_, f, ident(role)),
        QStringLiteral("GRANT USAGE ON TYPE %1%2 TO %3;").arg(q_, e, ident(role)),
    }
        .join(u'\n');
}

QString makeScript(const RoundNames &names, HostileText &hostile, const QString &role)
{
    return makeTypesAndTables(names, hostile) + u'\n' + makeObjectsAndGrants(names, hostile, role);
}

// What changes between "before" and "after" in one round (n draws new names for added columns).
QString changeScript(const RoundNames &names, HostileText &hostile)
{
    const auto n = [&] { return ident(hostile.name()); };
    const auto lit = [&] { return literal(hostile.text()); };
    const QString &s = names.s;
    const QString &e = names.e;
    const QString &e2 = names.e2;
    const QString &d = names.d;
    const QString &t = names.t;
    const QString &u = names.u;
    const QString &v = names.v;
    const QString &mv = names.mv;
    const QString &ci = names.ci;
    const QString &ce = names.ce;
    const QString &cd = names.cd;
    const QString &cx = names.cx;
    const QString &cn = names.cn;
    const QString &vc = names.vc;
    const QString &x2 = names.x2;
    const QString &nc = names.nc;
    const QString &l1 = names.l1;
    const QString &l2 = names.l2;
    const QString &l4 = names.l4;
    const QString q_ = s + u'.';
    return QStringList{
        QStringLiteral("ALTER TABLE %1%2 RENAME COLUMN %3 TO %4;").arg(q_, t, cn, x2),
        QStringLiteral("ALTER TYPE %1%2 ADD VALUE %3;").arg(q_, e2, l4),
        // enum values removed: the type made again, its column converted
        QStringLiteral("ALTER TYPE %1%2 RENAME TO %3;").arg(q_, e, nc),
        QStringLiteral("CREATE TYPE %1%2 AS ENUM (%3, %4);").arg(q_, e, l2, l1),
        QStringLiteral("ALTER TABLE %1%2 ALTER COLUMN %3 DROP DEFAULT;").arg(q_, t, ce),
        QStringLiteral("ALTER TABLE %1%2 ALTER COLUMN %3 TYPE %1%4 USING "
                       "%3::text::%1%4;")
            .arg(q_, t, ce, e),
        QStringLiteral("ALTER TABLE %1%2 ALTER COLUMN %3 SET DEFAULT %4;").arg(q_, t, ce, l2),
        QStringLiteral("DROP TYPE %1%2;").arg(q_, nc),
        QStringLiteral("ALTER TABLE %1%2 ALTER COLUMN %3 TYPE smallint;").arg(q_, t, cd),
        QStringLiteral("ALTER TABLE %1%2 ADD COLUMN %3 text DEFAULT %4;").arg(q_, t, n(), lit()),
        QStringLiteral("CREATE OR REPLACE VIEW %1%2 AS SELECT %3 AS %4, %5, %6::text AS "
                       "%7 FROM %1%8;")
            .arg(q_, v, ci, vc, cx, lit(), n(), t),
        QStringLiteral("COMMENT ON TABLE %1%2 IS %3;").arg(q_, t, lit()),
        QStringLiteral("ALTER DOMAIN %1%2 SET DEFAULT 5;").arg(q_, d),
        QStringLiteral("DROP MATERIALIZED VIEW %1%2;").arg(q_, mv),
        QStringLiteral("DROP TABLE %1%2;").arg(q_, u),
    }
        .join(u'\n');
}

} // namespace

class TestGeneratedSqlNames : public QObject
{
    Q_OBJECT

public:
    // What one round renders: files, statements checked, and what failed.
    int files = 0;
    int statements = 0;
    int commentLines = 0;

private:
    TestDatabase *m_replay = nullptr;
    int m_replayed = 0;

public:
    // The statements the script means to run: its steps not held back, each read on its own,
    // with "SET LOCAL check_function_bodies = off" first where it writes functions and
    // "SELECT 1" where every step is held back.
    void checkRendered(const GeneratedScript &script, const QString &header, const QString &what)
    {
        const QByteArray file = script.render(header).toUtf8();
        ++files;
        QStringList texts, kinds;
        bool functions = false;
        for (const DdlStep &s : script.steps) {
            if (s.heldBack)
                continue;
            const Parsed one = parse(s.sql.toUtf8());
            QVERIFY2(one.error.isEmpty(),
                     qPrintable(what + QStringLiteral(": ") + one.error + u'\n' + s.sql));
            texts += one.texts;
            kinds += one.kinds;
            functions
                = functions || (s.key.startsWith(u"function ") && s.sql.startsWith(u"CREATE"));
        }
        if (functions && !script.noTransaction) {
            texts.prepend(QStringLiteral("SET LOCAL check_function_bodies = off"));
            kinds.prepend(QStringLiteral("VariableSetStmt"));
        }
        if (script.steps.size() == script.heldBackCount()) {
            texts << QStringLiteral("SELECT 1");
            kinds << QStringLiteral("SelectStmt");
        }
        const Parsed all = parse(file);
        const auto show = [&] { return what + u'\n' + QString::fromUtf8(file); };
        QVERIFY2(all.error.isEmpty(), qPrintable(all.error + u'\n' + show()));
        QVERIFY2(
            all.texts.size() == texts.size(),
            qPrintable(
                QStringLiteral("%1 statements, %2 meant: ").arg(all.texts.size()).arg(texts.size())
                + show()));
        QVERIFY2(all.texts == texts, qPrintable(show()));
        QVERIFY2(all.kinds == kinds, qPrintable(show()));
        statements += int(texts.size());

        const auto directives = MigrationDirectives::parse(file);
        QVERIFY2(
            directives,
            qPrintable((directives ? QString() : directives.error().toString()) + u'\n' + show()));
        QCOMPARE(directives->noTransaction, script.noTransaction);
        QVERIFY(!directives->lockTimeoutMs);
        for (const QByteArray &line : file.split('\n'))
            commentLines += line.startsWith("--") ? 1 : 0;
    }

    // Runs a rendered file on the replay database and compares its catalog with 'expected':
    // the same objects made by the same SQL, except what is left as it is.
    void replay(const QByteArray &file, const DdlCatalog &expected, const QSet<QString> &leftAsIs)
    {
        const PgResult r = m_replay->witness().execScript("BEGIN;\n" + file + "\nCOMMIT;");
        QVERIFY2(r.ok(), qPrintable(r.error().toString() + u'\n' + QString::fromUtf8(file)));
        const auto got = DdlCatalog::take(m_replay->witness());
        QVERIFY2(got, qPrintable(got ? QString() : got.error().toString()));
        const auto left = [&](const QString &key) {
            if (leftAsIs.contains(key))
                return true;
            for (const QString &a : expected.ancestors(key))
                if (leftAsIs.contains(a))
                    return true;
            return false;
        };
        for (const DdlObject &o : expected.objects()) {
            const DdlObject *g = got->find(o.key());
            QVERIFY2(
                left(o.key()) || (g && g->createSql == o.createSql),
                qPrintable(QStringLiteral("%1 %2 after the file:\n%3")
                               .arg(o.key(),
                                    g ? QStringLiteral("differs") : QStringLiteral("is missing"),
                                    QString::fromUtf8(file))));
        }
        for (const DdlObject &o : got->objects())
            QVERIFY2(expected.find(o.key()),
                     qPrintable(QStringLiteral("%1 is not expected:\n%2")
                                    .arg(o.key(), QString::fromUtf8(file))));
        ++m_replayed;
    }

private slots:
    void hostileNamesStayInTheirQuotesAndComments()
    {
        TestDatabase db;
        TestDatabase replayDb;
        m_replay = &replayDb;
        PgConnection &c = db.witness();
        HostileText hostile(kSeed);
        // One hostile role for grants and an owner (roles are cluster-wide: this run's own).
        const QString role = db.name() + u'_' + hostile.name(63 - int(db.name().size()) - 1);
        QVERIFY(c.exec(QStringLiteral("CREATE ROLE %1 NOLOGIN").arg(ident(role)).toUtf8()).ok());
        const auto dropRole = qScopeGuard([&] {
            c.execScript(
                QStringLiteral("DROP OWNED BY %1; DROP ROLE %1").arg(ident(role)).toUtf8());
        });
        const auto empty = DdlCatalog::take(c);
        QVERIFY2(empty, qPrintable(empty ? QString() : empty.error().toString()));

        QElapsedTimer timer;
        timer.start();
        for (int round = 0; round < kRounds; ++round) {
            hostile.newRound();
            const RoundNames names = RoundNames::draw(hostile);
            const QString &s = names.s;
            const QString q_ = s + u'.';
            const QString make = makeScript(names, hostile, role);
            PgResult r = c.execScript(make.toUtf8());
            QVERIFY2(r.ok(), qPrintable(r.error().toString() + u'\n' + make));
            const auto before = DdlCatalog::take(c);
            QVERIFY2(before, qPrintable(before ? QString() : before.error().toString()));

            const QString change = changeScript(names, hostile);
            r = c.execScript(change.toUtf8());
            QVERIFY2(r.ok(), qPrintable(r.error().toString() + u'\n' + change));
            const auto after = DdlCatalog::take(c);
            QVERIFY2(after, qPrintable(after ? QString() : after.error().toString()));

            const QString header
                = QStringLiteral("round %1 of database %2").arg(round).arg(hostile.text());
            const GeneratedScript made = MigrationGenerator::up(*empty, *before);
            checkRendered(made, header, QStringLiteral("round %1: made").arg(round));
            const GeneratedScript unmade = MigrationGenerator::down(*before, *empty, made.leftAsIs);
            checkRendered(unmade, header, QStringLiteral("round %1: made, down").arg(round));
            // Run on another database, the files make the same objects (the names quoted
            // right, not only parsed) and drop them again; only the aggregate is not generated.
            replay(made.render(header).toUtf8(), *before, made.leftAsIs);
            replay(unmade.render(header).toUtf8(), *empty, made.leftAsIs);
            checkRendered(MigrationGenerator::up(*before, *empty), header,
                          QStringLiteral("round %1: dropped (held back)").arg(round));
            const GeneratedScript changed = MigrationGenerator::up(*before, *after);
            checkRendered(changed, header, QStringLiteral("round %1: changed").arg(round));
            checkRendered(MigrationGenerator::down(*after, *before, changed.leftAsIs), header,
                          QStringLiteral("round %1: changed, down").arg(round));
            if (QTest::currentTestFailed())
                return;
            QVERIFY(c.exec(QStringLiteral("DROP SCHEMA %1 CASCADE;").arg(s).toUtf8()).ok());
        }
        qInfo("%d hostile names in %d rounds: %d files rendered, %d statements and %d comment "
              "lines checked, %d files run, in %lld ms",
              hostile.count(), kRounds, files, statements, commentLines, m_replayed,
              timer.elapsed());
    }
};

QTEST_GUILESS_MAIN(TestGeneratedSqlNames)
#include "tst_generatedsqlnames.moc"
