#pragma once

#include <QByteArray>
#include <QString>
#include <QtGlobal>

#include <string_view>

namespace uaip {

// Appends rows for COPY ... FROM STDIN to a byte buffer, field by field, in PostgreSQL's text
// format (tab-separated, \N for NULL, backslash escapes for \\ \t \n \r) or in CSV (comma-
// separated, empty unquoted field for NULL, quoted where needed). Fast paths for the values
// bulk loads are made of: integers, fixed-point decimals, UUIDs and UTC timestamps.
class CopyRowWriter
{
public:
    enum class Format { Text, Csv };

    explicit CopyRowWriter(QByteArray *buffer, Format format = Format::Text);

    Format format() const { return m_format; }
    QByteArray *buffer() const { return m_buffer; }

    void text(std::string_view value); // escaped (text) or quoted (CSV) as needed
    void text(const char *value) { text(std::string_view(value)); }
    void text(const std::string &value) { text(std::string_view(value)); }
    void text(const QString &value);
    void null();
    void integer(qint64 value);
    // Fixed-point with 'digits' decimals, rounded half away from zero: decimal(0.125, 2) = 0.13.
    void decimal(double value, int digits);
    void boolean(bool value);
    // 8-4-4-4-12 lowercase hex of the 128 bits hi:lo.
    void uuid(quint64 hi, quint64 lo);
    // "YYYY-MM-DD HH:MM:SS+00" for seconds since 1970-01-01 UTC.
    void timestamp(qint64 epochSeconds);
    void endRow();

    qint64 rows() const { return m_rows; }

    // Escapes one value as a whole text-format field (no separators): for tests and tools.
    static QByteArray escapeText(std::string_view value);

private:
    void separator();

    QByteArray *m_buffer;
    Format m_format;
    bool m_firstField = true;
    qint64 m_rows = 0;
};

} // namespace uaip
