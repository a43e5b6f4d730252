#include "app/documents/documentcommands.h"

#include <QCoreApplication>

namespace fwb::app {
namespace {
QString tr(const char* s)
{
    return QCoreApplication::translate("DocumentCommand", s);
}
QString named(const QString& title, const QString& kind)
{
    return title.isEmpty() ? sectionKindLabel(kind).toLower()
                           : QStringLiteral("“%1”").arg(title.left(40));
}
} // namespace

CreateDocumentCommand::CreateDocumentCommand(Workbench* wb, ErrorSink errors, QString programme,
                                             QString force, QString kind)
    : DocumentCommand(wb, std::move(errors), tr("New %1").arg(kind)),
      m_programme(std::move(programme)), m_force(std::move(force)), m_kind(std::move(kind))
{
}

Status CreateDocumentCommand::apply()
{
    if (!m_document.uid.isEmpty())
        return status(documents().insert(m_document));
    auto d = documents().create(m_programme, m_force, m_kind);
    if (!d)
        return d.error();
    m_document = *d;
    return {};
}

Status CreateDocumentCommand::revert()
{
    return status(documents().remove(m_document.uid));
}

DeleteDocumentCommand::DeleteDocumentCommand(Workbench* wb, ErrorSink errors, Document document)
    : DocumentCommand(wb, std::move(errors), tr("Delete %1").arg(document.kind)),
      m_document(std::move(document))
{
}

Status DeleteDocumentCommand::apply()
{
    return status(documents().remove(m_document.uid));
}
Status DeleteDocumentCommand::revert()
{
    return status(documents().insert(m_document));
}

SetParticularsCommand::SetParticularsCommand(Workbench* wb, ErrorSink errors, Document before,
                                             Document after)
    : DocumentCommand(wb, std::move(errors), tr("Change particulars")), m_before(std::move(before)),
      m_after(std::move(after))
{
}

Status SetParticularsCommand::apply()
{
    return status(documents().setParticulars(m_after));
}
Status SetParticularsCommand::revert()
{
    return status(documents().setParticulars(m_before));
}

AddSectionCommand::AddSectionCommand(Workbench* wb, ErrorSink errors, QString documentUid,
                                     Section section, DocumentService::Place place)
    : DocumentCommand(wb, std::move(errors), tr("Add %1").arg(named(section.title, section.kind))),
      m_document(std::move(documentUid)), m_section(std::move(section)), m_place(std::move(place))
{
}

Status AddSectionCommand::apply()
{
    auto s = documents().addSection(m_document, m_section, m_place);
    if (!s)
        return s.error();
    m_section = *s; // with its uid: a redo adds the same section again
    return {};
}

Status AddSectionCommand::revert()
{
    return status(documents().removeSection(m_section.uid));
}

EditSectionCommand::EditSectionCommand(Workbench* wb, ErrorSink errors, Section before,
                                       Section after, int session)
    : DocumentCommand(wb, std::move(errors), tr("Edit %1").arg(named(after.title, after.kind))),
      m_before(std::move(before)), m_after(std::move(after)), m_session(session)
{
}

bool EditSectionCommand::mergeWith(const QUndoCommand* other)
{
    const auto* o = dynamic_cast<const EditSectionCommand*>(other);
    if (!o || m_session == 0 || o->m_session != m_session || o->m_after.uid != m_after.uid)
        return false;
    m_after = o->m_after;
    return true;
}

Status EditSectionCommand::apply()
{
    return status(documents().updateSection(m_after));
}
Status EditSectionCommand::revert()
{
    return status(documents().updateSection(m_before));
}

MoveSectionCommand::MoveSectionCommand(Workbench* wb, ErrorSink errors, QString uid, QString title,
                                       DocumentService::Place from, DocumentService::Place to)
    : DocumentCommand(wb, std::move(errors), tr("Move %1").arg(title)), m_uid(std::move(uid)),
      m_from(std::move(from)), m_to(std::move(to))
{
}

Status MoveSectionCommand::apply()
{
    return status(documents().moveSection(m_uid, m_to));
}
Status MoveSectionCommand::revert()
{
    return status(documents().moveSection(m_uid, m_from));
}

RemoveSectionCommand::RemoveSectionCommand(Workbench* wb, ErrorSink errors, QString uid,
                                           QString title)
    : DocumentCommand(wb, std::move(errors), tr("Remove %1").arg(title)), m_uid(std::move(uid))
{
}

Status RemoveSectionCommand::apply()
{
    auto r = documents().removeSection(m_uid);
    if (!r)
        return r.error();
    m_removed = *r;
    return {};
}

Status RemoveSectionCommand::revert()
{
    if (!m_removed)
        return {};
    return status(documents().restoreSection(*m_removed));
}

} // namespace fwb::app
