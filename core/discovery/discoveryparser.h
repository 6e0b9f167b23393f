// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "apiresource.h"
#include "util/result.h"

#include <QByteArray>

namespace Qluster::DiscoveryParser {

/// parseAggregated reads an apidiscovery.k8s.io APIGroupDiscoveryList (v2 or v2beta1, as served on
/// /api and /apis) into groups with their versions (in preference order) and resources.
/// Group-versions with `freshness: Stale` are kept and marked stale.
Result<QList<ApiGroup>> parseAggregated(const QByteArray &json, const QString &what);

/// parseApiVersions reads the core group's APIVersions (/api) into its list of versions.
Result<QStringList> parseApiVersions(const QByteArray &json, const QString &what);

/// parseApiGroupList reads an APIGroupList (/apis) into groups with versions but no resources yet.
Result<QList<ApiGroup>> parseApiGroupList(const QByteArray &json, const QString &what);

/// parseApiResourceList reads an APIResourceList (/api/v1, /apis/g/v); "pods/log"-style entries
/// become subresources of their parent resource.
Result<ApiGroupVersion> parseApiResourceList(const QByteArray &json, const QString &what);

/// singularFromKind is the singular name kubectl derives when discovery leaves it empty.
QString singularFromKind(const QString &kind);

} // namespace Qluster::DiscoveryParser
