#include "clioutput.h"

#include "clitext.h"
#include "util/visibletext.h"

#include <QJsonDocument>

#include <cstdio>

namespace uaip {

namespace {

// The process's stream as a device (what QTextStream(stdout) makes), unless one was given.
std::unique_ptr<QFile> processStream(const QIODevice *given, FILE *stream)
{
    if (given)
        return nullptr;
    auto file = std::make_unique<QFile>();
    (void)file->open(stream, QIODevice::WriteOnly); // the handle stays open when the file goes
    return file;
}

// The length of the UTF-8 sequence at i and its code point; 1 and the byte where the bytes are
// no UTF-8 (they are passed on as they are).
qsizetype decode(QByteArrayView text, qsizetype i, char32_t *c)
{
    const auto lead = uchar(text[i]);
    *c = lead;
    const qsizetype n = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc0 ? 2 : 1;
    if (n == 1 || i + n > text.size())
        return 1;
    char32_t code = lead & (0x7f >> n);
    for (qsizetype k = 1; k < n; ++k) {
        const auto next = uchar(text[i + k]);
        if ((next & 0xc0) != 0x80)
            return 1;
        code = (code << 6) | (next & 0x3f);
    }
    *c = code;
    return n;
}

// Whether the character at i (n bytes, code point c) is written as it is: no control or format
// character, or LF, a tab, or a CR before LF (as VisibleText::escapedKeepingLines has it).
bool kept(QByteArrayView text, qsizetype i, char32_t c)
{
    return !VisibleText::isControl(c) || c == U'\n' || c == U'\t'
        || (c == U'\r' && i + 1 < text.size() && text[i + 1] == '\n');
}

} // namespace

CliOutput::CliOutput(bool json, const CliStreams &streams)
    : m_json(json)
    , m_stdout(processStream(streams.out, stdout))
    , m_stderr(processStream(streams.err, stderr))
    , m_outDevice(streams.out ? streams.out : m_stdout.get())
    , m_errDevice(streams.err ? streams.err : m_stderr.get())
    , m_out(m_outDevice)
    , m_err(m_errDevice)
{ }

CliOutput::~CliOutput() = default;

void CliOutput::line(const QString &text)
{
    if (!m_json)
        m_out << CliText::keepingLines(text) << Qt::endl;
}

void CliOutput::bytes(QByteArrayView text)
{
    if (m_json)
        return;
    m_out.flush();
    // each run of bytes kept as it is at once; a control character between runs visibly
    qsizetype from = 0;
    for (qsizetype i = 0; i < text.size();) {
        char32_t c = 0;
        const qsizetype n = decode(text, i, &c);
        if (!kept(text, i, c)) {
            m_outDevice->write(text.data() + from, i - from);
            m_outDevice->write(VisibleText::escapedChar(c).toUtf8());
            from = i + n;
        }
        i += n;
    }
    m_outDevice->write(text.data() + from, text.size() - from);
    m_outDevice->putChar('\n');
    if (auto *file = qobject_cast<QFileDevice *>(m_outDevice))
        file->flush();
}

void CliOutput::progress(const QString &text)
{
    event({{QStringLiteral("event"), QStringLiteral("message")}, {QStringLiteral("text"), text}},
          text);
}

void CliOutput::notice(const QString &text)
{
    m_out.flush();
    if (m_json)
        m_err << QJsonDocument(QJsonObject{{QStringLiteral("event"), QStringLiteral("message")},
                                           {QStringLiteral("text"), text}})
                     .toJson(QJsonDocument::Compact)
              << Qt::endl;
    else
        m_err << CliText::keepingLines(text) << Qt::endl;
}

void CliOutput::error(const QString &text)
{
    m_out.flush();
    m_err << CliText::keepingLines(text) << Qt::endl;
}

void CliOutput::event(const QJsonObject &event, const QString &text)
{
    if (m_json)
        m_err << QJsonDocument(event).toJson(QJsonDocument::Compact) << Qt::endl;
    else
        m_out << CliText::keepingLines(text) << Qt::endl;
}

void CliOutput::document(const QJsonObject &doc)
{
    if (m_json)
        m_out << QJsonDocument(doc).toJson(QJsonDocument::Indented) << Qt::flush;
}

} // namespace uaip
