#pragma once
// ReviewMovesBar: the bar over the Review tab — which document, its place in the lifecycle as a
// badge, and the moves open to it as buttons named for what they do (mark ready, send for the
// factual accuracy check, close the round, sign off, publish, reopen), with importing the force's
// form, writing the pack again and the closing record. A move the review would refuse is shown
// disabled, with the reason as its tooltip. The bar asks; the ReviewWorkspace acts.

#include "core/domain/types.h"

#include <QList>
#include <QWidget>
#include <optional>

class QComboBox;
class QHBoxLayout;
class QLabel;
class QPushButton;

namespace fwb {
class ReviewService;
struct ReviewRound;
} // namespace fwb

namespace fwb::app {

class ReviewMovesBar : public QWidget {
    Q_OBJECT
public:
    explicit ReviewMovesBar(QWidget* parent = nullptr);

    QComboBox* documentBox() const { return m_document; }
    QLabel* statusLabel() const { return m_status; }
    QList<QPushButton*> moveButtons() const { return m_moveButtons; }
    QString currentDocument() const;

    // Lists the documents (uid, label), keeping `keep` selected where it is listed. Announces
    // nothing.
    void setDocuments(const QList<QPair<QString, QString>>& documents, const QString& keep);
    // The document's status and the moves open from it (none: an empty bar).
    void showDocument(const std::optional<Document>& document, const ReviewService* review,
                      bool writable, const std::optional<ReviewRound>& round);

Q_SIGNALS:
    void documentChosen();
    void moveRequested(const QString& status);
    void importRequested();
    void repackRequested();
    void recordRequested();

private:
    void clearMoves();

    QComboBox* m_document;
    QLabel* m_status;
    QHBoxLayout* m_moves;
    QList<QPushButton*> m_moveButtons;
    QPushButton* m_import;
    QPushButton* m_repack;
    QPushButton* m_record;
    bool m_filling = false;
};

} // namespace fwb::app
