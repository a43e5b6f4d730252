#include "chart.h"

#include "style.h"

#include <QAbstractTextDocumentLayout>
#include <QBuffer>
#include <QFontMetricsF>
#include <QPainter>
#include <QSvgGenerator>
#include <QTextDocument>
#include <QVariantMap>
#include <cmath>

namespace fwb::documents {
namespace {

QString L(const char* s) { return QString::fromLatin1(s); }

using style::number;

// A tidy axis maximum: 1, 2, 2.5 or 5 times a power of ten, at or above the largest value.
double niceCeiling(double v)
{
    if (v <= 0)
        return 1;
    const double p = std::pow(10.0, std::floor(std::log10(v)));
    for (double m : {1.0, 2.0, 2.5, 5.0, 10.0})
        if (m * p >= v)
            return m * p;
    return 10 * p;
}

} // namespace

bool ChartSpec::hasNational() const
{
    for (const auto& v : national)
        if (v)
            return true;
    return false;
}

QVariant ChartSpec::toVariant() const
{
    QVariantList f, n;
    for (double v : force)
        f << v;
    for (const auto& v : national)
        n << (v ? QVariant(*v) : QVariant());
    return QVariantMap{{L("title"), title},           {L("unit"), unit},       {L("forceLabel"), forceLabel},
                       {L("nationalLabel"), nationalLabel}, {L("categories"), categories}, {L("force"), f},
                       {L("national"), n}};
}

ChartSpec ChartSpec::fromVariant(const QVariant& v)
{
    const QVariantMap m = v.toMap();
    ChartSpec s;
    s.title = m.value(L("title")).toString();
    s.unit = m.value(L("unit")).toString();
    s.forceLabel = m.value(L("forceLabel")).toString();
    s.nationalLabel = m.value(L("nationalLabel")).toString();
    s.categories = m.value(L("categories")).toStringList();
    for (const QVariant& x : m.value(L("force")).toList())
        s.force << x.toDouble();
    for (const QVariant& x : m.value(L("national")).toList())
        s.national << (x.isValid() && !x.isNull() ? std::optional<double>(x.toDouble()) : std::nullopt);
    return s;
}

QSizeF ChartSpec::sizeFor(qreal width, qreal pointSize) const
{
    const qreal bar = pointSize * (hasNational() ? 2.6 : 1.6);
    const qreal legend = pointSize * 3.2;
    const qreal axis = pointSize * 2.4;
    return {width, legend + axis + categories.size() * (bar + pointSize * 1.1) + pointSize};
}

void ChartSpec::paint(QPainter& p, const QRectF& rect, qreal pt) const
{
    p.save();
    p.setRenderHint(QPainter::Antialiasing);
    QFont font = style::bodyFont();
    font.setPixelSize(qMax(1, int(std::lround(pt * 0.85))));
    p.setFont(font);
    const QFontMetricsF fm(font);
    const bool both = hasNational();

    // Legend across the top.
    qreal x = rect.left();
    const qreal legendY = rect.top() + pt * 0.4;
    auto legendItem = [&](const QColor& c, const QString& label) {
        p.fillRect(QRectF(x, legendY, pt, pt), c);
        p.setPen(style::ink());
        p.drawText(QPointF(x + pt * 1.4, legendY + pt * 0.85), label);
        x += pt * 2.4 + fm.horizontalAdvance(label);
    };
    legendItem(style::accent(), forceLabel);
    if (both)
        legendItem(style::national(), nationalLabel);
    if (!unit.isEmpty()) {
        p.setPen(style::muted());
        p.drawText(QRectF(rect.left(), legendY - pt * 0.2, rect.width(), pt * 1.4), Qt::AlignRight | Qt::AlignVCenter, unit);
    }

    // Category labels on the left, bars to the right of them.
    qreal labelWidth = 0;
    for (const QString& c : categories)
        labelWidth = qMax(labelWidth, fm.horizontalAdvance(c));
    labelWidth = qMin(labelWidth + pt, rect.width() * 0.4);
    double lo = 0, hi = 0;
    for (double v : force) {
        lo = qMin(lo, v);
        hi = qMax(hi, v);
    }
    for (const auto& v : national)
        if (v) {
            lo = qMin(lo, *v);
            hi = qMax(hi, *v);
        }
    hi = hi > 0 ? niceCeiling(hi) : 0;
    lo = lo < 0 ? -niceCeiling(-lo) : 0;
    if (hi - lo <= 0)
        hi = 1;
    const qreal valueRoom = fm.horizontalAdvance(L("000,000.0")) * 0.8;
    const QRectF plot(rect.left() + labelWidth, rect.top() + pt * 3.2, rect.width() - labelWidth - valueRoom,
                      rect.height() - pt * 3.2 - pt * 2.4);
    auto xOf = [&](double v) { return plot.left() + (v - lo) / (hi - lo) * plot.width(); };

    // Grid lines and axis labels at quarters.
    for (int i = 0; i <= 4; ++i) {
        const double v = lo + (hi - lo) * i / 4;
        const qreal gx = xOf(v);
        p.setPen(QPen(style::rule(), 0.5));
        p.drawLine(QPointF(gx, plot.top()), QPointF(gx, plot.bottom()));
        p.setPen(style::muted());
        const QString label = number(v);
        p.drawText(QPointF(gx - fm.horizontalAdvance(label) / 2, plot.bottom() + pt * 1.4), label);
    }
    const qreal rowHeight = categories.isEmpty() ? 0 : plot.height() / categories.size();
    const qreal barHeight = both ? rowHeight * 0.36 : rowHeight * 0.6;
    for (qsizetype i = 0; i < categories.size(); ++i) {
        const qreal top = plot.top() + i * rowHeight;
        p.setPen(style::ink());
        p.drawText(QRectF(rect.left(), top, labelWidth - pt * 0.6, rowHeight), Qt::AlignRight | Qt::AlignVCenter | Qt::TextWordWrap,
                   categories[i]);
        auto bar = [&](double v, qreal y, const QColor& colour) {
            const qreal x0 = xOf(0), x1 = xOf(v);
            p.fillRect(QRectF(QPointF(qMin(x0, x1), y), QPointF(qMax(x0, x1), y + barHeight)), colour);
            p.setPen(style::ink());
            const QString label = number(v);
            p.drawText(QPointF(qMax(x0, x1) + pt * 0.3, y + barHeight / 2 + fm.capHeight() / 2), label);
        };
        const qreal first = top + (rowHeight - (both ? 2 * barHeight + pt * 0.15 : barHeight)) / 2;
        if (i < force.size())
            bar(force[i], first, style::accent());
        if (both && i < national.size() && national[i])
            bar(*national[i], first + barHeight + pt * 0.15, style::national());
    }
    p.setPen(QPen(style::ink(), 0.8));
    p.drawLine(QPointF(xOf(0), plot.top()), QPointF(xOf(0), plot.bottom()));
    p.restore();
}

QByteArray ChartSpec::toSvg(int width) const
{
    const qreal pt = 13;
    const QSizeF size = sizeFor(width, pt);
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    QSvgGenerator svg;
    svg.setOutputDevice(&buffer);
    svg.setSize(size.toSize());
    svg.setViewBox(QRectF(QPointF(0, 0), size));
    svg.setTitle(title);
    {
        QPainter p(&svg);
        paint(p, QRectF(QPointF(0, 0), size), pt);
    }
    return buffer.data();
}

void ChartObject::install(QTextDocument* document)
{
    QAbstractTextDocumentLayout* layout = document->documentLayout();
    if (layout->handlerForObject(ChartObjectType))
        return;
    layout->registerHandler(ChartObjectType, new ChartObject(document));
}

QSizeF ChartObject::intrinsicSize(QTextDocument* doc, int, const QTextFormat& format)
{
    const ChartSpec spec = ChartSpec::fromVariant(format.property(ChartSpecProperty));
    qreal width = doc->pageSize().width() > 0 ? doc->pageSize().width() : doc->textWidth();
    if (width <= 0)
        width = 600;
    width -= 2 * doc->documentMargin() + 2;
    const QFontMetricsF fm(doc->defaultFont(), doc->documentLayout()->paintDevice());
    return spec.sizeFor(width, fm.height() * 0.8);
}

void ChartObject::drawObject(QPainter* painter, const QRectF& rect, QTextDocument* doc, int, const QTextFormat& format)
{
    const ChartSpec spec = ChartSpec::fromVariant(format.property(ChartSpecProperty));
    const QFontMetricsF fm(doc->defaultFont(), doc->documentLayout()->paintDevice());
    spec.paint(*painter, rect, fm.height() * 0.8);
}

} // namespace fwb::documents
