// Figures in assembled documents: the caption, and a figure's metrics as a table (a row per
// metric, a column per measure for the force and for England and Wales) or as a chart.
#include "core/domain/periods.h"
#include "documents/builder.h"

using namespace Qt::StringLiterals;

namespace fwb::documents::detail {

void Builder::caption(const Section& s)
{
    if (s.title.isEmpty())
        return;
    QTextBlockFormat bf;
    bf.setTopMargin(10);
    bf.setBottomMargin(6);
    bf.setProperty(KeepWithNextProperty, true);
    bf.setProperty(BlockRoleProperty, int(BlockRole::Caption));
    block(bf, text(10, true, style::accent()));
    anchor(s.uid);
    // A note marked in the caption is defined in the section's text, below it.
    MarkdownText t =
        extractFootnotes(s.title + QStringLiteral("\n\n") + definitionsOf(s.body), m_nextNote);
    m_nextNote += int(t.footnotes.size());
    m_captionNotes += t.footnotes;
    m_c.insertText(t.body, text(10, true, style::accent()));
}

QString Builder::definitionsOf(const QString& body)
{
    static const QRegularExpression definition(QStringLiteral("^\\[\\^[^\\]]+\\]:.*$"),
                                               QRegularExpression::MultilineOption);
    QStringList out;
    auto it = definition.globalMatch(body);
    while (it.hasNext())
        out << it.next().captured(0);
    return out.join(QLatin1Char('\n'));
}

void Builder::metricsTable(const Section& s, QList<Footnote>& notes)
{
    caption(s);
    notes += std::exchange(m_captionNotes, {});
    const QList<Metric> metrics = s.figure.isEmpty() ? QList<Metric>{} : metricsOf(s.figure);
    if (!metrics.isEmpty()) {
        // Rows are the metric names in first-seen order, columns the measures (and periods).
        QStringList rows, measures;
        bool national = false;
        QSet<QString> periods;
        for (const Metric& m : metrics) {
            const QString row = m.name;
            if (!rows.contains(row))
                rows << row;
            if (!measures.contains(m.measure))
                measures << m.measure;
            national = national || m.nationalValue.has_value();
            periods.insert(m.period);
        }
        const bool showPeriod = periods.size() > 1;
        auto find = [&](const QString& row, const QString& measure) -> const Metric* {
            for (const Metric& m : metrics)
                if (m.name == row && m.measure == measure)
                    return &m;
            return nullptr;
        };
        const int sides = national ? 2 : 1;
        const int columns = 1 + (showPeriod ? 1 : 0) + sides * int(measures.size());
        const bool twoHeaderRows = measures.size() > 1;
        QTextTableFormat tf;
        tf.setBorder(0.6);
        tf.setBorderBrush(style::rule());
        tf.setBorderCollapse(true);
        tf.setCellPadding(4);
        tf.setCellSpacing(0);
        tf.setHeaderRowCount(twoHeaderRows ? 2 : 1);
        tf.setWidth(QTextLength(QTextLength::PercentageLength, 100));
        tf.setBottomMargin(6);
        m_c.movePosition(QTextCursor::End);
        QTextTable* t = m_c.insertTable(int(rows.size()) + (twoHeaderRows ? 2 : 1), columns, tf);
        const QTextCharFormat head = text(9, true, Qt::white);
        auto put = [&](int r, int col, const QString& v, const QTextCharFormat& cf,
                       Qt::Alignment a) {
            QTextTableCell cell = t->cellAt(r, col);
            QTextCursor cc = cell.firstCursorPosition();
            QTextBlockFormat bf;
            bf.setAlignment(a);
            cc.setBlockFormat(bf);
            cc.insertText(v, cf);
        };
        auto shadeCell = [&](int r, int col, const QColor& colour) {
            QTextTableCell cell = t->cellAt(r, col);
            QTextTableCellFormat f = cell.format().toTableCellFormat();
            f.setBackground(colour);
            cell.setFormat(f);
        };
        const int headerRows = twoHeaderRows ? 2 : 1;
        for (int r = 0; r < headerRows; ++r)
            for (int col = 0; col < columns; ++col)
                shadeCell(r, col, style::accent());
        const QString forceName = m_data.force.name;
        const QString first = measures.size() == 1 ? measures.first() : QString();
        put(0, 0, first, head, Qt::AlignLeft);
        if (showPeriod)
            put(0, 1, u"Period"_s, head, Qt::AlignLeft);
        const int firstValue = showPeriod ? 2 : 1;
        for (int side = 0; side < sides; ++side) {
            const QString who = side == 0 ? forceName : u"England and Wales"_s;
            const int col = firstValue + side * int(measures.size());
            if (twoHeaderRows) {
                t->mergeCells(0, col, 1, int(measures.size()));
                put(0, col, who, head, Qt::AlignCenter);
                for (int m = 0; m < measures.size(); ++m)
                    put(1, col + m, measures[m], head, Qt::AlignRight);
            } else {
                put(0, col, who, head, Qt::AlignRight);
            }
        }
        if (twoHeaderRows) {
            t->mergeCells(0, 0, 2, 1);
            if (showPeriod)
                t->mergeCells(0, 1, 2, 1);
        }
        // A column shows one decimal place throughout when any of its figures has one.
        QHash<QString, int> decimals;
        for (const Metric& m : metrics) {
            auto fractional = [](double v) { return std::abs(v - std::round(v)) > 1e-9; };
            if (fractional(m.forceValue) || (m.nationalValue && fractional(*m.nationalValue)))
                decimals[m.measure] = 1;
        }
        auto figure = [&](double v, const QString& measure, const QString& unit) -> QString {
            return (decimals.value(measure) ? style::english().toString(v, 'f', 1)
                                            : style::number(v)) +
                   suffix(unit);
        };
        for (int r = 0; r < rows.size(); ++r) {
            const int row = headerRows + r;
            const QTextCharFormat body = text(9.5);
            put(row, 0, rows[r], body, Qt::AlignLeft);
            if (r % 2 == 1)
                for (int col = 0; col < columns; ++col)
                    shadeCell(row, col, style::shade());
            for (int m = 0; m < measures.size(); ++m) {
                const Metric* metric = find(rows[r], measures[m]);
                if (!metric)
                    continue;
                if (showPeriod && m == 0)
                    put(row, 1, metric->period, body, Qt::AlignLeft);
                put(row, firstValue + m, figure(metric->forceValue, metric->measure, metric->unit),
                    body, Qt::AlignRight);
                if (national && metric->nationalValue)
                    put(row, firstValue + int(measures.size()) + m,
                        figure(*metric->nationalValue, metric->measure, metric->unit), body,
                        Qt::AlignRight);
            }
        }
        afterFrame();
    } else if (!s.figure.isEmpty() && s.body.trimmed().isEmpty()) {
        note(QStringLiteral("No figures are recorded for %1.").arg(s.figure));
    }
    markdown(s.body, notes, 9, style::muted());
}

void Builder::chart(const Section& s, QList<Footnote>& notes)
{
    caption(s);
    notes += std::exchange(m_captionNotes, {});
    const QList<Metric> metrics = metricsOf(s.figure);
    if (metrics.isEmpty()) {
        note(QStringLiteral("No figures are recorded for %1, so there is no chart to draw.")
                 .arg(s.figure));
    } else {
        ChartSpec spec;
        spec.title = s.title;
        spec.forceLabel = forceShort(m_data.force);
        QSet<QString> names, periods, measures, units;
        bool dated = true;
        for (const Metric& m : metrics) {
            names.insert(m.name);
            periods.insert(m.period);
            measures.insert(m.measure);
            units.insert(m.unit);
            dated = dated && periodEnd(m.period).isValid() && !isComparison(m.period);
        }
        // A figure of one metric only: with several (a count and a rate, say) the columns would
        // show one and lose the rest. The forces are those the reader may see (assembly.cpp):
        // outside the inspectorate, an unpublished value of another force is not among them.
        const bool ofEveryForce = metrics.size() == 1;
        const QList<ForceValue> others =
            ofEveryForce ? everyForce(metrics.front()) : QList<ForceValue>{};
        const bool unpublished =
            ofEveryForce && m_data.unpublished.contains(figurePeriodKey(metrics.front()));
        if (names.size() == 1 && units.size() == 1 && periods.size() > 1 && dated) {
            // One figure over time: a line through the periods, oldest first ("Jun 2015").
            QList<Metric> byEnd = metrics;
            std::stable_sort(byEnd.begin(), byEnd.end(), [](const Metric& a, const Metric& b) {
                return periodEnd(a.period) < periodEnd(b.period);
            });
            spec.kind = ChartSpec::Kind::Line;
            for (const Metric& m : byEnd) {
                spec.categories << style::english().toString(periodEnd(m.period),
                                                             QStringLiteral("MMM yyyy"));
                spec.force << m.forceValue;
                spec.national << m.nationalValue;
            }
            spec.unit = *units.begin();
        } else if (others.size() > 1) {
            // One figure that other forces have too: a column per force, this one marked.
            spec.kind = ChartSpec::Kind::Forces;
            for (qsizetype i = 0; i < others.size(); ++i) {
                spec.categories << others[i].force.shortName;
                spec.force << others[i].value;
                if (others[i].force.code == m_data.force.code)
                    spec.marked = int(i);
            }
            spec.national << metrics.front().nationalValue;
            spec.unit =
                metrics.front().unit.isEmpty() ? metrics.front().measure : metrics.front().unit;
        } else {
            for (const Metric& m : metrics) {
                QString category = names.size() == 1 && periods.size() > 1 ? m.period
                                   : periods.size() > 1 ? m.name + u", "_s + m.period
                                                        : m.name;
                if (measures.size() > 1)
                    category += u" ("_s + m.measure + u")"_s;
                spec.categories << category;
                spec.force << m.forceValue;
                spec.national << m.nationalValue;
            }
            if (measures.size() == 1)
                spec.unit = *measures.begin();
        }
        QTextCharFormat f;
        f.setObjectType(ChartObjectType);
        f.setProperty(ChartSpecProperty, spec.toVariant());
        // The chart is the line's only content: at the body's 118% line height the line would be
        // taller than the chart by nearly a fifth, a gap under every chart.
        QTextBlockFormat chartBlock = paragraphFormat();
        chartBlock.setLineHeight(100, QTextBlockFormat::SingleHeight);
        block(chartBlock);
        m_c.insertText(QString(QChar::ObjectReplacementCharacter), f);
        if (unpublished && m_data.audience == Audience::Outside)
            note(u"Other forces' figures are not shown until they are published."_s);
        else if (unpublished && spec.kind == ChartSpec::Kind::Forces)
            note(u"Draft figures of other forces are shown. The pack sent to the force and the "
                 u"published document "
                 "show other forces' figures only once they are published."_s);
    }
    markdown(s.body, notes, 9, style::muted());
}

} // namespace fwb::documents::detail
