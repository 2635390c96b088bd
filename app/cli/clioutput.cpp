#include "clioutput.h"

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
        m_out << text << Qt::endl;
}

void CliOutput::bytes(QByteArrayView text)
{
    if (m_json)
        return;
    m_out.flush();
    m_outDevice->write(text.data(), text.size());
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
        m_err << text << Qt::endl;
}

void CliOutput::error(const QString &text)
{
    m_out.flush();
    m_err << text << Qt::endl;
}

void CliOutput::event(const QJsonObject &event, const QString &text)
{
    if (m_json)
        m_err << QJsonDocument(event).toJson(QJsonDocument::Compact) << Qt::endl;
    else
        m_out << text << Qt::endl;
}

void CliOutput::document(const QJsonObject &doc)
{
    if (m_json)
        m_out << QJsonDocument(doc).toJson(QJsonDocument::Indented) << Qt::flush;
}

} // namespace uaip
