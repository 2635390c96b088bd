#include "clikeychain.h"

#include "clicontext.h"

#include <QEventLoop>
#include <QTimer>

namespace uaip {

namespace {

template<typename Signal, typename Slot>
void await(DataKeyStore &store, Signal signal, Slot slot, const std::function<void()> &start)
{
    QEventLoop loop;
    bool done = false;
    QObject::connect(&store, signal, &loop, [&](auto... args) {
        slot(args...);
        done = true;
        loop.quit();
    });
    QTimer::singleShot(CliKeychain::kTimeoutMs, &loop, &QEventLoop::quit);
    start();
    if (!done)
        loop.exec();
}

} // namespace

CliKeychain::Target CliKeychain::target(CliContext &ctx, bool writes)
{
    Target t;
    t.connection = writes ? ctx.connectToWrite() : ctx.connect();
    if (!t.connection) {
        t.exitCode = 2;
        return t;
    }
    t.id = KeychainIdentity::read(*t.connection);
    if (!t.id.ok()) {
        t.exitCode = t.id.error.sqlState() == QLatin1String("42P01")
            ? stateFailure(ctx, t.id.error)
            : ctx.fail(1, t.id.error.in(tr("cannot name the database for the keychain")));
        t.connection = nullptr;
    }
    return t;
}

DataKeyLookup CliKeychain::find(DataKeyStore &store, const KeychainIdentity &id,
                                const QString &keyId)
{
    DataKeyLookup out;
    out.identity = keyId.isEmpty() ? id.identity : id.entryFor(keyId);
    out.status = Error(ErrorCode::Cancelled,
                       tr("the keychain did not answer within %1 s").arg(kTimeoutMs / 1000));
    await(
        store, &DataKeyStore::readFinished, [&](const DataKeyLookup &l) { out = l; },
        [&] { store.find(id.identity, id.legacyEntries, keyId); });
    return out;
}

Status CliKeychain::add(DataKeyStore &store, const KeychainIdentity &id, const DataKey &key)
{
    Status added = Error(ErrorCode::Cancelled,
                         tr("the keychain did not answer within %1 s").arg(kTimeoutMs / 1000));
    await(
        store, &DataKeyStore::writeFinished,
        [&](const QString &, const Status &written) { added = written; },
        [&] { store.add(id.identity, key); });
    return added;
}

QString CliKeychain::noKeyHint(const QString &entry)
{
    return tr("no data key for this database in the keychain (entry \"%1\" of "
              "service \"%2\"); import it with: uaip-migrate prompts key import F")
        .arg(entry, DataKeyStore::defaultService());
}

int CliKeychain::stateFailure(CliContext &ctx, const Error &e)
{
    if (e.sqlState() == QLatin1String("42P01"))
        return ctx.fail(2,
                        Error(ErrorCode::NotFound,
                              tr("this database has no prompt encryption state "
                                 "(ai_prompt_encryption): apply the migrations first "
                                 "(uaip-migrate up)\n%1")
                                  .arg(e.toString()),
                              {{QStringLiteral("table"), QStringLiteral("ai_prompt_encryption")}}));
    return ctx.fail(1, e.in(tr("cannot read the encryption state")));
}

} // namespace uaip
