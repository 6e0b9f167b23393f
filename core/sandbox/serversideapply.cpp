// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
#include "serversideapply.h"

#include "edit/jsonutil.h"

#include <QJsonArray>

#include <algorithm>

namespace Qluster {

namespace {

const QList<FieldPath> &identityPaths()
{
    static const QList<FieldPath> paths = [] {
        QList<FieldPath> p{{QStringLiteral("f:apiVersion")}, {QStringLiteral("f:kind")}};
        for (const char *field : {"name", "namespace", "uid", "resourceVersion", "generation", "creationTimestamp",
                                  "deletionTimestamp", "deletionGracePeriodSeconds", "managedFields", "selfLink"})
            p.append({QStringLiteral("f:metadata"), QStringLiteral("f:") + QString::fromLatin1(field)});
        return p;
    }();
    return paths;
}

FieldSet ownedFields(const QJsonObject &object, const PatchMetaLookup &meta, const ApplyOptions &options)
{
    QList<FieldPath> ignored = identityPaths();
    for (const QString &field : options.resetFields)
        ignored.append({QStringLiteral("f:") + field});
    if (!options.onlyFields.isEmpty()) {
        for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
            if (!options.onlyFields.contains(it.key()))
                ignored.append({QStringLiteral("f:") + it.key()});
        }
    }
    return FieldSet::fromObject(object, meta).without(ignored);
}

QJsonValue withoutNulls(const QJsonValue &value)
{
    if (value.isObject()) {
        QJsonObject out;
        const QJsonObject o = value.toObject();
        for (auto it = o.constBegin(); it != o.constEnd(); ++it) {
            if (!it.value().isNull())
                out.insert(it.key(), withoutNulls(it.value()));
        }
        return out;
    }
    if (value.isArray()) {
        QJsonArray out;
        for (const QJsonValue &v : value.toArray())
            out.append(withoutNulls(v));
        return out;
    }
    return value;
}

QJsonValue mergeValue(const QJsonValue &live, const QJsonValue &applied, const QStringList &path,
                      const PatchMeta &meta, const PatchMetaLookup &lookup)
{
    if (applied.isObject()) {
        if (meta.mapType == QLatin1String("atomic") || !live.isObject())
            return applied;
        QJsonObject out = live.toObject();
        const QJsonObject a = applied.toObject();
        for (auto it = a.constBegin(); it != a.constEnd(); ++it) {
            const QStringList childPath = path + QStringList{it.key()};
            out.insert(it.key(), mergeValue(out.value(it.key()), it.value(), childPath, lookup.patchMeta(childPath), lookup));
        }
        return out;
    }
    if (applied.isArray()) {
        QStringList keys;
        const ListKind kind = listKindOf(meta, &keys);
        if (kind == ListKind::Atomic || !live.isArray())
            return applied;
        QJsonArray out = live.toArray();
        PatchMeta elementMeta = meta;
        elementMeta.mapType.clear();
        for (const QJsonValue &item : applied.toArray()) {
            qsizetype found = -1;
            for (qsizetype i = 0; i < out.size() && found < 0; ++i) {
                if (kind == ListKind::Set || !item.isObject()) {
                    if (jsonEquals(out.at(i), item))
                        found = i;
                } else if (FieldPathElement::key(out.at(i).toObject(), keys) == FieldPathElement::key(item.toObject(), keys)) {
                    found = i;
                }
            }
            if (found < 0)
                out.append(item);
            else if (kind == ListKind::Keyed)
                out.replace(found, mergeValue(out.at(found), item, path, elementMeta, lookup));
        }
        return out;
    }
    return applied;
}

void sortEntries(QList<ManagedFieldsEntry> &entries)
{
    std::stable_sort(entries.begin(), entries.end(), [](const ManagedFieldsEntry &p, const ManagedFieldsEntry &q) {
        if (p.operation != q.operation)
            return p.operation < q.operation; // "Apply" before "Update"
        const QDateTime pt = QDateTime::fromString(p.time, Qt::ISODate);
        const QDateTime qt = QDateTime::fromString(q.time, Qt::ISODate);
        if (pt != qt)
            return pt < qt;
        if (p.manager != q.manager)
            return p.manager < q.manager;
        if (p.apiVersion != q.apiVersion)
            return p.apiVersion < q.apiVersion;
        return p.subresource < q.subresource;
    });
}

QJsonObject withEntries(QJsonObject object, QList<ManagedFieldsEntry> entries)
{
    entries.removeIf([](const ManagedFieldsEntry &e) { return e.fields.isEmpty(); });
    sortEntries(entries);
    QJsonObject metadata = object.value(QLatin1String("metadata")).toObject();
    if (entries.isEmpty()) {
        metadata.remove(QStringLiteral("managedFields"));
    } else {
        QJsonArray list;
        for (const ManagedFieldsEntry &e : entries)
            list.append(e.toJson());
        metadata.insert(QStringLiteral("managedFields"), list);
    }
    object.insert(QStringLiteral("metadata"), metadata);
    return object;
}

QString timestamp(const ApplyOptions &options)
{
    const QDateTime now = options.now.isValid() ? options.now : QDateTime::currentDateTimeUtc();
    return now.toUTC().toString(Qt::ISODate);
}

struct Conflict
{
    QString manager; // display name
    FieldPath path;
    int entry = -1;
};

Error conflictError(const QList<Conflict> &conflicts)
{
    QString message;
    if (conflicts.size() == 1) {
        message = QStringLiteral("Apply failed with 1 conflict: conflict with %1: %2")
                      .arg(conflicts.first().manager, fieldPathToString(conflicts.first().path));
    } else {
        QMap<QString, QStringList> byManager;
        for (const Conflict &c : conflicts)
            byManager[c.manager].append(fieldPathToString(c.path));
        QStringList lines;
        for (auto it = byManager.constBegin(); it != byManager.constEnd(); ++it) {
            lines.append(QStringLiteral("conflicts with %1:").arg(it.key()));
            for (const QString &path : it.value())
                lines.append(QStringLiteral("- ") + path);
        }
        message = QStringLiteral("Apply failed with %1 conflicts: %2").arg(conflicts.size()).arg(lines.join(QLatin1Char('\n')));
    }
    Error error = Error::http(409, QStringLiteral("Conflict"), message);
    for (const Conflict &c : conflicts)
        error.causes.append(StatusCause{QStringLiteral("FieldManagerConflict"),
                                        QStringLiteral("conflict with %1").arg(c.manager), fieldPathToString(c.path)});
    return error;
}

} // namespace

