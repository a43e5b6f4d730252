#include "app/analysis/matrixwindow.h"

#include "app/analysis/changeview.h"
#include "app/analysis/followupview.h"

#include "app/analysis/forceprofileview.h"
#include "app/analysis/matrixmodel.h"
#include "app/analysis/nationalchart.h"
#include "core/io/csv.h"
#include "core/io/filenames.h"
#include "core/reader.h"
#include "core/workbench.h"

#include <QApplication>
#include <QBuffer>
#include <QChartView>
#include <QClipboard>
#include <QComboBox>
#include <QDir>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPainter>
#include <QPrintDialog>
#include <QPrinter>
#include <QPushButton>
#include <QSvgGenerator>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>
#include <spdlog/spdlog.h>

namespace fwb::app {

MatrixWindow::MatrixWindow(Workbench* workbench, QWidget* parent)
    : QWidget(parent, Qt::Window), m_workbench(workbench)
{
    setObjectName(QStringLiteral("matrixWindow"));
    setWindowTitle(tr("Judgment Matrix"));
    resize(1150, 800);
    m_programmeCombo = new QComboBox(this);
    m_programmeCombo->setAccessibleName(tr("Programme"));
    m_region = new QComboBox(this);
    m_region->setObjectName(QStringLiteral("regionFilter"));
    m_region->setAccessibleName(tr("Region"));
    m_grade = new QComboBox(this);
    m_grade->setObjectName(QStringLiteral("gradeFilter"));
    m_grade->setAccessibleName(tr("Grade"));
    m_question = new QComboBox(this);
    m_question->setObjectName(QStringLiteral("questionFilter"));
    m_question->setAccessibleName(tr("Question the grade is for"));
    m_counts = new QLabel(this);
    m_counts->setObjectName(QStringLiteral("matrixCounts"));
    m_counts->setWordWrap(true);
    m_model = new MatrixModel(this);
    m_filter = new MatrixFilter(this);
    m_filter->setSourceModel(m_model);
    m_view = new QTableView(this);
    m_view->setObjectName(QStringLiteral("matrixView"));
    m_view->setAccessibleName(tr("Judgments by force and question"));
    m_view->setModel(m_filter);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(-1, Qt::AscendingOrder); // region order as read until a header is clicked
    m_view->verticalHeader()->setVisible(false);
    m_view->horizontalHeader()->setDefaultSectionSize(132);
    m_view->horizontalHeader()->setTextElideMode(Qt::ElideRight);
    m_view->horizontalHeader()->setSectionResizeMode(MatrixModel::ForceColumn,
                                                     QHeaderView::Stretch);
    m_view->horizontalHeader()->setSectionResizeMode(MatrixModel::RegionColumn,
                                                     QHeaderView::ResizeToContents);
    m_view->setSelectionBehavior(QAbstractItemView::SelectItems);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setShowGrid(true);
    m_view->setWordWrap(false);

    auto button = [&](const QString& text, auto slot) {
        auto* b = new QPushButton(text, this);
        connect(b, &QPushButton::clicked, this, slot);
        return b;
    };
    auto* exportButton = button(tr("Export &CSV…"), [this] {
        const QString path = QFileDialog::getSaveFileName(
            this, tr("Export the Matrix"),
            fileSlug(m_programme, QStringLiteral("programme")) + QStringLiteral("-judgments.csv"),
            tr("CSV (*.csv)"));
        if (!path.isEmpty())
            exportCsv(path);
    });
    auto* copyButton =
        button(tr("C&opy"), [this] { QApplication::clipboard()->setText(csvText()); });
    auto* imageButton = button(tr("Save &Image…"), [this] {
        const QString path = QFileDialog::getSaveFileName(
            this, tr("Save the Matrix as an Image"),
            fileSlug(m_programme, QStringLiteral("programme")) + QStringLiteral("-judgments.png"),
            tr("PNG image (*.png);;SVG drawing (*.svg)"));
        if (!path.isEmpty())
            saveImage(path);
    });
    auto* printButton = button(tr("&Print…"), [this] {
        QPrinter printer(QPrinter::HighResolution);
        QPrintDialog dialog(&printer, this);
        if (dialog.exec() != QDialog::Accepted)
            return;
        QPainter painter(&printer);
        const QPixmap image = m_tabs->currentWidget()->grab(); // what is on show
        const QRect page = printer.pageLayout().paintRectPixels(printer.resolution());
        painter.drawPixmap(
            QRect(QPoint(0, 0), image.size().scaled(page.size(), Qt::KeepAspectRatio)), image);
    });

    auto* filters = new QHBoxLayout;
    filters->addWidget(new QLabel(tr("Programme:"), this));
    filters->addWidget(m_programmeCombo, 2);
    filters->addWidget(new QLabel(tr("Region:"), this));
    filters->addWidget(m_region, 1);
    filters->addWidget(new QLabel(tr("Grade:"), this));
    filters->addWidget(m_grade, 1);
    filters->addWidget(new QLabel(tr("in"), this));
    filters->addWidget(m_question, 1);
    auto* actions = new QHBoxLayout;
    actions->addWidget(m_counts, 1);
    for (QPushButton* b : {exportButton, copyButton, imageButton, printButton})
        actions->addWidget(b);
    m_national = new NationalChart(this);
    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("analysisTabs"));
    m_tabs->addTab(m_view, tr("&Matrix"));
    m_tabs->addTab(m_national, tr("&National picture"));
    m_profile = new ForceProfileView(workbench, this);
    m_tabs->addTab(m_profile, tr("&Force profile"));
    connect(m_profile, &ForceProfileView::openRequested, this, &MatrixWindow::openRequested);
    m_change = new ChangeViewWidget(workbench, this);
    m_tabs->addTab(m_change, tr("&Change"));
    connect(m_change, &ChangeViewWidget::openRequested, this, &MatrixWindow::openRequested);
    connect(m_change, &ChangeViewWidget::exportFailed, this,
            [this](const QString& title, const QString& message) {
                m_lastError = message;
                Q_EMIT exportFailed(title, message);
            });
    m_followUp = new FollowUpView(workbench, this);
    m_tabs->addTab(m_followUp, tr("F&ollow-up"));
    connect(m_followUp, &FollowUpView::openRequested, this, &MatrixWindow::openRequested);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(filters);
    layout->addWidget(m_tabs, 1);
    layout->addLayout(actions);

