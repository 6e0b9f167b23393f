// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
#include "discoveryendpoints.h"

#include "apiservicecontroller.h"
#include "apistatus.h"
#include "discoverydocuments.h"
#include "fieldselector.h"
#include "openapiregistry.h"
#include "sandboxcontext.h"
#include "sandboxobjects.h"
#include "api/labelselector.h"

#include <QCryptographicHash>

namespace Qluster {

using namespace SandboxObjects;

DiscoveryEndpoints::DiscoveryEndpoints(SandboxContext &context)
    : m_ctx(context)
{
}

bool DiscoveryEndpoints::handle(SandboxRequest &r, const QString &clean)
{
    if (clean == QLatin1String("/api")) {
        handleDiscovery(r, DiscoveryDocuments::apiVersions(QStringLiteral("127.0.0.1:%1").arg(m_ctx.port)), true);
        return true;
    }
    if (clean == QLatin1String("/apis")) {
        handleDiscovery(r, DiscoveryDocuments::apiGroupList(m_ctx.types, m_ctx.apiServices->unavailableGroupVersions()), false);
        return true;
    }
    const QStringList seg = clean.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    if (seg.size() == 2 && seg.at(0) == QLatin1String("api")) {
        const QJsonObject doc = DiscoveryDocuments::apiResourceList(m_ctx.types, QString(), seg.at(1));
        if (doc.isEmpty())
            m_ctx.sendStatus(r, ApiStatus::notFound(QString(), QString()));
        else
            m_ctx.sendJson(r, 200, doc);
        return true;
    }
    if (seg.size() == 2 && seg.at(0) == QLatin1String("apis")) {
        const QJsonObject doc = DiscoveryDocuments::apiGroup(m_ctx.types, seg.at(1), m_ctx.apiServices->unavailableGroupVersions());
        if (doc.isEmpty())
            m_ctx.sendStatus(r, ApiStatus::notFound(QString(), QString()));
        else
            m_ctx.sendJson(r, 200, doc);
        return true;
    }
    if (seg.size() == 3 && seg.at(0) == QLatin1String("apis")) {
        const QJsonObject doc = DiscoveryDocuments::apiResourceList(m_ctx.types, seg.at(1), seg.at(2));
        if (doc.isEmpty())
            m_ctx.sendStatus(r, ApiStatus::notFound(QString(), QString()));
        else
            m_ctx.sendJson(r, 200, doc);
        return true;
    }
    return false;
}

void DiscoveryEndpoints::handleDiscovery(SandboxRequest &r, const QJsonObject &unaggregated, bool legacy)
{
    // Content negotiation as in KEP-3352: the first acceptable media type of the Accept list wins.
    QString discoveryVersion;
    if (m_ctx.options.aggregatedDiscovery) {
        for (const QByteArray &range : r.http.header("accept").split(',')) {
            const QByteArray mt = range.trimmed().toLower();
            if (mt.contains("as=apigroupdiscoverylist") && mt.contains("g=apidiscovery.k8s.io")) {
                if (mt.contains("v=v2beta1")) {
                    discoveryVersion = QStringLiteral("v2beta1");
                    break;
                }
                if (mt.contains("v=v2")) {
                    discoveryVersion = QStringLiteral("v2");
                    break;
                }
                continue;
            }
            if (mt.startsWith("application/json") || mt.startsWith("*/*"))
                break;
        }
    }
    HttpHeaders headers{{"Vary", "Accept"}};
    if (discoveryVersion.isEmpty()) {
        m_ctx.sendJson(r, 200, unaggregated, headers);
        return;
    }
    const QByteArray body = compact(DiscoveryDocuments::aggregated(m_ctx.types, legacy, discoveryVersion,
                                                                   legacy ? QList<DiscoveryDocuments::UnavailableGroupVersion>()
                                                                          : m_ctx.apiServices->unavailableGroupVersions()));
    const QByteArray etag = '"' + QCryptographicHash::hash(body, QCryptographicHash::Sha256).toHex().left(32) + '"';
    headers.append({"ETag", etag});
    const QByteArray contentType = "application/json;g=apidiscovery.k8s.io;v=" + discoveryVersion.toLatin1()
                                   + ";as=APIGroupDiscoveryList";
    if (r.http.header("if-none-match") == etag) {
        m_ctx.sendBytes(r, 304, contentType, QByteArray(), headers);
        return;
    }
    m_ctx.sendBytes(r, 200, contentType, body, headers);
}

} // namespace Qluster
