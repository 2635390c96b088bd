#include "sandboxsecret.h"

#include "sandboxdir.h"

#include <QRandomGenerator>

#include <cctype>
#include <libpq-fe.h>
#include <unistd.h>

namespace uaip {

namespace {

// A pgpass field: ':' and '\' escaped with '\'.
QString escaped(QString field)
{
    return field.replace(u'\\', QStringLiteral("\\\\")).replace(u':', QStringLiteral("\\:"));
}

// A pgpass line's fields, escapes undone.
QStringList fieldsOf(const QString &line)
{
    QStringList fields{QString()};
    for (qsizetype i = 0; i < line.size(); ++i) {
        if (line[i] == u'\\' && i + 1 < line.size())
            fields.last() += line[++i];
        else if (line[i] == u':')
            fields << QString();
        else
            fields.last() += line[i];
    }
    return fields;
}

} // namespace

SandboxSecret SandboxSecret::read(const SandboxDir &folder)
{
    SandboxSecret secret;
    const std::optional<QByteArray> text = folder.readFile(fileName(), ::geteuid());
    if (!text)
        return secret;
    for (const QString &line : QString::fromUtf8(*text).split(u'\n', Qt::SkipEmptyParts)) {
        const QStringList f = fieldsOf(line);
        if (f.size() == 5 && !f[3].isEmpty() && !f[4].isEmpty() && !secret.has(f[3]))
            secret.m_passwords.append({f[3], f[4]});
    }
    return secret;
}

Status SandboxSecret::write(const SandboxDir &folder, const QStringList &hosts, int port) const
{
    QByteArray text;
    for (const auto &[role, password] : m_passwords)
        for (const QString &host : hosts)
            text += QStringLiteral("%1:%2:*:%3:%4\n")
                        .arg(escaped(host), QString::number(port), escaped(role), escaped(password))
                        .toUtf8();
    return folder.writeFile(fileName(), text, 0600, uid_t(-1), gid_t(-1));
}

QString SandboxSecret::password(const QString &role) const
{
    for (const auto &[r, password] : m_passwords)
        if (r == role)
            return password;
    return QString();
}

void SandboxSecret::setPassword(const QString &role, const QString &password)
{
    for (auto &[r, p] : m_passwords)
        if (r == role) {
            p = password;
            return;
        }
    m_passwords.append({role, password});
}

QString SandboxSecret::generatePassword()
{
    QByteArray bytes(32, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(bytes.data()),
                                          bytes.size() / qsizetype(sizeof(quint32)));
    return QString::fromLatin1(bytes.toHex());
}

Result<QByteArray> SandboxSecret::verifier(PGconn *connection, const QString &role,
                                           const QString &password)
{
    const QVariantMap args{{QStringLiteral("role"), role}};
    // PQencryptPasswordConn needs a connection object only to ask the server for its algorithm;
    // named here, it hashes on the client. Without one: an object that reaches no server.
    PGconn *own = connection ? nullptr : PQconnectStart("host=/nonexistent/uaip-hash port=1");
    PGconn *hashing = connection ? connection : own;
    char *hashed = PQencryptPasswordConn(hashing, password.toUtf8().constData(),
                                         role.toUtf8().constData(), "scram-sha-256");
    const bool computed = hashed != nullptr;
    const QByteArray out = computed ? QByteArray(hashed) : QByteArray();
    const QString why
        = computed ? QString() : QString::fromLocal8Bit(PQerrorMessage(hashing)).trimmed();
    PQfreemem(hashed);
    if (own)
        PQfinish(own);
    if (!computed)
        return Error(ErrorCode::Internal,
                     tr("cannot compute the SCRAM verifier of the role %1: %2").arg(role, why),
                     args);
    // a verifier is base64 with '$', ':' and '=' separators: nothing that ends a literal
    for (const char ch : out)
        if (!(std::isalnum(static_cast<unsigned char>(ch)) || QByteArray("+/=$:-").contains(ch)))
            return Error(ErrorCode::Internal,
                         tr("the SCRAM verifier of the role %1 has an unexpected form").arg(role),
                         args);
    return out;
}

} // namespace uaip
