// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "api/gvr.h"

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>
#include <QUrl>
#include <QUrlQuery>

namespace Qluster {

/// ApiRequest is one call to the Kubernetes API as a value: the verb, the resource path built
/// from a Gvr (or a raw path for discovery, OpenAPI, /version), the query and the body.
struct ApiRequest
{
    QByteArray verb = QByteArrayLiteral("GET");

    // Resource path: /api/v1 or /apis/<group>/<version>, [/namespaces/<ns>], /<resource>
    // [/<name>[/<subresource>]]. Ignored when rawPath is set.
    Gvr gvr;
    QString namespaceName; ///< empty for cluster-scoped resources or all namespaces
    QString name;
    QString subresource; ///< e.g. "status", "scale", "log", "exec"
    QString rawPath;     ///< e.g. "/version", "/apis", "/openapi/v3"; wins over gvr

    // Query parameters (unset ones are not sent).
    QString labelSelector;
    QString fieldSelector;
    int limit = 0;
    QString continueToken;
    QString resourceVersion;
    QString resourceVersionMatch;
    bool watch = false;
    bool allowWatchBookmarks = false;
    int timeoutSeconds = 0;
    bool dryRun = false; ///< dryRun=All
    QString fieldManager;
    bool force = false;
    QList<QPair<QString, QString>> extraQuery; ///< anything else, e.g. container=, follow=

    QByteArray accept = QByteArrayLiteral("application/json");
    QByteArray contentType; ///< defaults to application/json when a body is set
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> headers; ///< extra headers for this request only

    int timeoutMs = -1; ///< whole-request deadline; -1: the Connection's default, 0: none
    /// ApiReply::headReceived shows up to this many first bytes of a 2xx body while it arrives (0: off).
    int headBytes = 0;

    /// ApiRequest::get builds a GET of a collection (empty name) or of one object.
    static ApiRequest get(const Gvr &gvr, const QString &namespaceName = {},
                          const QString &name = {});
    /// ApiRequest::raw builds a request for a non-resource path such as "/version".
    static ApiRequest raw(const QString &path, const QByteArray &verb = QByteArrayLiteral("GET"));

    /// ApiRequest::path is the URL path below the server (and profile prefix), e.g.
    /// "/apis/apps/v1/namespaces/demo/deployments/web/scale".
    QString path() const;
    /// ApiRequest::query holds the query parameters in the order kubectl sends them.
    QUrlQuery query() const;
    /// ApiRequest::url joins the server URL (which may carry a path, e.g. Rancher's
    /// /k8s/clusters/<id>), a connection-wide prefix, path() and query().
    QUrl url(const QUrl &server, const QString &prefix = {}) const;
    /// ApiRequest::isRetriable is true for reads (GET, HEAD), which may be retried on 429/5xx.
    bool isRetriable() const;
};

} // namespace Qluster
