#include "resultcopy.h"

#include "db/pgconnection.h"
#include "db/sqlresource.h"

#include <QRegularExpression>

namespace uaip {

namespace {

// pg_type OIDs
constexpr unsigned int kBool = 16;
constexpr unsigned int kInt8 = 20;
constexpr unsigned int kInt2 = 21;
constexpr unsigned int kInt4 = 23;
constexpr unsigned int kOid = 26;
constexpr unsigned int kFloat4 = 700;
constexpr unsigned int kFloat8 = 701;
constexpr unsigned int kNumeric = 1700;

QString tsvField(const QVariant &value)
{
    if (value.isNull())
        return {};
    QString text = value.toString();
    if (!text.contains(u'\t') && !text.contains(u'\n') && !text.contains(u'\r')
        && !text.contains(u'"'))
        return text;
    text.replace(u'"', QStringLiteral("\"\""));
    return u'"' + text + u'"';
}

const char *castOf(unsigned int type)
{
    switch (type) {
    case kFloat4:
        return "real";
    case kFloat8:
        return "double precision";
    default:
        return "numeric";
    }
}

} // namespace

QString ResultCopy::tsv(const QList<QVariantList> &rows, const QStringList &header)
{
    QString out;
    if (!header.isEmpty()) {
        QStringList fields;
        for (const QString &name : header)
            fields.append(tsvField(name));
        out += fields.join(u'\t') + u'\n';
    }
    for (const QVariantList &row : rows) {
        QStringList fields;
        fields.reserve(row.size());
        for (const QVariant &value : row)
            fields.append(tsvField(value));
        out += fields.join(u'\t') + u'\n';
    }
    return out;
}

Result<ResultCopy::SourceColumns> ResultCopy::readSourceColumns(PgConnection &connection,
                                                                const QStringList &table)
{
    if (table.size() != 2)
        return SourceColumns{}; // a name typed by the user: not read
    const PgResult r
        = connection.exec(SqlResource::get(QStringLiteral("sqlconsole/sql/source_columns.sql")),
                          {table.at(0), table.at(1)});
    if (!r.ok())
        return Error(r.error());
    SourceColumns source;
    for (int i = 0; i < r.rows(); ++i) {
        if (!r.value(i, 1).isEmpty())
            source.generated.append(r.value(i, 0));
        else if (r.value(i, 2) == QLatin1String("a"))
            source.identityAlways.append(r.value(i, 0));
    }
    return source;
}

QString ResultCopy::inserts(const QStringList &table, const QStringList &columns,
                            const QList<unsigned int> &types, const QList<QVariantList> &rows,
                            const SourceColumns &source)
{
    QStringList tableParts;
    for (const QString &part : table)
        tableParts.append(quoteIdentifier(part));
    QList<int> written; // the columns an INSERT can take: not the generated ones
    QStringList names;
    bool overriding = false;
    for (int c = 0; c < columns.size(); ++c) {
        if (source.generated.contains(columns.at(c)))
            continue;
        written.append(c);
        names.append(quoteIdentifier(columns.at(c)));
        overriding = overriding || source.identityAlways.contains(columns.at(c));
    }
    if (written.isEmpty() && !columns.isEmpty())
        // (no names here: a line break in one would end the comment)
        return tr("-- Nothing to insert: every column copied is a generated column.") + u'\n';
    const QString head
        = QStringLiteral("INSERT INTO %1 (%2)%3 VALUES (")
              .arg(tableParts.join(u'.'), names.join(QStringLiteral(", ")),
                   overriding ? QStringLiteral(" OVERRIDING SYSTEM VALUE") : QString());
    QString out;
    for (const QVariantList &row : rows) {
        QStringList values;
        for (const int c : std::as_const(written))
            values.append(literal(row.value(c), types.value(c)));
        out += head + values.join(QStringLiteral(", ")) + QStringLiteral(");\n");
    }
    return out;
}

QString ResultCopy::literal(const QVariant &value, unsigned int type)
{
    if (value.isNull())
        return QStringLiteral("NULL");
    const QString text = value.toString();
    switch (type) {
    case kBool:
        if (text == u"t")
            return QStringLiteral("TRUE");
        if (text == u"f")
            return QStringLiteral("FALSE");
        break;
    case kInt2:
    case kInt4:
    case kInt8:
    case kOid:
    case kFloat4:
    case kFloat8:
    case kNumeric: {
        // The server's text form of a finite number; anything else (NaN, Infinity) quoted.
        static const QRegularExpression number(
            QStringLiteral("^-?[0-9]+(\\.[0-9]+)?([eE][-+]?[0-9]+)?$"));
        if (number.match(text).hasMatch())
            return text;
        return quoteString(text) + QStringLiteral("::") + QLatin1String(castOf(type));
    }
    default:
        break;
    }
    return quoteString(text);
}

QString ResultCopy::quoteIdentifier(const QString &name)
{
    QString quoted = name;
    quoted.replace(u'"', QStringLiteral("\"\""));
    return u'"' + quoted + u'"';
}

QString ResultCopy::quoteString(const QString &text)
{
    QString quoted = text;
    quoted.replace(u'\'', QStringLiteral("''"));
    if (!quoted.contains(u'\\'))
        return u'\'' + quoted + u'\'';
    quoted.replace(u'\\', QStringLiteral("\\\\"));
    return QStringLiteral("E'") + quoted + u'\'';
}

} // namespace uaip
