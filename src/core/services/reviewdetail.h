#pragma once
// What the review's three source files share (review.cpp: lifecycle and notes; reviewround.cpp:
// rounds, the form and decisions; reviewtext.cpp: text, revisions and differences). Internal.

#include "core/services/review.h"
#include "core/services/servicesupport.h"

#include <QDateTime>

namespace fwb::reviewdetail {
inline QString now()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODate);
}

// A move or change the state of things does not allow.
inline Error refused(const QString& message)
{
    return Error::make(Error::Code::Conflict, message);
}

inline QString normalised(const QString& s)
{
    return s.simplified();
}

// The form says "factual error"; the stored code is "factual_error". Either is accepted.
inline QString categoryCode(const QString& written)
{
    QString c = written.trimmed().toLower();
    c.replace(QLatin1Char(' '), QLatin1Char('_'));
    c.replace(QLatin1Char('-'), QLatin1Char('_'));
    return responseCategories().contains(c) ? c : QString();
}

inline QString categoryLabel(const QString& code)
{
    QString s = code;
    s.replace(QLatin1Char('_'), QLatin1Char(' '));
    return s;
}

} // namespace fwb::reviewdetail
