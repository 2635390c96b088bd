#pragma once

#include "clistreams.h"

#include <QFile>
#include <QJsonObject>
#include <QString>
#include <QTextStream>

#include <memory>

namespace uaip {

// Where uaip-migrate writes: human text on stdout, or one JSON document per command
// (--json). Progress and notices go to stderr in JSON mode, one JSON object per line, so
// stdout stays one document and stderr can be read as it comes. "stdout" and "stderr" are the
// devices of streams (CliStreams), the process's own where none is given. Every text written
// here is written with its control characters visible (CliText::keepingLines: its line breaks
// and tabs kept, an ESC, a lone CR, a DEL ... as \x1b, \r, \x7f), so a name from a file, the
// database or the server's words cannot move the cursor or rewrite the terminal; bytes() does
// the same for a file's bytes; JSON is escaped by JSON.
class CliOutput
{
public:
    CliOutput(bool json, const CliStreams &streams);
    ~CliOutput();

    bool json() const { return m_json; }
    void line(const QString &text); // result text (suppressed in JSON mode)
    // Bytes written to stdout as they are, and a line end (suppressed in JSON mode): a file's
    // text without turning it into a QString first (a 50 MB up.sql in a dry run).
    void bytes(QByteArrayView text);
    // stdout in text mode; in JSON mode {"event": "message", "text": ...} on stderr (event())
    void progress(const QString &text);
    void error(const QString &text); // always stderr
    // A notice about how the command runs, not its result (the sandbox started, a setting
    // noticed): always stderr, so `uaip-migrate ddl X > x.sql` writes only the result; in JSON
    // mode as a {"event": "message"} line.
    void notice(const QString &text);
    void document(const QJsonObject &doc); // JSON mode only
    // Progress as it happens: in JSON mode one compact JSON object per line on stderr (what
    // scripts read while the run goes on); in text mode the text on stdout.
    void event(const QJsonObject &event, const QString &text);
    // The devices behind stdout and stderr, for a command that formats its own text: a
    // QTextStream over one writes where a QTextStream over stdout or stderr would.
    QIODevice *outDevice() const { return m_outDevice; }
    QIODevice *errDevice() const { return m_errDevice; }

private:
    bool m_json;
    std::unique_ptr<QFile> m_stdout; // the process's stdout when streams had no out device
    std::unique_ptr<QFile> m_stderr;
    QIODevice *m_outDevice;
    QIODevice *m_errDevice;
    QTextStream m_out;
    QTextStream m_err;
};

} // namespace uaip
