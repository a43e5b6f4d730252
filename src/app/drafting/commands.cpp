#include "app/drafting/commands.h"

#include "core/workbench.h"

#include <QCoreApplication>
#include <QUndoStack>
#include <spdlog/spdlog.h>

namespace fwb::app {
namespace {
QString tr(const char* s)
{
    return QCoreApplication::translate("DraftCommand", s);
}
} // namespace

DraftCommand::DraftCommand(Workbench* workbench, ErrorSink errors, const QString& text)
    : m_workbench(workbench), m_errors(std::move(errors))
{
    setText(text);
}

bool DraftCommand::run(QUndoStack* stack, DraftCommand* command)
{
    std::unique_ptr<DraftCommand> owned(command);
    if (!command->m_workbench)
        return false;
    if (Status s = command->apply(); !s) {
        if (command->m_errors)
            command->m_errors(command->text(), s.error().message);
        return false;
    }
    command->m_applied = true;
    stack->push(owned.release()); // calls redo(), which skips the apply already done
    return true;
}

void DraftCommand::redo()
{
    if (m_applied) {
        m_applied = false;
        return;
    }
    if (!m_workbench)
        return;
    if (Status s = apply(); !s) {
        spdlog::warn("redo {} failed: {}", text().toStdString(), s.error().message.toStdString());
        if (m_errors)
            m_errors(tr("Cannot redo %1").arg(text()), s.error().message);
    }
}

void DraftCommand::undo()
{
    if (!m_workbench)
        return;
    if (Status s = revert(); !s) {
        spdlog::warn("undo {} failed: {}", text().toStdString(), s.error().message.toStdString());
        if (m_errors)
            m_errors(tr("Cannot undo %1").arg(text()), s.error().message);
    }
}

// ---- findings ---------------------------------------------------------------------------------

AddFindingCommand::AddFindingCommand(Workbench* wb, ErrorSink errors, Finding finding, int session)
    : DraftCommand(wb, std::move(errors), tr("Add Finding")), m_finding(std::move(finding)),
      m_session(session)
{
}

bool AddFindingCommand::mergeWith(const QUndoCommand* other)
{
    const auto* edit = dynamic_cast<const EditFindingCommand*>(other);
    if (!edit || m_session == 0 || edit->session() != m_session ||
        edit->after().uid != m_finding.uid)
        return false;
    const int position = m_finding.position;
    m_finding = edit->after();
    m_finding.position = position;
    return true;
}

Status AddFindingCommand::apply()
{
    auto added = service().addFinding(m_finding);
    if (!added)
        return added.error();
    m_finding = *added; // redo puts back the same uid at the same place
    return {};
}

Status AddFindingCommand::revert()
{
    return status(service().deleteFinding(m_finding.uid));
}

EditFindingCommand::EditFindingCommand(Workbench* wb, ErrorSink errors, Finding before,
                                       Finding after, int session)
    : DraftCommand(wb, std::move(errors), QString()), m_before(std::move(before)),
      m_after(std::move(after)), m_session(session)
{
    if (m_before.kind != m_after.kind && m_before.text == m_after.text)
        setText(tr("Change Kind to %1").arg(findingKindLabel(m_after.kind)));
    else if (m_before.status != m_after.status && m_before.text == m_after.text)
        setText(tr("Change Status"));
    else if (m_before.evidenceUids != m_after.evidenceUids && m_before.text == m_after.text)
        setText(tr("Change Evidence Cited"));
    else
        setText(tr("Edit Finding"));
}

bool EditFindingCommand::mergeWith(const QUndoCommand* other)
{
    const auto* o = dynamic_cast<const EditFindingCommand*>(other);
    if (!o)
        return false;
    // One stretch of typing in one finding is one undo step.
    if (m_session == 0 || o->m_session != m_session || o->m_after.uid != m_after.uid ||
        o->text() != text())
        return false;
    m_after = o->m_after;
    return true;
}

Status EditFindingCommand::apply()
{
    return status(service().updateFinding(m_after));
}
Status EditFindingCommand::revert()
{
    return status(service().updateFinding(m_before));
}

MoveFindingCommand::MoveFindingCommand(Workbench* wb, ErrorSink errors, const Finding& finding,
                                       const QString& toQuestion, int toPosition)
    : DraftCommand(wb, std::move(errors),
                   toQuestion == finding.questionCode ? tr("Reorder Finding")
                                                      : tr("Move Finding to %1").arg(toQuestion)),
      m_uid(finding.uid), m_fromQuestion(finding.questionCode), m_toQuestion(toQuestion),
      m_fromPosition(finding.position), m_toPosition(toPosition)
{
}

Status MoveFindingCommand::apply()
{
    return status(service().moveFinding(m_uid, m_toQuestion, m_toPosition));
}
Status MoveFindingCommand::revert()
{
    return status(service().moveFinding(m_uid, m_fromQuestion, m_fromPosition));
}

DeleteFindingCommand::DeleteFindingCommand(Workbench* wb, ErrorSink errors, const Finding& finding)
    : DraftCommand(wb, std::move(errors), tr("Delete Finding")), m_finding(finding)
{
}

Status DeleteFindingCommand::apply()
{
    auto deleted = service().deleteFinding(m_finding.uid);
    if (!deleted)
        return deleted.error();
    m_finding = *deleted;
    return {};
}

Status DeleteFindingCommand::revert()
{
    return status(service().addFinding(m_finding));
}

// ---- judgments --------------------------------------------------------------------------------

SetJudgmentCommand::SetJudgmentCommand(Workbench* wb, ErrorSink errors,
                                       std::optional<Judgment> before,
                                       std::optional<Judgment> after, const QString& text,
                                       int session)
    : DraftCommand(wb, std::move(errors), text), m_before(std::move(before)),
      m_after(std::move(after)), m_session(session)
{
}

bool SetJudgmentCommand::mergeWith(const QUndoCommand* other)
{
    const auto* o = static_cast<const SetJudgmentCommand*>(other);
    if (m_session == 0 || o->m_session != m_session || !m_after || !o->m_after ||
        o->text() != text())
        return false;
    m_after = o->m_after;
    return true;
}

Status SetJudgmentCommand::put(const std::optional<Judgment>& value,
                               const std::optional<Judgment>& other)
{
    if (value)
        return status(service().setJudgment(*value));
    const Judgment& j = *other;
    return status(service().clearJudgment(j.programmeCode, j.forceCode, j.questionCode));
}

Status SetJudgmentCommand::apply()
{
    return put(m_after, m_before);
}
Status SetJudgmentCommand::revert()
{
    return put(m_before, m_after);
}

// ---- evidence and metrics ---------------------------------------------------------------------

SaveEvidenceCommand::SaveEvidenceCommand(Workbench* wb, ErrorSink errors,
                                         std::optional<EvidenceSample> before, EvidenceSample after,
                                         int session)
    : DraftCommand(wb, std::move(errors),
                   before ? tr("Edit Evidence Sample") : tr("Add Evidence Sample")),
      m_before(std::move(before)), m_after(std::move(after)), m_session(session)
{
}

bool SaveEvidenceCommand::mergeWith(const QUndoCommand* other)
{
    const auto* o = dynamic_cast<const SaveEvidenceCommand*>(other);
    // Edits only: an addition stays its own step, so undoing the typing keeps the sample.
    if (!o || m_session == 0 || o->m_session != m_session || !m_before || !o->m_before ||
        o->m_after.uid != m_after.uid)
        return false;
    m_after = o->m_after;
    return true;
}

Status SaveEvidenceCommand::apply()
{
    if (m_removed) { // redo of an addition: the same sample, and any citations made since
        auto restored = service().restoreEvidence(*m_removed);
        m_removed.reset();
        return status(restored);
    }
    auto saved = service().saveEvidence(m_after);
    if (!saved)
        return saved.error();
    m_after = *saved;
    return {};
}

Status SaveEvidenceCommand::revert()
{
    if (m_before)
        return status(service().saveEvidence(*m_before));
    auto removed = service().deleteEvidence(m_after.uid);
    if (!removed)
        return removed.error();
    m_removed = *removed;
    return {};
}

DeleteEvidenceCommand::DeleteEvidenceCommand(Workbench* wb, ErrorSink errors,
                                             const EvidenceSample& sample)
    : DraftCommand(wb, std::move(errors), tr("Delete Evidence Sample")), m_uid(sample.uid)
{
}

Status DeleteEvidenceCommand::apply()
{
    auto deleted = service().deleteEvidence(m_uid);
    if (!deleted)
        return deleted.error();
    m_deleted = *deleted;
    return {};
}

Status DeleteEvidenceCommand::revert()
{
    if (!m_deleted)
        return Error::make(Error::Code::Internal, tr("nothing to restore"));
    return status(service().restoreEvidence(*m_deleted));
}

SaveMetricCommand::SaveMetricCommand(Workbench* wb, ErrorSink errors, std::optional<Metric> before,
                                     Metric after)
    : DraftCommand(wb, std::move(errors), before ? tr("Edit Figure") : tr("Add Figure")),
      m_before(std::move(before)), m_after(std::move(after))
{
}

Status SaveMetricCommand::apply()
{
    auto saved = service().saveMetric(m_after);
    if (!saved)
        return saved.error();
    m_after = *saved;
    return {};
}

Status SaveMetricCommand::revert()
{
    if (m_before)
        return status(service().saveMetric(*m_before));
    return status(service().deleteMetric(m_after.uid));
}

DeleteMetricCommand::DeleteMetricCommand(Workbench* wb, ErrorSink errors, const Metric& metric)
    : DraftCommand(wb, std::move(errors), tr("Delete Figure")), m_metric(metric)
{
}

Status DeleteMetricCommand::apply()
{
    auto deleted = service().deleteMetric(m_metric.uid);
    if (!deleted)
        return deleted.error();
    m_metric = *deleted;
    return {};
}

Status DeleteMetricCommand::revert()
{
    return status(service().saveMetric(m_metric));
}

// ---- programmes, forces and people ------------------------------------------------------------

SaveProgrammeCommand::SaveProgrammeCommand(Workbench* wb, ErrorSink errors,
                                           std::optional<Programme> before, Programme after,
                                           const QString& text)
    : DraftCommand(wb, std::move(errors), text), m_before(std::move(before)),
      m_after(std::move(after))
{
}

Status SaveProgrammeCommand::apply()
{
    FrameworkService frameworks(*m_workbench);
    return m_before ? status(frameworks.saveProgramme(m_after))
                    : status(frameworks.createProgramme(m_after));
}

Status SaveProgrammeCommand::revert()
{
    FrameworkService frameworks(*m_workbench);
    return m_before ? status(frameworks.saveProgramme(*m_before))
                    : status(frameworks.deleteProgramme(m_after.code));
}

DeleteProgrammeCommand::DeleteProgrammeCommand(Workbench* wb, ErrorSink errors,
                                               const Programme& programme)
    : DraftCommand(wb, std::move(errors), tr("Delete Programme %1").arg(programme.code)),
      m_programme(programme)
{
}

Status DeleteProgrammeCommand::apply()
{
    return status(FrameworkService(*m_workbench).deleteProgramme(m_programme.code));
}
Status DeleteProgrammeCommand::revert()
{
    return status(FrameworkService(*m_workbench).createProgramme(m_programme));
}

SaveForceCommand::SaveForceCommand(Workbench* wb, ErrorSink errors, Force before, Force after)
    : DraftCommand(wb, std::move(errors), tr("Edit Force %1").arg(after.shortName)),
      m_before(std::move(before)), m_after(std::move(after))
{
}

Status SaveForceCommand::apply()
{
    return status(FrameworkService(*m_workbench).saveForce(m_after));
}
Status SaveForceCommand::revert()
{
    return status(FrameworkService(*m_workbench).saveForce(m_before));
}

SavePersonCommand::SavePersonCommand(Workbench* wb, ErrorSink errors, std::optional<Person> before,
                                     Person after)
    : DraftCommand(wb, std::move(errors),
                   before ? tr("Edit %1").arg(after.name) : tr("Add %1").arg(after.name)),
      m_before(std::move(before)), m_after(std::move(after))
{
}

Status SavePersonCommand::apply()
{
    return status(FrameworkService(*m_workbench).savePerson(m_after));
}

Status SavePersonCommand::revert()
{
    FrameworkService frameworks(*m_workbench);
    return m_before ? status(frameworks.savePerson(*m_before))
                    : status(frameworks.deletePerson(m_after.code));
}

} // namespace fwb::app
