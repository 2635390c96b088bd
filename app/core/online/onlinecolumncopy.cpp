#include "onlinecolumncopy.h"

#include "onlinechangescripts.h"
#include "onlinesql.h"

#include "sqlparse/parsetreenames.h"
#include "util/sqlcomment.h"

#include <utility>

namespace uaip {

namespace {

QString ident(const QString &name)
{
    return OnlineSql::ident(name);
}

QString literal(const QString &text)
{
    return OnlineSql::literal(text);
}

QString header(const QStringList &directives, const QStringList &lines)
{
    return OnlineSql::header(directives, lines);
}

QString script(const QString &head, const QStringList &statements)
{
    return OnlineSql::script(head, statements);
}

const QString &kNoTransaction = OnlineSql::kNoTransaction;
const QString &kBatch = OnlineSql::kBatch;

} // namespace

OnlineColumnCopy::OnlineColumnCopy(Plan plan)
    : m_plan(std::move(plan))
{ }

QString OnlineColumnCopy::helperName(const QString &hash, const QString &suffix)
{
    return OnlineSql::helperName(hash, suffix);
}

QString OnlineColumnCopy::table() const
{
    return qualified(m_plan.table);
}

QString OnlineColumnCopy::qualified(const QString &name) const
{
    return ParseTreeNames::qualifiedName({m_plan.schema, name});
}

QString OnlineColumnCopy::tempIndex(qsizetype i) const
{
    return helperName(m_plan.hash, QStringLiteral("index_%1").arg(i + 1));
}

QString OnlineColumnCopy::trigger() const
{
    return helperName(m_plan.hash, QStringLiteral("sync"));
}

QString OnlineColumnCopy::function() const
{
    return helperName(m_plan.hash, QStringLiteral("sync"));
}

QString OnlineColumnCopy::check() const
{
    return helperName(m_plan.hash, QStringLiteral("not_null"));
}

QString OnlineColumnCopy::oldCheck() const
{
    return helperName(m_plan.hash, QStringLiteral("old_not_null"));
}

// A rename keeps both names equal whichever a writer uses; a type change computes the copy
// from the old column (the USING expression over the new row, as PostgreSQL would).
QString OnlineColumnCopy::syncFunction() const
{
    const QString a = ident(m_plan.old.name);
    const QString b = ident(m_plan.copy);
    QString body;
    if (!m_plan.typeChange)
        body = QStringLiteral("BEGIN\n"
                              "    IF TG_OP = 'INSERT' THEN\n"
                              "        IF NEW.%2 IS NULL THEN\n"
                              "            NEW.%2 := NEW.%1;\n"
                              "        ELSE\n"
                              "            NEW.%1 := NEW.%2;\n"
                              "        END IF;\n"
                              "    ELSIF NEW.%2 IS DISTINCT FROM OLD.%2 THEN\n"
                              "        NEW.%1 := NEW.%2;\n"
                              "    ELSE\n"
                              "        NEW.%2 := NEW.%1;\n"
                              "    END IF;\n"
                              "    RETURN NEW;\n"
                              "END\n")
                   .arg(a, b);
    else if (m_plan.usingExpr.isEmpty())
        body = QStringLiteral("BEGIN\n    NEW.%2 := NEW.%1;\n    RETURN NEW;\nEND\n").arg(a, b);
    else
        body = QStringLiteral("BEGIN\n    NEW.%1 := (SELECT (%2) FROM (SELECT NEW.*) AS %3);\n"
                              "    RETURN NEW;\nEND\n")
                   .arg(b, QString::fromUtf8(m_plan.usingExpr), ident(m_plan.table));
    // a dollar quote no name or expression of the body holds
    const QString tag = OnlineSql::dollarQuote(m_plan.hash, body);
    return QStringLiteral("CREATE FUNCTION %1() RETURNS trigger LANGUAGE plpgsql AS %2\n%3%2;")
        .arg(qualified(function()), tag, body);
}

QString OnlineColumnCopy::syncTrigger() const
{
    return QStringLiteral("CREATE TRIGGER %1 BEFORE INSERT OR UPDATE ON %2 FOR EACH ROW EXECUTE "
                          "FUNCTION %3();")
        .arg(ident(trigger()), table(), qualified(function()));
}

QString OnlineColumnCopy::backfill() const
{
    const QString a = ident(m_plan.old.name);
    const QString b = ident(m_plan.copy);
    if (!m_plan.typeChange)
        return QStringLiteral("UPDATE %1 SET %3 = %2 WHERE %3 IS DISTINCT FROM %2;")
            .arg(table(), a, b);
    const QString value
        = m_plan.usingExpr.isEmpty() ? a : u'(' + QString::fromUtf8(m_plan.usingExpr) + u')';
    return QStringLiteral("UPDATE %1 SET %2 = %3 WHERE %2 IS NULL;").arg(table(), b, value);
}

QString OnlineColumnCopy::indexOn(const OnlineCatalog::Index &index, const QString &column,
                                  const QString &name) const
{
    QString key = ident(column);
    if (!index.collation.isEmpty())
        key += QStringLiteral(" COLLATE ") + index.collation;
    if (!index.opclass.isEmpty())
        key += u' ' + index.opclass;
    if (index.descending)
        key += QStringLiteral(" DESC");
    if (index.descending != index.nullsFirst)
        key += index.nullsFirst ? QStringLiteral(" NULLS FIRST") : QStringLiteral(" NULLS LAST");
    QString sql = QStringLiteral("CREATE %1INDEX CONCURRENTLY %2 ON %3 USING %4 (%5)")
                      .arg(index.unique ? QStringLiteral("UNIQUE ") : QString(), ident(name),
                           table(), ident(index.method), key);
    if (index.nullsNotDistinct)
        sql += QStringLiteral(" NULLS NOT DISTINCT");
    QStringList options;
    for (const QString &option : index.options) {
        const qsizetype eq = option.indexOf(u'=');
        options << ident(option.left(eq)) + QStringLiteral(" = ") + literal(option.mid(eq + 1));
    }
    if (!options.isEmpty())
        sql += QStringLiteral(" WITH (%1)").arg(options.join(QStringLiteral(", ")));
    if (!index.tablespace.isEmpty())
        sql += QStringLiteral(" TABLESPACE ") + ident(index.tablespace);
    return sql + u';';
}

// The old column's SET STATISTICS target given to column (a column added has the default).
QString OnlineColumnCopy::statistics(const QString &column) const
{
    return QStringLiteral("ALTER TABLE %1 ALTER COLUMN %2 SET STATISTICS %3;")
        .arg(table(), ident(column), QString::number(m_plan.old.statistics));
}

// The old column's own grants given to column (a column added has none).
QStringList OnlineColumnCopy::grants(const QString &column) const
{
    QStringList out;
    for (const OnlineCatalog::Grant &g : m_plan.grants)
        out << QStringLiteral("GRANT %1 (%2) ON %3 TO %4%5;")
                   .arg(g.privilege, ident(column), table(),
                        g.grantee.isEmpty() ? QStringLiteral("PUBLIC") : ident(g.grantee),
                        g.grantable ? QStringLiteral(" WITH GRANT OPTION") : QString());
    return out;
}

// ADD CHECK (column IS NOT NULL) NOT VALID and VALIDATE it (no write waits while it scans);
// then, unless keepCheck, SET NOT NULL (the valid CHECK spares its scan) and DROP the CHECK.
QStringList OnlineColumnCopy::notNullThroughCheck(const QString &column, const QString &check,
                                                  bool keepCheck) const
{
    QStringList out{
        QStringLiteral("ALTER TABLE %1 ADD CONSTRAINT %2 CHECK (%3 IS NOT NULL) NOT VALID;")
            .arg(table(), ident(check), ident(column)),
        QStringLiteral("ALTER TABLE %1 VALIDATE CONSTRAINT %2;").arg(table(), ident(check))};
    if (!keepCheck)
        out << QStringLiteral("ALTER TABLE %1 ALTER COLUMN %2 SET NOT NULL;")
                   .arg(table(), ident(column))
            << QStringLiteral("ALTER TABLE %1 DROP CONSTRAINT %2;").arg(table(), ident(check));
    return out;
}

QString OnlineColumnCopy::expandUp(const QString &head) const
{
    QString add = QStringLiteral("ALTER TABLE %1 ADD COLUMN %2 %3;")
                      .arg(table(), ident(m_plan.copy), m_plan.copyType);
    QStringList out{add};
    if (m_plan.old.statistics >= 0)
        out << statistics(m_plan.copy);
    out << grants(m_plan.copy);
    out << syncFunction() << syncTrigger() << backfill();
    if (m_plan.old.notNull)
        out << notNullThroughCheck(m_plan.copy, check(), true);
    for (qsizetype i = 0; i < m_plan.indexes.size(); ++i)
        out << indexOn(m_plan.indexes.at(i), m_plan.copy, tempIndex(i));
    if (m_plan.old.comment)
        out << QStringLiteral("COMMENT ON COLUMN %1.%2 IS %3;")
                   .arg(table(), ident(m_plan.copy), literal(*m_plan.old.comment));
    return script(head, out);
}

QString OnlineColumnCopy::expandDown() const
{
    QStringList out;
    for (qsizetype i = 0; i < m_plan.indexes.size(); ++i)
        out << QStringLiteral("DROP INDEX CONCURRENTLY IF EXISTS %1;").arg(qualified(tempIndex(i)));
    out << QStringLiteral("DROP TRIGGER IF EXISTS %1 ON %2;").arg(ident(trigger()), table())
        << QStringLiteral("DROP FUNCTION IF EXISTS %1();").arg(qualified(function()))
        << QStringLiteral("ALTER TABLE %1 DROP CONSTRAINT IF EXISTS %2;")
               .arg(table(), ident(check()))
        << QStringLiteral("ALTER TABLE %1 DROP COLUMN IF EXISTS %2;")
               .arg(table(), ident(m_plan.copy));
    return script(
        header({kNoTransaction},
               {QString(),
                QStringLiteral("Online change, the expand undone: %1.").arg(m_plan.describe),
                QStringLiteral("Drops what the expand added (each IF EXISTS, so a "
                               "half-applied expand goes back too).")}),
        out);
}

QString OnlineColumnCopy::contractUp(const QString &head) const
{
    const QString b = ident(m_plan.copy);
    QStringList out{QStringLiteral("DROP TRIGGER %1 ON %2;").arg(ident(trigger()), table()),
                    QStringLiteral("DROP FUNCTION %1();").arg(qualified(function()))};
    if (m_plan.old.defaultExpr)
        out << QStringLiteral("ALTER TABLE %1 ALTER COLUMN %2 SET DEFAULT %3;")
                   .arg(table(), b, *m_plan.old.defaultExpr);
    if (m_plan.old.notNull)
        out << QStringLiteral("ALTER TABLE %1 ALTER COLUMN %2 SET NOT NULL;").arg(table(), b)
            << QStringLiteral("ALTER TABLE %1 DROP CONSTRAINT %2;").arg(table(), ident(check()));
    out << QStringLiteral("ALTER TABLE %1 DROP COLUMN %2;").arg(table(), ident(m_plan.old.name));
    if (m_plan.typeChange)
        out << QStringLiteral("ALTER TABLE %1 RENAME COLUMN %2 TO %3;")
                   .arg(table(), b, ident(m_plan.old.name));
    for (qsizetype i = 0; i < m_plan.indexes.size(); ++i)
        out << QStringLiteral("ALTER INDEX %1 RENAME TO %2;")
                   .arg(qualified(tempIndex(i)), ident(m_plan.indexes.at(i).name));
    return script(head, out);
}

QString OnlineColumnCopy::contractDown() const
{
    const QString a = ident(m_plan.old.name);
    const QString b = ident(m_plan.copy);
    QStringList out;
    for (qsizetype i = 0; i < m_plan.indexes.size(); ++i)
        out << QStringLiteral("ALTER INDEX %1 RENAME TO %2;")
                   .arg(qualified(m_plan.indexes.at(i).name), ident(tempIndex(i)));
    if (m_plan.typeChange)
        out << QStringLiteral("ALTER TABLE %1 RENAME COLUMN %2 TO %3;").arg(table(), a, b);
    QString type = m_plan.old.type;
    if (!m_plan.old.collation.isEmpty())
        type += QStringLiteral(" COLLATE ") + m_plan.old.collation;
    out << QStringLiteral("ALTER TABLE %1 ADD COLUMN %2 %3;").arg(table(), a, type);
    if (m_plan.old.statistics >= 0)
        out << statistics(m_plan.old.name);
    out << grants(m_plan.old.name);
    if (m_plan.typeChange)
        // back to the old type with a cast, before the trigger computes the copy again
        out << QStringLiteral("UPDATE %1 SET %2 = CAST(%3 AS %4) WHERE %2 IS NULL;")
                   .arg(table(), a, b, m_plan.old.type);
    out << syncFunction() << syncTrigger();
    if (m_plan.typeChange) // the rows written through the old column's name meanwhile
        out << backfill();
    else // the old column filled from the new (the trigger keeps the new one as it is)
        out << QStringLiteral("UPDATE %1 SET %2 = %3 WHERE %2 IS DISTINCT FROM %3;")
                   .arg(table(), a, b);
    if (m_plan.old.notNull) {
        // the old column's NOT NULL through a CHECK validated first (its SET NOT NULL does not
        // scan); the file's uaip:allow-blocking says why the gate may let it through: it does
        // not know a column the plan adds as one such a CHECK proves
        out << notNullThroughCheck(m_plan.old.name, oldCheck(), false)
            << notNullThroughCheck(m_plan.copy, check(), true)
            << QStringLiteral("ALTER TABLE %1 ALTER COLUMN %2 DROP NOT NULL;").arg(table(), b);
    }
    if (m_plan.old.defaultExpr)
        out << QStringLiteral("ALTER TABLE %1 ALTER COLUMN %2 SET DEFAULT %3;")
                   .arg(table(), a, *m_plan.old.defaultExpr)
            << QStringLiteral("ALTER TABLE %1 ALTER COLUMN %2 DROP DEFAULT;").arg(table(), b);
    for (qsizetype i = 0; i < m_plan.indexes.size(); ++i)
        out << indexOn(m_plan.indexes.at(i), m_plan.old.name, m_plan.indexes.at(i).name);
    if (m_plan.old.comment)
        out << QStringLiteral("COMMENT ON COLUMN %1.%2 IS %3;")
                   .arg(table(), a, literal(*m_plan.old.comment));
    QStringList directives{kNoTransaction, kBatch};
    if (m_plan.old.notNull)
        directives << OnlineSql::kAllowCheckedNotNull;
    return script(
        header(directives,
               {QString(),
                QStringLiteral("Online change, the contract undone: %1.").arg(m_plan.describe),
                QStringLiteral("Back to the expanded state: the old column again (as the "
                               "table's last), filled from the new one in committed batches, "
                               "kept equal by the trigger, with its default, NOT NULL, "
                               "indexes and comment.")}),
        out);
}

void OnlineColumnCopy::write(OnlineChangeScripts &scripts, const QString &expandVersion) const
{
    const QString a = ident(m_plan.old.name);
    const QString b = ident(m_plan.copy);
    QStringList steps{
        QString(), QStringLiteral("Online change, the expand: %1.").arg(m_plan.describe),
        QStringLiteral("1. ADD COLUMN %1 beside %2 (ACCESS EXCLUSIVE for a moment: no default, "
                       "no rewrite).")
            .arg(b, a),
        m_plan.typeChange
            ? QStringLiteral("2. A trigger sets %1 from %2 on every INSERT and UPDATE.").arg(b, a)
            : QStringLiteral("2. A trigger keeps %1 and %2 equal on every INSERT and UPDATE, "
                             "whichever name the writer uses.")
                  .arg(a, b),
        QStringLiteral("3. The rows there are filled in committed batches of 5000 along the "
                       "primary key (-- uaip:batch).")};
    if (m_plan.old.notNull)
        steps << QStringLiteral("4. NOT NULL as a CHECK added NOT VALID, then validated (no "
                                "write waits while it scans).");
    if (!m_plan.indexes.isEmpty())
        steps << QStringLiteral("5. %1's indexes built again on %2 CONCURRENTLY, under "
                                "temporary names.")
                     .arg(a, b);
    steps << QStringLiteral("Each statement commits on its own (-- uaip:no-transaction). The "
                            "contract, a later migration, removes the old shape once nothing "
                            "names it.");
    scripts.expandUp
        = expandUp(header({kNoTransaction, kBatch, QStringLiteral("-- uaip:expand")}, steps))
              .toUtf8();
    scripts.expandDown = expandDown().toUtf8();
    scripts.contractUp
        = contractUp(
              header({QStringLiteral("-- uaip:contract-of ") + expandVersion},
                     {QString(),
                      QStringLiteral("Online change, the contract: %1.").arg(m_plan.describe),
                      QStringLiteral("Drops the trigger and %1, gives %2 its default and "
                                     "NOT NULL (the valid CHECK spares the scan), then "
                                     "its indexes the old names; one short transaction.")
                          .arg(a, b)}))
              .toUtf8();
    scripts.contractDown = contractDown().toUtf8();
}

} // namespace uaip
