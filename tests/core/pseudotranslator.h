#pragma once

// Shared by the tests of translated core messages.
#include <QByteArray>
#include <QString>
#include <QTranslator>

namespace uaip::test {

// "Translates" every message of one translation context by putting it between « and », and
// leaves other contexts alone. Installed, it shows a test which texts went through tr() with
// the context lupdate writes to the .ts file ("uaip::<Class>"), and that %n and the
// placeholders are filled in after translating. The QTranslator destructor uninstalls it.
class PseudoTranslator : public QTranslator
{
public:
    explicit PseudoTranslator(const char *context)
        : m_context(context)
    { }

    QString translate(const char *context, const char *sourceText, const char * /*disambiguation*/,
                      int /*n*/) const override
    {
        if (m_context != context)
            return QString();
        return u'«' + QString::fromUtf8(sourceText) + u'»';
    }
    bool isEmpty() const override { return false; }

private:
    QByteArray m_context;
};

} // namespace uaip::test
