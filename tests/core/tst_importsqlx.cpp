// Issue 61, point 4: sqlx. Its migrations folder holds both of its layouts at once: simple
// VERSION_description.sql files (no down) and reversible VERSION_description.up.sql /
// .down.sql pairs; a file that starts with "-- no-transaction" runs outside a transaction.
// import-migrations --from sqlx converts them, `up` builds the schema, and adopt --from sqlx
// takes over _sqlx_migrations as sqlx writes it (its DDL from sqlx-postgres' migrate.rs, the
// checksum the SHA-384 of the up file as bytea): 0 pending after it. A file changed since sqlx
// ran it (the recorded SHA-384 is not the folder's up.sql) and a failed row (success false) are
// refused, naming the version, the folder and both checksums.
#include "foreign/foreignchecksum.h"
#include "foreign/importheader.h"
#include "foreign/migrationimporter.h"
#include "importtestutil.h"
#include "ledger/importformat.h"
#include "uaipmigratetestutil.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QTemporaryDir>

#include <tuple>

#include <fcntl.h>
#include <unistd.h>

using namespace uaip;
using namespace uaip::test;

namespace {

// sqlx-postgres migrate.rs, ensure_migrations_table
constexpr const char *kSqlxTable = R"sql(
CREATE TABLE IF NOT EXISTS _sqlx_migrations (
    version BIGINT PRIMARY KEY,
    description TEXT NOT NULL,
    installed_on TIMESTAMPTZ NOT NULL DEFAULT now(),
    success BOOLEAN NOT NULL,
    checksum BYTEA NOT NULL,
    execution_time BIGINT NOT NULL
);
)sql";

// A project's migrations folder: both layouts, CRLF in one file, sqlx's own template as a down.
const QByteArray kUsers = "CREATE TABLE users (\r\n    id bigserial PRIMARY KEY,\r\n"
                          "    email text NOT NULL UNIQUE\r\n);\r\n";
const QByteArray kPostsUp = "CREATE TABLE posts (id bigserial PRIMARY KEY,\n"
                            "    user_id bigint NOT NULL REFERENCES users (id),\n"
                            "    title text NOT NULL);\n";
const QByteArray kPostsDown = "DROP TABLE posts;\n";
// one statement: sqlx sends the file as one query, which runs several in a transaction block
const QByteArray kIndex = "-- no-transaction\n"
                          "CREATE INDEX CONCURRENTLY posts_user_id_idx ON posts (user_id);\n";
const QByteArray kTagsUp = "ALTER TABLE posts ADD COLUMN tags text[] NOT NULL DEFAULT '{}';\n";
const QByteArray kTagsDown = "-- Add down migration script here\n"; // `sqlx migrate add -r`'s

struct File
{
    const char *name;
    const QByteArray &bytes;
};

const QList<File> &files()
{
    static const QList<File> all{{"20240101000001_create_users.sql", kUsers},
                                 {"20240101000002_create_posts.up.sql", kPostsUp},
                                 {"20240101000002_create_posts.down.sql", kPostsDown},
                                 {"20240101000003_index_posts.sql", kIndex},
                                 {"20240101000004_add_tags.up.sql", kTagsUp},
                                 {"20240101000004_add_tags.down.sql", kTagsDown}};
    return all;
}

QString project(const QTemporaryDir &tmp)
{
    const QString src = tmp.filePath(QStringLiteral("migrations"));
    for (const File &f : files())
        put(src + u'/' + QLatin1String(f.name), f.bytes);
    return src;
}

QByteArray sha384(const QByteArray &bytes)
{
    return QCryptographicHash::hash(bytes, QCryptographicHash::Sha384).toHex();
}

// The rows sqlx's execute_migration inserts (version, description, success, checksum,
// execution_time), the checksum of what each up file held when sqlx ran it.
QByteArray rows(const QList<std::tuple<const char *, const char *, bool, QByteArray>> &list)
{
    QByteArray out = "INSERT INTO _sqlx_migrations (version, description, success, checksum, "
                     "execution_time) VALUES ";
    for (qsizetype i = 0; i < list.size(); ++i) {
        const auto &[version, description, success, ran] = list[i];
        out += QByteArray(i ? ", " : "") + '(' + version + ", '" + description + "', "
            + (success ? "TRUE" : "FALSE") + ", decode('" + sha384(ran) + "', 'hex'), 1234567)";
    }
    return out + ";\n";
}

