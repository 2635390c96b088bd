#include "migrationgenerator.h"

#include "schemachangeplanner.h"

#include <QRegularExpression>

#include <algorithm>

namespace uaip {

namespace {

// "character varying(20)" -> {"character varying", 20, -1}
struct TypeParts
{
    QString base;
    int first = -1;
    int second = -1;

    explicit TypeParts(const QString &type)
    {
        static const QRegularExpression re(QStringLiteral("^(.*?)(?:\\((\\d+)(?:,(\\d+))?\\))?$"));
        const auto m = re.match(type);
        base = m.captured(1);
        if (m.hasCaptured(2))
            first = m.captured(2).toInt();
        if (m.hasCaptured(3))
            second = m.captured(3).toInt();
    }
};

} // namespace

bool MigrationGenerator::widens(const QString &before, const QString &after)
{
    if (before == after || after == u"text")
        return true;
    static const QStringList integers{QStringLiteral("smallint"), QStringLiteral("integer"),
                                      QStringLiteral("bigint"), QStringLiteral("numeric")};
    const qsizetype from = integers.indexOf(before);
    const qsizetype to = integers.indexOf(after);
    if (from >= 0 && to > from)
        return true;
    if (before == u"real" && after == u"double precision")
        return true;
    const TypeParts b(before);
    const TypeParts a(after);
    if (b.base != a.base)
        return b.base == u"character varying" && a.base == u"text";
    if (a.first < 0)
        return true; // varchar(n) -> varchar, numeric(p,s) -> numeric
    if (b.first < 0)
        return false;
    if (b.base == u"numeric") {
        const int bs = std::max(b.second, 0);
        const int as = std::max(a.second, 0);
        return as >= bs && a.first - as >= b.first - bs;
    }
    return a.first >= b.first && (b.second < 0 || a.second >= b.second);
}

GeneratedScript MigrationGenerator::up(const DdlCatalog &from, const DdlCatalog &to)
{
    return SchemaChangePlanner(from, to, true, {}).run();
}

GeneratedScript MigrationGenerator::down(const DdlCatalog &from, const DdlCatalog &to,
                                         const QSet<QString> &heldInUp)
{
    return SchemaChangePlanner(from, to, false, heldInUp).run();
}

} // namespace uaip
