// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
#include "gvr.h"

namespace Qluster {

QString Gvr::groupVersion() const
{
    return group.isEmpty() ? version : QString(group + QLatin1Char('/') + version);
}

QString Gvr::toString() const
{
    QString name = resource + QLatin1Char('.') + version;
    if (!group.isEmpty())
        name += QLatin1Char('.') + group;
    return name;
}

QString Gvk::groupVersion() const
{
    return group.isEmpty() ? version : QString(group + QLatin1Char('/') + version);
}

Gvk Gvk::fromApiVersion(const QString &apiVersion, const QString &kind)
{
    const qsizetype slash = apiVersion.indexOf(QLatin1Char('/'));
    if (slash < 0)
        return Gvk {QString(), apiVersion, kind};
    return Gvk {apiVersion.left(slash), apiVersion.mid(slash + 1), kind};
}

} // namespace Qluster
