#include "qtkeychainbackend.h"

#include <qt6keychain/keychain.h>

namespace uaip {

namespace {

bool unavailable(QKeychain::Error e)
{
    return e == QKeychain::NoBackendAvailable || e == QKeychain::NotImplemented
        || e == QKeychain::OtherError || e == QKeychain::AccessDenied;
}

// Starts `job` (owned by context) and answers once when it finishes.
void start(QKeychain::Job *job, const QString &key, QObject *context, KeychainBackend::Answer then)
{
    job->setAutoDelete(true);
    job->setKey(key);
    QObject::connect(job, &QKeychain::Job::finished, context,
                     [then = std::move(then)](QKeychain::Job *j) {
                         KeychainReply reply;
                         if (j->error() == QKeychain::NoError) {
                             reply.status = KeychainReply::Status::Ok;
                             if (auto *r = qobject_cast<QKeychain::ReadPasswordJob *>(j))
                                 reply.text = r->textData();
                         } else if (j->error() == QKeychain::EntryNotFound) {
                             reply.status = KeychainReply::Status::NotFound;
                         } else if (unavailable(j->error())) {
                             reply.status = KeychainReply::Status::Unavailable;
                             reply.error = j->errorString();
                         } else {
                             reply.error = j->errorString();
                         }
                         then(reply);
                     });
    job->start();
}

} // namespace

void QtKeychainBackend::read(const QString &service, const QString &key, QObject *context,
                             Answer then)
{
    start(new QKeychain::ReadPasswordJob(service, context), key, context, std::move(then));
}

void QtKeychainBackend::write(const QString &service, const QString &key, const QString &text,
                              QObject *context, Answer then)
{
    auto *job = new QKeychain::WritePasswordJob(service, context);
    job->setTextData(text);
    start(job, key, context, std::move(then));
}

void QtKeychainBackend::remove(const QString &service, const QString &key, QObject *context,
                               Answer then)
{
    start(new QKeychain::DeletePasswordJob(service, context), key, context, std::move(then));
}

} // namespace uaip
