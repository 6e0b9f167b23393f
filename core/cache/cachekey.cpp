// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
#include "cachekey.h"

namespace Qluster {

QString CacheKey::toString() const
{
    QString s = context + QLatin1Char(' ') + gvr.toString();
    if (!namespaceName.isEmpty())
        s += QStringLiteral(" -n ") + namespaceName;
    if (!labelSelector.isEmpty())
        s += QStringLiteral(" -l ") + labelSelector;
    if (!fieldSelector.isEmpty())
        s += QStringLiteral(" --field-selector ") + fieldSelector;
    return s;
}

} // namespace Qluster
