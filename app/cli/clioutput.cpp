#include "clioutput.h"

#include <QJsonDocument>

#include <cstdio>

namespace uaip {

CliOutput::CliOutput(bool json)
    : m_json(json)
    , m_out(stdout)
    , m_err(stderr)
{ }

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
    std::fwrite(text.data(), 1, std::size_t(text.size()), stdout);
    std::fputc('\n', stdout);
    std::fflush(stdout);
}

void CliOutput::progress(const QString &text)
{
    event({{QStringLiteral("event"), QStringLiteral("message")}, {QStringLiteral("text"), text}},
          text);
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