Result<QList<ManagedFieldsEntry>> ManagedFieldsEntry::fromObject(const QJsonObject &object)
{
    QList<ManagedFieldsEntry> entries;
    const QJsonValue list = object.value(QLatin1String("metadata")).toObject().value(QLatin1String("managedFields"));
    if (list.isUndefined() || list.isNull())
        return entries;
    if (!list.isArray())
        return fail(Error::invalid(QStringLiteral("metadata.managedFields must be a list")));
    for (const QJsonValue &v : list.toArray()) {
        const QJsonObject o = v.toObject();
        ManagedFieldsEntry e;
        e.manager = o.value(QLatin1String("manager")).toString();
        e.operation = o.value(QLatin1String("operation")).toString();
        e.apiVersion = o.value(QLatin1String("apiVersion")).toString();
        e.time = o.value(QLatin1String("time")).toString();
        e.subresource = o.value(QLatin1String("subresource")).toString();
        if (e.operation != QLatin1String("Apply") && e.operation != QLatin1String("Update"))
            return fail(Error::invalid(QStringLiteral("metadata.managedFields: operation must be Apply or Update, not \"%1\"").arg(e.operation)));
        const QString type = o.value(QLatin1String("fieldsType")).toString();
        if (type != QLatin1String("FieldsV1"))
            return fail(Error::invalid(QStringLiteral("metadata.managedFields: fieldsType must be FieldsV1, not \"%1\"").arg(type)));
        auto fields = FieldSet::fromFieldsV1(o.value(QLatin1String("fieldsV1")).toObject());
        if (!fields)
            return fail(fields.error());
        e.fields = *fields;
        entries.append(e);
    }
    return entries;
}

QJsonObject ManagedFieldsEntry::toJson() const
{
    QJsonObject o{{QStringLiteral("manager"), manager},
                  {QStringLiteral("operation"), operation},
                  {QStringLiteral("apiVersion"), apiVersion},
                  {QStringLiteral("time"), time},
                  {QStringLiteral("fieldsType"), QStringLiteral("FieldsV1")},
                  {QStringLiteral("fieldsV1"), fields.toFieldsV1()}};
    if (!subresource.isEmpty())
        o.insert(QStringLiteral("subresource"), subresource);
    return o;
}

