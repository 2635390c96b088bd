// uaip-test: no database (a pure test: CTest runs it without the PostgreSQL fixture)
// The one {{variable}} rule (PromptVariables) and the field rules (PromptValidator): names,
// problems with line:col, rendering; temperature, max_tokens, model, 1 MiB, NUL.
#include "prompts/promptvalidator.h"
#include "prompts/promptvariables.h"
#include "pseudotranslator.h"

#include <QtTest>

using namespace uaip;

class TestPromptVariables : public QObject
{
    Q_OBJECT

private slots:
    void names()
    {
        const PromptVariables v(QStringLiteral("Hi {{name}}, {{ort_Straße2}} and {{name}} again; "
                                               "{{Zoë}}"));
        QVERIFY(v.ok());
        QCOMPARE(v.names(),
                 (QStringList{QStringLiteral("name"), QStringLiteral("ort_Straße2"),
                              QStringLiteral("Zoë")}));
        QCOMPARE(v.occurrences().size(), 4);
        QCOMPARE(v.occurrences().at(0).offset, 3);
        QCOMPARE(v.occurrences().at(0).length, 8);
    }

    void problems_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("problem");
        QTest::newRow("unclosed") << QStringLiteral("a\nbc {{name and more") << "2:4: unclosed {{";
        QTest::newRow("spans lines")
            << QStringLiteral("x {{na\nme}} y") << "1:3: a variable must not span lines";
        QTest::newRow("empty") << QStringLiteral("line1\nline2 {{}}") << "2:7: empty {{}}";
        QTest::newRow("digit first")
            << QStringLiteral("{{1abc}}")
            << "1:1: invalid variable name \"1abc\" (a letter, then letters, digits or '_')";
        QTest::newRow("underscore first")
            << QStringLiteral("ok {{_x}}")
            << "1:4: invalid variable name \"_x\" (a letter, then letters, digits or '_')";
        QTest::newRow("space inside")
            << QStringLiteral("{{ name }}")
            << "1:1: invalid variable name \" name \" (a letter, then letters, digits or '_')";
        QTest::newRow("unclosed before another")
            << QStringLiteral("{{a\n{{b}}") << "1:1: unclosed {{";
    }

    void problems()
    {
        QFETCH(QString, text);
        QFETCH(QString, problem);
        const PromptVariables v(text);
        QVERIFY(!v.ok());
        QCOMPARE(v.problems().first().toString(), problem);
    }

    void problemsAreTranslated()
    {
        // The message through tr() in the context the .ts file has; line:col and the field
        // name stay as they are.
        test::PseudoTranslator translator("uaip::PromptVariables");
        QVERIFY(QCoreApplication::installTranslator(&translator));
        QCOMPARE(PromptVariables(QStringLiteral("x {{}}")).problems().first().toString(),
                 QStringLiteral("1:3: «empty {{}}»"));
        PromptContent c;
        c.systemPrompt = QStringLiteral("a {{b");
        c.modelPreference = QStringLiteral("m");
        c.temperature = 0.5;
        c.maxTokens = 10;
        QCOMPARE(PromptValidator::check(c),
                 QStringList{QStringLiteral("system_prompt:1:3: «unclosed {{»")});
    }

    void render()
    {
        const PromptVariables v(QStringLiteral("Dear {{name}}, about {{topic}} ({{name}})."));
        QCOMPARE(v.render({{QStringLiteral("name"), QStringLiteral("Ann")}}),
                 QStringLiteral("Dear Ann, about {{topic}} (Ann)."));
        QCOMPARE(v.render({{QStringLiteral("name"), QStringLiteral("{{topic}}")},
                           {QStringLiteral("topic"), QStringLiteral("T")}}),
                 QStringLiteral("Dear {{topic}}, about T ({{topic}}).")); // no re-expansion
    }

    void validator_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QVariant>("value");
        QTest::addColumn<QString>("problem"); // empty = accepted
        QTest::newRow("temperature 0") << "temperature" << QVariant(0.0) << QString();
        QTest::newRow("temperature 1") << "temperature" << QVariant(1.0) << QString();
        QTest::newRow("temperature 1.01")
            << "temperature" << QVariant(1.01) << "temperature: 1.01 is outside 0..1";
        QTest::newRow("temperature -0.1")
            << "temperature" << QVariant(-0.1) << "temperature: -0.1 is outside 0..1";
        QTest::newRow("max_tokens 0")
            << "max_tokens" << QVariant(0) << "max_tokens: 0 is outside 1..200000";
        QTest::newRow("max_tokens 200000") << "max_tokens" << QVariant(200000) << QString();
        QTest::newRow("max_tokens 200001")
            << "max_tokens" << QVariant(200001) << "max_tokens: 200001 is outside 1..200000";
        QTest::newRow("model empty")
            << "model" << QVariant(QString()) << "model_preference: must not be empty";
        QTest::newRow("model 51") << "model" << QVariant(QString(51, u'm'))
                                  << "model_preference: 51 characters, at most 50";
        QTest::newRow("NUL") << "system" << QVariant(QStringLiteral("ab") + QChar(u'\0') + u'c')
                             << "system_prompt: contains a NUL character at position 3 "
                                "(PostgreSQL text cannot hold it)";
        QTest::newRow("1 MiB") << "system" << QVariant(QString(1024 * 1024, u'x')) << QString();
        QTest::newRow("1 MiB + 1 byte")
            << "system" << QVariant(QString(1024 * 1024 - 1, u'x') + QStringLiteral("é"))
            << "system_prompt: 1048577 bytes, more than the limit of 1 MiB (1048576 bytes)";
        QTest::newRow("unbalanced in template")
            << "template" << QVariant(QStringLiteral("ok\n  {{x"))
            << "user_prompt_template:2:3: "
               "unclosed {{";
    }

    void validator()
    {
        QFETCH(QString, field);
        QFETCH(QVariant, value);
        QFETCH(QString, problem);
        PromptContent c;
        c.systemPrompt = QStringLiteral("You help {{name}}.");
        c.modelPreference = QStringLiteral("claude-sonnet-4-5");
        if (field == u"temperature")
            c.temperature = value.toDouble();
        else if (field == u"max_tokens")
            c.maxTokens = value.toInt();
        else if (field == u"model")
            c.modelPreference = value.toString();
        else if (field == u"system")
            c.systemPrompt = value.toString();
        else
            c.userPromptTemplate = value.toString();
        const QStringList problems = PromptValidator::check(c);
        if (problem.isEmpty())
            QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
        else
            QCOMPARE(problems, QStringList{problem});
    }
};

QTEST_GUILESS_MAIN(TestPromptVariables)
#include "tst_promptvariables.moc"
