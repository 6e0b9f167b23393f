// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
#include "patchmeta.h"

#include <QJsonArray>

namespace Qluster {

PatchMeta PatchMeta::fromSchema(const QJsonObject &schema)
{
    PatchMeta meta;
    const QString strategy = schema.value(QLatin1String("x-kubernetes-patch-strategy")).toString();
    if (!strategy.isEmpty()) {
        for (const QString &part : strategy.split(QLatin1Char(','), Qt::SkipEmptyParts))
            meta.strategies.append(part.trimmed());
    }
    meta.mergeKey = schema.value(QLatin1String("x-kubernetes-patch-merge-key")).toString();
    meta.listType = schema.value(QLatin1String("x-kubernetes-list-type")).toString();
    const QJsonArray keys = schema.value(QLatin1String("x-kubernetes-list-map-keys")).toArray();
    for (const QJsonValue &key : keys)
        meta.listMapKeys.append(key.toString());
    meta.mapType = schema.value(QLatin1String("x-kubernetes-map-type")).toString();
    meta.type = schema.value(QLatin1String("type")).toString();
    return meta;
}

} // namespace Qluster