// The database as sqlx left it: each up file run as sqlx runs it (in a transaction, or as it
// is after -- no-transaction), then its history.
void asSqlxRanIt(TestDatabase &db)
{
    for (const QByteArray &up : {kUsers, kPostsUp})
        exec(db, "BEGIN;\n" + up + "COMMIT;\n");
    exec(db, kIndex);
    exec(db, "BEGIN;\n" + kTagsUp + "COMMIT;\n");
    exec(db,
         kSqlxTable
             + rows({{"20240101000001", "create users", true, kUsers},
                     {"20240101000002", "create posts", true, kPostsUp},
                     {"20240101000003", "index posts", true, kIndex},
                     {"20240101000004", "add tags", true, kTagsUp}}));
}

Run importMigrations(const QString &src, const QString &out)
{
    return migrate(QStringList{QStringLiteral("--data-dir"), TestCluster::sandbox().rootDir(),
                               QStringLiteral("--json"), QStringLiteral("import-migrations"),
                               QStringLiteral("--from"), QStringLiteral("sqlx"), src,
                               QStringLiteral("--out"), out});
}

// The public schema's tables, columns and indexes (sqlx's own table left out).
QString schemaOf(TestDatabase &db)
{
    return db.scalar(
        "SELECT string_agg(x, E'\\n' ORDER BY x) FROM ("
        "SELECT table_name || '.' || column_name || ' ' || data_type || ' ' || is_nullable || ' '"
        " || coalesce(column_default, '') AS x FROM information_schema.columns"
        " WHERE table_schema = 'public' AND table_name <> '_sqlx_migrations'"
        " UNION ALL SELECT indexdef FROM pg_indexes WHERE schemaname = 'public'"
        " AND tablename <> '_sqlx_migrations') s");
}

} // namespace

class TestImportSqlx : public QObject
{
    Q_OBJECT

private slots:
    // SHA-384 as sqlx's migration.rs computes it (the FIPS 180-2 test vectors), of the bytes as
    // they are; the importer drops a byte order mark that sqlx hashed.
    void checksumIsSha384OfTheFile()
    {
        QCOMPARE(ForeignChecksum::sqlx(""),
                 QStringLiteral("38b060a751ac96384cd9327eb1b1e36a21fdb71114be07434c0cc7bf63f6e1da"
                                "274edebfe76f65fbd51ad2f14898b95b"));
        QCOMPARE(ForeignChecksum::sqlx("abc"),
                 QStringLiteral("cb00753f45a35e8bb5a03d699ac65007272c32ab0eded1631a8b605a43ff5bed"
                                "8086072ba1e7cc2358baeca134c825a7"));
        using Kind = ForeignChecksum::Kind;
        QVERIFY(ForeignChecksum::matches(Kind::SqlxSha384, "abc",
                                         QString::fromLatin1(sha384("\xEF\xBB\xBF"
                                                                    "abc"))));
        // line breaks count: a CRLF checkout is another file to sqlx
        QVERIFY(!ForeignChecksum::matches(Kind::SqlxSha384, "a\r\n",
                                          QString::fromLatin1(sha384("a\n"))));
    }

    // Both layouts in one folder; the down template is no down; -- no-transaction only as the
    // file's first bytes, as sqlx's starts_with.
    void bothLayoutsAreRead()
    {
        const ImportFormat *format = ImportFormat::find(QStringLiteral("sqlx"));
        QVERIFY2(format, "no import format sqlx");
        QTemporaryDir tmp;
        const ImportResult r = MigrationImporter::read(*format, project(tmp));
        QVERIFY2(r.ok() && r.byHand.isEmpty(), qPrintable((r.problems + r.byHand).join(u'\n')));
        QStringList folders;
        for (const ImportedMigration &m : r.migrations)
            folders << m.folder;
        QCOMPARE(folders,
                 (QStringList{"20240101000001_create_users", "20240101000002_create_posts",
                              "20240101000003_index_posts", "20240101000004_add_tags"}));
        const ImportedMigration &users = r.migrations[0];
        QByteArray body;
        const ImportHeader header = ImportHeader::parse(users.upSql, &body);
        QCOMPARE(body, kUsers); // byte for byte, CRLF and all
        QCOMPARE(header.file, QStringLiteral("20240101000001_create_users.sql"));
        QVERIFY(users.downGenerated && !users.noTransaction);
        const ImportedMigration &posts = r.migrations[1];
        QVERIFY(!posts.downGenerated && posts.downSql.endsWith(kPostsDown));
        QVERIFY(ImportHeader::parse(posts.upSql, &body).file.endsWith(".up.sql"));
        QCOMPARE(body, kPostsUp);
        const ImportedMigration &index = r.migrations[2];
        QVERIFY(index.noTransaction);
        QVERIFY2(index.upSql.contains("\n-- uaip:no-transaction\n"), index.upSql.constData());
        QVERIFY2(r.migrations[3].downGenerated, r.migrations[3].downSql.constData());

        // not at the very start (a blank line, a byte order mark before it): in a transaction
        QTemporaryDir other;
        put(other.filePath(QStringLiteral("1_blank.sql")), "\n" + kIndex);
        put(other.filePath(QStringLiteral("2_bom.sql")), "\xEF\xBB\xBF" + kIndex);
        put(other.filePath(QStringLiteral("3_own.up.sql")), kIndex);
        const ImportResult o = MigrationImporter::read(*format, other.path());
        QVERIFY2(o.ok(), qPrintable(o.problems.join(u'\n')));
        QCOMPARE(o.migrations.size(), 3);
        QVERIFY(!o.migrations[0].noTransaction && !o.migrations[1].noTransaction);
        QVERIFY(o.migrations[2].noTransaction);
    }

