#pragma once
// SectionEditorPane: the section selected in the outline — its heading and its own text in a
// formatting editor, or, for a bound section, the question or figure it is bound to and the data
// it shows, with a way to edit that data in the Draft tab. Typing is saved as it rests (see
// SaveScheduler) to the section the editor was loaded with, as an undo command over
// DocumentService; a stretch of typing is one undo step. The layout is ui/sectioneditorpane.ui.

#include "app/drafting/draftingcontext.h"
#include "core/domain/types.h"

#include <QWidget>
#include <memory>
#include <optional>

class QLineEdit;
class QTextBrowser;

namespace Ui {
class SectionEditorPane;
}

namespace fwb::app {

class MarkdownEdit;

class SectionEditorPane : public QWidget {
    Q_OBJECT
public:
    explicit SectionEditorPane(QWidget* parent = nullptr);
    ~SectionEditorPane() override;

    // The workspace's context (kept by it, for as long as the pane lives).
    void setContext(const DraftingContext* context) { m_context = context; }
    // The questions a bound section can be bound to: the programme's.
    void setQuestions(const QList<Question>& questions);
    // Loads a section of a document (none: empty, with a hint when a document is shown). What was
    // waiting to be saved is forgotten: save first.
    void load(const std::optional<Document>& document, const std::optional<Section>& section);
    // Shows the bound data again (what it shows changed elsewhere), leaving the editor as it is.
    void refreshData(const Document& document);
    void setWritable(bool writable, const QString& why);

    // The section the editor holds: saves go there, whatever is selected by the time they run.
    QString editingSection() const { return m_section; }
    // Typing is waiting to be saved.
    bool isDirty() const { return m_dirty; }
    // A save of the editor's own typing is being written (its announcement is not news to it).
    bool isSaving() const { return m_saving; }
    bool hasEditingFocus() const;
    // Saves typing not yet saved.
    void save();
    // Forgets typing not yet saved (the section it belongs to is going).
    void discard();
    void focusHeading();

    QLineEdit* titleEdit() const;
    MarkdownEdit* bodyEditor() const;
    QTextBrowser* dataView() const;

Q_SIGNALS:
    // The person typed: the preview follows once it is saved.
    void edited();
    // The person wants to edit the data the section shows.
    void editDataRequested(const fwb::Section& section);

private:
    void scheduleSave();

    std::unique_ptr<Ui::SectionEditorPane> m_ui;
    const DraftingContext* m_context = nullptr;
    QString m_document, m_section;
    bool m_usesQuestion = false, m_usesFigure = false;
    bool m_loading = false;
    bool m_dirty = false;
    bool m_saving = false;
    int m_session = 0;
    SaveScheduler m_saver{[this] { save(); }}; // typing: on rest, and at least once a second
};

} // namespace fwb::app
