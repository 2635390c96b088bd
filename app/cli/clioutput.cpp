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

void CliOutput::progress(const QString &text)
{
    (m_json ? m_err : m_out) << text << Qt::endl;
}

void CliOutput::error(const QString &text)
{
    m_out.flush();
    m_err << text << Qt::endl;
}

void CliOutput::document(const QJsonObject &doc)
{
    if (m_json)
        m_out << QJsonDocument(doc).toJson(QJsonDocument::Indented) << Qt::flush;
}

} // namespace uaip
