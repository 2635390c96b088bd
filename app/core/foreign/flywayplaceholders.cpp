#include "flywayplaceholders.h"

#include "error/result.h"
#include "sourceline.h"

#include <QDateTime>
#include <QDir>

namespace uaip {

namespace {

// Flyway's value for one of its own placeholders, where it needs no connection; an error
// saying why when there is none here.
Result<QString> builtIn(const QString &name, const QString &file, const ImportOptions &options)
{
    if (name == u"flyway:filename")
        return file;
    if (name == u"flyway:table")
        return options.table.isEmpty() ? QStringLiteral("flyway_schema_history") : options.table;
    if (name == u"flyway:timestamp")
        return QDateTime::currentDateTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    if (name == u"flyway:workingdirectory")
        return QDir::currentPath();
    if (name == u"flyway:environment")
        return QStringLiteral("default");
    QString why;
    if (name == u"flyway:defaultschema")
        why = FlywayPlaceholders::tr("Flyway fills it with its default schema (defaultSchema, "
                                     "the first of schemas, else the connection's schema)");
    else if (name == u"flyway:user")
        why = FlywayPlaceholders::tr("Flyway fills it with the user it connects as");
    else if (name == u"flyway:database")
        why = FlywayPlaceholders::tr("Flyway fills it with the database it connects to");
    else
        why = FlywayPlaceholders::tr("Flyway refuses a placeholder without a value too");
    return Error(ErrorCode::BadInput, why, {{QStringLiteral("name"), name}});
}

} // namespace

std::optional<QString> FlywayPlaceholders::replace(const QString &text, const QString &file,
                                                   const ImportOptions &options,
                                                   QStringList *problems, QStringList *used)
{
    QString out;
    out.reserve(text.size());
    bool failed = false;
    for (qsizetype i = 0; i < text.size();) {
        if (text.at(i) != u'$' || i + 1 >= text.size()) {
            out += text.at(i++);
            continue;
        }
        if (text.at(i + 1) != u'{') { // Flyway passes "$x" on as a pair
            out += text.mid(i, 2);
            i += 2;
            continue;
        }
        const qsizetype close = text.indexOf(u'}', i + 2);
        if (close < 0) {
            *problems << tr("%1:%2: ${ without its closing }: Flyway would read the rest of the "
                            "file as a placeholder's name")
                             .arg(file)
                             .arg(SourceLine::at(text, i));
            return std::nullopt;
        }
        const QString name = text.mid(i + 2, close - i - 2);
        const QString key = name.toLower();
        const auto given = options.placeholders.constFind(key);
        const Result<QString> value = given != options.placeholders.constEnd()
            ? Result<QString>(*given)
            : builtIn(key, file, options);
        if (!value) {
            *problems << tr("%1:%2: the Flyway placeholder ${%3} has no value (%4): give it with "
                            "--placeholder %3=VALUE")
                             .arg(file)
                             .arg(SourceLine::at(text, i))
                             .arg(name, value.error().text());
            failed = true;
        } else {
            out += *value;
            if (!used->contains(name, Qt::CaseInsensitive))
                *used << name;
        }
        i = close + 1;
    }
    if (failed)
        return std::nullopt;
    return out;
}

} // namespace uaip
