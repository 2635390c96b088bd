// uaip-test: no database (a pure test: CTest runs it without the PostgreSQL fixture)
// SourceFileReader against a file swapped between its path check and its open (issue 36): what is
// read is decided on the opened descriptor. A file replaced by a FIFO is refused without waiting
// for a writer, by a symbolic link (to a secret outside SRC) refused, and a directory on the way
// replaced by a symbolic link out of SRC refused: nothing outside SRC is ever returned. A link out
// is named by its own path inside SRC, never by where it leads (issue 57, point 10), also when
// ".." after a link inside SRC climbs out of it (which a textual clean-up of the path would take
// for a path inside).
#include "foreign/sourcefilereader.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <atomic>
#include <condition_variable>
#include <mutex>
#include <thread>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace uaip;

namespace {

void put(const QString &path, const QByteArray &bytes)
{
    QVERIFY(QDir().mkpath(QFileInfo(path).absolutePath()));
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    QCOMPARE(f.write(bytes), bytes.size());
}

const QByteArray kSql = "-- migrate:up\ncreate table t (id int);\n";
const QByteArray kSecret = "SECRET-7f3a";

} // namespace

class TestSourceFileReader : public QObject
{
    Q_OBJECT

private slots:
    void aFileOnItsOwnIsRead()
    {
        QTemporaryDir tmp;
        const QString src = tmp.filePath(QStringLiteral("src"));
        put(src + QStringLiteral("/1_a.sql"), kSql);
        const SourceFileReader reader(src);
        const auto bytes = reader.bytes(QStringLiteral("1_a.sql"));
        QVERIFY2(bytes, qPrintable(bytes ? QString() : bytes.error().toString()));
        QCOMPARE(*bytes, kSql);
    }

    // Swapped for a FIFO after the check: refused at once. (A writer opens the FIFO after 3 s,
    // so that a reader that waits for one returns, with what it read, instead of hanging.)
    void aFileSwappedForAFifoIsNotWaitedFor()
    {
        QTemporaryDir tmp;
        const QString src = tmp.filePath(QStringLiteral("src"));
        const QString file = src + QStringLiteral("/1_a.sql");
        put(file, kSql);
        SourceFileReader reader(src);
        reader.setBeforeOpen([&](const QString &real) {
            QVERIFY(QFile::remove(real));
            QCOMPARE(::mkfifo(QFile::encodeName(real).constData(), 0600), 0);
        });
        // A writer that opens the FIFO (which ends a read blocked on it) only when the reader has
        // not returned within 10 s: rescued says the reader waited for the FIFO.
        std::mutex m;
        std::condition_variable returned;
        bool done = false;
        std::atomic<bool> rescued{false};
        std::thread writer([&] {
            std::unique_lock lock(m);
            if (returned.wait_for(lock, std::chrono::seconds(10), [&] { return done; }))
                return;
            rescued = true;
            const int fd = ::open(QFile::encodeName(file).constData(), O_WRONLY | O_NONBLOCK);
            if (fd >= 0)
                ::close(fd);
        });
        const auto bytes = reader.bytes(QStringLiteral("1_a.sql"));
        {
            const std::lock_guard lock(m);
            done = true;
        }
        returned.notify_one();
        writer.join();
        QVERIFY2(!bytes, "a FIFO was read");
        QVERIFY2(!rescued, "the reader waited for the FIFO until the writer opened it");
        QCOMPARE(bytes.error().code(), ErrorCode::Refused);
        QCOMPARE(bytes.error().arg(QStringLiteral("path")).toString(), QStringLiteral("1_a.sql"));
        QVERIFY2(bytes.error().text().contains(QStringLiteral("1_a.sql:1: not a regular file")),
                 qPrintable(bytes.error().text()));
    }

