// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
#include "sandboxrouter.h"

#include "apiservicecontroller.h"
#include "apistatus.h"
#include "discoverydocuments.h"
#include "faultinjector.h"
#include "fieldselector.h"
#include "sandboxauth.h"
#include "sandboxcontext.h"
#include "sandboxobjects.h"
#include "watchhub.h"
#include "api/labelselector.h"

namespace Qluster {

using namespace SandboxObjects;

SandboxRouter::SandboxRouter(SandboxContext &context, WatchHub &watches)
    : m_ctx(context)
    , m_watches(watches)
    , m_discovery(context)
    , m_openApi(context)
    , m_resources(context)
    , m_subresources(context)
{
}

void SandboxRouter::dispatch(HttpConnection *connection, const HttpRequest &request)
{
    SandboxRequest r;
    r.connection = connection;
    r.http = request;
    const auto identity = m_ctx.auth->authenticate(connection, request);
    if (!identity) {
        m_ctx.sendStatus(r, ApiStatus::unauthorized());
        return;
    }
    r.identity = *identity;
    if (request.path == QLatin1String("/sandbox/v1/faults")) {
        m_ctx.faults->handleFaults(r);
        return;
    }
    if (m_ctx.faults->answerInjectedFailure(r))
        return;
    if (m_ctx.apiServices->handleUnavailableGroupVersion(r) || handleNonResource(r))
        return;
    const auto p = m_ctx.parseResourcePath(request.path);
    if (!p) {
        m_ctx.sendStatus(r, ApiStatus::notFound(QString(), QString()));
        return;
    }
    if (!p->type) {
        m_ctx.sendStatus(r, ApiStatus::notFound(QString(), QString()));
        return;
    }
    handleResource(r, *p);
}

bool SandboxRouter::handleNonResource(SandboxRequest &r)
{
    const QString &path = r.http.path;
    const QString clean = path.endsWith(QLatin1Char('/')) && path.size() > 1 ? path.chopped(1) : path;
    if (clean == QLatin1String("/version")) {
        m_ctx.sendJson(r, 200, QJsonObject{{QStringLiteral("major"), QStringLiteral("1")},
                                           {QStringLiteral("minor"), QStringLiteral("32")},
                                           {QStringLiteral("gitVersion"), QStringLiteral("v1.32.0-qluster-sandbox")},
                                           {QStringLiteral("gitCommit"), QStringLiteral("0000000000000000000000000000000000000000")},
                                           {QStringLiteral("gitTreeState"), QStringLiteral("clean")},
                                           {QStringLiteral("buildDate"), QStringLiteral("2026-01-01T00:00:00Z")},
                                           {QStringLiteral("goVersion"), QStringLiteral("go1.23.0")},
                                           {QStringLiteral("compiler"), QStringLiteral("gc")},
                                           {QStringLiteral("platform"), QStringLiteral("linux/amd64")}});
        return true;
    }
    if (clean == QLatin1String("/healthz") || clean == QLatin1String("/livez")
        || clean == QLatin1String("/readyz")) {
        m_ctx.sendBytes(r, 200, "text/plain; charset=utf-8", "ok");
        return true;
    }
    if (clean == QLatin1String("/openapi/v2") || clean == QLatin1String("/openapi/v3")
        || clean.startsWith(QLatin1String("/openapi/v3/"))) {
        m_openApi.handleOpenApi(r, clean);
        return true;
    }
    if (m_discovery.handle(r, clean))
        return true;
    const QStringList seg = clean.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    if (seg.value(0) == QLatin1String("api") || seg.value(0) == QLatin1String("apis"))
        return false;
    m_ctx.sendStatus(r, ApiStatus::notFound(QString(), QString()));
    return true;
}

void SandboxRouter::handleResource(SandboxRequest &r, const SandboxResourcePath &p)
{
    const QByteArray &method = r.http.method;
    const ResourceType &type = *p.type;
    const bool isReview = type.group == QLatin1String("authorization.k8s.io") || type.group == QLatin1String("authentication.k8s.io");
    if (isReview) {
        if (method != "POST" || !p.name.isEmpty()) {
            m_ctx.sendStatus(r, ApiStatus::methodNotAllowed());
            return;
        }
        if (type.group == QLatin1String("authentication.k8s.io"))
            m_subresources.handleSelfSubjectReview(r);
        else
            m_subresources.handleReview(r, type.kind);
        return;
    }
    if (!p.subresource.isEmpty()) {
        const auto subs = DiscoveryDocuments::subresources(type);
        const bool known = std::any_of(subs.begin(), subs.end(),
                                       [&](const auto &s) { return s.name == p.subresource; });
        if (!known) {
            m_ctx.sendStatus(r, ApiStatus::notFound(QString(), QString()));
            return;
        }
    }
    const QString verb = SandboxAuth::requestVerb(r, !p.name.isEmpty());
    if (verb.isEmpty()) {
        m_ctx.sendStatus(r, ApiStatus::methodNotAllowed());
        return;
    }
    if (p.subresource == QLatin1String("exec")) {
        if (!m_ctx.auth->authorize(r, QStringLiteral("create"), &type, p.subresource, p.namespaceName, p.name))
            return;
        m_ctx.sendStatus(r, ApiStatus::badRequest(QStringLiteral("Upgrade request required")));
        return;
    }
    if (!m_ctx.auth->authorize(r, verb, &type, p.subresource, p.namespaceName, p.name))
        return;
    if (p.subresource == QLatin1String("token")) {
        m_subresources.handleTokenRequest(r, p);
        return;
    }
    if ((method == "POST" && !p.name.isEmpty()) || ((method == "PUT" || method == "PATCH") && p.name.isEmpty())) {
        m_ctx.sendStatus(r, ApiStatus::methodNotAllowed());
        return;
    }
    if (p.subresource == QLatin1String("scale")) {
        m_subresources.handleScale(r, p);
        return;
    }
    if (p.subresource == QLatin1String("log")) {
        if (method != "GET") {
            m_ctx.sendStatus(r, ApiStatus::methodNotAllowed());
            return;
        }
        m_subresources.handleLog(r, p);
        return;
    }
    if (method == "GET" || method == "HEAD") {
        if (!p.name.isEmpty())
            m_resources.handleGet(r, p);
        else if (verb == QLatin1String("watch"))
            m_watches.handleWatch(r, p);
        else
            m_resources.handleList(r, p);
    } else if (method == "POST") {
        m_resources.handleCreate(r, p);
    } else if (method == "PUT") {
        m_resources.handleUpdate(r, p);
    } else if (method == "PATCH") {
        m_resources.handlePatch(r, p);
    } else if (p.name.isEmpty()) {
        m_resources.handleDeleteCollection(r, p);
    } else {
        m_resources.handleDelete(r, p);
    }
}

} // namespace Qluster
