#pragma once
// Word-level comparison of two texts, for revisions and for a document as sent to the force
// against the document as it stands. The edit script comes from dtl (Debian's libdtl-dev), an
// implementation of Wu's O(NP) difference algorithm; this file only cuts text into words and
// writes the result as tracked changes.

#include <QList>
#include <QString>

namespace fwb::diff {

enum class Op { Equal, Insert, Delete };

struct Piece {
    Op op = Op::Equal;
    QString text;
    bool operator==(const Piece&) const = default;
};

// Words, runs of spaces and single punctuation marks are the units compared; neighbouring pieces
// of the same kind are joined. Joining the Equal and Delete pieces gives `before`, joining the
// Equal and Insert pieces gives `after`.
QList<Piece> words(const QString& before, const QString& after);

// The text with changes marked [-deleted-] and {+inserted+}, as `git diff --word-diff` does.
QString toText(const QList<Piece>& pieces);
// HTML (escaped) with deletions struck through in red and insertions underlined in green.
QString toHtml(const QList<Piece>& pieces);
// The number of pieces inserted or deleted: 0 when the texts are the same.
int changeCount(const QList<Piece>& pieces);

} // namespace fwb::diff
