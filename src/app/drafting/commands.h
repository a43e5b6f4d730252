#pragma once
// Undo commands for the drafting workspace. Each is a thin pair of calls on DraftingService — one
// to do, one to undo — so every step, undo and redo included, is an audited transaction.
//
// A command is applied once by run() before it goes on the stack: when the service refuses the
// change the person is told why and nothing is pushed. Later redo()/undo() calls that fail (the
// record was changed meanwhile by `fwb` or an import) report the error and leave the stack as is.

#include "core/domain/types.h"
#include "core/services/drafting.h"
#include "core/services/frameworks.h"
#include "core/workbench.h"

#include <QPointer>
#include <QUndoCommand>
#include <functional>
#include <optional>

class QUndoStack;

namespace fwb {
class Workbench;
}

namespace fwb::app {

using ErrorSink = std::function<void(const QString& title, const QString& message)>;

class DraftCommand : public QUndoCommand {
public:
    // Applies the command; on success pushes it (without applying it again) and returns true.
    static bool run(QUndoStack* stack, DraftCommand* command);

    void redo() final;
    void undo() final;

protected:
    DraftCommand(Workbench* workbench, ErrorSink errors, const QString& text);
    virtual Status apply() = 0;
    virtual Status revert() = 0;
    DraftingService service() const { return DraftingService(*m_workbench); }
    template <class T> static Status status(const Result<T>& r)
    {
        if (!r)
            return r.error();
        return {};
    }

    QPointer<Workbench> m_workbench;

private:
    ErrorSink m_errors;
    bool m_applied = false; // by run(), so the stack's first redo() is skipped
};

class AddFindingCommand : public DraftCommand {
public:
    // The typing that goes on in the new finding (edits of the same session) merges into it, so
    // one undo takes the whole new finding away.
    AddFindingCommand(Workbench* wb, ErrorSink errors, Finding finding, int session = 0);
    const Finding& finding() const { return m_finding; }
    int id() const override { return 1; }
    bool mergeWith(const QUndoCommand* other) override;

protected:
    Status apply() override;
    Status revert() override;

private:
    Finding m_finding; // after the first apply: with its uid and position
    int m_session;
};

class EditFindingCommand : public DraftCommand {
public:
    // `session` groups the saves of one stretch of typing into one undo step.
    EditFindingCommand(Workbench* wb, ErrorSink errors, Finding before, Finding after,
                       int session = 0);
    int id() const override { return 1; }
    bool mergeWith(const QUndoCommand* other) override;
    const Finding& after() const { return m_after; }
    int session() const { return m_session; }

protected:
    Status apply() override;
    Status revert() override;

private:
    Finding m_before, m_after;
    int m_session;
};

class MoveFindingCommand : public DraftCommand {
public:
    MoveFindingCommand(Workbench* wb, ErrorSink errors, const Finding& finding,
                       const QString& toQuestion, int toPosition);

protected:
    Status apply() override;
    Status revert() override;

private:
    QString m_uid, m_fromQuestion, m_toQuestion;
    int m_fromPosition, m_toPosition;
};

class DeleteFindingCommand : public DraftCommand {
public:
    DeleteFindingCommand(Workbench* wb, ErrorSink errors, const Finding& finding);

protected:
    Status apply() override;
    Status revert() override;

private:
    Finding m_finding;
};

class SetJudgmentCommand : public DraftCommand {
public:
    // nullopt before: a new judgment; nullopt after: the judgment is removed.
    SetJudgmentCommand(Workbench* wb, ErrorSink errors, std::optional<Judgment> before,
                       std::optional<Judgment> after, const QString& text, int session = 0);
    int id() const override { return 2; }
    bool mergeWith(const QUndoCommand* other) override;

protected:
    Status apply() override;
    Status revert() override;

private:
    Status put(const std::optional<Judgment>& value, const std::optional<Judgment>& other);
    std::optional<Judgment> m_before, m_after;
    int m_session;
};

class SaveEvidenceCommand : public DraftCommand {
public:
    // `session` groups the saves of one stretch of typing in one sample into one undo step.
    SaveEvidenceCommand(Workbench* wb, ErrorSink errors, std::optional<EvidenceSample> before,
                        EvidenceSample after, int session = 0);
    const EvidenceSample& saved() const { return m_after; }
    int id() const override { return 3; }
    bool mergeWith(const QUndoCommand* other) override;

protected:
    Status apply() override;
    Status revert() override;

private:
    std::optional<EvidenceSample> m_before;
    EvidenceSample m_after;
    std::optional<DraftingService::DeletedEvidence> m_removed; // when undoing an addition
    int m_session;
};

class DeleteEvidenceCommand : public DraftCommand {
public:
    DeleteEvidenceCommand(Workbench* wb, ErrorSink errors, const EvidenceSample& sample);

protected:
    Status apply() override;
    Status revert() override;

private:
    QString m_uid;
    std::optional<DraftingService::DeletedEvidence> m_deleted;
};

class SaveMetricCommand : public DraftCommand {
public:
    SaveMetricCommand(Workbench* wb, ErrorSink errors, std::optional<Metric> before, Metric after);
    const Metric& saved() const { return m_after; }

protected:
    Status apply() override;
    Status revert() override;

private:
    std::optional<Metric> m_before;
    Metric m_after;
};

class DeleteMetricCommand : public DraftCommand {
public:
    DeleteMetricCommand(Workbench* wb, ErrorSink errors, const Metric& metric);

protected:
    Status apply() override;
    Status revert() override;

private:
    Metric m_metric;
};

// A programme's details and question tree (nullopt before: a new programme, removed on undo).
class SaveProgrammeCommand : public DraftCommand {
public:
    SaveProgrammeCommand(Workbench* wb, ErrorSink errors, std::optional<Programme> before,
                         Programme after, const QString& text);

protected:
    Status apply() override;
    Status revert() override;

private:
    std::optional<Programme> m_before;
    Programme m_after;
};

class DeleteProgrammeCommand : public DraftCommand {
public:
    DeleteProgrammeCommand(Workbench* wb, ErrorSink errors, const Programme& programme);

protected:
    Status apply() override;
    Status revert() override;

private:
    Programme m_programme;
};

class SaveForceCommand : public DraftCommand {
public:
    SaveForceCommand(Workbench* wb, ErrorSink errors, Force before, Force after);

protected:
    Status apply() override;
    Status revert() override;

private:
    Force m_before, m_after;
};

class SavePersonCommand : public DraftCommand {
public:
    SavePersonCommand(Workbench* wb, ErrorSink errors, std::optional<Person> before, Person after);

protected:
    Status apply() override;
    Status revert() override;

private:
    std::optional<Person> m_before;
    Person m_after;
};

} // namespace fwb::app
