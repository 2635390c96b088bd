#include "sqlrunrequest.h"

#include "wrappedposition.h"

namespace uaip {

SqlRunRequest SqlRunRequest::forScript(const QByteArray &text)
{
    SqlRunRequest r;
    r.script = text;
    const SqlScript script(text);
    r.statements = script.statements();
    r.syntaxError = script.error();
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
    // the server's position in the statement as written (JSON's "position" too), none where it
    // points at the runner's own words
    e.error = WrappedPosition::unwrapped(error, prefixChars, WrappedPosition::chars(st.text));
    const int charPos = e.error.server() ? e.error.server()->statementPosition : 0;
    if (charPos > 0) {
        e.scriptOffset = SqlScript::offsetOf(st, charPos);
        e.position = TextPosition::fromOffset(script, e.scriptOffset);
    }
    e.statementPosition = charPos;
    return e;
}

} // namespace uaip
