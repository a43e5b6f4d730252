#pragma once
// ResponsesPane: the force's responses in the open round, with how many are decided: reference,
// category, the change proposed and the decision, the ones still to decide in bold.

#include "core/domain/types.h"

#include <QWidget>

class QLabel;
class QProgressBar;
class QTableWidget;

namespace fwb::app {

class ResponsesPane : public QWidget {
    Q_OBJECT
public:
    explicit ResponsesPane(QWidget* parent = nullptr);

    QTableWidget* table() const { return m_table; }
    QLabel* progressLabel() const { return m_progressLabel; }
    const QList<FaResponse>& responses() const { return m_shown; }
    // The response selected (nullptr: none).
    const FaResponse* current() const;
    bool selectRow(int row);
    bool selectResponse(const QString& uid);
    // Selects the first response still to decide (from row `from` on); false when none is.
    bool selectUndecided(int from = 0);

    // Lists the responses, selecting `keep` where it is listed. Announces nothing.
    void setResponses(const QList<FaResponse>& responses, const QString& keep);
    void setProgress(const QString& text, int decided, int total);
    void clear();

Q_SIGNALS:
    void currentChanged();

private:
    QLabel* m_progressLabel;
    QProgressBar* m_progress;
    QTableWidget* m_table;
    QList<FaResponse> m_shown;
    bool m_filling = false;
};

// "Factual error" for factual_error.
QString categoryLabel(const QString& code);
// "Accepted", "Partly accepted", "Rejected", else "To decide".
QString decisionLabel(const QString& decision);

} // namespace fwb::app
