// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QHashFunctions>
#include <QMetaType>
#include <QString>

#include <tuple>

namespace Qluster {

/// Gvr names a resource collection as the API serves it: group ("" for core), version, resource
/// (the plural, lower-case name used in URLs, e.g. "deployments").
struct Gvr
{
    QString group;
    QString version;
    QString resource;

    /// Gvr::groupVersion is "v1" for the core group and "apps/v1" otherwise, as in apiVersion.
    QString groupVersion() const;
    /// Gvr::toString is "deployments.v1.apps" (kubectl's resource.version.group form).
    QString toString() const;
    bool isCore() const { return group.isEmpty(); }

    friend bool operator==(const Gvr &, const Gvr &) = default;
    friend bool operator<(const Gvr &a, const Gvr &b)
    {
        return std::tie(a.group, a.version, a.resource) < std::tie(b.group, b.version, b.resource);
    }
};

/// Gvk names a type of object: group, version, kind (e.g. "apps", "v1", "Deployment").
struct Gvk
{
    QString group;
    QString version;
    QString kind;

    QString groupVersion() const;
    /// Gvk::fromApiVersion splits an object's apiVersion ("apps/v1" or "v1") and pairs it with
    /// kind.
    static Gvk fromApiVersion(const QString &apiVersion, const QString &kind);

    friend bool operator==(const Gvk &, const Gvk &) = default;
    friend bool operator<(const Gvk &a, const Gvk &b)
    {
        return std::tie(a.group, a.version, a.kind) < std::tie(b.group, b.version, b.kind);
    }
};

inline size_t qHash(const Gvr &gvr, size_t seed = 0)
{
    return qHashMulti(seed, gvr.group, gvr.version, gvr.resource);
}

inline size_t qHash(const Gvk &gvk, size_t seed = 0)
{
    return qHashMulti(seed, gvk.group, gvk.version, gvk.kind);
}

} // namespace Qluster

Q_DECLARE_METATYPE(Qluster::Gvr)
Q_DECLARE_METATYPE(Qluster::Gvk)
