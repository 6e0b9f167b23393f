// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "api/gvr.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace Qluster {

/// ApiSubresource is one subresource of a resource as discovery lists it ("status", "log", "scale").
struct ApiSubresource
{
    QString name;
    Gvk responseKind; ///< kind answered, with its group/version (e.g. autoscaling/v1 Scale)
    QStringList verbs;

    friend bool operator==(const ApiSubresource &, const ApiSubresource &) = default;
};

/// ApiResource is one resource collection the server serves in one group-version.
struct ApiResource
{
    Gvr gvr;
    QString kind;
    QString singular;      ///< "deployment"; derived from kind when the server leaves it empty
    bool namespaced = false;
    QStringList verbs;
    QStringList shortNames;
    QStringList categories;
    QList<ApiSubresource> subresources;
    bool stale = false;    ///< its group-version is marked freshness: Stale by aggregated discovery

    /// ApiResource::supports is true when the resource lists verb ("list", "watch", "get", ...).
    bool supports(const QString &verb) const { return verbs.contains(verb); }
    bool isListable() const { return supports(QStringLiteral("list")); }
    /// ApiResource::subresource returns the named subresource or nullptr.
    const ApiSubresource *subresource(const QString &name) const;

    friend bool operator==(const ApiResource &, const ApiResource &) = default;
};

/// ApiGroupVersion is one version of an API group with its resources.
struct ApiGroupVersion
{
    QString version;
    bool stale = false;
    QList<ApiResource> resources;

    friend bool operator==(const ApiGroupVersion &, const ApiGroupVersion &) = default;
};

/// ApiGroup is one API group ("" for core) with its versions in the server's order of preference.
struct ApiGroup
{
    QString name;
    QString preferredVersion;
    QList<ApiGroupVersion> versions;

    /// ApiGroup::version returns the named version or nullptr.
    const ApiGroupVersion *version(const QString &version) const;

    friend bool operator==(const ApiGroup &, const ApiGroup &) = default;
};

} // namespace Qluster
