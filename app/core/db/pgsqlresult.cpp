#include "pgsqlresult.h"

#include "pgconnection.h"
#include "pgsqldriver.h"
#include "pgsqlvalue.h"

#include <QSqlError>
#include <QSqlField>

#include <libpq-fe.h>

#include <utility>

Q_DECLARE_OPAQUE_POINTER(PGresult *)
Q_DECLARE_METATYPE(PGresult *)

namespace uaip {

namespace {

bool isWordChar(QChar c)
{
    return c.isLetterOrNumber() || c == u'_' || c == u'$';
}

// Where a quoted part that starts at i (a string, a quoted name, a dollar quote, a comment)
// ends, just after it; i when none starts there.
qsizetype skipQuoted(const QString &s, qsizetype i)
{
    const qsizetype n = s.size();
    const QChar c = s.at(i);
    if (c == u'\'' || c == u'"') {
        // E'...' has backslash escapes; a doubled quote is one
        const bool escapes = c == u'\'' && i > 0 && (s.at(i - 1) == u'E' || s.at(i - 1) == u'e')
            && (i < 2 || !isWordChar(s.at(i - 2)));
        qsizetype j = i + 1;
        while (j < n) {
            if (escapes && s.at(j) == u'\\') {
                j += 2;
            } else if (s.at(j) == c) {
                if (j + 1 < n && s.at(j + 1) == c)
                    j += 2;
                else
                    return j + 1;
            } else {
                ++j;
            }
        }
        return n;
    }
    if (c == u'-' && i + 1 < n && s.at(i + 1) == u'-') {
        const qsizetype end = s.indexOf(u'\n', i);
        return end < 0 ? n : end + 1;
    }
    if (c == u'/' && i + 1 < n && s.at(i + 1) == u'*') {
        int depth = 0;
        qsizetype j = i;
        while (j + 1 < n) {
            if (s.at(j) == u'/' && s.at(j + 1) == u'*') {
                ++depth;
                j += 2;
            } else if (s.at(j) == u'*' && s.at(j + 1) == u'/') {
                j += 2;
                if (--depth == 0)
                    return j;
            } else {
                ++j;
            }
        }
        return n;
    }
    if (c == u'$' && (i == 0 || !isWordChar(s.at(i - 1)))) {
        qsizetype j = i + 1;
        while (j < n && (s.at(j).isLetter() || s.at(j) == u'_' || (j > i + 1 && s.at(j).isDigit())))
            ++j;
        if (j < n && s.at(j) == u'$') { // $tag$ or $$
            const QString tag = s.mid(i, j - i + 1);
            const qsizetype end = s.indexOf(tag, j + 1);
            return end < 0 ? n : end + tag.size();
        }
    }
    return i;
}

// Calls code(i) for each position of s outside quotes, dollar quotes and comments.
template<typename Code>
void forEachCodeChar(const QString &s, Code code)
{
    qsizetype i = 0;
    while (i < s.size()) {
        const qsizetype after = skipQuoted(s, i);
        if (after > i) {
            i = after;
            continue;
        }
        code(i);
        ++i;
    }
}

} // namespace

PgSqlResult::PgSqlResult(const PgSqlDriver *driver)
    : QSqlResult(driver)
{ }

PgSqlResult::~PgSqlResult() = default;

PgConnection *PgSqlResult::connection() const
{
    const auto *d = static_cast<const PgSqlDriver *>(driver());
    return d && d->isOpen() ? d->connection() : nullptr;
}

QString PgSqlResult::numbered(const QString &statement)
{
    bool native = false;
    forEachCodeChar(statement, [&](qsizetype i) {
        if (statement.at(i) == u'$' && i + 1 < statement.size() && statement.at(i + 1).isDigit())
            native = true;
    });
    if (native)
        return statement;
    QString out;
    qsizetype copied = 0;
    int number = 0;
    forEachCodeChar(statement, [&](qsizetype i) {
        if (statement.at(i) != u'?')
            return;
        out += QStringView(statement).mid(copied, i - copied);
        out += u'$' + QString::number(++number);
        copied = i + 1;
    });
    out += QStringView(statement).mid(copied);
    return out;
}

void PgSqlResult::fail(const QString &message, const QString &sqlState)
{
    setLastError(
        QSqlError(tr("The statement failed"), message, QSqlError::StatementError, sqlState));
    setActive(false);
}

bool PgSqlResult::take(PgResult result)
{
    m_result = std::move(result);
    m_record.clear();
    setAt(QSql::BeforeFirstRow);
    if (!m_result.ok()) {
        const PgError e = m_result.error();
        fail(e.detail.isEmpty() ? e.message : e.message + QStringLiteral("\nDETAIL: ") + e.detail,
             e.sqlState);
        return false;
    }
    const bool rows = m_result.status() == PgResult::Status::TuplesOk;
    setSelect(rows);
    for (int c = 0; rows && c < m_result.columns(); ++c) {
        const quint32 oid = m_result.columnType(c);
        QSqlField f(m_result.columnName(c), QMetaType(PgSqlValue::typeOf(oid)));
        const int modifier = PQfmod(m_result.handle(), c);
        if (oid == 1700 && modifier >= 4) { // numeric(precision, scale)
            f.setLength(((modifier - 4) >> 16) & 0xffff);
            f.setPrecision((modifier - 4) & 0xffff);
        } else if (modifier >= 4 && (oid == 1042 || oid == 1043)) { // char(n), varchar(n)
            f.setLength(modifier - 4);
        }
        m_record.append(f);
    }
    setActive(true);
    return true;
}

bool PgSqlResult::reset(const QString &statement)
{
    setQuery(statement);
    PgConnection *c = connection();
    if (!c) {
        fail(tr("The database connection is not open"));
        return false;
    }
    return take(c->execOne(statement.toUtf8()));
}

bool PgSqlResult::prepare(const QString &statement)
{
    m_statement = numbered(statement);
    return true; // nothing is sent before exec(): no server-side prepared statement
}

bool PgSqlResult::exec()
{
    PgConnection *c = connection();
    if (!c) {
        fail(tr("The database connection is not open"));
        return false;
    }
    const QVariantList bound = boundValues();
    if (bound.isEmpty()) // a COPY it starts is ended at once (execOne)
        return take(c->execOne(m_statement.toUtf8()));
    QVariantList params;
    params.reserve(bound.size());
    for (const QVariant &v : bound)
        params << PgSqlValue::parameterOf(v);
    return take(c->exec(m_statement.toUtf8(), params));
}

QVariant PgSqlResult::data(int field)
{
    if (!isSelect() || at() < 0 || field < 0 || field >= m_result.columns())
        return QVariant();
    const quint32 oid = m_result.columnType(field);
    if (m_result.isNull(at(), field))
        return QVariant(QMetaType(PgSqlValue::typeOf(oid)));
    return PgSqlValue::valueOf(oid, m_result.view(at(), field));
}

bool PgSqlResult::isNull(int field)
{
    return !isSelect() || at() < 0 || field < 0 || field >= m_result.columns()
        || m_result.isNull(at(), field);
}

bool PgSqlResult::fetch(int row)
{
    if (!isActive() || !isSelect() || row < 0 || row >= m_result.rows())
        return false;
    setAt(row);
    return true;
}

bool PgSqlResult::fetchFirst()
{
    return fetch(0);
}

bool PgSqlResult::fetchLast()
{
    return fetch(m_result.rows() - 1);
}

int PgSqlResult::size()
{
    return isActive() && isSelect() ? m_result.rows() : -1;
}

int PgSqlResult::numRowsAffected()
{
    return isActive() ? int(m_result.affectedRows()) : -1;
}

QSqlRecord PgSqlResult::record() const
{
    return m_record;
}

QVariant PgSqlResult::handle() const
{
    return QVariant::fromValue(m_result.handle());
}

void PgSqlResult::detachFromResultSet()
{
    m_result = PgResult(); // QSqlQuery::finish(): the rows are not needed any more
}

} // namespace uaip
