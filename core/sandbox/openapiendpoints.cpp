// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
#include "openapiendpoints.h"

#include "apistatus.h"
#include "openapiregistry.h"
#include "sandboxcontext.h"
#include "sandboxobjects.h"

namespace Qluster {

using namespace SandboxObjects;

OpenApiEndpoints::OpenApiEndpoints(SandboxContext &context)
    : m_ctx(context)
{
}

void OpenApiEndpoints::handleOpenApi(SandboxRequest &r, const QString &path)
{
    if (path == QLatin1String("/openapi/v2")) {
        const OpenApiRegistry::Document doc = m_ctx.openApi->swagger();
        const QByteArray etag = doc.etag().toLatin1();
        HttpHeaders headers{{"ETag", etag}, {"Vary", "Accept"}};
        if (r.http.header("if-none-match") == etag) {
            m_ctx.sendBytes(r, 304, "application/json", QByteArray(), headers);
            return;
        }
        m_ctx.sendBytes(r, 200, "application/json", doc.body, headers);
        return;
    }
    if (path == QLatin1String("/openapi/v3")) {
        m_ctx.sendBytes(r, 200, "application/json", m_ctx.openApi->index().body);
        return;
    }
    const QString gvPath = path.mid(QStringLiteral("/openapi/v3/").size());
    const auto doc = m_ctx.openApi->groupVersion(gvPath);
    if (!doc) {
        m_ctx.sendStatus(r, ApiStatus::notFound(QString(), QString()));
        return;
    }
    const QByteArray etag = doc->etag().toLatin1();
    // Hashed URLs are immutable (KEP-2896); unhashed or stale ones must be revalidated.
    const bool hashed = r.http.queryValue("hash") == doc->hash;
    HttpHeaders headers{{"ETag", etag},
                        {"Cache-Control", hashed ? QByteArray("public, immutable, max-age=31536000") : QByteArray("no-cache, private")}};
    if (r.http.header("if-none-match") == etag) {
        m_ctx.sendBytes(r, 304, "application/json", QByteArray(), headers);
        return;
    }
    m_ctx.sendBytes(r, 200, "application/json", doc->body, headers);
}

} // namespace Qluster
