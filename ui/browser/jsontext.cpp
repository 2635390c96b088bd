#include "jsontext.h"

#include "browse/jsonsyntax.h"

namespace uaip {

bool JsonText::isValid(const QString &text, QString *error)
{
    const QString problem = JsonSyntax::problem(text);
    if (!problem.isEmpty() && error)
        *error = problem;
    return problem.isEmpty();
}

QString JsonText::pretty(const QString &text)
{
    // Token by token: a number keeps its digits (QJsonDocument would round it to a double).
    return JsonSyntax::pretty(text);
}

} // namespace uaip
