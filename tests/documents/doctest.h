#pragma once
// Helpers for the document tests: the seed texts, text normalised for comparison, and the demo
// workbench.

#include "testsupport.h"

#include <QRegularExpression>
#include <QStringList>
#include <catch2/catch.hpp>
#include <ostream>

inline std::ostream& operator<<(std::ostream& os, const QString& s)
{
    return os << s.toStdString();
}

namespace doctest {

inline const QString kPeel = QStringLiteral("peel-effectiveness-2015");
inline const QString kCore = QStringLiteral("core-business-2014");
inline const QString kLancs = QStringLiteral("lancashire");
inline const QString kReport = QStringLiteral("lancs-2015-report");
inline const QString kLetter = QStringLiteral("lancs-2014-letter");

inline QString seed(const QString& name)
{
    return QString::fromUtf8(
        fwb::test::readFile(fwb::test::fixture(QStringLiteral("seeds/") + name)));
}
inline QString letterSeed()
{
    return seed(QStringLiteral("core-business-2014-letter-lancashire.txt"));
}
inline QString reportSeed()
{
    return seed(QStringLiteral("peel-2015-effectiveness-report-lancashire.txt"));
}

// Folds white space, drops footnote markers (superscripts, [^label] references and their
// definitions), bullets and the object replacement character, and unifies quotes.
inline QString normal(QString s)
{
    static const QRegularExpression definition(QStringLiteral("^\\[\\^[^\\]]+\\]:.*$"),
                                               QRegularExpression::MultilineOption);
    static const QRegularExpression reference(QStringLiteral("\\[\\^[^\\]]+\\]"));
    static const QRegularExpression superscripts(QStringLiteral("[⁰¹²³⁴⁵⁶⁷⁸⁹]+"));
    static const QRegularExpression bullet(QStringLiteral("(^|\\n)\\s*[-*•]\\s+"));
    s.remove(definition);
    s.remove(reference);
    s.remove(superscripts);
    s.replace(bullet, QStringLiteral("\n"));
    s.remove(QChar::ObjectReplacementCharacter);
    s.replace(QChar(0x2019), QLatin1Char('\''));
    s.replace(QChar(0x2018), QLatin1Char('\''));
    s.replace(QChar(0x2028), QLatin1Char(' '));
    s.replace(QChar::Nbsp, QLatin1Char(' '));
    return fwb::test::collapseWhitespace(s).trimmed();
}

// Checks that each of `parts` occurs in `text`, each after the one before; returns how many did.
inline int inOrder(const QString& text, const QStringList& parts)
{
    qsizetype from = 0;
    int found = 0;
    for (const QString& p : parts) {
        const qsizetype at = text.indexOf(p, from);
        INFO("expected next, in order: " << p.left(120));
        CHECK(at >= 0);
        if (at >= 0) {
            from = at + p.size();
            ++found;
        }
    }
    return found;
}

} // namespace doctest