    // A file name that is not UTF-8 is refused, named with its bytes escaped (as a control
    // character in a name is), and a version above sqlx's i64 is refused, not imported.
    void badNamesAndVersionsRefused()
    {
        const ImportFormat *format = ImportFormat::find(QStringLiteral("sqlx"));
        QVERIFY2(format, "no import format sqlx");
        QTemporaryDir tmp;
        put(tmp.filePath(QStringLiteral("1_ok.sql")), "SELECT 1;\n");
        const QByteArray raw = QFile::encodeName(tmp.path()) + "/2_a\xff.sql";
        const int fd = ::open(raw.constData(), O_WRONLY | O_CREAT | O_EXCL, 0644);
        QVERIFY(fd >= 0);
        QCOMPARE(::write(fd, "SELECT 2;\n", 10), ssize_t(10));
        ::close(fd);
        put(tmp.filePath(QStringLiteral("9223372036854775807_max.sql")), "SELECT 3;\n");
        put(tmp.filePath(QStringLiteral("9223372036854775808_big.sql")), "SELECT 4;\n");
        const ImportResult r = MigrationImporter::read(*format, tmp.path());
        const QString problems = r.problems.join(u'\n');
        QVERIFY2(!r.ok(), qPrintable(problems));
        QVERIFY2(problems.contains(
                     QStringLiteral("2_a\\xff.sql:1: a file name that is not UTF-8: rename it")),
                 qPrintable(problems));
        QVERIFY2(problems.contains(QStringLiteral(
                     "9223372036854775808_big.sql:1: version 9223372036854775808: sqlx reads "
                     "versions as 64-bit integers")),
                 qPrintable(problems));
        QVERIFY2(!problems.contains(QStringLiteral("_max.sql")), qPrintable(problems));
        QCOMPARE(r.problems.size(), 2);
    }

    // A file's own BEGIN; ... COMMIT; ran inside sqlx's transaction: blanked, noted. A statement
    // on sqlx's own table (matrix-authentication-service deletes rows of removed migrations from
    // it) is listed to convert by hand with file:line.
    void ownTransactionAndToolTable()
    {
        const ImportFormat *format = ImportFormat::find(QStringLiteral("sqlx"));
        QVERIFY2(format, "no import format sqlx");
        QTemporaryDir tmp;
        put(tmp.filePath(QStringLiteral("1_own.sql")),
            "BEGIN;\nCREATE TABLE a (id int);\nCOMMIT;\n");
        ImportResult r = MigrationImporter::read(*format, tmp.path());
        QVERIFY2(r.ok() && r.byHand.isEmpty(), qPrintable((r.problems + r.byHand).join(u'\n')));
        QVERIFY(r.migrations.at(0).ownTransactionRemoved);
        QVERIFY(!r.migrations.at(0).upSql.contains("BEGIN;"));
        put(tmp.filePath(QStringLiteral("2_forget.sql")),
            "CREATE TABLE b (id int);\n\nDELETE FROM public._sqlx_migrations\n"
            "WHERE version IN (20220709210445);\n");
        r = MigrationImporter::read(*format, tmp.path());
        QCOMPARE(r.byHand.size(), 1);
        QVERIFY2(r.byHand.first().startsWith(
                     QStringLiteral("2_forget.sql:3: changes sqlx's own table _sqlx_migrations")),
                 qPrintable(r.byHand.first()));
    }

