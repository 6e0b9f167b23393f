// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

// The request types every part of the SandboxServer hands around: who asks (SandboxIdentity),
// which resource a path names (SandboxResourcePath) and the request being answered
// (SandboxRequest).

#include "httpconnection.h"
#include "resourcetypes.h"

#include <QMap>
#include <QPointer>
#include <QString>
#include <QStringList>

namespace Qluster {

/// SandboxIdentity is the user a request authenticated as.
struct SandboxIdentity
{
    QString user;
    QStringList groups;
    QString uid = {};                      ///< set for service accounts
    QMap<QString, QStringList> extra = {}; ///< e.g. authentication.kubernetes.io/credential-id
};

/// SandboxResourcePath is a resource request's path taken apart
/// (/api[s]/<group>/<version>/[namespaces/<ns>/]<resource>[/<name>[/<subresource>]]).
struct SandboxResourcePath
{
    const ResourceType *type = nullptr; // not owned (an entry of SandboxContext::types)
    QString group;
    QString version;
    QString resource;
    QString namespaceName;
    QString name;
    QString subresource;
};

/// SandboxRequest is one request being answered: its connection, what it asks, who asks, and
/// the status it was answered with (0 until then).
struct SandboxRequest
{
    QPointer<HttpConnection> connection;
    HttpRequest http;
    SandboxIdentity identity;
    int status = 0;
};

/// wantsTable says whether the client asks for meta.k8s.io Table output (Accept: ...;as=Table).
inline bool wantsTable(const HttpRequest &request)
{
    return request.header("accept").contains("as=Table");
}

} // namespace Qluster
