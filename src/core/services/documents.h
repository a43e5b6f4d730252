#pragma once
// DocumentService: letters and reports as section trees — creating them from a programme's
// template, changing their particulars (title, date, embargo, parties, status) and their sections
// (add, edit, move, nest, remove). Each call is one audited transaction announced with the
// document or sections it changed (a change of a section's body alone as wording only).
//
// Bound sections hold no copy of the data they show: a "findings" section names its question, a
// "metrics_table" its figure. Correcting a finding therefore corrects every document showing it.
//
// Narrative text may use fields that are filled in when the document is assembled:
//   {{force}} the force's name          {{force_short}} its short name
//   {{style}} "the constabulary" / "the force" / "the service"
//   {{programme}} the programme's title  {{fieldwork}} when the fieldwork was done
//   {{date}} the document's date         {{embargo}} the embargo, as "Thursday 4 September 2014 at
//   00:01"

#include "core/domain/types.h"
#include "core/util/result.h"

namespace fwb {

class Workbench;

// Every kind of section, and whether it holds its own text (narrative) or shows data (bound).
const QStringList& sectionKinds();
bool isBoundKind(const QString& kind);
QString sectionKindLabel(const QString& kind); // "areas_for_improvement" → "Areas for improvement"

// Finds a section anywhere in a tree; nullptr when absent.
const Section* findSection(const QList<Section>& sections, const QString& uid);

// The structure a new letter or PEEL report of this programme starts from (see docs/documents.md).
// Section uids are fresh; nothing is written.
Result<Document> documentTemplate(const Workbench& workbench, const QString& programmeCode,
                                  const QString& forceCode, const QString& kind);

class DocumentService {
public:
    explicit DocumentService(Workbench& workbench) : m_wb(workbench) {}

    // Creates a document from the programme's template (an empty uid gets a fresh one).
    Result<Document> create(const QString& programmeCode, const QString& forceCode,
                            const QString& kind, const QString& uid = {});
    // Writes a whole document that does not exist yet (a restore after delete, or a copy).
    Result<Document> insert(const Document& document);
    // Removes a document and its sections; returns it whole, so that it can be put back.
    Result<Document> remove(const QString& uid);

    // Changes the particulars: title, subtitle, status, date, embargo, sender, recipient,
    // reference. Sections are left as they are. Dates are YYYY-MM-DD, the embargo YYYY-MM-DDTHH:MM.
    // Every save below takes the version read (of the particulars, or of the section) and is
    // refused as Stale when it has changed since (core/services/versions.h).
    Result<Document> setParticulars(const Document& particulars, IfVersion ifVersion = {});

    struct Place {
        QString parentUid; // empty: top level
        int position = 0;  // 1-based among its siblings; 0 or past the end: last
    };
    // Adds a section (with any children) at a place; an empty uid gets a fresh one.
    Result<Section> addSection(const QString& documentUid, Section section, const Place& place);
    // Changes a section's own fields (kind, title, body, question, finding kind, figure).
    // Once the document is under review, a change of a narrative section's text is kept as a
    // revision with `reason`. Published documents refuse every change.
    Result<Section> updateSection(const Section& section, const QString& reason = {},
                                  IfVersion ifVersion = {});
    // Moves a section with its children to another place in the same document.
    Result<Section> moveSection(const QString& uid, const Place& place, IfVersion ifVersion = {});
    struct Removed {
        QString documentUid;
        Section section; // with its children
        Place place;
    };
    // Removes a section with its children; returns what is needed to put it back.
    Result<Removed> removeSection(const QString& uid, IfVersion ifVersion = {});
    Result<Section> restoreSection(const Removed& removed);

    // A new section of a kind for this document, bound sensibly: to the question of the section
    // beside it (or the programme's first fitting question), to the force's first figure; with a
    // heading to start from. Nothing is written.
    Section newSection(const Document& document, const QString& kind,
                       const std::optional<Section>& beside) const;

    // Where a section is: its document, parent and 1-based position.
    struct Location {
        QString documentUid;
        Place place;
    };
    std::optional<Location> locate(const QString& sectionUid) const;

    QString newUid(const QString& prefix) const;

private:
    // A section's document with the section taken out of it, and where it was.
    struct Taken {
        Document document;
        Section section;
        Place from;
    };
    Result<Taken> takeOut(const QString& uid) const;
    Result<Document> load(const QString& uid) const;
    Status save(const Document& d);
    Workbench& m_wb;
};

} // namespace fwb
