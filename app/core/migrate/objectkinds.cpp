#include "objectkinds.h"

#include <iterator>

namespace uaip {

namespace {

// preview_objects.sql's kinds and every noun ParseTreeNames::objectNoun gives a DROP statement's
// object type. tests/i18n/tst_builtstrings checks both sources against this table.
const char *const kKinds[] = {
    QT_TRANSLATE_NOOP("uaip::ObjectKinds", "access method"),
    QT_TRANSLATE_NOOP("uaip::ObjectKinds", "aggregate"),
    QT_TRANSLATE_NOOP("uaip::ObjectKinds", "cast"),
    QT_TRANSLATE_NOOP("uaip::ObjectKinds", "collation"),
    QT_TRANSLATE_NOOP("uaip::ObjectKinds", "composite type"),
    QT_TRANSLATE_NOOP("uaip::ObjectKinds", "constraint"),
    QT_TRANSLATE_NOOP("uaip::ObjectKinds", "conversion"),
    QT_TRANSLATE_NOOP("uaip::ObjectKinds", "domain"),
    QT_TRANSLATE_NOOP("uaip::ObjectKinds", "enum type"),
    QT_TRANSLATE_NOOP("uaip::ObjectKinds", "event trigger"),
    QT_TRANSLATE_NOOP("uaip::ObjectKinds", "extension"),
    QT_TRANSLATE_NOOP("uaip::ObjectKinds", "foreign data wrapper"),
    QT_TRANSLATE_NOOP("uaip::ObjectKinds", "foreign table"),
    QT_TRANSLATE_NOOP("uaip::ObjectKinds", "function"),
    QT_TRANSLATE_NOOP("uaip::ObjectKinds", "index"),
    QT_TRANSLATE_NOOP("uaip::ObjectKinds", "language"),
    QT_TRANSLATE_NOOP("uaip::ObjectKinds", "materialized view"),
    QT_TRANSLATE_NOOP("uaip::ObjectKinds", "operator"),
    QT_TRANSLATE_NOOP("uaip::ObjectKinds", "operator class"),
    QT_TRANSLATE_NOOP("uaip::ObjectKinds", "operator family"),
    QT_TRANSLATE_NOOP("uaip::ObjectKinds", "policy"),
    QT_TRANSLATE_NOOP("uaip::ObjectKinds", "procedure"),
    QT_TRANSLATE_NOOP("uaip::ObjectKinds", "publication"),
    QT_TRANSLATE_NOOP("uaip::ObjectKinds", "range type"),
    QT_TRANSLATE_NOOP("uaip::ObjectKinds", "routine"),
    QT_TRANSLATE_NOOP("uaip::ObjectKinds", "rule"),
    QT_TRANSLATE_NOOP("uaip::ObjectKinds", "schema"),
    QT_TRANSLATE_NOOP("uaip::ObjectKinds", "sequence"),
    QT_TRANSLATE_NOOP("uaip::ObjectKinds", "server"),
    QT_TRANSLATE_NOOP("uaip::ObjectKinds", "statistics"),
    QT_TRANSLATE_NOOP("uaip::ObjectKinds", "table"),
    QT_TRANSLATE_NOOP("uaip::ObjectKinds", "text search configuration"),
    QT_TRANSLATE_NOOP("uaip::ObjectKinds", "text search dictionary"),
    QT_TRANSLATE_NOOP("uaip::ObjectKinds", "text search parser"),
    QT_TRANSLATE_NOOP("uaip::ObjectKinds", "text search template"),
    QT_TRANSLATE_NOOP("uaip::ObjectKinds", "transform"),
    QT_TRANSLATE_NOOP("uaip::ObjectKinds", "trigger"),
    QT_TRANSLATE_NOOP("uaip::ObjectKinds", "type"),
    QT_TRANSLATE_NOOP("uaip::ObjectKinds", "view"),
};

} // namespace

QStringList ObjectKinds::all()
{
    QStringList out;
    out.reserve(qsizetype(std::size(kKinds)));
    for (const char *kind : kKinds)
        out << QLatin1String(kind);
    return out;
}

QString ObjectKinds::display(const QString &kind)
{
    for (const char *known : kKinds)
        if (kind == QLatin1String(known))
            return QCoreApplication::translate("uaip::ObjectKinds", known);
    return kind;
}

} // namespace uaip
