#include "seedfieldreader.h"

#include <QJsonArray>

#include <cmath>

namespace uaip {

SeedFieldReader::SeedFieldReader(const QJsonObject &object, const QString &prefix,
                                 QStringList *errors)
    : m_object(object)
    , m_prefix(prefix)
    , m_errors(errors)
{ }

void SeedFieldReader::error(const QString &message)
{
    m_errors->append(QStringLiteral("%1: %2").arg(m_prefix, message));
}

// The JSON type of a value, as it ends messages like 'field "x" must be a string, not %2'.
// null is JSON's own word and stays as it is.
QString SeedFieldReader::typeName(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null:
        return QStringLiteral("null");
    case QJsonValue::Bool:
        //: the JSON type of a value, inserted as %2 in: field "x" must be a string, not %2
        return tr("a boolean");
    case QJsonValue::Double:
        return tr("a number");
    case QJsonValue::String:
        return tr("a string");
    case QJsonValue::Array:
        return tr("an array");
    case QJsonValue::Object:
        return tr("an object");
    case QJsonValue::Undefined:
        break;
    }
    return QStringLiteral("undefined");
}

bool SeedFieldReader::has(const QString &key) const
{
    return m_object.contains(key);
}

bool SeedFieldReader::present(const QString &key, bool required)
{
    if (m_object.contains(key))
        return true;
    if (required)
        error(tr("missing field \"%1\"").arg(key));
    return false;
}

QString SeedFieldReader::string(const QString &key, int maxLength, bool allowEmpty)
{
    if (!present(key, true))
        return QString();
    const QJsonValue v = m_object.value(key);
    if (!v.isString()) {
        error(tr("field \"%1\" must be a string, not %2").arg(key, typeName(v)));
        return QString();
    }
    const QString s = v.toString();
    if (!allowEmpty && s.trimmed().isEmpty())
        error(tr("field \"%1\" must not be empty").arg(key));
    else if (maxLength > 0 && s.size() > maxLength)
        error(tr("field \"%1\" is %2 characters long, at most %3 fit")
                  .arg(key)
                  .arg(s.size())
                  .arg(maxLength));
    return s;
}

std::optional<QString> SeedFieldReader::optionalString(const QString &key, int maxLength)
{
    if (!present(key, false) || m_object.value(key).isNull())
        return std::nullopt;
    return string(key, maxLength, true);
}

QString SeedFieldReader::enumValue(const QString &key, const QStringList &allowed, bool required)
{
    if (!present(key, required) || (!required && m_object.value(key).isNull()))
        return QString();
    const QString s = string(key, 0, true);
    if (m_object.value(key).isString() && !allowed.contains(s))
        error(tr("field \"%1\" is \"%2\"; it must be one of %3")
                  .arg(key, s, allowed.join(QStringLiteral(", "))));
    return s;
}

double SeedFieldReader::number(const QString &key, double lo, double hi)
{
    if (!present(key, true))
        return lo;
    const QJsonValue v = m_object.value(key);
    if (!v.isDouble()) {
        error(tr("field \"%1\" must be a number, not %2").arg(key, typeName(v)));
        return lo;
    }
    const double d = v.toDouble();
    if (!(d >= lo && d <= hi))
        error(
            tr("field \"%1\" is %2; it must be between %3 and %4").arg(key).arg(d).arg(lo).arg(hi));
    return d;
}

std::optional<double> SeedFieldReader::optionalNumber(const QString &key, double lo, double hi)
{
    if (!present(key, false) || m_object.value(key).isNull())
        return std::nullopt;
    return number(key, lo, hi);
}

int SeedFieldReader::integer(const QString &key, int lo, int hi)
{
    if (!present(key, true))
        return lo;
    const QJsonValue v = m_object.value(key);
    const double d = v.toDouble();
    if (!v.isDouble() || std::floor(d) != d) {
        error(tr("field \"%1\" must be an integer, not %2")
                  .arg(key, v.isDouble() ? QString::number(d) : typeName(v)));
        return lo;
    }
    if (d < lo || d > hi) {
        error(
            tr("field \"%1\" is %2; it must be between %3 and %4").arg(key).arg(d).arg(lo).arg(hi));
        return lo;
    }
    return int(d);
}

QStringList SeedFieldReader::stringList(const QString &key, bool required, bool unique)
{
    QStringList out;
    if (!present(key, required))
        return out;
    const QJsonValue v = m_object.value(key);
    if (!v.isArray()) {
        error(tr("field \"%1\" must be an array of strings, not %2").arg(key, typeName(v)));
        return out;
    }
    const QJsonArray a = v.toArray();
    for (int i = 0; i < a.size(); ++i) {
        if (!a.at(i).isString()) {
            error(tr("field \"%1\"[%2] must be a string, not %3")
                      .arg(key)
                      .arg(i)
                      .arg(typeName(a.at(i))));
            continue;
        }
        const QString s = a.at(i).toString();
        if (unique && out.contains(s))
            error(tr("field \"%1\" lists \"%2\" twice").arg(key, s));
        out.append(s);
    }
    return out;
}

std::optional<QJsonObject> SeedFieldReader::optionalObject(const QString &key)
{
    if (!present(key, false) || m_object.value(key).isNull())
        return std::nullopt;
    const QJsonValue v = m_object.value(key);
    if (!v.isObject()) {
        error(tr("field \"%1\" must be an object or null, not %2").arg(key, typeName(v)));
        return std::nullopt;
    }
    return v.toObject();
}

void SeedFieldReader::rejectUnknown(const QStringList &known)
{
    for (auto it = m_object.constBegin(); it != m_object.constEnd(); ++it)
        if (!known.contains(it.key()))
            error(tr("unknown field \"%1\" (known: %2)")
                      .arg(it.key(), known.join(QStringLiteral(", "))));
}

} // namespace uaip
