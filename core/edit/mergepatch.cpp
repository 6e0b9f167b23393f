// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
#include "mergepatch.h"

#include "jsonutil.h"

#include <QJsonObject>

namespace Qluster {

namespace {

QJsonValue mergeValue(const QJsonValue &target, const QJsonValue &patch)
{
    if (!patch.isObject())
        return patch;
    QJsonObject result = target.isObject() ? target.toObject() : QJsonObject();
    const QJsonObject patchObject = patch.toObject();
    for (auto it = patchObject.constBegin(); it != patchObject.constEnd(); ++it) {
        if (it.value().isNull())
            result.remove(it.key());
        else
            result.insert(it.key(), mergeValue(result.value(it.key()), it.value()));
    }
    return result;
}

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

Result<QJsonValue> applyMergePatch(const QJsonValue &document, const QJsonValue &patch)
{
    if (!patch.isObject())
        return fail(Error::invalid(QStringLiteral("a merge patch must be a JSON object")));
    return mergeValue(document, patch);
}

QJsonValue createMergePatch(const QJsonValue &original, const QJsonValue &modified)
{
    if (original.isObject() && modified.isObject())
        return diffObjects(original.toObject(), modified.toObject());
    if (jsonEquals(original, modified))
        return QJsonObject();
    return modified;
}

} // namespace Qluster
