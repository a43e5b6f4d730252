#pragma once
// Target: a place the window can show — a programme, force or question; a finding (and the words
// in it a problem is about); a judgment; a force's figures or evidence; a document or one of its
// sections; a response of the factual accuracy check. Search hits, the checker's problems, links
// in the overview and requests from one workspace to another are all turned into targets and
// handed to the Router, which brings up the workspace that answers them.

#include "app/models/navigatornode.h"

#include <QMetaType>
#include <QString>

class QWidget;

namespace fwb {
struct SearchHit;
namespace checks {
struct Problem;
}
} // namespace fwb

namespace fwb::app {

struct Target {
    enum class Kind {
        None,
        Place,    // programme / force / question: the navigator's row
        Overview, // the overview of the place
        Draft,    // the Draft tab at a force or question
        Finding,  // uid: the finding's uid
        Judgment, // the judgment of programme / force / question
        Metrics,  // the force's figures
        Evidence, // the force's evidence samples
        Document, // uid: the document's uid
        Section,  // uid: the section’s uid; documentUid: its document’s
        Response, // uid: the response’s uid; documentUid: its document’s
    };
    Kind kind = Kind::None;
    QString programme, force, question;
    QString uid;
    QString documentUid;
    // For a finding: the words to select, as positions in its stored text.
    qsizetype start = -1, length = 0;

    bool isValid() const { return kind != Kind::None; }
    // The navigator's row the target lies under.
    NavigatorKey key() const;
    // "finding lancs-2014-f-13", "section s-3 of lancs-2015-report": for logs and messages.
    QString describe() const;
    friend bool operator==(const Target&, const Target&) = default;

    static Target place(const NavigatorKey& key);
    static Target overview(const NavigatorKey& key);
    static Target draft(const NavigatorKey& key);
    static Target finding(const QString& uid, qsizetype start = -1, qsizetype length = 0);
    static Target judgment(const QString& programme, const QString& force, const QString& question);
    static Target metrics(const QString& programme, const QString& force);
    static Target evidence(const QString& programme, const QString& force);
    static Target document(const QString& uid);
    static Target section(const QString& documentUid, const QString& sectionUid);
    static Target response(const QString& documentUid, const QString& responseUid);
    // Where a search hit was found, and what a problem of the checker is about.
    static Target fromHit(const SearchHit& hit);
    static Target fromProblem(const checks::Problem& problem);
};

// A workspace (or other view) that can show targets: the Router asks each in turn.
class Destination {
public:
    virtual ~Destination() = default;
    // Whether this view shows targets of the target's kind (the target is already resolved:
    // place filled in, records known to exist).
    virtual bool answers(const Target& target) const = 0;
    // The widget to bring up (a tab of the window).
    virtual QWidget* page() = 0;
    // Shows the target once the navigator is on its place and the page is current; false when
    // the item is not there after all.
    virtual bool reveal(const Target& target) = 0;
};

} // namespace fwb::app

Q_DECLARE_METATYPE(fwb::app::Target)
