// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
#include "strategicpatch.h"

#include "edit/jsonutil.h"
#include "edit/strategicmerge.h"

#include <QJsonArray>
#include <QJsonObject>

#include <algorithm>
#include <limits>

namespace Qluster {

using namespace StrategicMerge;

namespace {

// Orders a merged list like upstream's normalizeElementOrder: the elements the patch names keep
// the patch's order (or its $setElementOrder list's), the other elements keep their live order,
// and the two are interleaved by live position. An element new to the list goes before the
// live elements that follow it, so a new element of a plain patch lands at the front (as with
// kube-apiserver); clients send $setElementOrder to choose a place.
QJsonArray normalizeOrder(const QJsonArray &merged, const QJsonArray &order, const QJsonArray &live,
                          const QString &mergeKey)
{
    QList<QJsonValue> patchItems;
    QList<QJsonValue> serverOnly;
    for (const QJsonValue &v : merged) {
        if (indexOf(order, identity(v, mergeKey), mergeKey) >= 0)
            patchItems.append(v);
        else
            serverOnly.append(v);
    }
    std::stable_sort(patchItems.begin(), patchItems.end(), [&](const QJsonValue &a, const QJsonValue &b) {
        return indexOf(order, identity(a, mergeKey), mergeKey) < indexOf(order, identity(b, mergeKey), mergeKey);
    });
    const auto liveIndex = [&](const QJsonValue &v) { return indexOf(live, identity(v, mergeKey), mergeKey); };
    std::stable_sort(serverOnly.begin(), serverOnly.end(), [&](const QJsonValue &a, const QJsonValue &b) {
        return liveIndex(a) < liveIndex(b);
    });
    QJsonArray out;
    qsizetype i = 0;
    qsizetype j = 0;
    while (i < serverOnly.size() || j < patchItems.size()) {
        if (j >= patchItems.size()) {
            out.append(serverOnly.at(i++));
        } else if (i >= serverOnly.size()) {
            out.append(patchItems.at(j++));
        } else {
            const qsizetype left = liveIndex(serverOnly.at(i));
            const qsizetype right = liveIndex(patchItems.at(j));
            if (left >= 0 && right >= 0 && left < right)
                out.append(serverOnly.at(i++));
            else
                out.append(patchItems.at(j++));
        }
    }
    return out;
}

Result<QJsonObject> mergeMap(QJsonObject original, QJsonObject patch, const QStringList &path,
                             const PatchMetaLookup &meta);

// order is the field's $setElementOrder list when the patch has one.
Result<QJsonArray> mergeList(const QJsonArray &original, const QJsonArray &patch, const QStringList &path,
                             const PatchMeta &fieldMeta, const PatchMetaLookup &meta, const QJsonArray *order)
{
    const QString &mergeKey = fieldMeta.mergeKey;
    bool objects = false;
    for (const QJsonValue &v : original)
        objects = objects || v.isObject();
    for (const QJsonValue &v : patch)
        objects = objects || v.isObject();

    if (!objects) {
        // A merge list of primitives is a set: union in order, without duplicates.
        QJsonArray merged;
        for (const QJsonValue &v : original) {
            if (indexOf(merged, v, QString()) < 0)
                merged.append(v);
        }
        for (const QJsonValue &v : patch) {
            if (v.isArray() || v.isObject())
                return fail(invalid(path, QStringLiteral("a list of primitives cannot hold %1").arg(compact(v))));
            if (indexOf(merged, v, QString()) < 0)
                merged.append(v);
        }
        return normalizeOrder(merged, order ? *order : patch, original, QString());
    }

    if (mergeKey.isEmpty())
        return fail(invalid(path, QStringLiteral("cannot merge a list of objects without a merge key")));

    QJsonArray live = original;
    QJsonArray items;
    bool replace = false;
    for (const QJsonValue &v : patch) {
        if (!v.isObject())
            return fail(invalid(path, QStringLiteral("list element %1 is not an object").arg(compact(v))));
        const QJsonObject element = v.toObject();
        if (!element.contains(kPatch)) {
            if (!element.contains(mergeKey))
                return fail(invalid(path, QStringLiteral("map: %1 does not contain declared merge key: %2")
                                              .arg(compact(element), mergeKey)));
            items.append(element);
            continue;
        }
        const QString directive = element.value(kPatch).toString();
        if (directive == QLatin1String("delete")) {
            if (!element.contains(mergeKey))
                return fail(invalid(path, QStringLiteral("map: %1 does not contain declared merge key: %2")
                                              .arg(compact(element), mergeKey)));
            const QJsonValue id = element.value(mergeKey);
            for (qsizetype i = indexOf(live, id, mergeKey); i >= 0; i = indexOf(live, id, mergeKey))
                live.removeAt(i);
        } else if (directive == QLatin1String("replace")) {
            replace = true;
        } else if (directive == QLatin1String("merge")) {
            return fail(invalid(path, QStringLiteral("merging lists cannot yet be specified in the patch")));
        } else {
            return fail(invalid(path, QStringLiteral("$patch directive unknown: \"%1\"").arg(compact(element.value(kPatch)))));
        }
    }
    if (replace) {
        // "$patch: replace" in a list replaces the live list with the other patch elements.
        QJsonArray out;
        for (const QJsonValue &v : items) {
            auto clean = mergeMap(QJsonObject(), v.toObject(), path, meta);
            if (!clean)
                return fail(clean.error());
            out.append(*clean);
        }
        return out;
    }
    QJsonArray merged = live;
    for (const QJsonValue &v : items) {
        const QJsonObject element = v.toObject();
        const qsizetype i = indexOf(merged, element.value(mergeKey), mergeKey);
        auto result = mergeMap(i >= 0 ? merged.at(i).toObject() : QJsonObject(), element, path, meta);
        if (!result)
            return fail(result.error());
        if (i >= 0)
            merged.replace(i, *result);
        else
            merged.append(*result);
    }
    return normalizeOrder(merged, order ? *order : items, original, mergeKey);
}

// Merges one field value; original may be undefined when the field is new.
Result<QJsonValue> mergeField(const QJsonValue &original, const QJsonValue &patch, const QStringList &path,
                              const PatchMetaLookup &meta, const QJsonArray *order = nullptr)
{
    const PatchMeta fieldMeta = meta.patchMeta(path);
    if (patch.isObject()) {
        if (fieldMeta.hasStrategy(QStringLiteral("replace"))) {
            QJsonObject p = patch.toObject();
            p.remove(kPatch);
            return asValue(mergeMap(QJsonObject(), p, path, meta));
        }
        return asValue(mergeMap(original.isObject() ? original.toObject() : QJsonObject(), patch.toObject(), path, meta));
    }
    if (patch.isArray()) {
        const QJsonArray list = patch.toArray();
        if (fieldMeta.isMergeList())
            return asValue(mergeList(original.isArray() ? original.toArray() : QJsonArray(), list, path, fieldMeta, meta, order));
        // Replaced lists still lose any directives their elements carry.
        QJsonArray out;
        for (const QJsonValue &v : list) {
            if (v.isObject()) {
                QJsonObject element = v.toObject();
                if (element.value(kPatch).toString() == QLatin1String("delete"))
                    continue;
                element.remove(kPatch);
                auto clean = mergeMap(QJsonObject(), element, path, meta);
                if (!clean)
                    return fail(clean.error());
                out.append(*clean);
            } else {
                out.append(v);
            }
        }
        return QJsonValue(out);
    }
    return patch;
}

Result<QJsonObject> mergeMap(QJsonObject original, QJsonObject patch, const QStringList &path,
                             const PatchMetaLookup &meta)
{
    if (patch.contains(kPatch)) {
        const QString directive = patch.value(kPatch).toString();
        patch.remove(kPatch);
        if (directive == QLatin1String("replace"))
            original = QJsonObject();
        else if (directive == QLatin1String("delete"))
            return QJsonObject();
        else if (directive != QLatin1String("merge"))
            return fail(invalid(path, QStringLiteral("$patch directive unknown: \"%1\"")
                                          .arg(compact(QJsonValue(directive)))));
    }

    if (patch.contains(kRetainKeys)) {
        const QJsonValue retain = patch.take(kRetainKeys);
        if (!retain.isArray())
            return fail(invalid(path, QStringLiteral("$retainKeys must be a list of field names")));
        QStringList keys;
        for (const QJsonValue &k : retain.toArray())
            keys.append(k.toString());
        for (auto it = patch.constBegin(); it != patch.constEnd(); ++it) {
            if (it.value().isNull() || it.key().startsWith(kDeletePrefix) || it.key().startsWith(kOrderPrefix))
                continue;
            if (!keys.contains(it.key()))
                return fail(invalid(path, QStringLiteral("field \"%1\" is in the patch but not in $retainKeys").arg(it.key())));
        }
        for (const QString &key : original.keys()) {
            if (!keys.contains(key))
                original.remove(key);
        }
    }

    // Parallel lists first: deletions from primitive lists, then explicit element orders.
    QMap<QString, QJsonArray> orders;
    for (const QString &key : patch.keys()) {
        if (key.startsWith(kDeletePrefix)) {
            const QString field = key.mid(kDeletePrefix.size());
            const QJsonValue toDelete = patch.take(key);
            if (!toDelete.isArray() || field.isEmpty())
                return fail(invalid(path, QStringLiteral("%1 must name a field and hold a list").arg(key)));
            if (!original.value(field).isArray())
                continue;
            QJsonArray kept;
            for (const QJsonValue &v : original.value(field).toArray()) {
                if (indexOf(toDelete.toArray(), v, QString()) < 0)
                    kept.append(v);
            }
            original.insert(field, kept);
        } else if (key.startsWith(kOrderPrefix)) {
            const QString field = key.mid(kOrderPrefix.size());
            const QJsonValue order = patch.take(key);
            if (!order.isArray() || field.isEmpty())
                return fail(invalid(path, QStringLiteral("%1 must name a field and hold a list").arg(key)));
            // The elements the patch lists must appear in the same order in $setElementOrder.
            const QString mergeKey = meta.patchMeta(path + QStringList{field}).mergeKey;
            const QJsonArray listed = patch.value(field).toArray();
            const QJsonArray wanted = order.toArray();
            qsizetype p = 0;
            for (qsizetype o = 0; p < listed.size() && o < wanted.size(); ++o) {
                while (p < listed.size() && listed.at(p).isObject() && listed.at(p).toObject().contains(kPatch))
                    ++p;
                if (p < listed.size()
                    && jsonEquals(identity(listed.at(p), mergeKey), identity(wanted.at(o), mergeKey)))
                    ++p;
            }
            while (p < listed.size() && listed.at(p).isObject() && listed.at(p).toObject().contains(kPatch))
                ++p;
            if (p < listed.size())
                return fail(invalid(path, QStringLiteral("the order in patch list %1 doesn't match %2 list %3")
                                              .arg(compact(listed), key, compact(wanted))));
            orders.insert(field, wanted);
        }
    }

    for (auto it = patch.constBegin(); it != patch.constEnd(); ++it) {
        const QString &key = it.key();
        const QJsonValue &value = it.value();
        if (value.isNull()) {
            original.remove(key);
            continue;
        }
        if (value.isObject() && !original.contains(key)
            && value.toObject().value(kPatch).toString() == QLatin1String("delete"))
            continue;
        const QStringList childPath = path + QStringList{key};
        const auto order = orders.constFind(key);
        auto merged = mergeField(original.value(key), value, childPath, meta,
                                 order == orders.constEnd() ? nullptr : &order.value());
        if (!merged)
            return fail(merged.error());
        original.insert(key, *merged);
    }

    // Orders for lists the patch does not otherwise touch.
    for (auto it = orders.constBegin(); it != orders.constEnd(); ++it) {
        if (patch.contains(it.key()))
            continue;
        const QJsonValue current = original.value(it.key());
        if (!current.isArray())
            continue;
        const QString mergeKey = meta.patchMeta(path + QStringList{it.key()}).mergeKey;
        QJsonArray order;
        for (const QJsonValue &v : it.value())
            order.append(mergeKey.isEmpty() ? v : QJsonValue(QJsonObject{{mergeKey, identity(v, mergeKey)}}));
        original.insert(it.key(), normalizeOrder(current.toArray(), order, current.toArray(), mergeKey));
    }
    return original;
}

} // namespace

Result<QJsonValue> applyStrategicMergePatch(const QJsonValue &original, const QJsonValue &patch,
                                            const PatchMetaLookup &meta)
{
    if (!patch.isObject())
        return fail(Error::invalid(QStringLiteral("a strategic merge patch must be a JSON object")));
    if (!original.isObject() && !original.isNull() && !original.isUndefined())
        return fail(Error::invalid(QStringLiteral("the object to patch must be a JSON object")));
    return asValue(mergeMap(original.toObject(), patch.toObject(), QStringList(), meta));
}

} // namespace Qluster
