#include "contractpairs.h"

namespace uaip {

const Migration *ContractPairs::expandOf(const Migration &contract,
                                         const QList<Migration> &migrations)
{
    if (!contract.upDirectives.contractOf)
        return nullptr;
    const Result<MigrationVersion> version
        = MigrationVersion::parse(*contract.upDirectives.contractOf);
    if (!version)
        return nullptr;
    for (const Migration &m : migrations)
        if (m.version == *version)
            return &m;
    return nullptr;
}

QList<ValidationProblem> ContractPairs::check(QList<Migration> &migrations)
{
    QList<ValidationProblem> found;
    for (Migration &m : migrations) {
        const MigrationDirectives &d = m.upDirectives;
        if (!d.contractOf)
            continue;
        const Migration *expand = expandOf(m, migrations);
        QString message;
        if (!expand)
            message
                = tr("uaip:contract-of %1 names no migration of this folder").arg(*d.contractOf);
        else if (!expand->upDirectives.expand)
            message = tr("uaip:contract-of %1: %2 has no -- uaip:expand at the top of its up.sql, "
                         "so it is no expand migration")
                          .arg(*d.contractOf, expand->upPath());
        else if (!(expand->version < m.version))
            message = tr("uaip:contract-of %1: the contract's version %2 is not above its "
                         "expand's; the contract runs after its expand")
                          .arg(*d.contractOf, m.version.text());
        if (message.isEmpty())
            continue;
        const ValidationProblem problem{QStringLiteral("source"), m.upPath(), d.contractOfLine, 1,
                                        message};
        m.upProblems << problem;
        found << problem;
    }
    return found;
}

} // namespace uaip
