#pragma once
// The checker's rules over one text, and the functions the checker shares with them (see checker.h
// for what they check). Internal to core/checks.

#include "core/checks/checker.h"

#include <QDate>
#include <optional>

namespace fwb::checks::detail {

// One text to check and where it lives.
struct Text {
    QString entity, key, field, question, text;
    QStringList evidence; // samples the finding cites
};

// A grade a text claims for the force, and where.
struct Claim {
    QString grade; // code
    qsizetype start = 0, length = 0;
};

// The text with footnote definitions blanked out, offsets kept.
QString withoutFootnotes(const QString& text);
Problem problem(const CheckContext& c, const Text& t, const QString& rule, Severity severity,
                qsizetype start, qsizetype length, const QString& message);
// What grade a text says the force is, and where.
QList<Claim> gradeClaims(const CheckContext& c, const QString& text);
QString gradeLabel(const CheckContext& c, const QString& code);

// The text rules: counts against cited evidence, figures against metrics, another force named,
// grade words against the recorded grade.
void checkEvidence(const CheckContext& c, const Text& t, QList<Problem>& out);
void checkFigures(const CheckContext& c, const Text& t, QList<Problem>& out);
void checkOtherForce(const CheckContext& c, const Text& t, QList<Problem>& out);
void checkGradeWords(const CheckContext& c, const Text& t, const QString& recordedGrade,
                     QList<Problem>& out);
// Rates that are counts divided by one base (outcomes per 100 recorded crimes) must agree on it.
void checkDerived(const CheckContext& c, QList<Problem>& out);

std::optional<QDate> parseDate(const QString& s);
// The last day of the last "Month YYYY" named in a fieldwork description.
std::optional<QDate> fieldworkEnd(const QString& fieldwork);
void collectSections(const QList<Section>& sections, QList<const Section*>& out);
// The question's code and those of every question under it.
QStringList codesUnder(const CheckContext& c, const QString& question);

} // namespace fwb::checks::detail
