// Telling a team workbench's connection URI from a workbench file's path.

#include "core/storage/database.h"

using namespace Qt::StringLiterals;

namespace fwb {

bool isServerLocation(const QString& location)
{
    return location.startsWith(u"postgresql://"_s, Qt::CaseInsensitive) ||
           location.startsWith(u"postgres://"_s, Qt::CaseInsensitive);
}

} // namespace fwb
