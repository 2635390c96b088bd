// Replays files through fuzz_sqlsplitter's LLVMFuzzerTestOneInput without libFuzzer: every test
// build links the fuzz target's source list this way (so a missing file fails the everyday build)
// and checks the target's invariants on the project's own migrations and lint fixtures.
//
//   fuzz_sqlsplitter_replay FILE_OR_DIR...   (directories are walked recursively for *.sql)

#include <QByteArray>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QString>

#include <cstdint>
#include <cstdio>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

namespace {

bool replayFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        std::fprintf(stderr, "%s: cannot be read: %s\n", qPrintable(path),
                     qPrintable(file.errorString()));
        return false;
    }
    const QByteArray bytes = file.readAll();
    LLVMFuzzerTestOneInput(reinterpret_cast<const uint8_t *>(bytes.constData()),
                           static_cast<size_t>(bytes.size()));
    return true;
}

} // namespace

int main(int argc, char **argv)
{
    int replayed = 0;
    for (int i = 1; i < argc; ++i) {
        const QString path = QString::fromLocal8Bit(argv[i]);
        if (!QFileInfo(path).isDir()) {
            if (!replayFile(path))
                return 2;
            ++replayed;
            continue;
        }
        QDirIterator files(path, {QStringLiteral("*.sql")}, QDir::Files,
                           QDirIterator::Subdirectories);
        while (files.hasNext()) {
            if (!replayFile(files.next()))
                return 2;
            ++replayed;
        }
    }
    std::printf("%d files replayed, every invariant held\n", replayed);
    return replayed > 0 ? 0 : 1; // nothing found is a broken test, not a pass
}
