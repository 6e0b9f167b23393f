// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
#include "openapiendpoints.h"

#include "apiservicecontroller.h"
#include "apistatus.h"
#include "autoscalingconversion.h"
#include "cronjobcontroller.h"
#include "daemonsetcontroller.h"
#include "discoverydocuments.h"
#include "faultinjector.h"
#include "fieldselector.h"
#include "jsonpatch.h"
#include "listoptions.h"
#include "openapiregistry.h"
#include "podlifecycle.h"
#include "podlogs.h"
#include "podshell.h"
#include "protobufbody.h"
#include "rbacauthorizer.h"
#include "resourcewriter.h"
#include "sandboxauth.h"
#include "sandboxcontext.h"
#include "sandboxcontrollers.h"
#include "sandboxobjects.h"
#include "sandboxpolicies.h"
#include "serversideapply.h"
#include "serviceaccounttokens.h"
#include "statefulsetcontroller.h"
#include "strategicpatch.h"
#include "tableprinter.h"
#include "api/labelselector.h"
#include "edit/yamljson.h"
#include "util/logging.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QSslServer>
#include <QSslSocket>
#include <QTcpServer>
#include <QTimer>
#include <QUuid>
#include <QWebSocket>
#include <QWebSocketServer>
#include <tuple>

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
