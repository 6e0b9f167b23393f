// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "apiresource.h"

#include <QHash>
#include <QList>

namespace Qluster {

/// DiscoverySnapshot is what one server serves at one moment: its API groups, each group's
/// preferred version and every resource, with lookups by Gvr and by the names kubectl accepts.
class DiscoverySnapshot final
{
public:
    DiscoverySnapshot() = default;
    /// DiscoverySnapshot builds the index over groups; the core group is the one named "".
    explicit DiscoverySnapshot(QList<ApiGroup> groups);

    const QList<ApiGroup> &groups() const { return m_groups; }
    bool isEmpty() const { return m_groups.isEmpty(); }

    /// DiscoverySnapshot::group returns the named group ("" is core) or nullptr.
    const ApiGroup *group(const QString &name) const;
    /// DiscoverySnapshot::resource returns the resource served at gvr or nullptr.
    const ApiResource *resource(const Gvr &gvr) const;
    /// DiscoverySnapshot::resourceOfKind returns the resource serving objects of gvk (as an
    /// object's apiVersion and kind, or an owner reference, name them) or nullptr.
    const ApiResource *resourceOfKind(const Gvk &gvk) const;
    /// DiscoverySnapshot::preferredResources lists the resources of each group's preferred version,
    /// core group first, then groups in the server's order.
    QList<ApiResource> preferredResources() const;
    /// DiscoverySnapshot::versionsOf lists the same resource in every version its group serves,
    /// preferred version first.
    QList<ApiResource> versionsOf(const QString &group, const QString &resource) const;
    /// DiscoverySnapshot::find resolves what a user types the way kubectl does: plural, singular,
    /// short name or kind (case-insensitive), optionally qualified as "name.group" or
    /// "name.version.group"; the preferred version wins. Returns nullptr when nothing matches.
    const ApiResource *find(const QString &name) const;

    friend bool operator==(const DiscoverySnapshot &a, const DiscoverySnapshot &b)
    {
        return a.m_groups == b.m_groups;
    }

private:
    QList<ApiGroup> m_groups;
    QHash<Gvr, QPair<int, QPair<int, int>>> m_index; // gvr -> (group, version, resource) indices
};

} // namespace Qluster
