#pragma once

#include <QJsonObject>
#include <QString>
#include <QTextStream>

namespace uaip {

// Where uaip-migrate writes: human text on stdout, or one JSON document per command
// (--json). Progress and notices go to stderr in JSON mode so stdout stays parseable.
class CliOutput
{
public:
    explicit CliOutput(bool json);

    bool json() const { return m_json; }
    void line(const QString &text); // result text (suppressed in JSON mode)
    void progress(const QString &text); // stdout in text mode, stderr in JSON mode
    void error(const QString &text); // always stderr
    void document(const QJsonObject &doc); // JSON mode only

private:
    bool m_json;
    QTextStream m_out;
    QTextStream m_err;
};

} // namespace uaip
