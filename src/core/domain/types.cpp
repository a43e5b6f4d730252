#include "core/domain/types.h"

namespace fwb {

QString codeRule()
{
    return QStringLiteral("use letters a-z and A-Z, digits, '-', '.' and '_', starting with a "
                          "letter or digit, "
                          "at most %1 characters")
        .arg(MaxCodeLength);
}

QString invalidCodeMessage(const QString& what, const QString& code)
{
    QString shown;
    for (const QChar c : code.left(MaxCodeLength + 20)) {
        if (c == QLatin1Char('\n'))
            shown += QStringLiteral("\\n");
        else if (c == QLatin1Char('\t'))
            shown += QStringLiteral("\\t");
        else if (c == QLatin1Char('\r'))
            shown += QStringLiteral("\\r");
        else if (c.unicode() < 0x20 || c.unicode() == 0x7f ||
                 (c.unicode() >= 0x80 && c.unicode() < 0xa0))
            shown += QStringLiteral("\\u%1").arg(
                QString::number(c.unicode(), 16).rightJustified(4, QLatin1Char('0')));
        else
            shown += c;
    }
    if (code.size() > MaxCodeLength + 20)
        shown += QStringLiteral("…");
    return QStringLiteral("%1 \"%2\" is not valid: it %3 (%4)")
        .arg(what, shown, codeProblem(code), codeRule());
}

QString codeProblem(const QString& code)
{
    if (code.isEmpty())
        return QStringLiteral("is empty");
    if (code.size() > MaxCodeLength)
        return QStringLiteral("is %1 characters long").arg(code.size());
    for (const QChar c : code) {
        const char16_t u = c.unicode();
        const bool allowed = (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') ||
                             (u >= '0' && u <= '9') || u == '-' || u == '.' || u == '_';
        if (allowed)
            continue;
        if (u < 0x20 || u == 0x7f || (u >= 0x80 && u < 0xa0))
            return QStringLiteral("contains a control character (U+%1)")
                .arg(QString::number(u, 16).toUpper().rightJustified(4, QLatin1Char('0')));
        if (c == QLatin1Char(' '))
            return QStringLiteral("contains a space");
        return QStringLiteral("contains \"%1\"").arg(c);
    }
    if (code.contains(QStringLiteral("..")))
        return QStringLiteral("contains \"..\"");
    if (!code.front().isLetterOrNumber())
        return QStringLiteral("starts with \"%1\"").arg(code.front());
    return {};
}

QString findingKindLabel(const QString& kind)
{
    if (kind == QLatin1String("strength"))
        return QStringLiteral("Strength");
    if (kind == QLatin1String("area_for_improvement"))
        return QStringLiteral("Area for improvement");
    if (kind == QLatin1String("cause_of_concern"))
        return QStringLiteral("Cause of concern");
    if (kind == QLatin1String("recommendation"))
        return QStringLiteral("Recommendation");
    if (kind == QLatin1String("observation"))
        return QStringLiteral("Observation");
    return kind;
}

QString findingKindPluralLabel(const QString& kind)
{
    if (kind == QLatin1String("strength"))
        return QStringLiteral("Strengths");
    if (kind == QLatin1String("area_for_improvement"))
        return QStringLiteral("Areas for improvement");
    if (kind == QLatin1String("cause_of_concern"))
        return QStringLiteral("Causes of concern");
    if (kind == QLatin1String("recommendation"))
        return QStringLiteral("Recommendations");
    if (kind == QLatin1String("observation"))
        return QStringLiteral("Observations");
    return kind;
}

const Question* findQuestion(const QList<Question>& questions, const QString& code)
{
    for (const Question& q : questions) {
        if (q.code == code)
            return &q;
        if (const Question* inner = findQuestion(q.children, code))
            return inner;
    }
    return nullptr;
}

} // namespace fwb
