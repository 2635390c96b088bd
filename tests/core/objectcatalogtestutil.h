#pragma once

// Shared by tst_objectcatalog and tst_uaipmigrateddl: a database with one object of every kind
// the object browser shows (names with a double quote, a semicolon, a line feed and a carriage
// return among them), pg_dump's and pg_dumpall's view of it, and the normalization the
// comparison uses: every statement parsed by libpg_query and compared as its parse tree without
// the locations, so whitespace, comments, identifier quoting, redundant parentheses and
// dollar-quote tags do not count, and everything else does (the order of a CREATE FUNCTION's
// options too); pg_dump's SET statements, its set_config call and ALTER ... OWNER TO are left out
// on both sides (tst_objectddl compares owners, privileges and storage statement by statement),
// and psql meta-commands (\restrict) are not SQL.
#include "testcluster.h"
#include "testdatabase.h"

#include "db/pgconnection.h"
#include "db/sandbox.h"
#include "sqlparse/pgparsetree.h"

#include <pg_query.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <QProcess>
#include <QRandomGenerator>
#include <QtTest>

namespace uaip::test {

// A table and a column whose names hold a quote, a semicolon, a line feed and a carriage return.
inline const QString kOddTable = QStringLiteral("we\"ird;\n\rname");
inline const QString kOddColumn = QStringLiteral("co\"l;\r\n");

inline QByteArray quoted(const QString &name)
{
    QString q = name;
    q.replace(u'"', QStringLiteral("\"\""));
    return (u'"' + q + u'"').toUtf8();
}

// One object of every kind in schema app (and citext in public), as a script.
inline QByteArray fixtureScript()
{
    QByteArray s = R"(
CREATE EXTENSION citext;
CREATE SCHEMA app;
COMMENT ON SCHEMA app IS 'the app''s schema';
CREATE TYPE app.mood AS ENUM ('sad', 'ok', 'hap''py');
COMMENT ON TYPE app.mood IS 'how it feels';
CREATE TYPE app.pair AS (a integer, b text COLLATE "C");
CREATE DOMAIN app.posint AS integer DEFAULT 1 NOT NULL CONSTRAINT posint_check CHECK (VALUE > 0);
CREATE SEQUENCE app.counter AS integer START 5 INCREMENT 2 MAXVALUE 1000 CYCLE;
CREATE FUNCTION app.add(a integer, b integer DEFAULT 1) RETURNS integer
    LANGUAGE sql IMMUTABLE STRICT AS $$ SELECT a + b $$;
COMMENT ON FUNCTION app.add(integer, integer) IS 'adds';
CREATE FUNCTION app.add(a text) RETURNS text LANGUAGE sql AS $$ SELECT a || '!' $$;
CREATE FUNCTION app.touch() RETURNS trigger LANGUAGE plpgsql
    AS $$ BEGIN NEW.updated := now(); RETURN NEW; END $$;
CREATE PROCEDURE app.reset(IN n integer) LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = pg_catalog AS $$ BEGIN PERFORM n; END $$;
CREATE TABLE app.parent (id serial PRIMARY KEY);
CREATE TABLE app.items (
  id bigint GENERATED ALWAYS AS IDENTITY,
  parent_id integer REFERENCES app.parent(id) ON DELETE CASCADE,
  name text COLLATE "C" NOT NULL DEFAULT 'x',
  email public.citext,
  mood app.mood,
  qty app.posint,
  total numeric(10,2) GENERATED ALWAYS AS (qty * 2) STORED,
  updated timestamptz,
  CONSTRAINT items_pkey PRIMARY KEY (id),
  CONSTRAINT items_name_key UNIQUE (name),
  CONSTRAINT items_qty_check CHECK (qty < 100)
);
ALTER TABLE app.items ADD CONSTRAINT items_total_check CHECK (total >= 0) NOT VALID;
CREATE INDEX items_lower_name ON app.items (lower(name)) WHERE qty > 1;
COMMENT ON INDEX app.items_lower_name IS 'by name';
CREATE TRIGGER items_touch BEFORE UPDATE ON app.items FOR EACH ROW EXECUTE FUNCTION app.touch();
ALTER TABLE app.items ENABLE ROW LEVEL SECURITY;
CREATE POLICY items_own ON app.items FOR SELECT TO PUBLIC USING (qty > 0);
CREATE POLICY items_write ON app.items AS RESTRICTIVE FOR UPDATE USING (true) WITH CHECK (qty < 50);
COMMENT ON TABLE app.items IS 'the items';
COMMENT ON COLUMN app.items.name IS 'its name';
COMMENT ON CONSTRAINT items_qty_check ON app.items IS 'small';
CREATE TABLE app.events (id integer NOT NULL, at date NOT NULL, note text) PARTITION BY RANGE (at);
CREATE TABLE app.events_2024 PARTITION OF app.events
    FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
ALTER TABLE app.events ADD CONSTRAINT events_pkey PRIMARY KEY (id, at);
CREATE INDEX events_at ON app.events (at);
CREATE VIEW app.item_names AS SELECT i.id, i.name FROM app.items i WHERE i.qty > 1;
COMMENT ON VIEW app.item_names IS 'names';
CREATE MATERIALIZED VIEW app.item_counts AS
    SELECT mood, count(*) AS n FROM app.items GROUP BY mood WITH NO DATA;
CREATE INDEX item_counts_mood ON app.item_counts (mood);
)";
    s += "CREATE TABLE app." + quoted(kOddTable) + " (" + quoted(kOddColumn)
        + " integer PRIMARY KEY, x text DEFAULT E'a\\r\\nb;');\n";
    s += "COMMENT ON TABLE app." + quoted(kOddTable) + " IS E'odd\\r\\none';\n";
    return s;
}

