#pragma once
// Charts in assembled documents: a force's figures against England and Wales (or over time), kept
// in the QTextDocument as an inline object and drawn with QPainter — so a PDF or a printer gets
// vector graphics, and the HTML and ODT exporters get an SVG or an image of the same drawing.

#include <QList>
#include <QObject>
#include <QSizeF>
#include <QString>
#include <QStringList>
#include <QTextObjectInterface>
#include <optional>

class QPainter;
class QTextDocument;

namespace fwb::documents {

struct ChartSpec {
    // Bars: the force against England and Wales, a row per category. Line: one figure over
    // time, a point per period for the force and for England and Wales. Forces: one figure for
    // every force that has it, a column each with `marked` the force reported on, and England
    // and Wales as a line across.
    enum class Kind { Bars, Line, Forces };
    Kind kind = Kind::Bars;
    int marked = -1;
    QString title;
    QString unit;
    QString forceLabel;
    QString nationalLabel = QStringLiteral("England and Wales");
    QStringList categories;
    QList<double> force;
    QList<std::optional<double>> national;

    bool hasNational() const;
    QVariant toVariant() const;
    static ChartSpec fromVariant(const QVariant& v);
    // The size that reads well at this width (height grows with the number of categories).
    QSizeF sizeFor(qreal width, qreal pointSize) const;
    // Draws into `rect`; `pointSize` is the body text size in the painter's units.
    void paint(QPainter& painter, const QRectF& rect, qreal pointSize) const;
    QByteArray toSvg(int width) const;

private:
    void paintLine(QPainter& painter, const QRectF& rect, qreal pointSize) const;
    void paintForces(QPainter& painter, const QRectF& rect, qreal pointSize) const;
};

// The object type charts have in a QTextDocument, and the character format property holding the
// ChartSpec.
inline constexpr int ChartObjectType = QTextFormat::UserObject + 1;
inline constexpr int ChartSpecProperty = QTextFormat::UserProperty + 1;

class ChartObject : public QObject, public QTextObjectInterface {
    Q_OBJECT
    Q_INTERFACES(QTextObjectInterface)
public:
    using QObject::QObject;
    // Registers a ChartObject with the document's layout (once), owned by the document.
    static void install(QTextDocument* document);

    QSizeF intrinsicSize(QTextDocument* doc, int posInDocument, const QTextFormat& format) override;
    void drawObject(QPainter* painter, const QRectF& rect, QTextDocument* doc, int posInDocument,
                    const QTextFormat& format) override;
};

} // namespace fwb::documents
