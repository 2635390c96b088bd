#pragma once

#include <QCoreApplication>
#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <optional>

namespace uaip {

// Reads the typed fields of one JSON object of a seed file, and words every problem with
// the entry it is about: '<prefix>: missing field "system_prompt"',
// '<prefix>: field "temperature" must be a number, not a string'. Problems are appended to
// an error list; the values read are then defaults, never used for writing.
class SeedFieldReader
{
    Q_DECLARE_TR_FUNCTIONS(uaip::SeedFieldReader)
public:
    SeedFieldReader(const QJsonObject &object, const QString &prefix, QStringList *errors);

    void setPrefix(const QString &prefix) { m_prefix = prefix; }
    bool has(const QString &key) const;

    // maxLength counts characters (varchar(n)); 0 = unlimited.
    QString string(const QString &key, int maxLength = 0, bool allowEmpty = false);
    std::optional<QString> optionalString(const QString &key, int maxLength = 0); // absent/null
    QString enumValue(const QString &key, const QStringList &allowed, bool required);
    double number(const QString &key, double lo, double hi);
    std::optional<double> optionalNumber(const QString &key, double lo, double hi);
    int integer(const QString &key, int lo, int hi);
    // An array of strings; distinct items when unique is set.
    QStringList stringList(const QString &key, bool required, bool unique = false);
    std::optional<QJsonObject> optionalObject(const QString &key); // absent/null -> nullopt
    // Fields of the object not in 'known'.
    void rejectUnknown(const QStringList &known);

    void error(const QString &message);
    static QString typeName(const QJsonValue &value);

private:
    bool present(const QString &key, bool required); // reports a missing required field

    QJsonObject m_object;
    QString m_prefix;
    QStringList *m_errors;
};

} // namespace uaip
