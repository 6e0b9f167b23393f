// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
#include "sandboxcontext.h"

#include "apistatus.h"
#include "autoscalingconversion.h"
#include "faultinjector.h"
#include "fieldselector.h"
#include "openapiregistry.h"
#include "podlogs.h"
#include "protobufbody.h"
#include "sandboxobjects.h"
#include "api/labelselector.h"
#include "edit/yamljson.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QUuid>

namespace Qluster {

using namespace SandboxObjects;

SandboxContext::SandboxContext(SandboxServer &server, SandboxOptions options)
    : server(server)
    , options(std::move(options))
    , store(this->options.eventWindow)
    , openApi(std::make_unique<OpenApiRegistry>())
{
    store.setSnapshotLimit(this->options.listSnapshots);
    types = builtinResourceTypes();
    ResourceType ssar;
    ssar.group = QStringLiteral("authorization.k8s.io");
    ssar.version = QStringLiteral("v1");
    ssar.kind = QStringLiteral("SelfSubjectAccessReview");
    ssar.plural = QStringLiteral("selfsubjectaccessreviews");
    ssar.singular = QStringLiteral("selfsubjectaccessreview");
    ssar.namespaced = false;
    ssar.verbs = {QStringLiteral("create")};
    types << ssar;
    ssar.kind = QStringLiteral("SelfSubjectRulesReview");
    ssar.plural = QStringLiteral("selfsubjectrulesreviews");
    ssar.singular = QStringLiteral("selfsubjectrulesreview");
    types << ssar;
    ResourceType review = ssar; // `kubectl auth whoami`
    review.group = QStringLiteral("authentication.k8s.io");
    review.kind = QStringLiteral("SelfSubjectReview");
    review.plural = QStringLiteral("selfsubjectreviews");
    review.singular = QStringLiteral("selfsubjectreview");
    types << review;
    for (qsizetype i = 0; i < types.size(); ++i)
        typeIndex.insert(types.at(i).gvr(), i);
}

SandboxContext::~SandboxContext() = default;

QDateTime SandboxContext::clock() const
{
    return QDateTime::currentDateTimeUtc().addMSecs(clockOffsetMilliseconds);
}

std::optional<SandboxResourcePath> SandboxContext::parseResourcePath(const QString &path) const
{
    const QStringList seg = path.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    SandboxResourcePath p;
    qsizetype i = 0;
    if (seg.value(0) == QLatin1String("api") && seg.size() >= 3) {
        p.version = seg.at(1);
        i = 2;
    } else if (seg.value(0) == QLatin1String("apis") && seg.size() >= 4) {
        p.group = seg.at(1);
        p.version = seg.at(2);
        i = 3;
    } else {
        return std::nullopt;
    }
    const QStringList rest = seg.mid(i);
    if (rest.value(0) == QLatin1String("namespaces") && rest.size() >= 3) {
        const ResourceType *t = findType(p.group, p.version, rest.at(2));
        if (t && t->namespaced) {
            if (rest.size() > 5)
                return std::nullopt;
            p.type = t;
            p.namespaceName = rest.at(1);
            p.resource = rest.at(2);
            p.name = rest.value(3);
            p.subresource = rest.value(4);
            return p;
        }
    }
    if (rest.size() > 3)
        return std::nullopt;
    p.resource = rest.at(0);
    p.type = findType(p.group, p.version, p.resource);
    p.name = rest.value(1);
    p.subresource = rest.value(2);
    return p;
}

const ResourceType *SandboxContext::findType(const QString &group, const QString &version,
                                             const QString &plural) const
{
    const auto it = typeIndex.constFind(Gvr{group, version, plural});
    return it == typeIndex.constEnd() ? nullptr : &types.at(*it);
}

const ResourceType *SandboxContext::findTypeByKind(const QString &group, const QString &kind) const
{
    for (const ResourceType &t : types) {
        if (t.group == group && t.kind == kind)
            return &t;
    }
    return nullptr;
}

Gvr SandboxContext::storageGvr(const ResourceType &type) const
{
    // Both versions of HorizontalPodAutoscaler are stored as autoscaling/v2, as upstream does.
    if (!type.isCustom && type.group == QLatin1String("autoscaling") && type.plural == QLatin1String("horizontalpodautoscalers"))
        return Gvr{type.group, QStringLiteral("v2"), type.plural};
    // Every version of a CRD shares one collection (conversion strategy None).
    if (!type.isCustom)
        return type.gvr();
    for (const ResourceType &t : types) {
        if (t.isCustom && t.group == type.group && t.plural == type.plural)
            return Gvr{t.group, QStringLiteral("storage"), t.plural};
    }
    return type.gvr();
}

QJsonObject SandboxContext::presentObject(const ResourceType &type, QJsonObject object) const
{
    // A stored autoscaling/v2 autoscaler read through autoscaling/v1.
    if (type.group == QLatin1String("autoscaling") && type.version == QLatin1String("v1")
        && object.value(QLatin1String("apiVersion")).toString() == QLatin1String("autoscaling/v2"))
        object = AutoscalingConversion::toV1(object);
    object.insert(QStringLiteral("apiVersion"), type.groupVersion());
    object.insert(QStringLiteral("kind"), type.kind);
    return object;
}

Result<QJsonObject> SandboxContext::parseBody(const SandboxRequest &r) const
{
    if (r.http.body.trimmed().isEmpty())
        return fail(statusError(400, QStringLiteral("BadRequest"), QStringLiteral("the request body is empty")));
    const QByteArray contentType = r.http.header("content-type").split(';').value(0).trimmed().toLower();
    if (contentType == "application/vnd.kubernetes.protobuf") {
        auto decoded = decodeProtobufBody(r.http.body);
        if (!decoded) {
            // A body that is not protobuf is a bad request; a kind or field the sandbox's schema
            // lacks is a limit of the sandbox, reported with its name so kubectl users see why.
            if (decoded.error().kind == Error::Kind::Parse)
                return fail(statusError(400, QStringLiteral("BadRequest"), decoded.error().message));
            return fail(statusError(415, QStringLiteral("UnsupportedMediaType"),
                                    QStringLiteral("the body of the request was in an unknown format (%1): %2")
                                        .arg(QString::fromLatin1(contentType), decoded.error().message)));
        }
        return *decoded;
    }
    if (contentType == "application/yaml" || contentType == "application/apply-patch+yaml") {
        auto yaml = yamlToJson(r.http.body, QStringLiteral("request body"));
        if (!yaml && contentType == "application/apply-patch+yaml") {
            // The apply handler's wording (sigs.k8s.io/yaml under it); the problem is yaml-cpp's.
            const Error &e = yaml.error();
            return fail(statusError(400, QStringLiteral("BadRequest"),
                                    QStringLiteral("error decoding YAML: error converting YAML to JSON: yaml: %1%2")
                                        .arg(e.line > 0 ? QStringLiteral("line %1: ").arg(e.line) : QString(), e.message)));
        }
        if (!yaml)
            return fail(statusError(400, QStringLiteral("BadRequest"),
                                    QStringLiteral("the body of the request was in an unknown format (%1): %2")
                                        .arg(QString::fromLatin1(contentType), yaml.error().toString())));
        if (!yaml->isObject())
            return fail(statusError(400, QStringLiteral("BadRequest"), QStringLiteral("the body of the request must be an object")));
        return yaml->toObject();
    }
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(r.http.body, &error);
    if (error.error != QJsonParseError::NoError) {
        // Report the line and column of the problem, as the apiserver's decoder does.
        const QByteArray before = r.http.body.left(error.offset);
        const int line = int(before.count('\n')) + 1;
        const int column = int(error.offset - before.lastIndexOf('\n'));
        return fail(statusError(400, QStringLiteral("BadRequest"),
                                QStringLiteral("the body of the request was in an unknown format (%1): "
                                               "error decoding JSON at line %2, column %3: %4")
                                    .arg(QString::fromLatin1(contentType))
                                    .arg(line)
                                    .arg(column)
                                    .arg(error.errorString())));
    }
    if (!doc.isObject())
        return fail(statusError(400, QStringLiteral("BadRequest"),
                                QStringLiteral("the body of the request must be a JSON object")));
    return doc.object();
}

void SandboxContext::sendBytes(SandboxRequest &r, int status, const QByteArray &contentType,
                               const QByteArray &body, HttpHeaders headers)
{
    r.status = status;
    if (!r.connection)
        return;
    headers.prepend({"Content-Type", contentType});
    if (std::none_of(headers.begin(), headers.end(), [](const auto &h) { return h.first == "Cache-Control"; }))
        headers.append({QByteArray("Cache-Control"), QByteArray("no-cache, private")});
    headers.append({QByteArray("Audit-Id"), QUuid::createUuid().toByteArray(QUuid::WithoutBraces)});
    if (faults->takeTruncation(status)) {
        r.connection->respondTruncated(status, headers, body);
    } else {
        r.connection->respond(status, headers, body);
    }
    Q_EMIT server.requestHandled(QString::fromLatin1(r.http.method), r.http.path, status);
}

void SandboxContext::sendJson(SandboxRequest &r, int status, const QJsonObject &body, HttpHeaders headers)
{
    sendBytes(r, status, "application/json", compact(body), std::move(headers));
}

void SandboxContext::sendStatus(SandboxRequest &r, const QJsonObject &status)
{
    sendJson(r, status.value(QLatin1String("code")).toInt(500), status);
}

void SandboxContext::sendError(SandboxRequest &r, const Error &error)
{
    sendStatus(r, ApiStatus::fromError(error));
}

bool SandboxContext::Selectors::matches(const QJsonObject &object) const
{
    return labels.matches(SandboxObjects::metaOf(object).value(QLatin1String("labels")).toObject())
        && fields.matches(object);
}

std::optional<SandboxContext::Selectors> SandboxContext::selectors(SandboxRequest &r, const ResourceType &type)
{
    auto labels = LabelSelector::parse(r.http.queryValue("labelSelector"));
    if (!labels) {
        sendStatus(r, ApiStatus::badRequest(labels.error().message));
        return std::nullopt;
    }
    auto fields = FieldSelector::parse(r.http.queryValue("fieldSelector"), type.kind);
    if (!fields) {
        sendStatus(r, ApiStatus::badRequest(fields.error().message));
        return std::nullopt;
    }
    return Selectors{*labels, *fields};
}

} // namespace Qluster
