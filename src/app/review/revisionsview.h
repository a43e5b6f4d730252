#pragma once
// RevisionsView: the revisions of one text (a finding, a judgment's summary, a section) and a
// word-level comparison of any two of them, or of one with the text now, shown as tracked
// changes: deletions struck through in red, insertions underlined in green. Exports as PDF.

#include "core/services/review.h"

#include <QPointer>
#include <QWidget>

class QComboBox;
class QLabel;
class QPushButton;
class QTextBrowser;

namespace fwb::app {

class RevisionsView : public QWidget {
    Q_OBJECT
public:
    explicit RevisionsView(QWidget* parent = nullptr);

    // Shows the revisions of a target ("finding:<uid>", "judgment:<p>/<f>/<q>", "section:<uid>").
    void show(Workbench* workbench, const QString& target, const QString& title = {});
    // Compares revision `from` with `to` (0: the text now).
    void compare(int from, int to);
    // Writes the comparison as a PDF, whole or not at all; lastError() says why it was not.
    bool exportPdf(const QString& path);
    QString lastError() const { return m_lastError; }

    QComboBox* fromBox() const { return m_from; }
    QComboBox* toBox() const { return m_to; }
    QTextBrowser* view() const { return m_view; }
    QLabel* summary() const { return m_summary; }

private:
    void refresh();
    QPointer<Workbench> m_wb;
    QString m_target, m_title;
    QComboBox* m_from = nullptr;
    QComboBox* m_to = nullptr;
    QLabel* m_summary = nullptr;
    QTextBrowser* m_view = nullptr;
    QPushButton* m_export = nullptr;
    QString m_lastError;
};

} // namespace fwb::app
