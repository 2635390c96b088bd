#include "sqlrunrequest.h"

namespace uaip {

SqlRunRequest SqlRunRequest::forScript(const QByteArray &text)
{
    SqlRunRequest r;
    r.script = text;
    r.statements = SqlScript(text).statements();
    return r;
}

SqlRunError SqlRunRequest::errorAt(int index, const Error &error, int prefixChars) const
{
    SqlRunError e;
    e.error = error;
    e.statementIndex = index;
    if (index < 0 || index >= statements.size())
        return e;
    const SqlStatement &st = statements.at(index);
    e.scriptOffset = st.offset;
    e.position = st.start;
    const int serverPos = error.server() ? error.server()->statementPosition : 0;
    const int charPos = serverPos - prefixChars; // 1-based in the statement
    if (serverPos > 0 && charPos > 0) {
        e.scriptOffset = SqlScript::offsetOf(st, charPos);
        e.position = TextPosition::fromOffset(script, e.scriptOffset);
    }
    e.statementPosition = charPos > 0 ? charPos : 0;
    return e;
}

} // namespace uaip