    // import-migrations, `up` on an empty database, and adopt on one sqlx migrated: the same
    // schema, 0 pending.
    void importUpAndAdopt()
    {
        QTemporaryDir tmp;
        const QString out = tmp.filePath(QStringLiteral("ours"));
        const Run imported = importMigrations(project(tmp), out);
        QVERIFY2(imported.exitCode == 0, qPrintable(imported.out + imported.err));
        QCOMPARE(imported.json().value(QStringLiteral("migrations")).toArray().size(), 4);

        TestDatabase ours;
        const Run up = migrate(on(ours, out) << QStringLiteral("up"));
        QVERIFY2(up.exitCode == 0, qPrintable(up.out + up.err));
        QCOMPARE(ours.scalar("SELECT indisvalid FROM pg_index WHERE indexrelid = "
                             "'posts_user_id_idx'::regclass"),
                 QStringLiteral("t"));

        TestDatabase theirs;
        asSqlxRanIt(theirs);
        QCOMPARE(schemaOf(theirs), schemaOf(ours));
        const Run foreign
            = migrate(on(theirs, out) << QStringLiteral("--json") << QStringLiteral("foreign"));
        QVERIFY2(foreign.exitCode == 0, qPrintable(foreign.out + foreign.err));
        const QJsonObject ledger
            = foreign.json().value(QStringLiteral("ledgers")).toArray().at(0).toObject();
        QCOMPARE(ledger.value(QStringLiteral("tool")).toString(), QStringLiteral("sqlx"));
        const QJsonObject first
            = ledger.value(QStringLiteral("entries")).toArray().at(0).toObject();
        QCOMPARE(first.value(QStringLiteral("ref")).toString(),
                 QStringLiteral("version=20240101000001"));
        QCOMPARE(first.value(QStringLiteral("name")).toString(), QStringLiteral("create users"));
        QCOMPARE(first.value(QStringLiteral("checksum")).toString(),
                 QString::fromLatin1(sha384(kUsers)));
        QCOMPARE(first.value(QStringLiteral("state")).toString(), QStringLiteral("applied"));

        const Run adopt
            = migrate(on(theirs, out) << QStringLiteral("adopt") << QStringLiteral("--from")
                                      << QStringLiteral("sqlx"));
        QVERIFY2(adopt.exitCode == 0, qPrintable(adopt.out + adopt.err));
        const Run status = migrate(on(theirs, out) << QStringLiteral("status"));
        QVERIFY2(status.exitCode == 0
                     && status.out.contains(
                         QStringLiteral("4 migration(s): 0 pending, 0 need attention")),
                 qPrintable(status.out + status.err));
        // sqlx's last migration is the next rollback (its down generated from the schema)
        const Run down = migrate(on(theirs, out) << QStringLiteral("down"));
        QVERIFY2(down.exitCode == 0, qPrintable(down.out + down.err));
        QCOMPARE(theirs.scalar("SELECT count(*) FROM information_schema.columns WHERE "
                               "table_name = 'posts' AND column_name = 'tags'"),
                 QStringLiteral("0"));
    }

    // A file edited after sqlx ran it, a folder's up.sql edited after the import, and a row
    // sqlx left failed: refused, each named, nothing adopted.
    void changedFilesAndFailedRowsAreRefused()
    {
        QTemporaryDir tmp;
        const QString out = tmp.filePath(QStringLiteral("ours"));
        const Run imported = importMigrations(project(tmp), out);
        QVERIFY2(imported.exitCode == 0, qPrintable(imported.out + imported.err));
        const QString postsUp = out + QStringLiteral("/20240101000002_create_posts/up.sql");
        put(postsUp, read(postsUp) + "CREATE INDEX posts_title_idx ON posts (title);\n");

        TestDatabase db;
        const QByteArray before = "CREATE TABLE users (id bigserial PRIMARY KEY);\n";
        exec(db,
             kSqlxTable
                 + rows({{"20240101000001", "create users", true, before},
                         {"20240101000002", "create posts", true, kPostsUp},
                         {"20240101000003", "index posts", false, kIndex}}));
        const Run adopt = migrate(on(db, out) << QStringLiteral("adopt") << QStringLiteral("--from")
                                              << QStringLiteral("sqlx"));
        QCOMPARE(adopt.exitCode, 3);
        QVERIFY2(
            adopt.err.contains(
                QStringLiteral("version=20240101000001 (create users): sqlx recorded the "
                               "checksum %1, but 20240101000001_create_users/up.sql has %2: "
                               "not the file sqlx ran")
                    .arg(QString::fromLatin1(sha384(before)), QString::fromLatin1(sha384(kUsers)))),
            qPrintable(adopt.err));
        QVERIFY2(adopt.err.contains(
                     QStringLiteral("version=20240101000002 (create posts): sqlx recorded the "
                                    "checksum %1, but 20240101000002_create_posts/up.sql has ")
                         .arg(QString::fromLatin1(sha384(kPostsUp)))),
                 qPrintable(adopt.err));
        QVERIFY2(adopt.err.contains(QStringLiteral("version=20240101000003 (index posts): failed "
                                                   "in sqlx: settle it with sqlx first")),
                 qPrintable(adopt.err));
        QCOMPARE(db.scalar("SELECT to_regclass('uaip_ledger.uaip_schema_migrations') IS NULL"),
                 QStringLiteral("t"));
    }
};

QTEST_GUILESS_MAIN(TestImportSqlx)
#include "tst_importsqlx.moc"