QString ManagedFieldsEntry::displayName() const
{
    QString name = QLatin1Char('"') + manager + QLatin1Char('"');
    if (!subresource.isEmpty())
        name += QStringLiteral(" with subresource \"%1\"").arg(subresource);
    if (operation == QLatin1String("Update")) {
        name += QStringLiteral(" using ") + apiVersion;
        if (!time.isEmpty())
            name += QStringLiteral(" at ") + time;
    }
    return name;
}

Result<QJsonObject> serverSideApply(const QJsonObject &live, const QJsonObject &appliedConfig,
                                    const PatchMetaLookup &meta, const ApplyOptions &options)
{
    if (options.fieldManager.isEmpty())
        return fail(Error::invalid(QStringLiteral("PatchOptions.meta.k8s.io \"\" is invalid: fieldManager: Required value: is required for apply patch")));
    auto parsed = ManagedFieldsEntry::fromObject(live);
    if (!parsed)
        return fail(parsed.error());
    QList<ManagedFieldsEntry> entries = *parsed;

    // An object that predates field management (no managedFields at all) gets its existing
    // fields assigned to "before-first-apply", as kube-apiserver does, so the first apply
    // cannot silently overwrite values it did not set.
    const FieldSet existing = ownedFields(live, meta, options);
    if (entries.isEmpty() && !existing.isEmpty()) {
        ManagedFieldsEntry before;
        before.manager = QStringLiteral("before-first-apply");
        before.operation = QStringLiteral("Update");
        before.apiVersion = options.apiVersion;
        before.time = timestamp(options);
        before.fields = existing;
        entries.append(before);
    }

    QJsonObject applied = withoutNulls(appliedConfig).toObject();
    QJsonObject appliedMetadata = applied.value(QLatin1String("metadata")).toObject();
    appliedMetadata.remove(QStringLiteral("managedFields"));
    applied.insert(QStringLiteral("metadata"), appliedMetadata);
    for (const QString &field : options.resetFields)
        applied.remove(field);
    if (!options.onlyFields.isEmpty()) {
        // A subresource apply changes only its own fields; the rest of the body just names the object.
        const QJsonObject identity{{QStringLiteral("name"), appliedMetadata.value(QLatin1String("name"))},
                                   {QStringLiteral("namespace"), appliedMetadata.value(QLatin1String("namespace"))}};
        for (const QString &key : applied.keys()) {
            if (!options.onlyFields.contains(key) && key != QLatin1String("apiVersion") && key != QLatin1String("kind"))
                applied.remove(key);
        }
        QJsonObject metadata;
        for (auto it = identity.constBegin(); it != identity.constEnd(); ++it) {
            if (it.value().isString())
                metadata.insert(it.key(), it.value());
        }
        applied.insert(QStringLiteral("metadata"), metadata);
    }
    const FieldSet appliedSet = ownedFields(applied, meta, options);

    int own = -1;
    for (int i = 0; i < entries.size(); ++i) {
        const ManagedFieldsEntry &e = entries.at(i);
        if (e.manager == options.fieldManager && e.operation == QLatin1String("Apply") && e.subresource == options.subresource)
            own = i;
    }
    const FieldSet previous = own >= 0 ? entries.at(own).fields : FieldSet();

    // Conflicts: fields other managers own that this apply would set to a different value.
    // Only values the apply sets (its leaves) can conflict; an element both own is no conflict
    // by itself.
    const QList<FieldPath> appliedLeaves = appliedSet.leaves();
    QList<Conflict> conflicts;
    for (int i = 0; i < entries.size(); ++i) {
        if (i == own)
            continue;
        for (const FieldPath &path : appliedLeaves) {
            if (!entries.at(i).fields.contains(path))
                continue;
            const auto liveValue = fieldValue(live, path);
            const auto appliedValue = fieldValue(applied, path);
            if (liveValue && appliedValue && !jsonEquals(*liveValue, *appliedValue))
                conflicts.append(Conflict{entries.at(i).displayName(), path, i});
        }
    }
    std::stable_sort(conflicts.begin(), conflicts.end(), [](const Conflict &a, const Conflict &b) {
        return a.manager != b.manager ? a.manager < b.manager : fieldPathToString(a.path) < fieldPathToString(b.path);
    });
    if (!conflicts.isEmpty() && !options.force)
        return fail(conflictError(conflicts));
    for (const Conflict &c : conflicts) {
        FieldSet taken;
        taken.insert(c.path);
        entries[c.entry].fields = entries.at(c.entry).fields.subtracted(taken);
    }

    QJsonObject liveBody = live;
    QJsonObject liveMetadata = liveBody.value(QLatin1String("metadata")).toObject();
    liveMetadata.remove(QStringLiteral("managedFields"));
    liveBody.insert(QStringLiteral("metadata"), liveMetadata);
    QJsonValue merged = mergeValue(liveBody, applied, QStringList(), meta.patchMeta(QStringList()), meta);

    // Fields this manager applied before and dropped now go away unless someone else owns them.
    FieldSet others;
    for (int i = 0; i < entries.size(); ++i) {
        if (i != own)
            others = others.united(entries.at(i).fields);
    }
    for (const FieldPath &path : previous.subtracted(appliedSet).members()) {
        if (!others.hasMemberAtOrBelow(path) && !appliedSet.hasMemberAtOrBelow(path))
            removeField(merged, path);
    }

    ManagedFieldsEntry mine;
    mine.manager = options.fieldManager;
    mine.operation = QStringLiteral("Apply");
    mine.apiVersion = options.apiVersion;
    // An apply that changes nothing this manager owns keeps the entry's time.
    mine.time = own >= 0 && previous == appliedSet && entries.at(own).apiVersion == options.apiVersion
                    ? entries.at(own).time
                    : timestamp(options);
    mine.subresource = options.subresource;
    mine.fields = appliedSet;
    if (own >= 0)
        entries.replace(own, mine);
    else
        entries.append(mine);
    return withEntries(merged.toObject(), entries);
}

