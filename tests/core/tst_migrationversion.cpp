// uaip-test: no database (a pure test: CTest runs it without the PostgreSQL fixture)
// MigrationVersion: folder names and the order migrations run in.

#include "ledger/migrationversion.h"

#include <QSet>
#include <QtTest>

#include <algorithm>

using namespace uaip;

class TestMigrationVersion : public QObject
{
    Q_OBJECT

private slots:
    void parseValid_data();
    void parseValid();
    void parseInvalid_data();
    void parseInvalid();
    void compare_data();
    void compare();
    void sortsLikeNumbers();
    void hashFollowsEquality();
    void nullVersion();
    void folderName_data();
    void folderName();
    void badFolderName_data();
    void badFolderName();
};

void TestMigrationVersion::parseValid_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("groups");

    QTest::newRow("zero padded") << "0007" << QStringList{"7"};
    QTest::newRow("zero") << "0" << QStringList{"0"};
    QTest::newRow("zeros") << "0000" << QStringList{"0"};
    QTest::newRow("timestamp") << "20240131120000" << QStringList{"20240131120000"};
    QTest::newRow("grouped") << "2024-01-31-120000" << QStringList{"2024", "1", "31", "120000"};
    QTest::newRow("beyond 64 bits")
        << "000123456789012345678901234567890" << QStringList{"123456789012345678901234567890"};
}

void TestMigrationVersion::parseValid()
{
    QFETCH(QString, text);
    QFETCH(QStringList, groups);

    const Result<MigrationVersion> version = MigrationVersion::parse(text);
    QVERIFY2(version.ok(), qPrintable(version.ok() ? QString() : version.error().toString()));
    QCOMPARE(version->text(), text);
    QCOMPARE(version->groups(), groups);
    QVERIFY(!version->isNull());
}

void TestMigrationVersion::parseInvalid_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("character"); // the one not allowed; empty: none is named

    QTest::newRow("empty") << ""
                           << "";
    QTest::newRow("letters") << "v1"
                             << "v";
    QTest::newRow("dot") << "1.2"
                         << ".";
    QTest::newRow("space") << "1 2"
                           << " ";
    QTest::newRow("arabic-indic digit") << QStringLiteral("1\u0662") << QStringLiteral("\u0662");
    QTest::newRow("fullwidth digit") << QStringLiteral("\uFF11") << QStringLiteral("\uFF11");
    QTest::newRow("double dash") << "2024--01"
                                 << "";
    QTest::newRow("leading dash") << "-2024"
                                  << "";
    QTest::newRow("trailing dash") << "2024-"
                                   << "";
    QTest::newRow("dash only") << "-"
                               << "";
    QTest::newRow("plus sign") << "+1"
                               << "+";
}

void TestMigrationVersion::parseInvalid()
{
    QFETCH(QString, text);
    QFETCH(QString, character);

    const Result<MigrationVersion> version = MigrationVersion::parse(text);
    QVERIFY(!version.ok());
    QCOMPARE(version.error().code(), ErrorCode::BadInput);
    QCOMPARE(version.error().arg(QStringLiteral("version")).toString(), text);
    QCOMPARE(version.error().arg(QStringLiteral("character")).toString(), character);
    QVERIFY(!version.error().text().isEmpty());
}

void TestMigrationVersion::compare_data()
{
    QTest::addColumn<QString>("a");
    QTest::addColumn<QString>("b");
    QTest::addColumn<int>("order"); // -1: a < b, 0: equal, 1: a > b

    QTest::newRow("leading zeros") << "0007"
                                   << "7" << 0;
    QTest::newRow("all zeros") << "000"
                               << "0" << 0;
    QTest::newRow("numeric, not text") << "9"
                                       << "10" << -1;
    QTest::newRow("numeric with padding") << "0010"
                                          << "9" << 1;
    QTest::newRow("same") << "0001"
                          << "0001" << 0;
    QTest::newRow("groups") << "2024-01-31-120000"
                            << "2024-02-01-000000" << -1;
    QTest::newRow("group padding") << "2024-1-31"
                                   << "2024-01-31" << 0;
    QTest::newRow("group as number") << "2024-9-1"
                                     << "2024-10-1" << -1;
    QTest::newRow("prefix is smaller") << "7"
                                       << "7-1" << -1;
    QTest::newRow("prefix with zero group is smaller") << "7"
                                                       << "7-0" << -1;
    QTest::newRow("first group decides") << "8"
                                         << "7-99" << 1;
    QTest::newRow("huge equal") << "123456789012345678901234567890"
                                << "0123456789012345678901234567890" << 0;
    QTest::newRow("huge differ in last digit") << "123456789012345678901234567890"
                                               << "123456789012345678901234567891" << -1;
    QTest::newRow("huge longer is larger") << "99999999999999999999999999999"
                                           << "100000000000000000000000000000" << -1;
    QTest::newRow("timestamps") << "20240131120000"
                                << "20240201000000" << -1;
}

void TestMigrationVersion::compare()
{
    QFETCH(QString, a);
    QFETCH(QString, b);
    QFETCH(int, order);

    const MigrationVersion va = *MigrationVersion::parse(a);
    const MigrationVersion vb = *MigrationVersion::parse(b);
    const std::strong_ordering ab = va <=> vb;
    const std::strong_ordering ba = vb <=> va;
    QCOMPARE(ab < 0, order < 0);
    QCOMPARE(ab == 0, order == 0);
    QCOMPARE(ab > 0, order > 0);
    QCOMPARE(ba<0, order> 0); // antisymmetric
    QCOMPARE(va == vb, order == 0);
    QCOMPARE(va != vb, order != 0);
    QCOMPARE(va < vb, order < 0);
    QCOMPARE(va <= vb, order <= 0);
    QCOMPARE(va > vb, order > 0);
    QCOMPARE(va >= vb, order >= 0);
}

