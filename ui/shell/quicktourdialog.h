#pragma once

#include <QDialog>
#include <QString>

class QTextBrowser;

namespace uaip {

// The README's "Quick tour" section (the README is built into the program), for the start
// page: readable without a browser, an installed copy or a network.
class QuickTourDialog : public QDialog
{
    Q_OBJECT
public:
    explicit QuickTourDialog(QWidget *parent = nullptr);

    // The section of markdown under the heading "## <heading>", up to the next "## " heading
    // (empty when there is none).
    static QString section(const QString &markdown, const QString &heading);
    QTextBrowser *browser() const { return m_browser; }

private:
    QTextBrowser *m_browser;
};

} // namespace uaip
