#include "keychainmodule.h"

#include <QDir>
#include <QFileInfo>
#include <QMutex>
#include <QPluginLoader>
#include <QTimer>

namespace uaip {

namespace {

const QLatin1String kFileName("uaip_keychain.so");

QStringList candidates()
{
    QStringList files;
    const QString chosen = qEnvironmentVariable("UAIP_KEYCHAIN_MODULE");
    if (!chosen.isEmpty())
        return {chosen};
    if (QCoreApplication::instance())
        files << QDir(QCoreApplication::applicationDirPath())
                     .filePath(QStringLiteral(UAIP_KEYCHAIN_MODULE_RELATIVE_DIR "/") + kFileName);
    files << QStringLiteral(UAIP_KEYCHAIN_MODULE_BUILD_DIR "/") + kFileName;
    return files;
}

} // namespace

Result<KeychainBackend *> KeychainModule::backend()
{
    static QMutex mutex;
    static KeychainBackend *loaded = nullptr;
    static QString problem;
    QMutexLocker lock(&mutex);
    if (!loaded && problem.isEmpty()) {
        QStringList tried;
        for (const QString &file : candidates()) {
            if (!QFileInfo::exists(file)) {
                tried << tr("%1 (not there)").arg(QDir::cleanPath(file));
                continue;
            }
            QPluginLoader loader(file);
            loaded = qobject_cast<KeychainBackend *>(loader.instance());
            if (loaded)
                break;
            tried << QStringLiteral("%1 (%2)").arg(QDir::cleanPath(file), loader.errorString());
        }
        if (!loaded)
            problem = tr("the keychain module is not installed: looked for %1")
                          .arg(tried.join(QStringLiteral(", ")));
    }
    if (!loaded)
        return Error(ErrorCode::NotFound, problem);
    return loaded;
}

void KeychainModule::unavailable(const QString &error, QObject *context,
                                 KeychainBackend::Answer then)
{
    QTimer::singleShot(0, context, [error, then = std::move(then)] {
        KeychainReply reply;
        reply.status = KeychainReply::Status::Unavailable;
        reply.error = error;
        then(reply);
    });
}

void KeychainModule::read(const QString &service, const QString &key, QObject *context,
                          KeychainBackend::Answer then)
{
    const Result<KeychainBackend *> b = backend();
    if (b)
        return (*b)->read(service, key, context, std::move(then));
    unavailable(b.error().toString(), context, std::move(then));
}

void KeychainModule::write(const QString &service, const QString &key, const QString &text,
                           QObject *context, KeychainBackend::Answer then)
{
    const Result<KeychainBackend *> b = backend();
    if (b)
        return (*b)->write(service, key, text, context, std::move(then));
    unavailable(b.error().toString(), context, std::move(then));
}

void KeychainModule::remove(const QString &service, const QString &key, QObject *context,
                            KeychainBackend::Answer then)
{
    const Result<KeychainBackend *> b = backend();
    if (b)
        return (*b)->remove(service, key, context, std::move(then));
    unavailable(b.error().toString(), context, std::move(then));
}

} // namespace uaip
