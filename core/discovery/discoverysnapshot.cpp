// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
#include "discoverysnapshot.h"

namespace Qluster {

DiscoverySnapshot::DiscoverySnapshot(QList<ApiGroup> groups)
    : m_groups(std::move(groups))
{
    // Core group first: kubectl prefers core resources when a name is ambiguous ("events").
    std::stable_partition(m_groups.begin(), m_groups.end(),
                          [](const ApiGroup &g) { return g.name.isEmpty(); });
    for (int g = 0; g < m_groups.size(); ++g) {
        const ApiGroup &group = m_groups.at(g);
        for (int v = 0; v < group.versions.size(); ++v) {
            const ApiGroupVersion &version = group.versions.at(v);
            for (int r = 0; r < version.resources.size(); ++r)
                m_index.insert(version.resources.at(r).gvr, qMakePair(g, qMakePair(v, r)));
        }
    }
}

const ApiGroup *DiscoverySnapshot::group(const QString &name) const
{
    for (const ApiGroup &g : m_groups) {
        if (g.name == name)
            return &g;
    }
    return nullptr;
}

const ApiResource *DiscoverySnapshot::resource(const Gvr &gvr) const
{
    const auto it = m_index.constFind(gvr);
    if (it == m_index.cend())
        return nullptr;
    return &m_groups.at(it->first).versions.at(it->second.first).resources.at(it->second.second);
}

const ApiResource *DiscoverySnapshot::resourceOfKind(const Gvk &gvk) const
{
    const ApiGroup *g = group(gvk.group);
    const ApiGroupVersion *v = g ? g->version(gvk.version) : nullptr;
    if (!v)
        return nullptr;
    // Subresources are kept inside their resource by the parser, so the kind names one resource.
    for (const ApiResource &r : v->resources) {
        if (r.kind == gvk.kind)
            return &r;
    }
    return nullptr;
}

QList<ApiResource> DiscoverySnapshot::preferredResources() const
{
    QList<ApiResource> out;
    for (const ApiGroup &g : m_groups) {
        const ApiGroupVersion *v = g.version(g.preferredVersion);
        if (v)
            out.append(v->resources);
    }
    return out;
}

QList<ApiResource> DiscoverySnapshot::versionsOf(const QString &groupName,
                                                 const QString &resourceName) const
{
    QList<ApiResource> out;
    const ApiGroup *g = group(groupName);
    if (!g)
        return out;
    const Gvr preferred{groupName, g->preferredVersion, resourceName};
    if (const ApiResource *r = resource(preferred))
        out.append(*r);
    for (const ApiGroupVersion &v : g->versions) {
        if (v.version == g->preferredVersion)
            continue;
        if (const ApiResource *r = resource(Gvr{groupName, v.version, resourceName}))
            out.append(*r);
    }
    return out;
}

const ApiResource *DiscoverySnapshot::find(const QString &typed) const
{
    const QString needle = typed.trimmed().toLower();
    if (needle.isEmpty())
        return nullptr;
    QString name = needle;
    QString groupName;
    QString versionName;
    bool qualified = false;
    const qsizetype dot = needle.indexOf(QLatin1Char('.'));
    if (dot > 0) {
        qualified = true;
        name = needle.left(dot);
        groupName = needle.mid(dot + 1);
        // "deployments.v1.apps": a version segment looks like v<digit>...
        const qsizetype dot2 = groupName.indexOf(QLatin1Char('.'));
        const QString first = dot2 > 0 ? groupName.left(dot2) : groupName;
        if (first.size() > 1 && first.at(0) == QLatin1Char('v') && first.at(1).isDigit()) {
            versionName = first;
            groupName = dot2 > 0 ? groupName.mid(dot2 + 1) : QString();
            if (dot2 < 0)
                groupName.clear();
        }
    }
    const auto matches = [&](const ApiResource &r) {
        return r.gvr.resource == name || r.singular == name || r.kind.toLower() == name
               || r.shortNames.contains(name);
    };
    for (const ApiGroup &g : m_groups) {
        if (qualified && g.name != groupName)
            continue;
        const QString wanted = versionName.isEmpty() ? g.preferredVersion : versionName;
        const ApiGroupVersion *v = g.version(wanted);
        if (!v)
            continue;
        for (const ApiResource &r : v->resources) {
            if (matches(r))
                return &r;
        }
    }
    return nullptr;
}

} // namespace Qluster
