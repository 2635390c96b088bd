#include "migrationversion.h"

#include "util/visibletext.h"

#include <QHashFunctions>

namespace uaip {

namespace {

bool isAsciiDigit(QChar c)
{
    return c >= u'0' && c <= u'9';
}

// Letters and digits of any script (0004_données, 0005_добавить), '_' and '-': nothing a
// shell, a URL or another operating system's file names would trip over.
bool isNameChar(char32_t c)
{
    return c == U'_' || c == U'-' || QChar::isLetterOrNumber(c);
}

// Shows a character in an error message; control characters and spaces as U+XXXX.
QString describeChar(char32_t c)
{
    if (c == U' ')
        return QCoreApplication::translate("uaip::MigrationVersion", "a space");
    if (c == U'\t')
        return QCoreApplication::translate("uaip::MigrationVersion", "a tab");
    if (QChar::isPrint(c) && !QChar::isSpace(c))
        return u'\'' + QString::fromUcs4(&c, 1) + u'\'';
    return QStringLiteral("U+%1").arg(uint(c), 4, 16, QChar(u'0')).toUpper();
}

std::strong_ordering compareNumbers(const QString &a, const QString &b)
{
    // Both are digit strings without leading zeros: the longer is larger, then lexicographic.
    if (a.size() != b.size())
        return a.size() < b.size() ? std::strong_ordering::less : std::strong_ordering::greater;
    const int c = a.compare(b);
    if (c == 0)
        return std::strong_ordering::equal;
    return c < 0 ? std::strong_ordering::less : std::strong_ordering::greater;
}

} // namespace

Result<MigrationVersion> MigrationVersion::parse(QStringView text)
{
    const QString quoted = u'"' + text.toString() + u'"';
    const QVariantMap args{{QStringLiteral("version"), text.toString()}};
    if (text.isEmpty())
        return Error(ErrorCode::BadInput, tr("the version is empty"), args);

    MigrationVersion version;
    version.m_text = text.toString();
    qsizetype groupStart = 0;
    for (qsizetype i = 0; i <= text.size(); ++i) {
        if (i < text.size() && isAsciiDigit(text.at(i)))
            continue;
        if (i < text.size() && text.at(i) != u'-') {
            return Error(ErrorCode::BadInput,
                         tr("version %1 contains %2; a version is digits, optionally "
                            "grouped with '-' (0007, 20240131120000, "
                            "2024-01-31-120000)")
                             .arg(quoted, describeChar(text.at(i).unicode())),
                         args)
                .with(QStringLiteral("character"), QString(text.at(i)));
        }
        if (i == groupStart) {
            return Error(ErrorCode::BadInput,
                         tr("version %1 has an empty group; '-' must stand between "
                            "two groups of digits (2024-01-31-120000)")
                             .arg(quoted),
                         args);
        }
        QStringView group = text.sliced(groupStart, i - groupStart);
        while (group.size() > 1 && group.front() == u'0')
            group = group.sliced(1);
        version.m_groups.append(group.toString());
        groupStart = i + 1;
    }
    return version;
}

Result<std::pair<MigrationVersion, QString>> MigrationVersion::parseFolderName(QStringView name)
{
    auto fail = [&](const QString &message, QVariantMap args = {}) {
        args.insert(QStringLiteral("name"), name.toString());
        return Error(ErrorCode::BadInput,
                     tr("bad migration folder name \"%1\": %2")
                         .arg(VisibleText::escaped(name.toString()), message),
                     args);
    };
    const qsizetype underscore = name.indexOf(u'_');
    if (underscore < 0)
        return fail(tr("there is no '_' between the version and the name (expected "
                       "VERSION_name, e.g. 0001_create_users)"));
    if (underscore == 0)
        return fail(tr("there is no version before the first '_' (expected VERSION_name, e.g. "
                       "0001_create_users)"));

    const Result<MigrationVersion> version = parse(name.first(underscore));
    if (!version)
        return fail(version.error().text(), version.error().args());

    const QStringView rest = name.sliced(underscore + 1);
    if (rest.isEmpty())
        return fail(tr("there is no name after the version (expected VERSION_name, e.g. "
                       "0001_create_users)"));
    for (const char32_t c : rest.toUcs4()) {
        if (!isNameChar(c)) {
            return fail(tr("the name \"%1\" contains %2; only letters, digits, '_' and '-' "
                           "are allowed")
                            .arg(VisibleText::escaped(rest.toString()), describeChar(c)),
                        {{QStringLiteral("character"), QString::fromUcs4(&c, 1)}});
        }
    }
    return std::pair{*version, rest.toString()};
}

std::strong_ordering MigrationVersion::operator<=>(const MigrationVersion &other) const
{
    const qsizetype common = std::min(m_groups.size(), other.m_groups.size());
    for (qsizetype i = 0; i < common; ++i) {
        const std::strong_ordering order = compareNumbers(m_groups.at(i), other.m_groups.at(i));
        if (order != std::strong_ordering::equal)
            return order;
    }
    return m_groups.size() <=> other.m_groups.size();
}

bool MigrationVersion::operator==(const MigrationVersion &other) const
{
    return m_groups == other.m_groups;
}

size_t qHash(const MigrationVersion &version, size_t seed) noexcept
{
    const QList<QString> groups = version.groups();
    return qHashRange(groups.cbegin(), groups.cend(), seed);
}

} // namespace uaip