// A role of its own for a test (roles belong to the cluster), dropped on destruction.
class FixtureRole
{
public:
    explicit FixtureRole(TestDatabase &db)
        : m_db(db)
        , m_name(QStringLiteral("oc \"r\" %1")
                     .arg(QRandomGenerator::global()->generate(), 8, 16, QLatin1Char('0')))
    {
        const QByteArray q = quoted(m_name);
        const PgResult r = m_db.witness().execScript("CREATE ROLE " + q
                                                     + " LOGIN CONNECTION LIMIT 3; COMMENT ON ROLE "
                                                     + q + " IS 'a role';");
        if (!r.ok())
            qFatal("role: %s", qPrintable(r.error().toString()));
    }
    ~FixtureRole() { m_db.witness().exec("DROP ROLE IF EXISTS " + quoted(m_name)); }
    QString name() const { return m_name; }

private:
    TestDatabase &m_db;
    QString m_name;
};

inline void applyFixture(TestDatabase &db)
{
    const PgResult r = db.witness().execScript(fixtureScript());
    if (!r.ok())
        qFatal("fixture: %s", qPrintable(r.error().toString()));
}

// A client tool of the server's (pg_dump, pg_dumpall) and its output; fails the test run when
// the tool fails.
inline QByteArray runTool(const QString &tool, const QStringList &args)
{
    QProcess p;
    p.start(Sandbox::serverBinDir() + u'/' + tool, args);
    if (!p.waitForFinished(60000) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0)
        qFatal("%s failed: %s", qPrintable(tool), p.readAllStandardError().constData());
    return p.readAllStandardOutput();
}

// A parse tree as JSON without its locations: two texts of the same statement give the same.
inline QJsonValue withoutLocations(const QJsonValue &value)
{
    if (value.isArray()) {
        QJsonArray out;
        for (const QJsonValue &v : value.toArray())
            out.append(withoutLocations(v));
        return out;
    }
    if (!value.isObject())
        return value;
    QJsonObject out;
    const QJsonObject o = value.toObject();
    for (auto it = o.begin(); it != o.end(); ++it)
        if (it.key() != u"location" && it.key() != u"stmt_location" && it.key() != u"stmt_len")
            out.insert(it.key(), withoutLocations(it.value()));
    return out;
}