void TestMigrationVersion::sortsLikeNumbers()
{
    const QStringList texts{"10", "0002", "9", "1", "100", "0011"};
    QList<MigrationVersion> versions;
    for (const QString &text : texts)
        versions.append(*MigrationVersion::parse(text));
    std::sort(versions.begin(), versions.end());
    QStringList sorted;
    for (const MigrationVersion &version : versions)
        sorted.append(version.text());
    QCOMPARE(sorted, (QStringList{"1", "0002", "9", "10", "0011", "100"}));
}

void TestMigrationVersion::hashFollowsEquality()
{
    QSet<MigrationVersion> set;
    set.insert(*MigrationVersion::parse(u"0007"));
    QVERIFY(set.contains(*MigrationVersion::parse(u"7")));
    QVERIFY(!set.contains(*MigrationVersion::parse(u"7-0")));
    QCOMPARE(qHash(*MigrationVersion::parse(u"2024-01-31")),
             qHash(*MigrationVersion::parse(u"2024-1-31")));
}

void TestMigrationVersion::nullVersion()
{
    const MigrationVersion null;
    QVERIFY(null.isNull());
    QVERIFY(null.text().isEmpty());
    QVERIFY(null < *MigrationVersion::parse(u"0"));
    QVERIFY(null == MigrationVersion());
}

void TestMigrationVersion::folderName_data()
{
    QTest::addColumn<QString>("folder");
    QTest::addColumn<QString>("version");
    QTest::addColumn<QString>("name");

    QTest::newRow("padded") << "0001_create_users"
                            << "0001"
                            << "create_users";
    QTest::newRow("timestamp") << "20240131120000_add_index"
                               << "20240131120000"
                               << "add_index";
    QTest::newRow("diesel style") << "2024-01-31-120000_create_posts"
                                  << "2024-01-31-120000"
                                  << "create_posts";
    QTest::newRow("name with dash and digits") << "7_v2-rename-Users"
                                               << "7"
                                               << "v2-rename-Users";
    // letters of any script: a folder named in the team's language is no reason to refuse
    QTest::newRow("accented letters") << QStringLiteral("0004_donn\u00e9es_r\u00e9elles") << "0004"
                                      << QStringLiteral("donn\u00e9es_r\u00e9elles");
    QTest::newRow("cyrillic") << QStringLiteral(
        "0005_\u0434\u043e\u0431\u0430\u0432\u0438\u0442\u044c")
                              << "0005"
                              << QStringLiteral("\u0434\u043e\u0431\u0430\u0432\u0438\u0442\u044c");
    QTest::newRow("name keeps later underscores") << "3__x"
                                                  << "3"
                                                  << "_x";
    QTest::newRow("single letter") << "1_a"
                                   << "1"
                                   << "a";
}

void TestMigrationVersion::folderName()
{
    QFETCH(QString, folder);
    QFETCH(QString, version);
    QFETCH(QString, name);

    const auto parsed = MigrationVersion::parseFolderName(folder);
    QVERIFY2(parsed.ok(), qPrintable(parsed.ok() ? QString() : parsed.error().toString()));
    QCOMPARE(parsed->first.text(), version);
    QCOMPARE(parsed->second, name);
}

void TestMigrationVersion::badFolderName_data()
{
    QTest::addColumn<QString>("folder");
    QTest::addColumn<QString>("character"); // the one not allowed; empty: none is named

    QTest::newRow("no underscore") << "0001"
                                   << "";
    QTest::newRow("no underscore, dashes") << "0001-create-users"
                                           << "";
    QTest::newRow("empty") << ""
                           << "";
    QTest::newRow("no version") << "_create_users"
                                << "";
    QTest::newRow("empty name") << "0001_"
                                << "";
    QTest::newRow("letters in version") << "v1_create"
                                        << "v";
    QTest::newRow("empty group") << "2024--01_create"
                                 << "";
    QTest::newRow("trailing dash in version") << "2024-_create"
                                              << "";
    QTest::newRow("space in name") << "0001_create users"
                                   << " ";
    QTest::newRow("dot in name") << "0001_create.users"
                                 << ".";
    QTest::newRow("slash in name") << "0001_a/b"
                                   << "/";
    QTest::newRow("symbol in name") << QStringLiteral("0001_caf\u2615") << QStringLiteral("\u2615");
    QTest::newRow("astral symbol in name")
        << QStringLiteral("0001_a\U0001F600") << QStringLiteral("\U0001F600");
    QTest::newRow("tab in name") << "0001_a\tb"
                                 << "\t";
    QTest::newRow("control character in name") << "0001_a\x01-b"
                                               << "\x01";
}

void TestMigrationVersion::badFolderName()
{
    QFETCH(QString, folder);
    QFETCH(QString, character);

    const auto parsed = MigrationVersion::parseFolderName(folder);
    QVERIFY(!parsed.ok());
    QCOMPARE(parsed.error().code(), ErrorCode::BadInput);
    // The error names the folder so the user can find it.
    QCOMPARE(parsed.error().arg(QStringLiteral("name")).toString(), folder);
    QCOMPARE(parsed.error().arg(QStringLiteral("character")).toString(), character);
    QVERIFY(!parsed.error().text().isEmpty());
}

QTEST_GUILESS_MAIN(TestMigrationVersion)
#include "tst_migrationversion.moc"
