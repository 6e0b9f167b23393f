// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
#include "strategicmerge.h"

#include "jsonutil.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace Qluster {

using namespace StrategicMerge;

namespace StrategicMerge {

QJsonValue identity(const QJsonValue &element, const QString &mergeKey)
{
    if (mergeKey.isEmpty())
        return element;
    return element.toObject().value(mergeKey);
}

qsizetype indexOf(const QJsonArray &list, const QJsonValue &id, const QString &mergeKey)
{
    for (qsizetype i = 0; i < list.size(); ++i) {
        if (mergeKey.isEmpty() ? jsonEquals(list.at(i), id)
                               : (list.at(i).isObject() && list.at(i).toObject().contains(mergeKey)
                                  && jsonEquals(list.at(i).toObject().value(mergeKey), id)))
            return i;
    }
    return -1;
}

Error invalid(const QStringList &path, const QString &message)
{
    const QString at = path.isEmpty() ? QStringLiteral("<root>") : path.join(QLatin1Char('.'));
    return Error::invalid(QStringLiteral("%1: %2").arg(at, message));
}

QString compact(const QJsonValue &v)
{
    if (v.isString())
        return v.toString();
    return QString::fromUtf8(QJsonDocument(QJsonArray{v}).toJson(QJsonDocument::Compact).mid(1).chopped(1));
}

} // namespace StrategicMerge

namespace {

Result<QJsonObject> diffMaps(const QJsonObject &original, const QJsonObject &modified, const QStringList &path,
                             const PatchMetaLookup &meta);

Result<void> diffLists(const QString &key, const QJsonArray &original, const QJsonArray &modified,
                       const QStringList &path, const PatchMeta &fieldMeta, const PatchMetaLookup &meta,
                       QJsonObject &patch)
{
    if (!fieldMeta.isMergeList()) {
        if (!jsonEquals(original, modified))
            patch.insert(key, modified);
        return {};
    }
    bool objects = false;
    for (const QJsonValue &v : original)
        objects = objects || v.isObject();
    for (const QJsonValue &v : modified)
        objects = objects || v.isObject();

    if (!objects) {
        QJsonArray added;
        QJsonArray removed;
        for (const QJsonValue &v : modified) {
            if (indexOf(original, v, QString()) < 0)
                added.append(v);
        }
        for (const QJsonValue &v : original) {
            if (indexOf(modified, v, QString()) < 0)
                removed.append(v);
        }
        if (!added.isEmpty())
            patch.insert(key, added);
        if (!removed.isEmpty())
            patch.insert(kDeletePrefix + key, removed);
        if (!jsonEquals(original, modified) && !modified.isEmpty())
            patch.insert(kOrderPrefix + key, modified);
        return {};
    }

    const QString &mergeKey = fieldMeta.mergeKey;
    if (mergeKey.isEmpty()) {
        if (!jsonEquals(original, modified))
            patch.insert(key, modified);
        return {};
    }
    QJsonArray changes;
    QJsonArray order;
    for (const QJsonValue &v : modified) {
        const QJsonObject element = v.toObject();
        if (!element.contains(mergeKey))
            return fail(invalid(path, QStringLiteral("map: %1 does not contain declared merge key: %2")
                                          .arg(compact(element), mergeKey)));
        const QJsonValue id = element.value(mergeKey);
        order.append(QJsonObject{{mergeKey, id}});
        const qsizetype i = indexOf(original, id, mergeKey);
        if (i < 0) {
            changes.append(element);
            continue;
        }
        auto diff = diffMaps(original.at(i).toObject(), element, path, meta);
        if (!diff)
            return fail(diff.error());
        if (!diff->isEmpty()) {
            QJsonObject change = *diff;
            if (fieldMeta.hasStrategy(QStringLiteral("retainKeys"))) {
                // e.g. a volume switching from emptyDir to configMap must drop emptyDir.
                QJsonArray keys;
                for (const QString &k : element.keys())
                    keys.append(k);
                change.insert(kRetainKeys, keys);
            }
            change.insert(mergeKey, id);
            changes.append(change);
        }
    }
    for (const QJsonValue &v : original) {
        const QJsonValue id = identity(v, mergeKey);
        if (indexOf(modified, id, mergeKey) < 0)
            changes.append(QJsonObject{{mergeKey, id}, {kPatch, QStringLiteral("delete")}});
    }
    QJsonArray originalOrder;
    for (const QJsonValue &v : original) {
        if (indexOf(modified, identity(v, mergeKey), mergeKey) >= 0)
            originalOrder.append(QJsonObject{{mergeKey, identity(v, mergeKey)}});
    }
    QJsonArray commonOrder;
    for (const QJsonValue &v : order) {
        if (indexOf(original, identity(v, mergeKey), mergeKey) >= 0)
            commonOrder.append(v);
    }
    const bool reordered = !jsonEquals(originalOrder, commonOrder);
    if (!changes.isEmpty())
        patch.insert(key, changes);
    if ((!changes.isEmpty() || reordered) && !order.isEmpty())
        patch.insert(kOrderPrefix + key, order);
    return {};
}

Result<QJsonObject> diffMaps(const QJsonObject &original, const QJsonObject &modified, const QStringList &path,
                             const PatchMetaLookup &meta)
{
    QJsonObject patch;
    for (auto it = original.constBegin(); it != original.constEnd(); ++it) {
        if (!modified.contains(it.key()))
            patch.insert(it.key(), QJsonValue::Null);
    }
    for (auto it = modified.constBegin(); it != modified.constEnd(); ++it) {
        const QString &key = it.key();
        const QJsonValue &now = it.value();
        const auto before = original.constFind(key);
        if (before == original.constEnd()) {
            patch.insert(key, now);
            continue;
        }
        if (jsonEquals(before.value(), now))
            continue;
        const QStringList childPath = path + QStringList{key};
        const PatchMeta fieldMeta = meta.patchMeta(childPath);
        if (before.value().isObject() && now.isObject()) {
            if (fieldMeta.hasStrategy(QStringLiteral("replace"))) {
                QJsonObject replaced = now.toObject();
                replaced.insert(kPatch, QStringLiteral("replace"));
                patch.insert(key, replaced);
                continue;
            }
            auto child = diffMaps(before.value().toObject(), now.toObject(), childPath, meta);
            if (!child)
                return fail(child.error());
            if (fieldMeta.hasStrategy(QStringLiteral("retainKeys")) && !child->isEmpty()) {
                QJsonArray keys;
                for (const QString &k : now.toObject().keys())
                    keys.append(k);
                child->insert(kRetainKeys, keys);
            }
            if (!child->isEmpty())
                patch.insert(key, *child);
        } else if (before.value().isArray() && now.isArray()) {
            auto listed = diffLists(key, before.value().toArray(), now.toArray(), childPath, fieldMeta, meta, patch);
            if (!listed)
                return fail(listed.error());
        } else {
            patch.insert(key, now);
        }
    }
    return patch;
}
} // namespace

Result<QJsonValue> createStrategicMergePatch(const QJsonValue &original, const QJsonValue &modified,
                                             const PatchMetaLookup &meta)
{
    if (!original.isObject() || !modified.isObject())
        return fail(Error::invalid(QStringLiteral("a strategic merge patch needs two JSON objects")));
    return asValue(diffMaps(original.toObject(), modified.toObject(), QStringList(), meta));
}

} // namespace Qluster
