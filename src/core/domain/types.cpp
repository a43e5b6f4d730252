#include "types.h"

namespace fwb {

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
