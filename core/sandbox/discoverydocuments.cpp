// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
#include "discoverydocuments.h"

#include <QJsonArray>

namespace Qluster {

namespace DiscoveryDocuments {

namespace {

QJsonArray toArray(const QStringList &list)
{
    return QJsonArray::fromStringList(list);
}

// Groups in first-seen order, each with its versions in first-seen order; the unavailable
// group-versions of aggregated API servers after the served ones.
QList<QPair<QString, QStringList>> groupVersions(const QList<ResourceType> &types, bool legacy,
                                                 const QList<UnavailableGroupVersion> &unavailable = {})
{
    QList<QPair<QString, QStringList>> result;
    auto add = [&](const QString &group, const QString &version) {
        if (group.isEmpty() != legacy)
            return;
        auto it = std::find_if(result.begin(), result.end(),
                               [&](const auto &p) { return p.first == group; });
        if (it == result.end()) {
            result.append({group, {version}});
        } else if (!it->second.contains(version)) {
            it->second.append(version);
        }
    };
    for (const ResourceType &t : types)
        add(t.group, t.version);
    for (const UnavailableGroupVersion &gv : unavailable)
        add(gv.group, gv.version);
    return result;
}

bool isUnavailable(const QList<UnavailableGroupVersion> &unavailable, const QString &group,
                   const QString &version)
{
    return std::any_of(unavailable.begin(), unavailable.end(), [&](const UnavailableGroupVersion &gv) {
        return gv.group == group && gv.version == version;
    });
}

QJsonObject groupVersionObject(const QString &group, const QString &version)
{
    return QJsonObject{{QStringLiteral("groupVersion"), QString(group + QLatin1Char('/') + version)},
                       {QStringLiteral("version"), version}};
}

QJsonObject groupObject(const QString &group, const QStringList &versions)
{
    QJsonArray vs;
    for (const QString &v : versions)
        vs.append(groupVersionObject(group, v));
    return QJsonObject{{QStringLiteral("name"), group},
                       {QStringLiteral("versions"), vs},
                       {QStringLiteral("preferredVersion"), groupVersionObject(group, versions.first())}};
}

} // namespace

QList<Subresource> subresources(const ResourceType &t)
{
    QList<Subresource> subs;
    const QStringList statusVerbs{QStringLiteral("get"), QStringLiteral("patch"), QStringLiteral("update")};
    if (t.group.isEmpty() && t.plural == QLatin1String("pods")) {
        subs.append({QStringLiteral("exec"), QString(), QStringLiteral("v1"),
                     QStringLiteral("PodExecOptions"), {QStringLiteral("create"), QStringLiteral("get")}});
        subs.append({QStringLiteral("log"), QString(), QStringLiteral("v1"), QStringLiteral("Pod"),
                     {QStringLiteral("get")}});
    }
    if (t.group.isEmpty() && t.plural == QLatin1String("serviceaccounts")) {
        subs.append({QStringLiteral("token"), QStringLiteral("authentication.k8s.io"), QStringLiteral("v1"),
                     QStringLiteral("TokenRequest"), {QStringLiteral("create")}});
    }
    if (t.hasScale)
        subs.append({QStringLiteral("scale"), QStringLiteral("autoscaling"), QStringLiteral("v1"),
                     QStringLiteral("Scale"), statusVerbs});
    if (t.hasStatus)
        subs.append({QStringLiteral("status"), t.group, t.version, t.kind, statusVerbs});
    return subs;
}

QJsonObject apiVersions(const QString &serverAddress)
{
    return QJsonObject{
        {QStringLiteral("kind"), QStringLiteral("APIVersions")},
        {QStringLiteral("versions"), QJsonArray{QStringLiteral("v1")}},
        {QStringLiteral("serverAddressByClientCIDRs"),
         QJsonArray{QJsonObject{{QStringLiteral("clientCIDR"), QStringLiteral("0.0.0.0/0")},
                                {QStringLiteral("serverAddress"), serverAddress}}}}};
}

QJsonObject apiGroupList(const QList<ResourceType> &types, const QList<UnavailableGroupVersion> &unavailable)
{
    QJsonArray groups;
    for (const auto &[group, versions] : groupVersions(types, false, unavailable))
        groups.append(groupObject(group, versions));
    return QJsonObject{{QStringLiteral("kind"), QStringLiteral("APIGroupList")},
                       {QStringLiteral("apiVersion"), QStringLiteral("v1")},
                       {QStringLiteral("groups"), groups}};
}

QJsonObject apiGroup(const QList<ResourceType> &types, const QString &group,
                     const QList<UnavailableGroupVersion> &unavailable)
{
    for (const auto &[g, versions] : groupVersions(types, false, unavailable)) {
        if (g == group) {
            QJsonObject o = groupObject(g, versions);
            o.insert(QStringLiteral("kind"), QStringLiteral("APIGroup"));
            o.insert(QStringLiteral("apiVersion"), QStringLiteral("v1"));
            return o;
        }
    }
    return {};
}

QJsonObject apiResourceList(const QList<ResourceType> &types, const QString &group,
                            const QString &version)
{
    QJsonArray resources;
    bool found = false;
    for (const ResourceType &t : types) {
        if (t.group != group || t.version != version)
            continue;
        found = true;
        QJsonObject r{{QStringLiteral("name"), t.plural},
                      {QStringLiteral("singularName"), t.singular},
                      {QStringLiteral("namespaced"), t.namespaced},
                      {QStringLiteral("kind"), t.kind},
                      {QStringLiteral("verbs"), toArray(t.verbs)}};
        if (!t.shortNames.isEmpty())
            r.insert(QStringLiteral("shortNames"), toArray(t.shortNames));
        if (!t.categories.isEmpty())
            r.insert(QStringLiteral("categories"), toArray(t.categories));
        resources.append(r);
        for (const Subresource &s : subresources(t)) {
            QJsonObject sr{{QStringLiteral("name"), QString(t.plural + QLatin1Char('/') + s.name)},
                           {QStringLiteral("singularName"), QString()},
                           {QStringLiteral("namespaced"), t.namespaced},
                           {QStringLiteral("kind"), s.kind},
                           {QStringLiteral("verbs"), toArray(s.verbs)}};
            // A subresource of another group (scale, token) names its group and version.
            if (s.group != t.group || s.version != t.version) {
                sr.insert(QStringLiteral("group"), s.group);
                sr.insert(QStringLiteral("version"), s.version);
            }
            resources.append(sr);
        }
    }
    if (!found)
        return {};
    return QJsonObject{{QStringLiteral("kind"), QStringLiteral("APIResourceList")},
                       {QStringLiteral("apiVersion"), QStringLiteral("v1")},
                       {QStringLiteral("groupVersion"),
                        group.isEmpty() ? version : QString(group + QLatin1Char('/') + version)},
                       {QStringLiteral("resources"), resources}};
}

QJsonObject aggregated(const QList<ResourceType> &types, bool legacy, const QString &discoveryVersion,
                       const QList<UnavailableGroupVersion> &unavailable)
{
    QJsonArray items;
    for (const auto &[group, versions] : groupVersions(types, legacy, unavailable)) {
        QJsonArray versionArray;
        for (const QString &version : versions) {
            if (isUnavailable(unavailable, group, version)) {
                // Never fetched from its server: the version alone, marked stale (resources omitempty).
                versionArray.append(QJsonObject{{QStringLiteral("version"), version},
                                                {QStringLiteral("freshness"), QStringLiteral("Stale")}});
                continue;
            }
            QJsonArray resources;
            for (const ResourceType &t : types) {
                if (t.group != group || t.version != version)
                    continue;
                QJsonObject r{{QStringLiteral("resource"), t.plural},
                              {QStringLiteral("responseKind"),
                               QJsonObject{{QStringLiteral("group"), t.group},
                                           {QStringLiteral("version"), t.version},
                                           {QStringLiteral("kind"), t.kind}}},
                              {QStringLiteral("scope"), t.namespaced ? QStringLiteral("Namespaced")
                                                                     : QStringLiteral("Cluster")},
                              {QStringLiteral("singularResource"), t.singular},
                              {QStringLiteral("verbs"), toArray(t.verbs)}};
                if (!t.shortNames.isEmpty())
                    r.insert(QStringLiteral("shortNames"), toArray(t.shortNames));
                if (!t.categories.isEmpty())
                    r.insert(QStringLiteral("categories"), toArray(t.categories));
                QJsonArray subs;
                for (const Subresource &s : subresources(t)) {
                    subs.append(QJsonObject{{QStringLiteral("subresource"), s.name},
                                            {QStringLiteral("responseKind"),
                                             QJsonObject{{QStringLiteral("group"), s.group},
                                                         {QStringLiteral("version"), s.version},
                                                         {QStringLiteral("kind"), s.kind}}},
                                            {QStringLiteral("verbs"), toArray(s.verbs)}});
                }
                if (!subs.isEmpty())
                    r.insert(QStringLiteral("subresources"), subs);
                resources.append(r);
            }
            versionArray.append(QJsonObject{{QStringLiteral("version"), version},
                                            {QStringLiteral("resources"), resources},
                                            {QStringLiteral("freshness"), QStringLiteral("Current")}});
        }
        QJsonObject metadata{{QStringLiteral("creationTimestamp"), QJsonValue::Null}};
        if (!group.isEmpty())
            metadata.insert(QStringLiteral("name"), group);
        items.append(QJsonObject{{QStringLiteral("metadata"), metadata},
                                 {QStringLiteral("versions"), versionArray}});
    }
    return QJsonObject{{QStringLiteral("kind"), QStringLiteral("APIGroupDiscoveryList")},
                       {QStringLiteral("apiVersion"), QString(QStringLiteral("apidiscovery.k8s.io/") + discoveryVersion)},
                       {QStringLiteral("metadata"), QJsonObject{}},
                       {QStringLiteral("items"), items}};
}

} // namespace DiscoveryDocuments

} // namespace Qluster
