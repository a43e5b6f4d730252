#include "documents/chart.h"

#include "documents/markdown.h"
#include "documents/style.h"

#include <QAbstractTextDocumentLayout>
#include <QBuffer>
#include <QFontMetricsF>
#include <QPainter>
#include <QSvgGenerator>
#include <QTextDocument>
#include <QVariantMap>
#include <cmath>
#include <functional>

using namespace Qt::StringLiterals;

namespace fwb::documents {
namespace {
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

namespace {
// Saves the painter (restored by the caller) and sets it up for a chart: antialiased, the body
// face at a little under the body size.
QFont begin(QPainter& p, qreal pt)
{
    p.save();
    p.setRenderHint(QPainter::Antialiasing);
    QFont font = style::bodyFont();
    font.setPixelSize(qMax(1, int(std::lround(pt * 0.85))));
    p.setFont(font);
    return font;
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
    return QVariantMap{{u"title"_s, title},
                       {u"unit"_s, unit},
                       {u"forceLabel"_s, forceLabel},
                       {u"nationalLabel"_s, nationalLabel},
                       {u"categories"_s, categories},
                       {u"force"_s, f},
                       {u"national"_s, n},
                       {u"kind"_s, int(kind)},
                       {u"marked"_s, marked}};
}

ChartSpec ChartSpec::fromVariant(const QVariant& v)
{
    const QVariantMap m = v.toMap();
    ChartSpec s;
    s.kind = Kind(qBound(0, m.value(u"kind"_s).toInt(), int(Kind::Forces)));
    s.marked = m.value(u"marked"_s, -1).toInt();
    s.title = m.value(u"title"_s).toString();
    s.unit = m.value(u"unit"_s).toString();
    s.forceLabel = m.value(u"forceLabel"_s).toString();
    s.nationalLabel = m.value(u"nationalLabel"_s).toString();
    s.categories = m.value(u"categories"_s).toStringList();
    for (const QVariant& x : m.value(u"force"_s).toList())
        s.force << x.toDouble();
    for (const QVariant& x : m.value(u"national"_s).toList())
        s.national << (x.isValid() && !x.isNull() ? std::optional<double>(x.toDouble())
                                                  : std::nullopt);
    return s;
}

QSizeF ChartSpec::sizeFor(qreal width, qreal pointSize) const
{
    if (kind == Kind::Line)
        return {width, pointSize * 3.2 + width * 0.38 + pointSize * 2.6};
    if (kind == Kind::Forces) { // room below for the names standing upright
        const QFontMetricsF fm(style::bodyFont());
        qreal longest = 0;
        for (const QString& c : categories)
            longest = qMax(longest, fm.horizontalAdvance(c) / fm.height());
        return {width, pointSize * 3.2 + width * 0.36 + pointSize * 0.85 * (longest * 1.2 + 1)};
    }
    const qreal bar = pointSize * (hasNational() ? 2.6 : 1.6);
    const qreal legend = pointSize * 3.2;
    const qreal axis = pointSize * 2.4;
    return {width, legend + axis + categories.size() * (bar + pointSize * 1.1) + pointSize};
}

void ChartSpec::paint(QPainter& p, const QRectF& rect, qreal pt) const
{
    if (kind == Kind::Line)
        return paintLine(p, rect, pt);
    if (kind == Kind::Forces)
        return paintForces(p, rect, pt);
    const QFont font = begin(p, pt);
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
        p.drawText(QRectF(rect.left(), legendY - pt * 0.2, rect.width(), pt * 1.4),
                   Qt::AlignRight | Qt::AlignVCenter, unit);
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
    const qreal valueRoom = fm.horizontalAdvance(u"000,000.0"_s) * 0.8;
    const QRectF plot(rect.left() + labelWidth, rect.top() + pt * 3.2,
                      rect.width() - labelWidth - valueRoom, rect.height() - pt * 3.2 - pt * 2.4);
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
        p.drawText(QRectF(rect.left(), top, labelWidth - pt * 0.6, rowHeight),
                   Qt::AlignRight | Qt::AlignVCenter | Qt::TextWordWrap, categories[i]);
        auto bar = [&](double v, qreal y, const QColor& colour) {
            const qreal x0 = xOf(0), x1 = xOf(v);
            p.fillRect(QRectF(QPointF(qMin(x0, x1), y), QPointF(qMax(x0, x1), y + barHeight)),
                       colour);
            p.setPen(style::ink());
            const QString label = number(v);
            p.drawText(QPointF(qMax(x0, x1) + pt * 0.3, y + barHeight / 2 + fm.capHeight() / 2),
                       label);
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

namespace {

// The legend across the top: a swatch and a label for each entry, the unit at the right.
void legend(QPainter& p, const QRectF& rect, qreal pt,
            const QList<std::pair<QColor, QString>>& entries, const QString& unit, bool lines)
{
    const QFontMetricsF fm(p.font());
    qreal x = rect.left();
    const qreal y = rect.top() + pt * 0.4;
    for (const auto& [colour, label] : entries) {
        if (lines) {
            p.setPen(QPen(colour, pt * 0.2));
            p.drawLine(QPointF(x, y + pt * 0.5), QPointF(x + pt * 1.4, y + pt * 0.5));
        } else {
            p.fillRect(QRectF(x, y, pt, pt), colour);
        }
        p.setPen(style::ink());
        const qreal at = x + (lines ? pt * 1.8 : pt * 1.4);
        p.drawText(QPointF(at, y + pt * 0.85), label);
        x = at + pt * 1.0 + fm.horizontalAdvance(label);
    }
    if (!unit.isEmpty()) {
        p.setPen(style::muted());
        p.drawText(QRectF(rect.left(), y - pt * 0.2, rect.width(), pt * 1.4),
                   Qt::AlignRight | Qt::AlignVCenter, unit);
    }
}

// An axis for values from lo to hi (and zero): tidy steps of 1, 2, 2.5 or 5 times a power of
// ten, about five of them, the ends on a step.
struct Axis {
    double lo = 0, hi = 1, step = 0.25;
};
Axis axisFor(const QList<double>& values)
{
    double lo = 0, hi = 0;
    for (double v : values) {
        lo = qMin(lo, v);
        hi = qMax(hi, v);
    }
    if (hi - lo <= 0)
        hi = lo + 1;
    const double raw = (hi - lo) / 5;
    const double p = std::pow(10.0, std::floor(std::log10(raw)));
    double step = 10 * p;
    for (double m : {1.0, 2.0, 2.5, 5.0})
        if (m * p >= raw) {
            step = m * p;
            break;
        }
    return {std::floor(lo / step + 1e-9) * step, std::ceil(hi / step - 1e-9) * step, step};
}

// A value on the axis with as many decimals as its step needs (0.25 → "0.75", 2.5 → "7.5").
QString axisLabel(double v, double step)
{
    int decimals = 0;
    while (decimals < 4 && std::abs(step * std::pow(10.0, decimals) -
                                    std::round(step * std::pow(10.0, decimals))) > 1e-6)
        ++decimals;
    return style::english().toString(v, 'f', decimals);
}

// The axis's grid across the plot, labels on the left.
void valueAxis(QPainter& p, const QRectF& plot, qreal pt, const Axis& axis,
               const std::function<qreal(double)>& yOf)
{
    const QFontMetricsF fm(p.font());
    for (double v = axis.lo; v <= axis.hi + axis.step / 2; v += axis.step) {
        const double at = std::abs(v) < axis.step / 1e6 ? 0 : v;
        const qreal y = yOf(at);
        p.setPen(QPen(style::rule(), 0.5));
        p.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y));
        p.setPen(style::muted());
        const QString label = axisLabel(at, axis.step);
        p.drawText(
            QPointF(plot.left() - pt * 0.4 - fm.horizontalAdvance(label), y + fm.capHeight() / 2),
            label);
    }
}

// Room on the left for the widest label of the axis.
qreal labelRoom(const QFontMetricsF& fm, const Axis& axis, qreal pt)
{
    qreal w = 0;
    for (double v = axis.lo; v <= axis.hi + axis.step / 2; v += axis.step)
        w = qMax(w,
                 fm.horizontalAdvance(axisLabel(std::abs(v) < axis.step / 1e6 ? 0 : v, axis.step)));
    return w + pt;
}

} // namespace

void ChartSpec::paintLine(QPainter& p, const QRectF& rect, qreal pt) const
{
    const QFont font = begin(p, pt);
    const QFontMetricsF fm(font);
    const bool both = hasNational();
    QList<std::pair<QColor, QString>> entries{{style::accent(), forceLabel}};
    if (both)
        entries.push_back({style::national(), nationalLabel});
    legend(p, rect, pt, entries, unit, true);
    QList<double> all(force.cbegin(), force.cend());
    for (const auto& v : national)
        if (v)
            all << *v;
    const Axis axis = axisFor(all);
    const double lo = axis.lo, hi = axis.hi;
    const qreal left = labelRoom(fm, axis, pt);
    const QRectF plot(rect.left() + left, rect.top() + pt * 3.2, rect.width() - left - pt,
                      rect.height() - pt * 3.2 - pt * 2.6);
    auto yOf = [&](double v) { return plot.bottom() - (v - lo) / (hi - lo) * plot.height(); };
    valueAxis(p, plot, pt, axis, yOf);
    const qsizetype n = categories.size();
    auto xOf = [&](qsizetype i) {
        return n <= 1 ? plot.center().x()
                      : plot.left() + pt + (plot.width() - 2 * pt) * i / (n - 1);
    };
    p.setPen(style::muted());
    for (qsizetype i = 0; i < n; ++i) {
        const QString label = categories[i];
        p.drawText(QPointF(xOf(i) - fm.horizontalAdvance(label) / 2, plot.bottom() + pt * 1.5),
                   label);
    }
    auto draw = [&](const QList<std::optional<double>>& values, const QColor& colour,
                    Qt::PenStyle style) {
        QPolygonF line;
        for (qsizetype i = 0; i < values.size() && i < n; ++i)
            if (values[i])
                line << QPointF(xOf(i), yOf(*values[i]));
        p.setPen(QPen(colour, pt * 0.2, style, Qt::RoundCap, Qt::RoundJoin));
        p.drawPolyline(line);
        p.setBrush(colour);
        p.setPen(Qt::NoPen);
        for (const QPointF& at : line)
            p.drawEllipse(at, pt * 0.28, pt * 0.28);
        p.setBrush(Qt::NoBrush);
    };
    if (both)
        draw(national, style::national(), Qt::DashLine);
    QList<std::optional<double>> mine;
    for (double v : force)
        mine << v;
    draw(mine, style::accent(), Qt::SolidLine);
    // The force's values beside its points, above or below as the line runs.
    p.setPen(style::ink());
    for (qsizetype i = 0; i < force.size() && i < n; ++i) {
        const QString label = number(force[i]);
        const bool below = i < national.size() && national[i] && *national[i] > force[i];
        p.drawText(QPointF(xOf(i) - fm.horizontalAdvance(label) / 2,
                           yOf(force[i]) + (below ? pt * 1.3 : -pt * 0.5)),
                   label);
    }
    p.setPen(QPen(style::ink(), 0.8));
    p.drawLine(QPointF(plot.left(), yOf(lo)), QPointF(plot.right(), yOf(lo)));
    p.restore();
}

void ChartSpec::paintForces(QPainter& p, const QRectF& rect, qreal pt) const
{
    const QFont font = begin(p, pt);
    const QFontMetricsF fm(font);
    const std::optional<double> line = national.isEmpty() ? std::nullopt : national.front();
    QList<std::pair<QColor, QString>> entries{{style::national(), QStringLiteral("Other forces")},
                                              {style::accent(), forceLabel}};
    if (line)
        entries.push_back({style::ink(), nationalLabel + u" ("_s + number(*line) + u")"_s});
    legend(p, rect, pt, entries, unit, false);
    QList<double> all(force.cbegin(), force.cend());
    if (line)
        all << *line;
    const Axis axis = axisFor(all);
    const double lo = axis.lo, hi = axis.hi;
    qreal names = 0;
    for (const QString& c : categories)
        names = qMax(names, fm.horizontalAdvance(c));
    const qreal left = labelRoom(fm, axis, pt);
    const QRectF plot(rect.left() + left, rect.top() + pt * 3.2, rect.width() - left - pt * 0.5,
                      rect.height() - pt * 3.2 - names - pt * 0.8);
    auto yOf = [&](double v) { return plot.bottom() - (v - lo) / (hi - lo) * plot.height(); };
    valueAxis(p, plot, pt, axis, yOf);
    const qsizetype n = force.size();
    const qreal step = n ? plot.width() / n : 0;
    for (qsizetype i = 0; i < n; ++i) {
        const qreal x = plot.left() + i * step;
        const qreal y0 = yOf(0), y1 = yOf(force[i]);
        p.fillRect(
            QRectF(QPointF(x + step * 0.12, qMin(y0, y1)), QPointF(x + step * 0.88, qMax(y0, y1))),
            i == marked ? style::accent() : style::national());
        // The name upright below the plot, reading upwards.
        p.save();
        p.translate(x + step / 2 + fm.capHeight() / 2,
                    plot.bottom() + pt * 0.4 + fm.horizontalAdvance(categories.value(i)));
        p.rotate(-90);
        QFont f = font;
        f.setBold(i == marked);
        p.setFont(f);
        p.setPen(style::ink());
        p.drawText(QPointF(0, 0), categories.value(i));
        p.restore();
    }
    p.setPen(QPen(style::ink(), 0.8));
    p.drawLine(QPointF(plot.left(), yOf(0)), QPointF(plot.right(), yOf(0)));
    if (line) {
        p.setPen(QPen(style::ink(), pt * 0.14, Qt::DashLine));
        p.drawLine(QPointF(plot.left(), yOf(*line)), QPointF(plot.right(), yOf(*line)));
    }
    if (marked >= 0 && marked < n) { // the force's value over its bar
        const QString label = number(force[marked]);
        const qreal x = plot.left() + marked * step + step / 2;
        const qreal y =
            force[marked] >= 0 ? yOf(force[marked]) - pt * 0.3 : yOf(force[marked]) + pt * 1.1;
        p.setPen(style::ink());
        p.drawText(QPointF(x - fm.horizontalAdvance(label) / 2, y), label);
    }
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
    // SVG is XML: no control characters in its labels, and the title escaped (Qt writes the title
    // as it is; the labels it escapes).
    ChartSpec shown = *this;
    shown.title = cleanText(title);
    shown.unit = cleanText(unit);
    shown.forceLabel = cleanText(forceLabel);
    shown.nationalLabel = cleanText(nationalLabel);
    for (QString& c : shown.categories)
        c = cleanText(c);
    svg.setTitle(shown.title.toHtmlEscaped());
    {
        QPainter p(&svg);
        shown.paint(p, QRectF(QPointF(0, 0), size), pt);
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

void ChartObject::drawObject(QPainter* painter, const QRectF& rect, QTextDocument* doc, int,
                             const QTextFormat& format)
{
    const ChartSpec spec = ChartSpec::fromVariant(format.property(ChartSpecProperty));
    const QFontMetricsF fm(doc->defaultFont(), doc->documentLayout()->paintDevice());
    spec.paint(*painter, rect, fm.height() * 0.8);
}

} // namespace fwb::documents
