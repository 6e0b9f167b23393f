// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
#include "discoveryparser.h"

#include "api/jsonparse.h"

#include <QJsonArray>

namespace Qluster::DiscoveryParser {

namespace {

Gvk responseKind(const QJsonObject &kind, const QString &group, const QString &version)
{
    // Aggregated discovery leaves group/version empty when they equal the resource's own
    // (KEP-3352, apidiscovery.k8s.io GroupVersionKind).
    Gvk gvk;
    gvk.group = kind.value(QLatin1String("group")).toString();
    gvk.version = kind.value(QLatin1String("version")).toString();
    gvk.kind = kind.value(QLatin1String("kind")).toString();
    if (gvk.version.isEmpty()) {
        gvk.version = version;
        if (gvk.group.isEmpty())
            gvk.group = group;
    }
    return gvk;
}

ApiResource aggregatedResource(const QJsonObject &o, const QString &group, const QString &version,
                               bool stale)
{
    ApiResource r;
    r.gvr = Gvr{group, version, o.value(QLatin1String("resource")).toString()};
    r.kind = responseKind(o.value(QLatin1String("responseKind")).toObject(), group, version).kind;
    r.singular = o.value(QLatin1String("singularResource")).toString();
    if (r.singular.isEmpty())
        r.singular = singularFromKind(r.kind);
    r.namespaced = o.value(QLatin1String("scope")).toString() == QLatin1String("Namespaced");
    r.verbs = jsonStringList(o.value(QLatin1String("verbs")));
    r.shortNames = jsonStringList(o.value(QLatin1String("shortNames")));
    r.categories = jsonStringList(o.value(QLatin1String("categories")));
    r.stale = stale;
    const QJsonArray subs = o.value(QLatin1String("subresources")).toArray();
    for (const QJsonValue &sv : subs) {
        const QJsonObject s = sv.toObject();
        ApiSubresource sub;
        sub.name = s.value(QLatin1String("subresource")).toString();
        sub.responseKind = responseKind(s.value(QLatin1String("responseKind")).toObject(), group,
                                        version);
        sub.verbs = jsonStringList(s.value(QLatin1String("verbs")));
        r.subresources.append(sub);
    }
    return r;
}

} // namespace

QString singularFromKind(const QString &kind)
{
    return kind.toLower();
}

Result<QList<ApiGroup>> parseAggregated(const QByteArray &json, const QString &what)
{
    auto root = parseJsonObject(json, what);
    if (!root)
        return fail(root.error());
    const QString kind = root->value(QLatin1String("kind")).toString();
    const QString apiVersion = root->value(QLatin1String("apiVersion")).toString();
    if (!apiVersion.startsWith(QLatin1String("apidiscovery.k8s.io/"))
        || (!kind.isEmpty() && kind != QLatin1String("APIGroupDiscoveryList"))) {
        return fail(Error::parse(what, 0, 0,
                                 QStringLiteral("not an APIGroupDiscoveryList (kind %1, apiVersion %2)")
                                     .arg(kind, apiVersion)));
    }
    QList<ApiGroup> groups;
    const QJsonArray items = root->value(QLatin1String("items")).toArray();
    groups.reserve(items.size());
    for (const QJsonValue &gv : items) {
        const QJsonObject g = gv.toObject();
        ApiGroup group;
        group.name = g.value(QLatin1String("metadata")).toObject().value(QLatin1String("name")).toString();
        const QJsonArray versions = g.value(QLatin1String("versions")).toArray();
        for (const QJsonValue &vv : versions) {
            const QJsonObject v = vv.toObject();
            ApiGroupVersion version;
            version.version = v.value(QLatin1String("version")).toString();
            version.stale = v.value(QLatin1String("freshness")).toString() == QLatin1String("Stale");
            const QJsonArray resources = v.value(QLatin1String("resources")).toArray();
            version.resources.reserve(resources.size());
            for (const QJsonValue &rv : resources) {
                version.resources.append(aggregatedResource(rv.toObject(), group.name,
                                                            version.version, version.stale));
            }
            group.versions.append(version);
        }
        // The versions list is sorted by preference; the first one is the preferred version.
        if (!group.versions.isEmpty())
            group.preferredVersion = group.versions.first().version;
        groups.append(group);
    }
    return groups;
}

Result<QStringList> parseApiVersions(const QByteArray &json, const QString &what)
{
    auto root = parseJsonObject(json, what);
    if (!root)
        return fail(root.error());
    if (root->value(QLatin1String("kind")).toString() != QLatin1String("APIVersions"))
        return fail(Error::parse(what, 0, 0, QStringLiteral("not an APIVersions document")));
    return jsonStringList(root->value(QLatin1String("versions")));
}

Result<QList<ApiGroup>> parseApiGroupList(const QByteArray &json, const QString &what)
{
    auto root = parseJsonObject(json, what);
    if (!root)
        return fail(root.error());
    if (root->value(QLatin1String("kind")).toString() != QLatin1String("APIGroupList"))
        return fail(Error::parse(what, 0, 0, QStringLiteral("not an APIGroupList document")));
    QList<ApiGroup> groups;
    const QJsonArray items = root->value(QLatin1String("groups")).toArray();
    for (const QJsonValue &gv : items) {
        const QJsonObject g = gv.toObject();
        ApiGroup group;
        group.name = g.value(QLatin1String("name")).toString();
        const QJsonArray versions = g.value(QLatin1String("versions")).toArray();
        for (const QJsonValue &vv : versions) {
            ApiGroupVersion version;
            version.version = vv.toObject().value(QLatin1String("version")).toString();
            group.versions.append(version);
        }
        group.preferredVersion = g.value(QLatin1String("preferredVersion"))
                                     .toObject()
                                     .value(QLatin1String("version"))
                                     .toString();
        if (group.preferredVersion.isEmpty() && !group.versions.isEmpty())
            group.preferredVersion = group.versions.first().version;
        groups.append(group);
    }
    return groups;
}

Result<ApiGroupVersion> parseApiResourceList(const QByteArray &json, const QString &what)
{
    auto root = parseJsonObject(json, what);
    if (!root)
        return fail(root.error());
    if (root->value(QLatin1String("kind")).toString() != QLatin1String("APIResourceList"))
        return fail(Error::parse(what, 0, 0, QStringLiteral("not an APIResourceList document")));
    const Gvk gv = Gvk::fromApiVersion(root->value(QLatin1String("groupVersion")).toString(), {});
    ApiGroupVersion version;
    version.version = gv.version;
    struct Pending
    {
        QString parent;
        ApiSubresource sub;
    };
    QList<Pending> pending;
    const QJsonArray resources = root->value(QLatin1String("resources")).toArray();
    for (const QJsonValue &rv : resources) {
        const QJsonObject o = rv.toObject();
        const QString name = o.value(QLatin1String("name")).toString();
        const QString kind = o.value(QLatin1String("kind")).toString();
        const qsizetype slash = name.indexOf(QLatin1Char('/'));
        if (slash >= 0) {
            // "pods/log", "deployments/scale": a subresource; group/version set only when the
            // subresource answers another group-version's kind (autoscaling/v1 Scale).
            Pending p;
            p.parent = name.left(slash);
            p.sub.name = name.mid(slash + 1);
            p.sub.responseKind.group = o.contains(QLatin1String("group"))
                                           ? o.value(QLatin1String("group")).toString()
                                           : gv.group;
            p.sub.responseKind.version = o.contains(QLatin1String("version"))
                                             ? o.value(QLatin1String("version")).toString()
                                             : gv.version;
            p.sub.responseKind.kind = kind;
            p.sub.verbs = jsonStringList(o.value(QLatin1String("verbs")));
            pending.append(p);
            continue;
        }
        ApiResource r;
        r.gvr = Gvr{gv.group, gv.version, name};
        r.kind = kind;
        r.singular = o.value(QLatin1String("singularName")).toString();
        if (r.singular.isEmpty())
            r.singular = singularFromKind(kind);
        r.namespaced = o.value(QLatin1String("namespaced")).toBool();
        r.verbs = jsonStringList(o.value(QLatin1String("verbs")));
        r.shortNames = jsonStringList(o.value(QLatin1String("shortNames")));
        r.categories = jsonStringList(o.value(QLatin1String("categories")));
        version.resources.append(r);
    }
    for (const Pending &p : std::as_const(pending)) {
        for (ApiResource &r : version.resources) {
            if (r.gvr.resource == p.parent) {
                r.subresources.append(p.sub);
                break;
            }
        }
    }
    return version;
}

} // namespace Qluster::DiscoveryParser
