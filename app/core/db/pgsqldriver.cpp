#include "pgsqldriver.h"

#include "pgconnection.h"
#include "pgsqlresult.h"
#include "pgsqlvalue.h"
#include "sqlresource.h"

#include <QSqlError>
#include <QSqlField>
#include <QSqlIndex>
#include <QSqlRecord>

#include <libpq-fe.h>

Q_DECLARE_OPAQUE_POINTER(PGconn *)
Q_DECLARE_METATYPE(PGconn *)

namespace uaip {

PgSqlDriver::PgSqlDriver(PgConnection *connection, QObject *parent)
    : QSqlDriver(parent)
    , m_connection(connection)
{
    setOpen(m_connection && m_connection->isOpen());
    setOpenError(false);
}

PgSqlDriver::~PgSqlDriver() = default;

bool PgSqlDriver::hasFeature(DriverFeature feature) const
{
    switch (feature) {
    case QuerySize:
    case BLOB:
    case Unicode:
    case PreparedQueries:
    case PositionalPlaceholders:
    case FinishQuery:
    case CancelQuery:
        return true;
    case Transactions: // through the core's transaction type, on the PgConnection
    case NamedPlaceholders: // Qt's, turned into positional ones
    case LastInsertId: // RETURNING says it
    case BatchOperations:
    case SimpleLocking:
    case LowPrecisionNumbers: // numeric is never rounded through a double
    case EventNotifications:
    case MultipleResultSets:
        return false;
    }
    return false;
}

bool PgSqlDriver::open(const QString &, const QString &, const QString &, const QString &, int,
                       const QString &)
{
    if (isOpen())
        return true;
    setLastError(QSqlError(tr("This connection is opened by its session (Session::open), not by "
                              "QSqlDatabase::open()"),
                           QString(), QSqlError::ConnectionError));
    setOpenError(true);
    return false;
}

void PgSqlDriver::close()
{
    // The connection is the Session's: it closes it.
    setOpen(false);
    setOpenError(false);
}

QSqlResult *PgSqlDriver::createResult() const
{
    return new PgSqlResult(this);
}

QVariant PgSqlDriver::handle() const
{
    return connection() ? QVariant::fromValue(connection()->handle()) : QVariant();
}

bool PgSqlDriver::cancelQuery()
{
    if (!connection())
        return false;
    connection()->cancel(); // thread-safe, returns at once
    return true;
}

QString PgSqlDriver::escapeIdentifier(const QString &identifier, IdentifierType type) const
{
    if (identifier.isEmpty() || isIdentifierEscaped(identifier, type))
        return identifier;
    QString quoted = identifier;
    quoted.replace(u'"', QStringLiteral("\"\""));
    return u'"' + quoted + u'"';
}

QString PgSqlDriver::formatValue(const QSqlField &field, bool trimStrings) const
{
    PGconn *c = connection() ? connection()->handle() : nullptr;
    if (field.isNull() || !c)
        return QSqlDriver::formatValue(field, trimStrings);
    QByteArray text;
    switch (field.metaType().id()) {
    case QMetaType::QByteArray:
        text = "\\x" + field.value().toByteArray().toHex();
        break;
    case QMetaType::QString:
        text = (trimStrings ? field.value().toString().trimmed() : field.value().toString())
                   .toUtf8();
        break;
    default:
        return QSqlDriver::formatValue(field, trimStrings);
    }
    char *literal = PQescapeLiteral(c, text.constData(), size_t(text.size()));
    const QString out = literal ? QString::fromUtf8(literal) : QStringLiteral("NULL");
    PQfreemem(literal);
    return field.metaType().id() == QMetaType::QByteArray ? out + QStringLiteral("::bytea") : out;
}

QStringList PgSqlDriver::tables(QSql::TableType type) const
{
    QStringList kinds;
    if (type & QSql::Tables)
        kinds << QStringLiteral("r") << QStringLiteral("p");
    if (type & QSql::Views)
        kinds << QStringLiteral("v") << QStringLiteral("m");
    QStringList out;
    const auto read = [&](bool system, const QStringList &relkinds) {
        if (!connection() || relkinds.isEmpty())
            return;
        const PgResult r
            = connection()->exec(SqlResource::of("db", "qt_driver_tables"),
                                 {u'{' + relkinds.join(u',') + u'}', system ? "t" : "f"});
        for (int row = 0; r.ok() && row < r.rows(); ++row)
            out << r.value(row, 0);
    };
    read(false, kinds);
    if (type & QSql::SystemTables)
        read(true, {QStringLiteral("r"), QStringLiteral("v")});
    return out;
}

QSqlRecord PgSqlDriver::record(const QString &tableName) const
{
    QSqlRecord out;
    if (!connection())
        return out;
    const PgResult r = connection()->exec(SqlResource::of("db", "qt_driver_columns"), {tableName});
    for (int row = 0; r.ok() && row < r.rows(); ++row) {
        const quint32 oid = r.value(row, 1).toUInt();
        QSqlField f(r.value(row, 0), QMetaType(PgSqlValue::typeOf(oid)), tableName);
        const int modifier = r.value(row, 2).toInt();
        if (oid == 1700 && modifier >= 4) { // numeric(precision, scale)
            f.setLength(((modifier - 4) >> 16) & 0xffff);
            f.setPrecision((modifier - 4) & 0xffff);
        } else if (modifier >= 4) { // char(n), varchar(n)
            f.setLength(modifier - 4);
        }
        f.setRequired(r.value(row, 3) == u"t");
        if (!r.isNull(row, 4))
            f.setDefaultValue(r.value(row, 4));
        out.append(f);
    }
    return out;
}

QSqlIndex PgSqlDriver::primaryIndex(const QString &tableName) const
{
    QSqlIndex index(tableName);
    if (!connection())
        return index;
    const PgResult r
        = connection()->exec(SqlResource::of("db", "qt_driver_primary_key"), {tableName});
    for (int row = 0; r.ok() && row < r.rows(); ++row) {
        index.setName(r.value(row, 0));
        index.append(QSqlField(r.value(row, 1),
                               QMetaType(PgSqlValue::typeOf(r.value(row, 2).toUInt())), tableName));
    }
    return index;
}

} // namespace uaip
