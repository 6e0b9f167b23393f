// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
#include "mergepatch.h"

#include "jsonutil.h"

#include <QJsonObject>

namespace Qluster {

namespace {

QJsonObject diffObjects(const QJsonObject &original, const QJsonObject &modified)
{
    QJsonObject patch;
    for (auto it = original.constBegin(); it != original.constEnd(); ++it) {
        if (!modified.contains(it.key()))
            patch.insert(it.key(), QJsonValue::Null);
    }
    for (auto it = modified.constBegin(); it != modified.constEnd(); ++it) {
        const auto old = original.constFind(it.key());
        if (old == original.constEnd()) {
            patch.insert(it.key(), it.value());
        } else if (old.value().isObject() && it.value().isObject()) {
            const QJsonObject child = diffObjects(old.value().toObject(), it.value().toObject());
            if (!child.isEmpty())
                patch.insert(it.key(), child);
        } else if (!jsonEquals(old.value(), it.value())) {
            patch.insert(it.key(), it.value());
        }
    }
    return patch;
}

} // namespace

QJsonValue createMergePatch(const QJsonValue &original, const QJsonValue &modified)
{
    if (original.isObject() && modified.isObject())
        return diffObjects(original.toObject(), modified.toObject());
    if (jsonEquals(original, modified))
        return QJsonObject();
    return modified;
}

} // namespace Qluster
