#pragma once

#include "error/result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QStringList>

namespace uaip {

class PgConnection;
class PromptTextCodec;

// Exports prompts as a seed file (format 1, PromptSeedFile reads it back): one, a selection
// (prompt ids) or all. The current version of each. Encrypted texts are exported only with
// decrypt set AND a codec that can decode them; otherwise the export fails naming the
// prompt (nothing is written).
class PromptExporter
{
    Q_DECLARE_TR_FUNCTIONS(uaip::PromptExporter)
public:
    explicit PromptExporter(PgConnection &connection, const PromptTextCodec *codec = nullptr);

    // promptIds empty = all prompts. The JSON text, indented.
    Result<QByteArray> exportJson(const QStringList &promptIds, bool decrypt);
    // Writes the file only when the export succeeded (atomically, QSaveFile); returns the
    // number of prompts written.
    Result<int> exportFile(const QStringList &promptIds, bool decrypt, const QString &path);

private:
    Result<QByteArray> build(const QStringList &promptIds, bool decrypt, int *count);

    PgConnection &m_connection;
    const PromptTextCodec *m_codec;
};

} // namespace uaip
