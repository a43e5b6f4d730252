#include "app/drafting/evidencepage.h"
#include "ui_evidencepage.h"

#include "app/panes/safetextbrowser.h"
#include "core/reader.h"
#include "core/workbench.h"

using namespace Qt::StringLiterals;

namespace fwb::app {
namespace {

const QList<std::pair<QString, QString>>& methods()
{
    static const QList<std::pair<QString, QString>> m{
        {u"file_review"_s, QObject::tr("File review")},
        {u"dip_sample"_s, QObject::tr("Dip sample")},
        {u"survey"_s, QObject::tr("Survey")},
        {u"interview"_s, QObject::tr("Interview")},
        {u"focus_group"_s, QObject::tr("Focus group")}};
    return m;
}

QString cell(const QTableWidget* t, int row, int column)
{
    const QTableWidgetItem* i = t->item(row, column);
    return i ? i->text().trimmed() : QString();
}

} // namespace

EvidencePage::EvidencePage(const DraftingContext& context, QWidget* parent)
    : QWidget(parent), m_context(context), m_saver([this] { save(); }),
      m_ui(std::make_unique<Ui::EvidencePage>())
{
    m_ui->setupUi(this);
    m_samples = m_ui->evidenceSamples;
    m_label = m_ui->evidenceLabel;
    m_method = m_ui->evidenceMethod;
    m_population = m_ui->evidencePopulation;
    m_size = m_ui->evidenceSize;
    m_description = m_ui->evidenceDescription;
    m_strata = m_ui->evidenceStrata;
    m_measures = m_ui->evidenceMeasures;
    m_problem = m_ui->evidenceProblem;
    m_form = m_ui->sampleForm;
    for (QTableWidget* t : {m_samples, m_strata, m_measures})
        t->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    for (const auto& [code, label] : methods())
        m_method->addItem(label, code);
    connect(m_ui->newSample, &QPushButton::clicked, this, &EvidencePage::addSample);
    connect(m_ui->deleteSample, &QPushButton::clicked, this, &EvidencePage::deleteSample);

    auto rowButtons = [this](QTableWidget* t, QPushButton* plus, QPushButton* minus) {
        connect(plus, &QPushButton::clicked, this, [this, t] {
            m_loading = true;
            const int r = t->rowCount();
            t->insertRow(r);
            for (int c = 0; c < t->columnCount(); ++c)
                t->setItem(r, c, new QTableWidgetItem());
            m_loading = false;
            t->setCurrentCell(r, 0);
            t->editItem(t->item(r, 0));
        });
        connect(minus, &QPushButton::clicked, this, [this, t] {
            if (t->currentRow() >= 0) {
                t->removeRow(t->currentRow());
                formEdited();
            }
        });
    };
    rowButtons(m_strata, m_ui->addStratum, m_ui->removeStratum);
    rowButtons(m_measures, m_ui->addMeasure, m_ui->removeMeasure);

    connect(m_samples, &QTableWidget::currentCellChanged, this, [this](int row) {
        if (m_loading)
            return;
        flush();
        m_uid = row >= 0 && row < m_list.size() ? m_list[row].uid : QString();
        ++m_session;
        loadForm();
    });
    connect(m_label, &QLineEdit::textEdited, this, &EvidencePage::formEdited);
    connect(m_population, &QLineEdit::textEdited, this, &EvidencePage::formEdited);
    for (QLineEdit* field : {m_label, m_population})
        connect(field, &QLineEdit::editingFinished, this, [this] {
            if (m_closing)
                return;
            flush();
            ++m_session; // the next field's typing is its own undo step
        });
    connect(m_method, qOverload<int>(&QComboBox::activated), this, &EvidencePage::formEdited);
    connect(m_size, qOverload<int>(&QSpinBox::valueChanged), this, &EvidencePage::formEdited);
    connect(m_description, &QPlainTextEdit::textChanged, this, &EvidencePage::formEdited);
    connect(m_strata, &QTableWidget::itemChanged, this, &EvidencePage::formEdited);
    connect(m_measures, &QTableWidget::itemChanged, this, &EvidencePage::formEdited);
}

EvidencePage::~EvidencePage()
{
    // The form's widgets are deleted after this, and a field losing focus as they go announces
    // an edit: the guard keeps it from being saved into a form that is no longer there.
    m_loading = m_closing = true;
}

void EvidencePage::applyChanges(const fwb::ChangeSet& changes)
{
    if (changes.touches(EntityKind::Evidence))
        reload();
}

void EvidencePage::setPlace(const QString& programme, const QString& force)
{
    flush();
    m_programme = programme;
    m_force = force;
    m_uid.clear();
    reload();
    if (!m_list.isEmpty())
        m_samples->setCurrentCell(0, 0);
}

void EvidencePage::reload()
{
    if (!m_context.workbench)
        return;
    m_list = m_context.workbench->reader().evidence(m_programme, m_force);
    m_loading = true;
    m_samples->setRowCount(int(m_list.size()));
    int current = -1;
    for (int r = 0; r < m_list.size(); ++r) {
        const EvidenceSample& e = m_list[r];
        QString method = e.method;
        for (const auto& [code, label] : methods())
            if (code == e.method)
                method = label;
        QStringList counted;
        for (const Measure& m : e.measures)
            counted << u"%1: %2%3"_s.arg(m.label).arg(m.count).arg(m.base ? u" of %1"_s.arg(*m.base)
                                                                          : QString());
        const QStringList cells{e.label, method,
                                e.sampleSize ? QString::number(*e.sampleSize) : tr("—"),
                                counted.join(u"; "_s)};
        for (int c = 0; c < cells.size(); ++c) {
            auto* item = new QTableWidgetItem(cells[c]);
            item->setToolTip(plainToolTip(cells[c]));
            m_samples->setItem(r, c, item);
        }
        if (e.uid == m_uid)
            current = r;
    }
    if (current >= 0)
        m_samples->setCurrentCell(current, 0);
    m_loading = false;
    if (current < 0 && !m_uid.isEmpty())
        m_uid.clear();
    // Typing waiting to be saved, or just saved by the page itself, stays in the form as typed
    // (with its caret and undo history; the stored label is trimmed, the field is not).
    if (!m_saver.isPending() && !m_saving)
        loadForm();
}

void EvidencePage::loadForm()
{
    std::optional<EvidenceSample> e;
    for (const EvidenceSample& x : m_list)
        if (x.uid == m_uid)
            e = x;
    m_loading = true;
    m_form->setEnabled(e.has_value() && m_context.writable());
    m_label->setText(e ? e->label : QString());
    m_method->setCurrentIndex(qMax(0, m_method->findData(e ? e->method : QString())));
    m_population->setText(e ? e->population : QString());
    m_size->setValue(e && e->sampleSize ? *e->sampleSize : -1);
    m_description->setPlainText(e ? e->description : QString());
    m_strata->setRowCount(e ? int(e->strata.size()) : 0);
    for (int r = 0; e && r < e->strata.size(); ++r) {
        m_strata->setItem(r, 0, new QTableWidgetItem(e->strata[r].label));
        m_strata->setItem(r, 1, new QTableWidgetItem(QString::number(e->strata[r].size)));
    }
    m_measures->setRowCount(e ? int(e->measures.size()) : 0);
    for (int r = 0; e && r < e->measures.size(); ++r) {
        const Measure& m = e->measures[r];
        m_measures->setItem(r, 0, new QTableWidgetItem(m.label));
        m_measures->setItem(r, 1, new QTableWidgetItem(QString::number(m.count)));
        m_measures->setItem(r, 2,
                            new QTableWidgetItem(m.base ? QString::number(*m.base) : QString()));
        m_measures->setItem(r, 3, new QTableWidgetItem(m.baseLabel));
    }
    m_problem->hide();
    m_loading = false;
}

EvidenceSample EvidencePage::fromForm() const
{
    EvidenceSample e;
    for (const EvidenceSample& x : m_list)
        if (x.uid == m_uid)
            e = x;
    e.label = m_label->text().trimmed();
    e.method = m_method->currentData().toString();
    e.population = m_population->text().trimmed();
    e.description = m_description->toPlainText().trimmed();
    e.sampleSize = m_size->value() < 0 ? std::nullopt : std::optional<int>(m_size->value());
    e.strata.clear();
    for (int r = 0; r < m_strata->rowCount(); ++r) {
        const QString label = cell(m_strata, r, 0), size = cell(m_strata, r, 1);
        if (label.isEmpty() && size.isEmpty())
            continue;
        bool ok = false;
        const int n = size.toInt(&ok);
        e.strata.push_back({label, ok ? n : -1});
    }
    e.measures.clear();
    for (int r = 0; r < m_measures->rowCount(); ++r) {
        const QString label = cell(m_measures, r, 0), count = cell(m_measures, r, 1),
                      base = cell(m_measures, r, 2);
        if (label.isEmpty() && count.isEmpty() && base.isEmpty())
            continue;
        Measure m;
        m.label = label;
        bool ok = false;
        m.count = count.toInt(&ok);
        if (!ok)
            m.count = -1;
        if (!base.isEmpty()) {
            const int b = base.toInt(&ok);
            m.base = ok ? b : -1;
        }
        m.baseLabel = cell(m_measures, r, 3);
        e.measures.push_back(m);
    }
    return e;
}

void EvidencePage::formEdited()
{
    if (m_loading || m_uid.isEmpty())
        return;
    const Status valid = DraftingService::validate(fromForm());
    m_problem->setVisible(!valid);
    if (!valid) {
        // Refused as typed: shown beside the form, and not saved until it holds.
        m_problem->setText(valid.error().message);
        m_saver.cancel();
        return;
    }
    m_saver.edited();
}

void EvidencePage::save()
{
    if (m_closing)
        return;
    m_saver.cancel();
    if (m_uid.isEmpty() || !m_context.workbench)
        return;
    const EvidenceSample after = fromForm();
    if (!DraftingService::validate(after))
        return;
    const auto before = m_context.workbench->reader().evidenceSample(m_uid);
    m_saving = true;
    m_context.run(
        new SaveEvidenceCommand(m_context.workbench, m_context.errors, before, after, m_session));
    m_saving = false;
}

void EvidencePage::flush()
{
    m_saver.flush();
}

bool EvidencePage::selectSample(const QString& uid)
{
    for (int r = 0; r < m_list.size(); ++r)
        if (m_list[r].uid == uid) {
            m_samples->setCurrentCell(r, 0);
            return true;
        }
    return false;
}

void EvidencePage::addSample()
{
    flush();
    if (!m_context.writable())
        return;
    EvidenceSample e;
    e.programmeCode = m_programme;
    e.forceCode = m_force;
    e.label = tr("New sample");
    e.method = u"file_review"_s;
    auto* command = new SaveEvidenceCommand(m_context.workbench, m_context.errors, std::nullopt, e);
    if (m_context.run(command)) {
        m_uid = command->saved().uid;
        reload();
        selectSample(m_uid);
        m_label->setFocus();
        m_label->selectAll();
    }
}

void EvidencePage::deleteSample()
{
    flush();
    for (const EvidenceSample& e : m_list)
        if (e.uid == m_uid) {
            m_context.run(new DeleteEvidenceCommand(m_context.workbench, m_context.errors, e));
            return;
        }
}

} // namespace fwb::app
