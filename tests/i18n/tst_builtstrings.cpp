// Issue 21, point 12: strings built from parts are translated too. lupdate (tst_complete) sees
// only literals; a word that reaches the screen from data — an object kind from the catalog or
// the parse tree, an aggregation's name — is shown through a table marked with
// QT_TRANSLATE_NOOP. Here: every word those sources can produce is in its table, and every
// entry of the table has a German translation that differs from the English word.
#include "i18n/translations.h"
#include "metrics/metricsaggregation.h"
#include "migrate/objectkinds.h"
#include "sqlparse/parsetreenames.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QSet>
#include <QTest>

using namespace uaip;

namespace {

QString sourceDir()
{
    return QDir(qEnvironmentVariable("UAIP_SOURCE_DIR")).absolutePath();
}

// The object types a DROP statement can name (PostgreSQL's DropStmt, RemoveObjects and the
// DROP commands with a statement of their own), as libpg_query spells them.
const char *const kDropTypes[] = {
    "OBJECT_ACCESS_METHOD",   "OBJECT_AGGREGATE",     "OBJECT_CAST",
    "OBJECT_COLLATION",       "OBJECT_CONVERSION",    "OBJECT_DOMAIN",
    "OBJECT_EVENT_TRIGGER",   "OBJECT_EXTENSION",     "OBJECT_FDW",
    "OBJECT_FOREIGN_SERVER",  "OBJECT_FOREIGN_TABLE", "OBJECT_FUNCTION",
    "OBJECT_INDEX",           "OBJECT_LANGUAGE",      "OBJECT_MATVIEW",
    "OBJECT_OPCLASS",         "OBJECT_OPERATOR",      "OBJECT_OPFAMILY",
    "OBJECT_POLICY",          "OBJECT_PROCEDURE",     "OBJECT_PUBLICATION",
    "OBJECT_ROUTINE",         "OBJECT_RULE",          "OBJECT_SCHEMA",
    "OBJECT_SEQUENCE",        "OBJECT_STATISTIC_EXT", "OBJECT_TABCONSTRAINT",
    "OBJECT_TABLE",           "OBJECT_TRANSFORM",     "OBJECT_TRIGGER",
    "OBJECT_TSCONFIGURATION", "OBJECT_TSDICTIONARY",  "OBJECT_TSPARSER",
    "OBJECT_TSTEMPLATE",      "OBJECT_TYPE",          "OBJECT_VIEW",
};

} // namespace

class TestBuiltStrings : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        const Translations::Loaded loaded
            = Translations::install(QLocale(QLocale::German, QLocale::Germany));
        QVERIFY(loaded.application);
    }

    void cleanupTestCase()
    {
        Translations::install(QLocale(QLocale::English, QLocale::UnitedStates));
    }

    // Every kind the rollback preview's catalog query reports is in the table.
    void catalogKindsAreListed()
    {
        QFile sql(sourceDir() + QStringLiteral("/app/core/migrate/sql/preview_objects.sql"));
        QVERIFY2(sql.open(QIODevice::ReadOnly), qPrintable(sql.fileName()));
        const QString text = QString::fromUtf8(sql.readAll());
        // the kinds are the literals after THEN / ELSE and the first column of a SELECT (a
        // word, followed by a comma, WHEN, ELSE or END)
        static const QRegularExpression literal(
            QStringLiteral("(?:THEN|ELSE|SELECT)\\s+'([a-z ]+)'(?=\\s*(?:,|END|WHEN|ELSE))"));
        const QStringList known = ObjectKinds::all();
        QSet<QString> found;
        for (auto it = literal.globalMatch(text); it.hasNext();)
            found.insert(it.next().captured(1));
        QVERIFY2(found.size() >= 15,
                 qPrintable(QStringList(found.begin(), found.end()).join(u", ")));
        QStringList missing;
        for (const QString &kind : std::as_const(found))
            if (!known.contains(kind))
                missing << kind;
        QVERIFY2(
            missing.isEmpty(),
            qPrintable(QStringLiteral("not in ObjectKinds (app/core/migrate/objectkinds.cpp): ")
                       + missing.join(u", ")));
    }

    // Every noun the parse tree gives a dropped object (no-transaction steps) is in the table.
    void parseTreeKindsAreListed()
    {
        const QStringList known = ObjectKinds::all();
        QStringList missing;
        for (const char *type : kDropTypes) {
            const ProtobufCEnumValue *value = protobuf_c_enum_descriptor_get_value_by_name(
                &pg_query__object_type__descriptor, type);
            QVERIFY2(value, type);
            const QString noun
                = ParseTreeNames::objectNoun(static_cast<PgQuery__ObjectType>(value->value));
            if (!known.contains(noun))
                missing << QStringLiteral("%1 (%2)").arg(noun, QLatin1String(type));
        }
        QVERIFY2(missing.isEmpty(), qPrintable(missing.join(u", ")));
    }

    // Every kind and every aggregation has a German word.
    void everyPartIsTranslated()
    {
        QStringList english;
        for (const QString &kind : ObjectKinds::all())
            if (ObjectKinds::display(kind) == kind)
                english << QStringLiteral("kind \"%1\"").arg(kind);
        for (const QString &name : metricsAggregationNames())
            if (metricsAggregationLabel(*metricsAggregationFromName(name)) == name)
                english << QStringLiteral("aggregation \"%1\"").arg(name);
        QVERIFY2(english.isEmpty(),
                 qPrintable(QStringLiteral("untranslated in translations/uaip_de.ts: ")
                            + english.join(u", ")));
    }
};

QTEST_GUILESS_MAIN(TestBuiltStrings)
#include "tst_builtstrings.moc"
