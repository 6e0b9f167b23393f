// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
#include "connectionprofile.h"

namespace Qluster {

ConnectionProfile ConnectionProfile::kubernetes()
{
    return {};
}

ConnectionProfile ConnectionProfile::kubeSphere(const QString &cluster)
{
    ConnectionProfile profile;
    if (!cluster.isEmpty())
        profile.pathPrefix = QStringLiteral("/clusters/") + cluster;
    return profile;
}

ConnectionProfile ConnectionProfile::tkeStack(const QString &clusterName)
{
    ConnectionProfile profile;
    profile.pathPrefix = QStringLiteral("/platform");
    profile.extraHeaders.append({QByteArrayLiteral("X-TKE-ClusterName"), clusterName.toUtf8()});
    return profile;
}

ConnectionProfile ConnectionProfile::kuscia()
{
    ConnectionProfile profile;
    profile.tokenHeader = QByteArrayLiteral("Token");
    return profile;
}

} // namespace Qluster