    // Swapped for a symbolic link to a secret outside SRC after the check: refused.
    void aFileSwappedForASymbolicLinkIsRefused()
    {
        QTemporaryDir tmp;
        const QString src = tmp.filePath(QStringLiteral("src"));
        put(src + QStringLiteral("/1_a.sql"), kSql);
        const QString secret = tmp.filePath(QStringLiteral("secret.txt"));
        put(secret, kSecret);
        SourceFileReader reader(src);
        reader.setBeforeOpen([&](const QString &real) {
            QVERIFY(QFile::remove(real));
            QVERIFY(QFile::link(secret, real));
        });
        const auto bytes = reader.bytes(QStringLiteral("1_a.sql"));
        QVERIFY2(!bytes, bytes ? bytes->constData() : "");
        QCOMPARE(bytes.error().code(), ErrorCode::Refused);
        QCOMPARE(bytes.error().arg(QStringLiteral("path")).toString(), QStringLiteral("1_a.sql"));
    }

    void linksOutAreNamedByTheirPathInside()
    {
        QTemporaryDir tmp;
        const QString src = tmp.filePath(QStringLiteral("src"));
        put(src + QStringLiteral("/a/b/1_a.sql"), kSql);
        put(tmp.filePath(QStringLiteral("1_leak.sql")), kSecret);
        // a/b/up is SRC itself, so a/b/up/.. is SRC's parent (textually it would be a/b)
        QVERIFY(QFile::link(QStringLiteral("../.."), src + QStringLiteral("/a/b/up")));
        QVERIFY(QFile::link(tmp.filePath(QStringLiteral("1_leak.sql")),
                            src + QStringLiteral("/a/out.sql")));
        QVERIFY(QFile::link(QStringLiteral("../a/out.sql"), src + QStringLiteral("/a/via.sql")));
        QVERIFY(QFile::link(QStringLiteral("loop"), src + QStringLiteral("/loop")));
        SourceFileReader reader(src);
        QCOMPARE(reader.linkOut(QStringLiteral("a/b/1_a.sql")), QString());
        QCOMPARE(reader.linkOut(QStringLiteral("a/b/up/a/b/1_a.sql")), QString());
        QCOMPARE(reader.linkOut(QStringLiteral("a/b/up/../1_leak.sql")), QStringLiteral("a/b/up"));
        QCOMPARE(reader.linkOut(QStringLiteral("a/out.sql")), QStringLiteral("a/out.sql"));
        QCOMPARE(reader.linkOut(QStringLiteral("a/via.sql")), QStringLiteral("a/out.sql"));
        QCOMPARE(reader.linkOut(QStringLiteral("loop")), QStringLiteral("loop"));
        const auto leak = reader.bytes(QStringLiteral("a/b/up/../1_leak.sql"));
        QVERIFY(!leak);
        QCOMPARE(leak.error().code(), ErrorCode::Refused);
        // the link is named by its path inside, not by its target
        QCOMPARE(leak.error().text(),
                 QStringLiteral("a/b/up/../1_leak.sql:1: not read: a/b/up is a symbolic link that "
                                "leads outside the source directory"));
        const auto out = reader.bytes(QStringLiteral("a/out.sql"));
        QVERIFY(!out);
        QCOMPARE(out.error().code(), ErrorCode::Refused);
        QCOMPARE(out.error().arg(QStringLiteral("path")).toString(), QStringLiteral("a/out.sql"));
        QVERIFY(reader.bytes(QStringLiteral("a/b/up/a/b/1_a.sql")));
    }

    // A directory on the way swapped for a symbolic link out of SRC after the check: the file
    // opened is outside SRC, and refused.
    void aDirectorySwappedForASymbolicLinkIsRefused()
    {
        QTemporaryDir tmp;
        const QString src = tmp.filePath(QStringLiteral("src"));
        put(src + QStringLiteral("/sub/1_a.sql"), kSql);
        put(tmp.filePath(QStringLiteral("outside/1_a.sql")), kSecret);
        SourceFileReader reader(src);
        reader.setBeforeOpen([&](const QString &) {
            QVERIFY(QDir().rename(src + QStringLiteral("/sub"), src + QStringLiteral("/old")));
            QVERIFY(
                QFile::link(tmp.filePath(QStringLiteral("outside")), src + QStringLiteral("/sub")));
        });
        const auto bytes = reader.bytes(QStringLiteral("sub/1_a.sql"));
        QVERIFY2(!bytes, bytes ? bytes->constData() : "");
        QCOMPARE(bytes.error().code(), ErrorCode::Refused);
    }
};

QTEST_GUILESS_MAIN(TestSourceFileReader)
#include "tst_sourcefilereader.moc"
