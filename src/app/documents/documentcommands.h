#pragma once
// Undo commands for the document editor: each a pair of calls on DocumentService (do, undo), so
// every step, undo and redo included, is an audited transaction — as for the drafting commands.

#include "app/drafting/commands.h"
#include "core/services/documents.h"

namespace fwb::app {

class DocumentCommand : public DraftCommand {
protected:
    using DraftCommand::DraftCommand;
    DocumentService documents() const { return DocumentService(*m_workbench); }
};

class CreateDocumentCommand : public DocumentCommand {
public:
    CreateDocumentCommand(Workbench* wb, ErrorSink errors, QString programme, QString force,
                          QString kind);
    const Document& document() const { return m_document; }

protected:
    Status apply() override;
    Status revert() override;

private:
    QString m_programme, m_force, m_kind;
    Document m_document; // once created: kept whole, so a redo puts back the same document
};

class DeleteDocumentCommand : public DocumentCommand {
public:
    DeleteDocumentCommand(Workbench* wb, ErrorSink errors, Document document);

protected:
    Status apply() override;
    Status revert() override;

private:
    Document m_document;
};

class SetParticularsCommand : public DocumentCommand {
public:
    SetParticularsCommand(Workbench* wb, ErrorSink errors, Document before, Document after);

protected:
    Status apply() override;
    Status revert() override;

private:
    Document m_before, m_after;
};

class AddSectionCommand : public DocumentCommand {
public:
    AddSectionCommand(Workbench* wb, ErrorSink errors, QString documentUid, Section section,
                      DocumentService::Place place);
    const Section& section() const { return m_section; }

protected:
    Status apply() override;
    Status revert() override;

private:
    QString m_document;
    Section m_section;
    DocumentService::Place m_place;
};

class EditSectionCommand : public DocumentCommand {
public:
    // The saves of one stretch of typing (one `session`) merge into one undo step.
    EditSectionCommand(Workbench* wb, ErrorSink errors, Section before, Section after,
                       int session = 0);
    int id() const override { return 3; }
    bool mergeWith(const QUndoCommand* other) override;

protected:
    Status apply() override;
    Status revert() override;

private:
    Section m_before, m_after;
    int m_session;
};

class MoveSectionCommand : public DocumentCommand {
public:
    MoveSectionCommand(Workbench* wb, ErrorSink errors, QString uid, QString title,
                       DocumentService::Place from, DocumentService::Place to);

protected:
    Status apply() override;
    Status revert() override;

private:
    QString m_uid;
    DocumentService::Place m_from, m_to;
};

class RemoveSectionCommand : public DocumentCommand {
public:
    RemoveSectionCommand(Workbench* wb, ErrorSink errors, QString uid, QString title);

protected:
    Status apply() override;
    Status revert() override;

private:
    QString m_uid;
    std::optional<DocumentService::Removed> m_removed;
};

} // namespace fwb::app
