// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "resourcetypes.h"

#include <QJsonObject>
#include <QList>
#include <QString>

namespace Qluster {

/// DiscoveryDocuments renders the discovery documents of a set of served resource types, in both
/// the unaggregated form (APIVersions, APIGroupList, APIGroup, APIResourceList) and the aggregated
/// form (apidiscovery.k8s.io APIGroupDiscoveryList, v2 and v2beta1).
namespace DiscoveryDocuments {

/// DiscoveryDocuments::UnavailableGroupVersion is a group-version an APIService hands to an
/// aggregated API server that does not answer: discovery lists it, without resources.
struct UnavailableGroupVersion
{
    QString group;
    QString version;
};

/// DiscoveryDocuments::apiVersions is the `/api` document.
QJsonObject apiVersions(const QString &serverAddress);
/// DiscoveryDocuments::apiGroupList is the `/apis` document.
QJsonObject apiGroupList(const QList<ResourceType> &types,
                         const QList<UnavailableGroupVersion> &unavailable = {});
/// DiscoveryDocuments::apiGroup is the `/apis/{group}` document (empty when the group is not served).
QJsonObject apiGroup(const QList<ResourceType> &types, const QString &group,
                     const QList<UnavailableGroupVersion> &unavailable = {});
/// DiscoveryDocuments::apiResourceList is the `/api/v1` or `/apis/{g}/{v}` document (empty when
/// the group-version is not served).
QJsonObject apiResourceList(const QList<ResourceType> &types, const QString &group,
                            const QString &version);
/// DiscoveryDocuments::aggregated is the aggregated document served on `/api` (legacy = true) or
/// `/apis`; `discoveryVersion` is "v2" or "v2beta1". Unavailable group-versions are listed with
/// `freshness: Stale` and no resources, as kube-aggregator's discovery manager publishes an
/// APIService whose discovery it could not fetch.
QJsonObject aggregated(const QList<ResourceType> &types, bool legacy, const QString &discoveryVersion,
                       const QList<UnavailableGroupVersion> &unavailable = {});

/// DiscoveryDocuments::subresources lists a type's subresources as (name, kind group, kind
/// version, kind, verbs).
struct Subresource
{
    QString name;
    QString group;
    QString version;
    QString kind;
    QStringList verbs;
};
QList<Subresource> subresources(const ResourceType &type);

} // namespace DiscoveryDocuments

} // namespace Qluster
