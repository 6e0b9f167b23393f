// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>

namespace Qluster {

/// ConnectionProfile adapts a Connection to an API gateway in front of Kubernetes: a path prefix
/// for every request, extra headers, and the header that carries the bearer token.
struct ConnectionProfile
{
    QString pathPrefix; ///< e.g. "/kapis/clusters/host" or "/platform"; empty for plain Kubernetes
    QList<QPair<QByteArray, QByteArray>> extraHeaders;
    /// The header that carries a token: "Authorization" sends "Bearer <token>", any other name
    /// (Kuscia's "Token") sends the bare token.
    QByteArray tokenHeader = QByteArrayLiteral("Authorization");

    /// ConnectionProfile::kubernetes is the identity profile (no prefix, no headers).
    static ConnectionProfile kubernetes();
    /// ConnectionProfile::kubeSphere routes through KubeSphere's multi-cluster proxy for `cluster`
    /// (/clusters/<cluster> prefix; empty cluster means the host cluster, no prefix).
    static ConnectionProfile kubeSphere(const QString &cluster = {});
    /// ConnectionProfile::tkeStack sends requests through TKEStack's /platform gateway with the
    /// X-TKE-ClusterName header naming the cluster.
    static ConnectionProfile tkeStack(const QString &clusterName);
    /// ConnectionProfile::kuscia sends the token in Kuscia's `Token` header.
    static ConnectionProfile kuscia();

    friend bool operator==(const ConnectionProfile &, const ConnectionProfile &) = default;
};

} // namespace Qluster
