#include "copyrowwriter.h"

#include "civiltime.h"

#include <cmath>

namespace uaip {

namespace {

char *writeDigits(char *end, quint64 v)
{
    do {
        *--end = char('0' + v % 10);
        v /= 10;
    } while (v);
    return end;
}

void append2(QByteArray *b, int v)
{
    const char two[2] = {char('0' + v / 10), char('0' + v % 10)};
    b->append(two, 2);
}

} // namespace

CopyRowWriter::CopyRowWriter(QByteArray *buffer, Format format)
    : m_buffer(buffer)
    , m_format(format)
{ }

void CopyRowWriter::separator()
{
    if (!m_firstField)
        m_buffer->append(m_format == Format::Text ? '\t' : ',');
    m_firstField = false;
}

void CopyRowWriter::text(std::string_view value)
{
    separator();
    if (m_format == Format::Text) {
        const char *p = value.data();
        const char *end = p + value.size();
        const char *run = p;
        for (; p != end; ++p) {
            const char c = *p;
            char esc = 0;
            switch (c) {
            case '\\':
                esc = '\\';
                break;
            case '\t':
                esc = 't';
                break;
            case '\n':
                esc = 'n';
                break;
            case '\r':
                esc = 'r';
                break;
            default:
                continue;
            }
            m_buffer->append(run, qsizetype(p - run));
            const char pair[2] = {'\\', esc};
            m_buffer->append(pair, 2);
            run = p + 1;
        }
        m_buffer->append(run, qsizetype(end - run));
        return;
    }
    // CSV: quote empty strings (an unquoted empty field is NULL), and anything holding a
    // delimiter, quote, line break or backslash (a lone \. line would end the data).
    bool quote = value.empty();
    for (const char c : value) {
        if (c == ',' || c == '"' || c == '\n' || c == '\r' || c == '\\') {
            quote = true;
            break;
        }
    }
    if (!quote) {
        m_buffer->append(value.data(), qsizetype(value.size()));
        return;
    }
    m_buffer->append('"');
    const char *run = value.data();
    const char *end = run + value.size();
    for (const char *p = run; p != end; ++p) {
        if (*p == '"') {
            m_buffer->append(run, qsizetype(p - run + 1));
            m_buffer->append('"');
            run = p + 1;
        }
    }
    m_buffer->append(run, qsizetype(end - run));
    m_buffer->append('"');
}

void CopyRowWriter::text(const QString &value)
{
    const QByteArray utf8 = value.toUtf8();
    text(std::string_view(utf8.constData(), size_t(utf8.size())));
}

void CopyRowWriter::null()
{
    separator();
    if (m_format == Format::Text)
        m_buffer->append("\\N", 2);
}

void CopyRowWriter::integer(qint64 value)
{
    separator();
    char digits[24];
    char *end = digits + sizeof digits;
    const bool negative = value < 0;
    const quint64 magnitude = negative ? 0 - quint64(value) : quint64(value);
    char *begin = writeDigits(end, magnitude);
    if (negative)
        *--begin = '-';
    m_buffer->append(begin, qsizetype(end - begin));
}

void CopyRowWriter::decimal(double value, int digits)
{
    separator();
    static constexpr qint64 kScale[] = {1, 10, 100, 1000, 10000, 100000, 1000000};
    digits = qBound(0, digits, 6);
    const qint64 scaled = std::llround(value * double(kScale[digits]));
    const bool negative = scaled < 0;
    const quint64 magnitude = negative ? 0 - quint64(scaled) : quint64(scaled);
    char out[40];
    char *end = out + sizeof out;
    char *p = end;
    quint64 frac = magnitude % quint64(kScale[digits]);
    for (int i = 0; i < digits; ++i) {
        *--p = char('0' + frac % 10);
        frac /= 10;
    }
    if (digits > 0)
        *--p = '.';
    p = writeDigits(p, magnitude / quint64(kScale[digits]));
    if (negative)
        *--p = '-';
    m_buffer->append(p, qsizetype(end - p));
}

void CopyRowWriter::boolean(bool value)
{
    separator();
    m_buffer->append(value ? 't' : 'f');
}

void CopyRowWriter::uuid(quint64 hi, quint64 lo)
{
    separator();
    static constexpr char kHex[] = "0123456789abcdef";
    char out[36];
    int o = 0;
    for (int i = 0; i < 32; ++i) {
        if (i == 8 || i == 12 || i == 16 || i == 20)
            out[o++] = '-';
        const quint64 word = i < 16 ? hi : lo;
        const int shift = 60 - 4 * (i % 16);
        out[o++] = kHex[(word >> shift) & 0xf];
    }
    m_buffer->append(out, 36);
}

void CopyRowWriter::timestamp(qint64 epochSeconds)
{
    separator();
    const CivilTime t = CivilTime::fromEpoch(epochSeconds);
    char year[8];
    char *end = year + sizeof year;
    char *begin = writeDigits(end, quint64(qBound(0, t.year, 9999)));
    while (end - begin < 4)
        *--begin = '0';
    m_buffer->append(begin, qsizetype(end - begin));
    m_buffer->append('-');
    append2(m_buffer, t.month);
    m_buffer->append('-');
    append2(m_buffer, t.day);
    m_buffer->append(' ');
    append2(m_buffer, t.hour);
    m_buffer->append(':');
    append2(m_buffer, t.minute);
    m_buffer->append(':');
    append2(m_buffer, t.second);
    m_buffer->append("+00", 3);
}

void CopyRowWriter::endRow()
{
    m_buffer->append('\n');
    m_firstField = true;
    ++m_rows;
}

QByteArray CopyRowWriter::escapeText(std::string_view value)
{
    QByteArray out;
    CopyRowWriter w(&out);
    w.text(value);
    return out;
}

} // namespace uaip