    connect(m_programmeCombo, qOverload<int>(&QComboBox::activated), this,
            [this] { setProgramme(m_programmeCombo->currentData().toString()); });
    connect(m_region, qOverload<int>(&QComboBox::currentIndexChanged), this, [this] {
        m_filter->setRegion(m_region->currentData().toString());
        m_national->setMatrix(m_model->matrix(), m_region->currentData().toString());
        updateCounts();
    });
    auto gradeChanged = [this] {
        m_filter->setGrade(m_grade->currentData().toString(), m_question->currentData().toString());
        updateCounts();
    };
    connect(m_grade, qOverload<int>(&QComboBox::currentIndexChanged), this, gradeChanged);
    connect(m_question, qOverload<int>(&QComboBox::currentIndexChanged), this, gradeChanged);
    connect(m_view, &QTableView::activated, this, [this](const QModelIndex& index) {
        if (index.column() < MatrixModel::FirstQuestionColumn) { // a force's name: its profile
            m_profile->setForce(index.data(MatrixModel::ForceCodeRole).toString());
            m_tabs->setCurrentWidget(m_profile);
            return;
        }
        Q_EMIT openRequested(m_programme, index.data(MatrixModel::ForceCodeRole).toString(),
                             index.data(MatrixModel::QuestionCodeRole).toString());
    });
    if (m_workbench) {
        connect(m_workbench, &Workbench::changed, this, &MatrixWindow::reload);
        for (const Programme& p : m_workbench->reader().programmes())
            if (!p.gradeScaleCode.isEmpty())
                m_programmeCombo->addItem(p.label(), p.code);
    }
    if (m_programmeCombo->count() > 0)
        setProgramme(m_programmeCombo->itemData(0).toString());
}

void MatrixWindow::setProgramme(const QString& code)
{
    m_programme = code;
    m_programmeCombo->setCurrentIndex(qMax(0, m_programmeCombo->findData(code)));
    m_change->setProgramme(code);
    reload();
}

void MatrixWindow::reload()
{
    if (!m_workbench || m_programme.isEmpty())
        return;
    m_change->reload();
    auto matrix = judgmentMatrix(*m_workbench, m_programme);
    if (!matrix) {
        spdlog::warn("judgment matrix of {}: {}", m_programme.toStdString(),
                     matrix.error().message.toStdString());
        return;
    }
    const QString region = m_region->currentData().toString(),
                  grade = m_grade->currentData().toString(),
                  question = m_question->currentData().toString();
    {
        const QSignalBlocker b1(m_region), b2(m_grade), b3(m_question);
        m_region->clear();
        m_region->addItem(tr("All regions"), QString());
        QStringList regions;
        for (const MatrixRow& r : matrix->rows)
            if (!regions.contains(r.force.regionName))
                regions << r.force.regionName;
        for (const QString& r : regions)
            m_region->addItem(r, r);
        m_grade->clear();
        m_grade->addItem(tr("Any grade"), QString());
        for (const Grade& g : matrix->grades)
            m_grade->addItem(g.label, g.code);
        m_question->clear();
        m_question->addItem(tr("any question"), QString());
        for (const Question& q : matrix->columns)
            m_question->addItem(q.code + QStringLiteral(" ") + q.label(), q.code);
        m_region->setCurrentIndex(qMax(0, m_region->findData(region)));
        m_grade->setCurrentIndex(qMax(0, m_grade->findData(grade)));
        m_question->setCurrentIndex(qMax(0, m_question->findData(question)));
    }
    m_national->setMatrix(*matrix, m_region->currentData().toString());
    m_profile->reload();
    m_model->setMatrix(std::move(matrix).value());
    m_filter->setRegion(m_region->currentData().toString());
    m_filter->setGrade(m_grade->currentData().toString(), m_question->currentData().toString());
    m_view->resizeRowsToContents();
    updateCounts();
}

