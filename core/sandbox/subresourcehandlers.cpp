// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
#include "subresourcehandlers.h"

#include "apistatus.h"
#include "discoverydocuments.h"
#include "fieldselector.h"
#include "jsonpatch.h"
#include "podlogs.h"
#include "rbacauthorizer.h"
#include "resourcequota.h"
#include "resourcewriter.h"
#include "sandboxauth.h"
#include "sandboxcontext.h"
#include "sandboxobjects.h"
#include "serversideapply.h"
#include "serviceaccounttokens.h"
#include "api/labelselector.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTimer>
#include <QUuid>
#include <algorithm>

namespace Qluster {

using namespace SandboxObjects;

namespace {

// The Go type name unstructured's accessors print for a JSON value.
QString goTypeName(const QJsonValue &v)
{
    switch (v.type()) {
    case QJsonValue::String:
        return QStringLiteral("string");
    case QJsonValue::Double:
        return v.toDouble() == double(qint64(v.toDouble())) ? QStringLiteral("int64") : QStringLiteral("float64");
    case QJsonValue::Bool:
        return QStringLiteral("bool");
    case QJsonValue::Array:
        return QStringLiteral("[]interface {}");
    case QJsonValue::Object:
        return QStringLiteral("map[string]interface {}");
    default:
        return QStringLiteral("<nil>");
    }
}

QString accessorError(const QString &path, const QJsonValue &v, const char *expected)
{
    const QString shown = v.isString() ? v.toString()
                          : v.isNull() ? QStringLiteral("<nil>")
                                       : QString::fromUtf8(QJsonDocument(QJsonArray{v}).toJson(QJsonDocument::Compact)).mid(1).chopped(1);
    return QStringLiteral("%1 accessor error: %2 is of the type %3, expected %4")
        .arg(path.startsWith(QLatin1Char('.')) ? path : QLatin1Char('.') + path, shown, goTypeName(v), QLatin1String(expected));
}

// A metav1.LabelSelector in its text form as labels.Selector.String() writes it for a Scale's
// status.selector: requirements sorted by key, `k=v`, `k in (a,b)`, `k notin (a,b)`, `k`, `!k`.
QString selectorString(const QJsonObject &object)
{
    const auto selector = LabelSelector::fromObject(object);
    if (!selector)
        return {};
    QList<LabelSelector::Requirement> requirements = selector->requirements();
    std::stable_sort(requirements.begin(), requirements.end(),
                     [](const auto &a, const auto &b) { return a.key < b.key; });
    QStringList terms;
    for (const LabelSelector::Requirement &r : requirements) {
        QStringList values = r.values;
        values.sort();
        const QString set = QLatin1String(" (") + values.join(QLatin1Char(',')) + QLatin1Char(')');
        switch (r.op) {
        case LabelSelector::Op::Equals:
            terms << r.key + QLatin1Char('=') + values.value(0);
            break;
        case LabelSelector::Op::NotEquals:
            terms << r.key + QLatin1String("!=") + values.value(0);
            break;
        case LabelSelector::Op::In:
            terms << r.key + QLatin1String(" in") + set;
            break;
        case LabelSelector::Op::NotIn:
            terms << r.key + QLatin1String(" notin") + set;
            break;
        case LabelSelector::Op::Exists:
            terms << r.key;
            break;
        case LabelSelector::Op::DoesNotExist:
            terms << QLatin1Char('!') + r.key;
            break;
        }
    }
    return terms.join(QLatin1Char(','));
}

// The integer at `path`, nullopt when there is none, as unstructured.NestedInt64 reads it.
std::expected<std::optional<qint64>, QString> integerAt(const QJsonObject &o, const QString &path)
{
    const QJsonValue v = fieldAt(o, path);
    if (v.isUndefined())
        return std::nullopt;
    if (goTypeName(v) != QLatin1String("int64"))
        return std::unexpected(accessorError(path, v, "int64"));
    return qint64(v.toDouble());
}

// The Scale (autoscaling/v1) a scale subresource shows of `o`, and whether `o` has a value at the
// spec replicas path. Built-in kinds keep their replicas in spec.replicas/status.replicas and the
// selector in spec.selector; a custom resource keeps them where its CRD's subresources.scale
// points, as apiextensions-apiserver's ScaleREST reads them: a missing status value is 0, the
// selector is the string at labelSelectorPath ("" without one), and a value of the wrong type is
// an error (500, unstructured's accessor message).
// https://kubernetes.io/docs/tasks/extend-kubernetes/custom-resources/custom-resource-definitions/#scale-subresource
std::expected<std::pair<QJsonObject, bool>, QJsonObject> scaleOf(const ResourceType &type, const QJsonObject &o)
{
    const QJsonObject meta = metaOf(o);
    QJsonObject scaleMeta;
    for (const char *f : {"name", "namespace", "uid", "resourceVersion", "creationTimestamp"}) {
        if (meta.contains(QLatin1String(f)))
            scaleMeta.insert(QLatin1String(f), meta.value(QLatin1String(f)));
    }
    qint64 specReplicas = 0;
    qint64 statusReplicas = 0;
    bool specFound = true;
    QString selector;
    if (type.isCustom) {
        const auto spec = integerAt(o, type.specReplicasPath);
        const auto status = integerAt(o, type.statusReplicasPath);
        if (!spec || !status)
            return std::unexpected(ApiStatus::failure(500, QString(), !spec ? spec.error() : status.error()));
        specFound = spec->has_value();
        specReplicas = spec->value_or(0);
        statusReplicas = status->value_or(0);
        if (!type.labelSelectorPath.isEmpty()) {
            const QJsonValue v = fieldAt(o, type.labelSelectorPath);
            if (!v.isUndefined() && !v.isString())
                return std::unexpected(ApiStatus::failure(500, QString(), accessorError(type.labelSelectorPath, v, "string")));
            selector = v.toString();
        }
    } else {
        const QJsonObject spec = o.value(kSpec).toObject();
        specReplicas = spec.value(QLatin1String("replicas")).toInteger();
        statusReplicas = o.value(kStatus).toObject().value(QLatin1String("replicas")).toInteger();
        selector = selectorString(spec.value(QLatin1String("selector")).toObject());
    }
    QJsonObject scale{{QStringLiteral("kind"), QStringLiteral("Scale")},
                      {QStringLiteral("apiVersion"), QStringLiteral("autoscaling/v1")},
                      {QStringLiteral("metadata"), scaleMeta},
                      {QStringLiteral("spec"), QJsonObject{{QStringLiteral("replicas"), specReplicas}}},
                      {QStringLiteral("status"), QJsonObject{{QStringLiteral("replicas"), statusReplicas},
                                                             {QStringLiteral("selector"), selector}}}};
    return std::pair{scale, specFound};
}

constexpr qint64 kDefaultTokenSeconds = 3600;

constexpr qint64 kMinimumTokenSeconds = 600;

constexpr qint64 kMaximumTokenSeconds = qint64(1) << 32;

} // namespace

SubresourceHandlers::SubresourceHandlers(SandboxContext &context)
    : m_ctx(context)
{
}

Result<QString> SubresourceHandlers::chooseContainer(const QJsonObject &pod, const QString &requested)
{
    QStringList names;
    for (const QJsonValue &c : pod.value(QLatin1String("spec")).toObject().value(QLatin1String("containers")).toArray())
        names << c.toObject().value(QLatin1String("name")).toString();
    const QString podName = metaString(pod, QLatin1String("name"));
    if (!requested.isEmpty()) {
        if (!names.contains(requested))
            return fail(statusError(400, QStringLiteral("BadRequest"),
                                    QStringLiteral("container %1 is not valid for pod %2").arg(requested, podName)));
        return requested;
    }
    const QString annotated = metaOf(pod).value(QLatin1String("annotations")).toObject()
                                  .value(QLatin1String("kubectl.kubernetes.io/default-container")).toString();
    if (names.contains(annotated))
        return annotated;
    if (names.size() == 1)
        return names.first();
    return fail(statusError(400, QStringLiteral("BadRequest"),
                            QStringLiteral("a container name must be specified for pod %1, choose one of: [%2]")
                                .arg(podName, names.join(QLatin1Char(' ')))));
}

void SubresourceHandlers::handleScale(SandboxRequest &r, const SandboxResourcePath &p)
{
    const ResourceType &type = *p.type;
    const QString ns = type.namespaced ? p.namespaceName : QString();
    const QJsonObject *current = m_ctx.store.get(m_ctx.storageGvr(type), ns, p.name);
    if (!current) {
        m_ctx.sendStatus(r, ApiStatus::notFound(type.plural, p.name, type.group));
        return;
    }
    const auto currentScale = scaleOf(type, *current);
    if (!currentScale) {
        m_ctx.sendStatus(r, currentScale.error());
        return;
    }
    const QString specPath = type.isCustom ? type.specReplicasPath : QStringLiteral(".spec.replicas");
    if (r.http.method == "GET") {
        if (!currentScale->second) {
            const QString why = QStringLiteral("the spec replicas field \"%1\" does not exist").arg(specPath);
            m_ctx.sendStatus(r, ApiStatus::failure(500, QStringLiteral("InternalError"), QStringLiteral("Internal error occurred: ") + why,
                                                   QJsonObject{{QStringLiteral("causes"), QJsonArray{QJsonObject{{QStringLiteral("message"), why}}}}}));
            return;
        }
        m_ctx.sendJson(r, 200, currentScale->first);
        return;
    }
    // An object without spec replicas shows the patch an impossible value, so that a patch that
    // does not set one can be told apart (as ScaleREST does).
    constexpr qint64 unsetReplicas = -2147483648LL;
    QJsonObject base = currentScale->first;
    if (!currentScale->second)
        base.insert(kSpec, QJsonObject{{QStringLiteral("replicas"), unsetReplicas}});
    Result<QJsonObject> body = QJsonObject{};
    if (r.http.method == "PATCH") {
        // kubectl scale patches the Scale (merge patch); a Scale has no lists, so a strategic
        // merge patch means the same.
        const QByteArray contentType = r.http.header("content-type").split(';').value(0).trimmed().toLower();
        QJsonParseError error;
        const QJsonDocument patch = QJsonDocument::fromJson(r.http.body, &error);
        if (error.error != QJsonParseError::NoError) {
            m_ctx.sendStatus(r, ApiStatus::badRequest(QStringLiteral("the patch is not valid JSON: %1").arg(error.errorString())));
            return;
        }
        Result<QJsonValue> patched = QJsonValue();
        if (contentType == "application/json-patch+json")
            patched = applyJsonPatch(base, patch.array());
        else if (contentType == "application/merge-patch+json" || contentType == "application/strategic-merge-patch+json")
            patched = applyMergePatch(base, patch.object());
        else {
            m_ctx.sendStatus(r, ApiStatus::failure(415, QStringLiteral("UnsupportedMediaType"), QStringLiteral("415: Unsupported Media Type")));
            return;
        }
        if (!patched) {
            m_ctx.sendStatus(r, ApiStatus::failure(422, QStringLiteral("Invalid"), patched.error().message));
            return;
        }
        body = patched->toObject();
    } else if (r.http.method == "PUT") {
        body = m_ctx.parseBody(r);
        if (!body) {
            m_ctx.sendError(r, body.error());
            return;
        }
    } else {
        m_ctx.sendStatus(r, ApiStatus::methodNotAllowed());
        return;
    }
    const QString bodyRv = metaString(*body, QLatin1String("resourceVersion"));
    if (!bodyRv.isEmpty() && bodyRv != metaString(*current, QLatin1String("resourceVersion"))) {
        m_ctx.sendStatus(r, ApiStatus::conflict(type.plural, p.name, type.group));
        return;
    }
    const qint64 replicas = body->value(kSpec).toObject().value(QLatin1String("replicas")).toInteger();
    if (replicas == unsetReplicas) {
        m_ctx.sendStatus(r, ApiStatus::badRequest(QStringLiteral("the spec replicas field \"%1\" cannot be empty").arg(specPath)));
        return;
    }
    if (replicas < 0) {
        m_ctx.sendStatus(r, ApiStatus::invalid(QStringLiteral("Scale"), QStringLiteral("autoscaling"), p.name, QStringLiteral("spec.replicas"),
                                               QStringLiteral("Invalid value: %1: must be greater than or equal to 0").arg(replicas)));
        return;
    }
    const auto updated = withFieldAt(*current, specPath, replicas);
    if (!updated) {
        m_ctx.sendStatus(r, ApiStatus::failure(500, QString(), QStringLiteral("value cannot be set because %1 is not a map").arg(specPath)));
        return;
    }
    QJsonObject object = *updated;
    setMeta(object, QStringLiteral("resourceVersion"), QString());
    auto result = m_ctx.writer->updateInternal(type, p.namespaceName, p.name, object, QString(),
                                               r.http.queryValue("dryRun") == QLatin1String("All"));
    if (!result) {
        m_ctx.sendStatus(r, result.error());
        return;
    }
    const auto scale = scaleOf(type, *result);
    if (!scale) {
        m_ctx.sendStatus(r, ApiStatus::badRequest(scale.error().value(QLatin1String("message")).toString()));
        return;
    }
    m_ctx.sendJson(r, 200, scale->first);
}

void SubresourceHandlers::handleReview(SandboxRequest &r, const QString &kind)
{
    auto body = m_ctx.parseBody(r);
    if (!body) {
        m_ctx.sendError(r, body.error());
        return;
    }
    QJsonObject result = *body;
    result.insert(QStringLiteral("apiVersion"), QStringLiteral("authorization.k8s.io/v1"));
    result.insert(QStringLiteral("kind"), kind);
    const RbacAuthorizer authorizer(m_ctx.store);
    if (kind == QLatin1String("SelfSubjectAccessReview")) {
        const QJsonObject spec = body->value(kSpec).toObject();
        AccessAttributes a;
        a.user = r.identity.user;
        a.groups = r.identity.groups;
        if (spec.contains(QLatin1String("nonResourceAttributes"))) {
            const QJsonObject n = spec.value(QLatin1String("nonResourceAttributes")).toObject();
            a.verb = n.value(QLatin1String("verb")).toString();
            a.nonResourcePath = n.value(QLatin1String("path")).toString();
        } else {
            const QJsonObject ra = spec.value(QLatin1String("resourceAttributes")).toObject();
            a.verb = ra.value(QLatin1String("verb")).toString();
            a.apiGroup = ra.value(QLatin1String("group")).toString();
            a.resource = ra.value(QLatin1String("resource")).toString();
            a.subresource = ra.value(QLatin1String("subresource")).toString();
            a.namespaceName = ra.value(QLatin1String("namespace")).toString();
            a.name = ra.value(QLatin1String("name")).toString();
        }
        const bool allowed = authorizer.allowed(a);
        QJsonObject status{{QStringLiteral("allowed"), allowed}};
        if (allowed && !a.groups.contains(QLatin1String("system:masters")))
            status.insert(QStringLiteral("reason"), QStringLiteral("RBAC: allowed by a binding of user \"%1\"").arg(a.user));
        result.insert(kStatus, status);
    } else {
        const QString ns = body->value(kSpec).toObject().value(QLatin1String("namespace")).toString();
        result.insert(kStatus, QJsonObject{{QStringLiteral("resourceRules"), authorizer.resourceRules(r.identity.user, r.identity.groups, ns)},
                                           {QStringLiteral("nonResourceRules"), authorizer.nonResourceRules(r.identity.user, r.identity.groups)},
                                           {QStringLiteral("incomplete"), false}});
    }
    QJsonObject meta = metaOf(result);
    meta.insert(QStringLiteral("creationTimestamp"), QJsonValue::Null);
    result.insert(kMetadata, meta);
    m_ctx.sendJson(r, 201, result);
}

void SubresourceHandlers::handleLog(SandboxRequest &r, const SandboxResourcePath &p)
{
    const QJsonObject *current = m_ctx.store.get(podsGvr, p.namespaceName, p.name);
    if (!current) {
        m_ctx.sendStatus(r, ApiStatus::notFound(QStringLiteral("pods"), p.name));
        return;
    }
    const QJsonObject pod = *current;
    auto container = chooseContainer(pod, r.http.queryValue("container"));
    if (!container) {
        m_ctx.sendError(r, container.error());
        return;
    }
    const bool previous = isTrue(r.http.queryValue("previous"));
    const bool timestamps = isTrue(r.http.queryValue("timestamps"));
    const bool follow = isTrue(r.http.queryValue("follow"));
    if (pod.value(kStatus).toObject().value(QLatin1String("phase")).toString() == QLatin1String("Pending")) {
        m_ctx.sendStatus(r, ApiStatus::badRequest(QStringLiteral("container \"%1\" in pod \"%2\" is waiting to start: ContainerCreating")
                                                .arg(*container, p.name)));
        return;
    }
    if (previous && !PodLogs::startTime(pod, *container, true).isValid()) {
        m_ctx.sendStatus(r, ApiStatus::badRequest(QStringLiteral("previous terminated container \"%1\" in pod \"%2\" not found")
                                                .arg(*container, p.name)));
        return;
    }
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QDateTime after;
    bool ok = false;
    const int sinceSeconds = r.http.queryValue("sinceSeconds").toInt(&ok);
    if (ok && sinceSeconds > 0)
        after = now.addSecs(-sinceSeconds);
    const QString sinceTime = r.http.queryValue("sinceTime");
    if (!sinceTime.isEmpty())
        after = QDateTime::fromString(sinceTime, Qt::ISODate);
    QList<PodLogs::Line> lines = PodLogs::lines(pod, *container, previous, after, now);
    const int tail = r.http.queryValue("tailLines").toInt(&ok);
    if (ok && tail >= 0 && tail < lines.size())
        lines = lines.mid(lines.size() - tail);
    QByteArray body;
    for (const PodLogs::Line &l : lines)
        body += PodLogs::format(l, timestamps);
    const qint64 limitBytes = r.http.queryValue("limitBytes").toLongLong(&ok);
    if (ok && limitBytes > 0)
        body = body.left(limitBytes);
    if (!follow || previous) {
        m_ctx.sendBytes(r, 200, "text/plain", body);
        return;
    }
    // Follow: stream the history, then one chunk per new line until the pod or connection goes.
    r.status = 200;
    r.connection->beginStream(200, {{"Content-Type", "text/plain"}, {"Cache-Control", "no-cache, private"}});
    Q_EMIT m_ctx.server.requestHandled(QString::fromLatin1(r.http.method), r.http.path, 200);
    r.connection->writeChunk(body);
    QPointer<HttpConnection> connection = r.connection;
    auto *timer = new QTimer(connection);
    const QString ns = p.namespaceName;
    const QString name = p.name;
    const QString c = *container;
    auto last = std::make_shared<QDateTime>(lines.isEmpty() ? now : lines.last().time);
    QObject::connect(timer, &QTimer::timeout, &m_ctx.server, [this, connection, timer, ns, name, c, last, timestamps] {
        if (!connection) {
            timer->deleteLater();
            return;
        }
        const QJsonObject *current = m_ctx.store.get(podsGvr, ns, name);
        if (!current) {
            timer->deleteLater();
            connection->endStream();
            return;
        }
        const QDateTime now = QDateTime::currentDateTimeUtc();
        QByteArray chunk;
        for (const PodLogs::Line &l : PodLogs::lines(*current, c, false, *last, now)) {
            chunk += PodLogs::format(l, timestamps);
            *last = l.time;
        }
        connection->writeChunk(chunk);
        // The stream ends with the container, as kubelet's does (a container waiting to restart
        // shows its terminated instance, which has ended).
        for (const QJsonValue &v : current->value(kStatus).toObject().value(QLatin1String("containerStatuses")).toArray()) {
            const QJsonObject cs = v.toObject();
            const QJsonObject state = cs.value(QLatin1String("state")).toObject();
            const bool ended = state.contains(QLatin1String("terminated"))
                               || (state.contains(QLatin1String("waiting"))
                                   && cs.value(QLatin1String("lastState")).toObject().contains(QLatin1String("terminated")));
            if (cs.value(kName).toString() == c && ended) {
                timer->deleteLater();
                connection->endStream();
                return;
            }
        }
    });
    timer->start(500);
}

void SubresourceHandlers::handleTokenRequest(SandboxRequest &r, const SandboxResourcePath &p)
{
    if (r.http.method != "POST") {
        m_ctx.sendStatus(r, ApiStatus::methodNotAllowed());
        return;
    }
    auto body = m_ctx.parseBody(r);
    if (!body) {
        m_ctx.sendError(r, body.error());
        return;
    }
    const QString kind = body->value(QLatin1String("kind")).toString();
    const QString apiVersion = body->value(QLatin1String("apiVersion")).toString();
    if ((!kind.isEmpty() && kind != QLatin1String("TokenRequest"))
        || (!apiVersion.isEmpty() && apiVersion != QLatin1String("authentication.k8s.io/v1"))) {
        m_ctx.sendStatus(r, ApiStatus::badRequest(QStringLiteral("the body must be an authentication.k8s.io/v1 TokenRequest, not %1 %2")
                                                .arg(apiVersion, kind)));
        return;
    }
    const QJsonObject *account = m_ctx.store.get(serviceAccountsGvr, p.namespaceName, p.name);
    if (!account) {
        m_ctx.sendStatus(r, ApiStatus::notFound(QStringLiteral("serviceaccounts"), p.name));
        return;
    }
    QJsonObject spec = body->value(kSpec).toObject();
    auto invalid = [&](const QString &field, const QString &why) {
        m_ctx.sendStatus(r, ApiStatus::invalid(QStringLiteral("TokenRequest"), QStringLiteral("authentication.k8s.io"), p.name, field, why));
    };
    const qint64 seconds = spec.contains(QLatin1String("expirationSeconds")) ? spec.value(QLatin1String("expirationSeconds")).toInteger()
                                                                             : kDefaultTokenSeconds;
    if (seconds < kMinimumTokenSeconds) {
        invalid(QStringLiteral("spec.expirationSeconds"), QStringLiteral("Invalid value: %1: may not specify a duration less than 10 minutes").arg(seconds));
        return;
    }
    if (seconds > kMaximumTokenSeconds) {
        invalid(QStringLiteral("spec.expirationSeconds"), QStringLiteral("Invalid value: %1: may not specify a duration larger than 2^32 seconds").arg(seconds));
        return;
    }
    ServiceAccountTokens::Claims claims;
    claims.namespaceName = p.namespaceName;
    claims.serviceAccount = p.name;
    claims.serviceAccountUid = metaString(*account, QLatin1String("uid"));
    for (const QJsonValue &a : spec.value(QLatin1String("audiences")).toArray())
        claims.audiences << a.toString();
    if (claims.audiences.isEmpty())
        claims.audiences << ServiceAccountTokens::issuer();
    const QJsonObject bound = spec.value(QLatin1String("boundObjectRef")).toObject();
    if (!bound.isEmpty()) {
        const QString boundKind = bound.value(QLatin1String("kind")).toString();
        if (boundKind != QLatin1String("Pod") && boundKind != QLatin1String("Secret")) {
            invalid(QStringLiteral("spec.boundObjectRef.kind"), QStringLiteral("Unsupported value: \"%1\": supported values: \"Pod\", \"Secret\"").arg(boundKind));
            return;
        }
        const QString boundName = bound.value(kName).toString();
        const QJsonObject *object = m_ctx.store.get(boundKind == QLatin1String("Pod") ? podsGvr : secretsGvr, p.namespaceName, boundName);
        if (!object) {
            m_ctx.sendStatus(r, ApiStatus::notFound(boundKind == QLatin1String("Pod") ? QStringLiteral("pods") : QStringLiteral("secrets"), boundName));
            return;
        }
        const QString uid = metaString(*object, QLatin1String("uid"));
        if (bound.contains(QLatin1String("uid")) && bound.value(QLatin1String("uid")).toString() != uid) {
            m_ctx.sendStatus(r, ApiStatus::failure(409, QStringLiteral("Conflict"),
                                                   QStringLiteral("the UID in the bound object reference (%1) does not match the UID in record. "
                                                                  "The object might have been deleted and then recreated")
                                                       .arg(bound.value(QLatin1String("uid")).toString())));
            return;
        }
        claims.boundKind = boundKind;
        claims.boundName = boundName;
        claims.boundUid = uid;
        QJsonObject ref = bound;
        ref.insert(QStringLiteral("uid"), uid);
        spec.insert(QStringLiteral("boundObjectRef"), ref);
    }
    claims.issuedAt = m_ctx.clock().toUTC();
    claims.expiresAt = claims.issuedAt.addSecs(seconds);
    claims.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    spec.insert(QStringLiteral("audiences"), QJsonArray::fromStringList(claims.audiences));
    spec.insert(QStringLiteral("expirationSeconds"), seconds);
    const QJsonObject result{
        {QStringLiteral("kind"), QStringLiteral("TokenRequest")},
        {QStringLiteral("apiVersion"), QStringLiteral("authentication.k8s.io/v1")},
        {QStringLiteral("metadata"), QJsonObject{{QStringLiteral("name"), p.name},
                                                 {QStringLiteral("namespace"), p.namespaceName},
                                                 {QStringLiteral("creationTimestamp"), claims.issuedAt.toString(Qt::ISODate)}}},
        {QStringLiteral("spec"), spec},
        {QStringLiteral("status"), QJsonObject{{QStringLiteral("token"), ServiceAccountTokens(m_ctx.auth->tokenKey()).issue(claims)},
                                               {QStringLiteral("expirationTimestamp"), claims.expiresAt.toString(Qt::ISODate)}}}};
    m_ctx.sendJson(r, 201, result);
}

void SubresourceHandlers::handleSelfSubjectReview(SandboxRequest &r)
{
    if (!r.http.body.trimmed().isEmpty()) {
        auto body = m_ctx.parseBody(r);
        if (!body) {
            m_ctx.sendError(r, body.error());
            return;
        }
    }
    QJsonObject userInfo{{QStringLiteral("username"), r.identity.user},
                         {QStringLiteral("groups"), QJsonArray::fromStringList(r.identity.groups)}};
    if (!r.identity.uid.isEmpty())
        userInfo.insert(QStringLiteral("uid"), r.identity.uid);
    if (!r.identity.extra.isEmpty()) {
        QJsonObject extra;
        for (auto it = r.identity.extra.begin(); it != r.identity.extra.end(); ++it)
            extra.insert(it.key(), QJsonArray::fromStringList(it.value()));
        userInfo.insert(QStringLiteral("extra"), extra);
    }
    m_ctx.sendJson(r, 201, QJsonObject{{QStringLiteral("kind"), QStringLiteral("SelfSubjectReview")},
                                       {QStringLiteral("apiVersion"), QStringLiteral("authentication.k8s.io/v1")},
                                       {QStringLiteral("metadata"), QJsonObject{{QStringLiteral("creationTimestamp"), QJsonValue::Null}}},
                                       {QStringLiteral("status"), QJsonObject{{QStringLiteral("userInfo"), userInfo}}}});
}

} // namespace Qluster