// pg_dump's session settings and ownership: compared by tst_objectddl, not here.
inline bool leftOut(const QJsonObject &stmt)
{
    const QString kind = stmt.keys().value(0);
    if (kind == u"VariableSetStmt" || kind == u"AlterOwnerStmt"
        || kind == u"SelectStmt") // SELECT pg_catalog.set_config('search_path', '', false)
        return true;
    if (kind != u"AlterTableStmt")
        return false;
    const QJsonArray cmds = stmt.value(kind).toObject().value(QStringLiteral("cmds")).toArray();
    for (const QJsonValue &c : cmds)
        if (c.toObject()
                .value(QStringLiteral("AlterTableCmd"))
                .toObject()
                .value(QStringLiteral("subtype"))
            != QStringLiteral("AT_ChangeOwner"))
            return false;
    return !cmds.isEmpty();
}

// One statement normalized: its parse tree without locations (what is compared) and its text
// with runs of white space made one blank (what a failure shows).
struct Statement
{
    QString tree;
    QString text;
    bool operator<(const Statement &other) const { return tree < other.tree; }
    bool operator==(const Statement &other) const { return tree == other.tree; }
};

// The statements of a script, normalized (see the top of this file), in their order.
inline QList<Statement> normalized(const QByteArray &script)
{
    QByteArray sql;
    for (const QByteArray &line : script.split('\n'))
        if (!line.startsWith('\\'))
            sql += line + '\n';
    PgQueryParseResult parsed = pg_query_parse(sql.constData());
    if (parsed.error)
        qFatal("cannot parse: %s\n%s", parsed.error->message, sql.constData());
    const QJsonArray stmts = QJsonDocument::fromJson(parsed.parse_tree)
                                 .object()
                                 .value(QStringLiteral("stmts"))
                                 .toArray();
    pg_query_free_parse_result(parsed);
    QList<Statement> out;
    for (const QJsonValue &v : stmts) {
        const QJsonObject raw = v.toObject();
        const QJsonObject stmt = raw.value(QStringLiteral("stmt")).toObject();
        if (leftOut(stmt))
            continue;
        const int at = raw.value(QStringLiteral("stmt_location")).toInt();
        const int length = raw.value(QStringLiteral("stmt_len")).toInt();
        const QByteArray text = length ? sql.mid(at, length) : sql.mid(at);
        out.append(
            {QString::fromUtf8(
                 QJsonDocument(withoutLocations(stmt).toObject()).toJson(QJsonDocument::Compact)),
             QString::fromUtf8(text).simplified()});
    }
    return out;
}

inline QList<Statement> sorted(QList<Statement> list)
{
    std::sort(list.begin(), list.end());
    return list;
}

// Whether two lists hold the same statements (in any order); if not, a warning names those
// only one of them has.
inline bool sameStatements(const QString &what, const QList<Statement> &ours,
                           const QList<Statement> &theirs)
{
    if (sorted(ours) == sorted(theirs))
        return true;
    QString message = what + QStringLiteral(": the statements differ");
    for (const Statement &s : ours)
        if (!theirs.contains(s))
            message += QStringLiteral("\n  only ours:    ") + s.text;
    for (const Statement &s : theirs)
        if (!ours.contains(s))
            message += QStringLiteral("\n  only pg_dump: ") + s.text;
    qWarning().noquote() << message;
    return false;
}

// pg_dump's -t pattern for exactly schema.name (quoted parts are literal).
inline QString dumpPattern(const QString &schema, const QString &name)
{
    return QString::fromUtf8(quoted(schema) + '.' + quoted(name));
}

inline QByteArray dumpSchema(const TestDatabase &db, const QStringList &extra = {})
{
    return runTool(QStringLiteral("pg_dump"),
                   QStringList{QStringLiteral("--schema-only"), QStringLiteral("-d"), db.conninfo()}
                       + extra);
}

} // namespace uaip::test