Result<QJsonObject> recordUpdate(const QJsonObject &oldObject, const QJsonObject &newObject,
                                 const PatchMetaLookup &meta, const ApplyOptions &options)
{
    const bool sentManagedFields =
        newObject.value(QLatin1String("metadata")).toObject().contains(QLatin1String("managedFields"));
    auto parsed = ManagedFieldsEntry::fromObject(sentManagedFields ? newObject : oldObject);
    if (!parsed)
        return fail(parsed.error());
    QList<ManagedFieldsEntry> entries = *parsed;

    const FieldSet oldSet = ownedFields(oldObject, meta, options);
    const FieldSet newSet = ownedFields(newObject, meta, options);
    FieldSet changed;
    FieldSet leaves;
    for (const FieldPath &path : newSet.leaves())
        leaves.insert(path);
    for (const FieldPath &path : newSet.members()) {
        const bool leaf = leaves.contains(path);
        if (!leaf) {
            if (!oldSet.contains(path))
                changed.insert(path);
            continue;
        }
        const auto before = fieldValue(oldObject, path);
        const auto after = fieldValue(newObject, path);
        if (!before || !after || !jsonEquals(*before, *after))
            changed.insert(path);
    }
    const FieldSet removed = oldSet.subtracted(newSet);

    int own = -1;
    for (int i = 0; i < entries.size(); ++i) {
        const ManagedFieldsEntry &e = entries.at(i);
        if (e.manager == options.fieldManager && e.operation == QLatin1String("Update")
            && e.apiVersion == options.apiVersion && e.subresource == options.subresource) {
            own = i;
            continue;
        }
        entries[i].fields = e.fields.subtracted(changed).subtracted(removed);
    }
    if (own >= 0) {
        ManagedFieldsEntry &e = entries[own];
        e.fields = e.fields.united(changed).subtracted(removed);
        if (!changed.isEmpty())
            e.time = timestamp(options);
    } else if (!changed.isEmpty()) {
        ManagedFieldsEntry e;
        e.manager = options.fieldManager;
        e.operation = QStringLiteral("Update");
        e.apiVersion = options.apiVersion;
        e.time = timestamp(options);
        e.subresource = options.subresource;
        e.fields = changed;
        entries.append(e);
    }
    return withEntries(newObject, entries);
}

} // namespace Qluster
