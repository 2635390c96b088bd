#pragma once

#include "db/sqlresource.h"

#include <QDateTime>
#include <QMap>
#include <QRegularExpression>
#include <QString>
#include <QStringList>

namespace uaip {

// The prompt core's SQL (app/core/prompts/sql/NAME.sql) and small readers of its results.
struct PromptSql
{
    static QByteArray get(const char *name)
    {
        return SqlResource::get(QStringLiteral("prompts/sql/%1.sql").arg(QLatin1String(name)));
    }
    // "production=3,staging=4" -> {production: 3, staging: 4}
    static QMap<QString, int> labels(const QString &text)
    {
        QMap<QString, int> out;
        for (const QString &item : text.split(u',', Qt::SkipEmptyParts)) {
            const qsizetype eq = item.lastIndexOf(u'=');
            if (eq > 0)
                out.insert(item.left(eq), item.mid(eq + 1).toInt());
        }
        return out;
    }
    // A text[] literal for a bound parameter: {"a","b"}.
    static QString textArray(const QStringList &items)
    {
        QStringList quoted;
        for (QString item : items) {
            item.replace(u'\\', QStringLiteral("\\\\"));
            item.replace(u'"', QStringLiteral("\\\""));
            quoted << u'"' + item + u'"';
        }
        return u'{' + quoted.join(u',') + u'}';
    }
    // A timestamptz as PostgreSQL prints it ("2026-11-22 11:39:39.30156+00").
    static QDateTime timestamp(QString text)
    {
        if (text.isEmpty())
            return {};
        text.replace(10, 1, u'T');
        static const QRegularExpression shortZone(QStringLiteral("[+-]\\d\\d$"));
        if (shortZone.match(text).hasMatch())
            text += QStringLiteral(":00");
        return QDateTime::fromString(text, Qt::ISODateWithMs);
    }
    // The semver label after a new version: 1.0.0 -> 1.1.0; unparsable restarts from the
    // version number (as the seeder does).
    static QString nextSemver(const QString &label, int versionNo)
    {
        static const QRegularExpression re(QStringLiteral("^(\\d+)\\.(\\d+)\\.(\\d+)$"));
        const auto m = re.match(label);
        if (!m.hasMatch())
            return QStringLiteral("1.%1.0").arg(versionNo - 1);
        return QStringLiteral("%1.%2.0").arg(m.captured(1)).arg(m.captured(2).toLongLong() + 1);
    }
};

} // namespace uaip