void MatrixWindow::updateCounts()
{
    // For each question: forces shown at each grade.
    const JudgmentMatrix& m = m_model->matrix();
    QStringList parts;
    for (int c = 0; c < m.columns.size(); ++c) {
        QStringList grades;
        int none = 0;
        QMap<int, int> byRank;
        for (int r = 0; r < m_filter->rowCount(); ++r) {
            const QModelIndex i = m_filter->index(r, MatrixModel::FirstQuestionColumn + c);
            const int rank = i.data(MatrixModel::RankRole).toInt();
            rank == 99 ? ++none : ++byRank[rank];
        }
        for (const Grade& g : m.grades)
            if (byRank.value(g.rank))
                grades << QStringLiteral("%1 %2").arg(byRank.value(g.rank)).arg(g.label.toLower());
        if (none)
            grades << tr("%1 not graded").arg(none);
        parts << QStringLiteral("<b>%1</b> %2")
                     .arg(m.columns[c].code, grades.join(QStringLiteral(", ")));
    }
    m_counts->setText(tr("%1 forces shown. ").arg(m_filter->rowCount()) +
                      parts.join(QStringLiteral(" · ")));
}

QString MatrixWindow::csvText() const
{
    if (m_tabs->currentWidget() == m_change) // the change between the programmes, as shown
        return QString::fromUtf8(changeCsv(m_change->shown()));
    if (m_tabs->currentWidget() == m_followUp) // the earlier findings, as filtered
        return QString::fromUtf8(followUpCsv(m_followUp->all()));
    if (m_tabs->currentWidget() == m_profile) // the force's profile, as one long table
        return QString::fromUtf8(profileCsv(m_profile->profile()));
    QStringList header;
    for (int c = 0; c < m_filter->columnCount(); ++c)
        header
            << m_filter->headerData(c, Qt::Horizontal).toString().section(QLatin1Char('\n'), 0, 0);
    QByteArray out = csv::formatRow(header);
    for (int r = 0; r < m_filter->rowCount(); ++r) {
        QStringList fields;
        for (int c = 0; c < m_filter->columnCount(); ++c) {
            const QModelIndex i = m_filter->index(r, c);
            if (c >= MatrixModel::FirstQuestionColumn) {
                const QString code = i.data(MatrixModel::GradeCodeRole).toString();
                QString label;
                for (const Grade& g : m_model->matrix().grades)
                    if (g.code == code)
                        label = g.label;
                fields << label;
            } else {
                fields << i.data().toString();
            }
        }
        out += csv::formatRow(fields);
    }
    return QString::fromUtf8(out);
}

bool MatrixWindow::reportExport(const Status& written, const QString& title)
{
    if (written) {
        m_lastError.clear();
        return true;
    }
    m_lastError = written.error().message;
    spdlog::warn("{}: {}", title.toStdString(), m_lastError.toStdString());
    Q_EMIT exportFailed(title, m_lastError);
    return false;
}

bool MatrixWindow::exportCsv(const QString& path)
{
    return reportExport(writeFileAtomically(path, csvText().toUtf8()), tr("Matrix not exported"));
}

bool MatrixWindow::saveImage(const QString& path)
{
    // What is on show: the matrix, the national chart, a force's profile or the change. Drawn in
    // memory first, then written whole or not at all.
    QWidget* shown = m_tabs->currentWidget() == m_national
                         ? static_cast<QWidget*>(m_national->chartView())
                         : m_tabs->currentWidget();
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    bool drawn = false;
    if (path.endsWith(QLatin1String(".svg"), Qt::CaseInsensitive)) {
        QSvgGenerator svg;
        svg.setOutputDevice(&buffer);
        svg.setSize(shown->size());
        svg.setViewBox(QRect(QPoint(0, 0), shown->size()));
        svg.setTitle(windowTitle());
        QPainter painter(&svg);
        shown->render(&painter);
        drawn = painter.end();
    } else {
        drawn = shown->grab().save(&buffer, "PNG");
    }
    buffer.close();
    if (!drawn || buffer.data().isEmpty())
        return reportExport(
            Error::make(
                Error::Code::Internal,
                tr("The image for %1 could not be drawn.").arg(QDir::toNativeSeparators(path))),
            tr("Image not saved"));
    return reportExport(writeFileAtomically(path, buffer.data()), tr("Image not saved"));
}

} // namespace fwb::app
