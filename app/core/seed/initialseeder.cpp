#include "initialseeder.h"

#include "bcrypthash.h"

#include "db/pgconnection.h"
#include "db/sqlresource.h"
#include "db/transaction.h"

namespace uaip {

InitialSeeder::InitialSeeder(PgConnection &connection)
    : m_connection(connection)
{ }

QString InitialSeeder::checkPassword(const QString &password)
{
    if (password.size() < kMinPasswordLength)
        return tr("the admin password is %1 characters long; it needs at least %2")
            .arg(password.size())
            .arg(kMinPasswordLength);
    if (password.toUtf8().size() > kMaxPasswordBytes)
        return tr("the admin password is longer than %1 bytes; bcrypt would ignore "
                  "the rest")
            .arg(kMaxPasswordBytes);
    if (password.contains(QChar(u'\0')))
        return tr("the admin password contains a NUL character");
    return QString();
}

InitialSeedReport InitialSeeder::fail(InitialSeedReport report, const Error &error)
{
    report.outcome = InitialSeedReport::Outcome::Failed;
    // an empty server error (no answer, or no row) still fails
    report.error = error.isSet() ? error : Error(ErrorCode::Connection, error.text());
    report.message = report.error.toString();
    report.organizationCreated = report.adminCreated = false;
    report.permissionsInserted = report.rolesInserted = report.grantsInserted = 0;
    report.membershipsInserted = 0;
    return report;
}

InitialSeedReport InitialSeeder::run(const Options &options)
{
    InitialSeedReport report;
    report.adminEmail = options.adminEmail;
    const QString problem = checkPassword(options.adminPassword);
    if (!problem.isEmpty()) {
        report.outcome = InitialSeedReport::Outcome::BadInput;
        report.error = Error(ErrorCode::BadInput, problem);
        report.message = problem;
        return report;
    }
    // Every failure below returns through fail(); the guard rolls back when it goes.
    Transaction tx(m_connection);
    if (const Status begun = tx.begin(); !begun)
        return fail(report, begun.error().in(tr("cannot begin a transaction")));
    auto step = [&](const char *name, const QVariantList &params, PgResult *out) {
        *out = m_connection.exec(SqlResource::of("seed", name), params);
        return out->ok();
    };
    PgResult r;
    if (!step("initial_lock", {}, &r))
        return fail(report, Error(r.error()));

    // The admin user first: the other rows record who created them.
    if (!step("initial_admin_find", {options.adminEmail}, &r))
        return fail(report, Error(r.error()));
    if (r.rows() > 0) {
        report.adminId = r.value(0, 0);
    } else {
        const Result<QByteArray> hash = BcryptHash::of(options.adminPassword, 12);
        if (!hash)
            return fail(report, hash.error());
        if (!step("initial_admin_insert", {options.adminEmail, QString::fromLatin1(*hash)}, &r))
            return fail(report, Error(r.error()).in(tr("creating the admin user")));
        report.adminId = r.value(0, 0);
        report.adminCreated = true;
    }
    if (!step("initial_organization", {report.adminId}, &r) || r.rows() != 1)
        return fail(report, Error(r.error()).in(tr("the default organisation")));
    report.organizationId = r.value(0, 0);
    report.organizationCreated = r.value(0, 1) == QLatin1String("t");
    if (!step("initial_permissions", {}, &r))
        return fail(report, Error(r.error()).in(tr("permissions")));
    report.permissionsInserted = r.value(0, 0).toInt();
    if (!step("initial_roles", {}, &r))
        return fail(report, Error(r.error()).in(tr("roles")));
    report.rolesInserted = r.value(0, 0).toInt();
    if (!step("initial_role_permissions", {report.adminId}, &r))
        return fail(report, Error(r.error()).in(tr("role permissions")));
    report.grantsInserted = r.value(0, 0).toInt();
    if (!step("initial_admin_role", {report.organizationId, report.adminId}, &r))
        return fail(report, Error(r.error()).in(tr("the admin's role")));
    report.membershipsInserted = r.value(0, 0).toInt();
    if (const Status committed = tx.commit(); !committed)
        return fail(report, committed.error().in(tr("COMMIT failed")));
    return report;
}

} // namespace uaip
