// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
// APIServices (apiregistration.k8s.io/v1) as kube-apiserver keeps them: one local APIService per
// served built-in group-version (the autoregister controller, "onstart"), one per served version
// of a CRD (the crdregistration controller, "true"), and the availability controllers' Available
// condition. The sandbox runs no aggregated API servers, so an APIService with a Service is never
// available: its group-version is listed by discovery and answers 503.
#include "apiservicecontroller.h"

#include "apistatus.h"
#include "discoverydocuments.h"
#include "resourcewriter.h"
#include "sandboxauth.h"
#include "sandboxcontext.h"
#include "sandboxobjects.h"
#include "util/logging.h"

#include <QHash>
#include <QJsonArray>
#include <QMap>
#include <QSet>
#include <QTimer>

namespace Qluster {

using namespace SandboxObjects;

namespace {

const Gvr apiServicesGvr{QStringLiteral("apiregistration.k8s.io"), QStringLiteral("v1"), QStringLiteral("apiservices")};

const Gvr servicesGvr{QString(), QStringLiteral("v1"), QStringLiteral("services")};

const Gvr endpointsGvr{QString(), QStringLiteral("v1"), QStringLiteral("endpoints")};

const QString kAutomanaged = QStringLiteral("kube-aggregator.kubernetes.io/automanaged");

struct Priority
{
    int group;
    int version;
};

// kube-apiserver's apiVersionPriorities for the group-versions the sandbox serves (the
// apiregistration group is listed first by the aggregator, like the core group).
Priority builtinPriority(const QString &group, const QString &version)
{
    static const QHash<QString, Priority> priorities{
        {QStringLiteral("/v1"), {18000, 1}},
        {QStringLiteral("apiregistration.k8s.io/v1"), {18000, 15}},
        {QStringLiteral("apps/v1"), {17800, 15}},
        {QStringLiteral("authentication.k8s.io/v1"), {17700, 15}},
        {QStringLiteral("authorization.k8s.io/v1"), {17600, 15}},
        {QStringLiteral("autoscaling/v1"), {17500, 15}},
        {QStringLiteral("autoscaling/v2"), {17500, 30}},
        {QStringLiteral("batch/v1"), {17400, 15}},
        {QStringLiteral("networking.k8s.io/v1"), {17200, 15}},
        {QStringLiteral("policy/v1"), {17100, 15}},
        {QStringLiteral("rbac.authorization.k8s.io/v1"), {17000, 15}},
        {QStringLiteral("storage.k8s.io/v1"), {16800, 15}},
        {QStringLiteral("apiextensions.k8s.io/v1"), {16700, 15}},
        {QStringLiteral("scheduling.k8s.io/v1"), {16600, 15}},
        {QStringLiteral("coordination.k8s.io/v1"), {16500, 15}},
    };
    return priorities.value(group + QLatin1Char('/') + version, Priority{16000, 9});
}

// The APIService name of a group-version: "<version>.<group>" ("v1." for the core group).
QString apiServiceName(const QString &group, const QString &version)
{
    return version + QLatin1Char('.') + group;
}

QJsonObject availableCondition(const QString &status, const QString &reason, const QString &message)
{
    return QJsonObject{{QStringLiteral("type"), QStringLiteral("Available")},
                       {QStringLiteral("status"), status},
                       {QStringLiteral("lastTransitionTime"), nowTimestamp()},
                       {QStringLiteral("reason"), reason},
                       {QStringLiteral("message"), message}};
}

// The local availability controller's condition (apiregistration helper NewLocalAvailableAPIServiceCondition).
QJsonObject localCondition()
{
    return availableCondition(QStringLiteral("True"), QStringLiteral("Local"),
                              QStringLiteral("Local APIServices are always available"));
}

QJsonObject localApiService(const QString &group, const QString &version, const Priority &priority,
                            const QString &automanaged)
{
    QJsonObject spec{{QStringLiteral("version"), version},
                     {QStringLiteral("groupPriorityMinimum"), priority.group},
                     {QStringLiteral("versionPriority"), priority.version}};
    if (!group.isEmpty())
        spec.insert(QStringLiteral("group"), group);
    return QJsonObject{
        {QStringLiteral("apiVersion"), QStringLiteral("apiregistration.k8s.io/v1")},
        {QStringLiteral("kind"), QStringLiteral("APIService")},
        {QStringLiteral("metadata"), QJsonObject{{QStringLiteral("name"), apiServiceName(group, version)},
                                                 {QStringLiteral("labels"), QJsonObject{{kAutomanaged, automanaged}}}}},
        {QStringLiteral("spec"), spec},
        {QStringLiteral("status"), QJsonObject{{QStringLiteral("conditions"), QJsonArray{localCondition()}}}}};
}

QJsonObject currentAvailable(const QJsonObject &apiService)
{
    for (const QJsonValue &c : apiService.value(kStatus).toObject().value(QLatin1String("conditions")).toArray()) {
        if (c.toObject().value(QLatin1String("type")).toString() == QLatin1String("Available"))
            return c.toObject();
    }
    return {};
}

} // namespace

ApiServiceController::ApiServiceController(SandboxContext &context, QObject *parent)
    : QObject(parent)
    , m_ctx(context)
{
}

void ApiServiceController::syncApiServices(bool atStart)
{
    const ResourceType *type = m_ctx.findType(apiServicesGvr.group, apiServicesGvr.version, apiServicesGvr.resource);
    if (!type)
        return;
    // Every served group-version: built-ins registered once, at start ("onstart": one a user
    // deletes later stays deleted), CRD ones kept in step with the CRDs' served versions
    // ("true": recreated when deleted), as the autoregister and crdregistration controllers do.
    // A group-version the server serves itself is never a CRD's.
    QMap<QString, QJsonObject> wanted;
    QSet<QString> builtins;
    for (const ResourceType &t : std::as_const(m_ctx.types)) {
        if (!t.isCustom)
            builtins.insert(apiServiceName(t.group, t.version));
    }
    for (const ResourceType &t : std::as_const(m_ctx.types)) {
        const QString name = apiServiceName(t.group, t.version);
        if (wanted.contains(name))
            continue;
        if (!t.isCustom && atStart)
            wanted.insert(name, localApiService(t.group, t.version, builtinPriority(t.group, t.version), QStringLiteral("onstart")));
        else if (t.isCustom && !builtins.contains(name))
            wanted.insert(name, localApiService(t.group, t.version, {1000, 100}, QStringLiteral("true")));
    }
    QStringList stale;
    for (const auto &[key, object] : m_ctx.store.objects(apiServicesGvr)) {
        const QString name = metaString(object, kName);
        if (!wanted.contains(name) && !builtins.contains(name)
            && metaOf(object).value(QLatin1String("labels")).toObject().value(kAutomanaged).toString() == QLatin1String("true"))
            stale << name;
    }
    for (const QString &name : std::as_const(stale))
        (void)m_ctx.writer->deleteInternal(*type, QString(), name, false);
    for (auto it = wanted.cbegin(); it != wanted.cend(); ++it) {
        if (m_ctx.store.get(apiServicesGvr, QString(), it.key()))
            continue; // an existing APIService (local or a user's) is left as it is
        const auto created = m_ctx.writer->createInternal(*type, QString(), it.value(), QStringLiteral("kube-apiserver"), false);
        if (!created)
            qCWarning(lcSandbox) << "APIService not created:" << created.error().value(QLatin1String("message")).toString();
    }
}

void ApiServiceController::scheduleApiServiceChecks(const QString &serviceNamespace, const QString &serviceName)
{
    // Every APIService backed by that Service, as the availability controller's Service and
    // Endpoints handlers queue them.
    for (const auto &[key, object] : m_ctx.store.objects(apiServicesGvr)) {
        const QJsonObject service = object.value(kSpec).toObject().value(QLatin1String("service")).toObject();
        if (service.value(kNamespace).toString() == serviceNamespace && service.value(kName).toString() == serviceName)
            scheduleApiServiceCheck(metaString(object, kName));
    }
}

void ApiServiceController::scheduleApiServiceCheck(const QString &name)
{
    m_pendingApiServiceChecks.insert(name);
    if (m_apiServiceCheckQueued)
        return;
    m_apiServiceCheckQueued = true;
    QTimer::singleShot(0, this, [this] {
        m_apiServiceCheckQueued = false;
        const QSet<QString> names = std::exchange(m_pendingApiServiceChecks, {});
        for (const QString &name : names)
            checkApiServiceAvailability(name);
    });
}

void ApiServiceController::checkApiServiceAvailability(const QString &name)
{
    const QJsonObject *found = m_ctx.store.get(apiServicesGvr, QString(), name);
    if (!found)
        return;
    const QJsonObject apiService = *found;
    const QJsonObject spec = apiService.value(kSpec).toObject();
    QJsonObject next;
    if (!spec.value(QLatin1String("service")).isObject()) {
        next = localCondition();
    } else {
        // kube-aggregator's remote availability controller (v1.32, Endpoints based), in order.
        const QJsonObject ref = spec.value(QLatin1String("service")).toObject();
        const QString ns = ref.value(kNamespace).toString();
        const QString svcName = ref.value(kName).toString();
        const int port = ref.value(QLatin1String("port")).toInt(443);
        const QJsonObject *service = m_ctx.store.get(servicesGvr, ns, svcName);
        const QString where = QStringLiteral("service/%1 in \"%2\"").arg(svcName, ns);
        const QJsonObject serviceSpec = service ? service->value(kSpec).toObject() : QJsonObject();
        const QString serviceType = serviceSpec.value(QLatin1String("type")).toString(QStringLiteral("ClusterIP"));
        QString portName;
        bool foundPort = false;
        if (service) {
            for (const QJsonValue &p : serviceSpec.value(QLatin1String("ports")).toArray()) {
                if (p.toObject().value(QLatin1String("port")).toInt() == port) {
                    foundPort = true;
                    portName = p.toObject().value(kName).toString();
                    break;
                }
            }
        }
        const QJsonObject *endpoints = service ? m_ctx.store.get(endpointsGvr, ns, svcName) : nullptr;
        bool hasAddresses = false;
        if (endpoints) {
            for (const QJsonValue &s : endpoints->value(QLatin1String("subsets")).toArray()) {
                const QJsonObject subset = s.toObject();
                if (subset.value(QLatin1String("addresses")).toArray().isEmpty())
                    continue;
                for (const QJsonValue &p : subset.value(QLatin1String("ports")).toArray())
                    hasAddresses = hasAddresses || p.toObject().value(kName).toString() == portName;
            }
        }
        if (!service) {
            next = availableCondition(QStringLiteral("False"), QStringLiteral("ServiceNotFound"),
                                      where + QStringLiteral(" is not present"));
        } else if (serviceType == QLatin1String("ClusterIP") && !foundPort) {
            next = availableCondition(QStringLiteral("False"), QStringLiteral("ServicePortError"),
                                      QStringLiteral("%1 is not listening on port %2").arg(where).arg(port));
        } else if (serviceType == QLatin1String("ClusterIP") && !endpoints) {
            next = availableCondition(QStringLiteral("False"), QStringLiteral("EndpointsNotFound"),
                                      QStringLiteral("cannot find endpoints for ") + where);
        } else if (serviceType == QLatin1String("ClusterIP") && !hasAddresses) {
            next = availableCondition(QStringLiteral("False"), QStringLiteral("MissingEndpoints"),
                                      QStringLiteral("endpoints for %1 have no addresses with port name \"%2\"").arg(where, portName));
        } else {
            // Nothing in the sandbox answers there: the discovery check fails as a refused
            // connection to the Service's address would.
            const QString host = serviceSpec.value(QLatin1String("clusterIP"))
                                     .toString(svcName + QLatin1Char('.') + ns + QStringLiteral(".svc"));
            const QString url = QStringLiteral("https://%1:%2/apis/%3/%4")
                                    .arg(host)
                                    .arg(port)
                                    .arg(spec.value(QLatin1String("group")).toString(),
                                         spec.value(QLatin1String("version")).toString());
            next = availableCondition(QStringLiteral("False"), QStringLiteral("FailedDiscoveryCheck"),
                                      QStringLiteral("failing or missing response from %1: Get \"%1\": "
                                                     "dial tcp %2:%3: connect: connection refused")
                                          .arg(url, host)
                                          .arg(port));
        }
    }
    const QJsonObject current = currentAvailable(apiService);
    const auto same = [](const QJsonObject &a, const QJsonObject &b) {
        for (const char *field : {"status", "reason", "message"}) {
            if (a.value(QLatin1String(field)) != b.value(QLatin1String(field)))
                return false;
        }
        return true;
    };
    if (!current.isEmpty() && same(current, next))
        return;
    if (!current.isEmpty() && current.value(QLatin1String("status")) == next.value(QLatin1String("status")))
        next.insert(QStringLiteral("lastTransitionTime"), current.value(QLatin1String("lastTransitionTime")));
    QJsonObject status = apiService.value(kStatus).toObject();
    QJsonArray conditions;
    for (const QJsonValue &c : status.value(QLatin1String("conditions")).toArray()) {
        if (c.toObject().value(QLatin1String("type")).toString() != QLatin1String("Available"))
            conditions.append(c);
    }
    conditions.append(next);
    status.insert(QStringLiteral("conditions"), conditions);
    m_ctx.writer->putStatus(apiServicesGvr, apiService, status);
}

QList<DiscoveryDocuments::UnavailableGroupVersion> ApiServiceController::unavailableGroupVersions() const
{
    // The group-versions APIServices hand to a Service: no aggregated API server runs in the
    // sandbox, so none of them is reachable (a group-version the server serves itself stays local).
    QList<DiscoveryDocuments::UnavailableGroupVersion> result;
    for (const auto &[key, object] : m_ctx.store.objects(apiServicesGvr)) {
        const QJsonObject spec = object.value(kSpec).toObject();
        if (!spec.value(QLatin1String("service")).isObject() || metaOf(object).contains(QLatin1String("deletionTimestamp")))
            continue;
        const QString group = spec.value(QLatin1String("group")).toString();
        const QString version = spec.value(QLatin1String("version")).toString();
        if (version.isEmpty())
            continue;
        const bool served = std::any_of(m_ctx.types.cbegin(), m_ctx.types.cend(), [&](const ResourceType &t) {
            return t.group == group && t.version == version;
        });
        if (!served)
            result.append({group, version});
    }
    return result;
}

bool ApiServiceController::handleUnavailableGroupVersion(SandboxRequest &r)
{
    // /apis/<group>/<version> and everything under it are proxied by kube-aggregator; for an
    // APIService that is not available it answers 503 (handler_proxy.go), which clients report
    // as "the server is currently unable to handle the request".
    const QStringList seg = r.http.path.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    if (seg.size() < 3 || seg.at(0) != QLatin1String("apis"))
        return false;
    const auto unavailable = unavailableGroupVersions();
    const bool match = std::any_of(unavailable.begin(), unavailable.end(), [&](const auto &gv) {
        return gv.group == seg.at(1) && gv.version == seg.at(2);
    });
    if (!match)
        return false;
    if (seg.size() > 3) {
        // A resource request is authorized before the aggregator proxies it (RequestInfo of
        // /apis/<group>/<version>/[namespaces/<ns>/]<resource>[/<name>[/<subresource>]]).
        QString namespaceName;
        qsizetype at = 3;
        if (seg.at(3) == QLatin1String("namespaces") && seg.size() > 5) {
            namespaceName = seg.at(4);
            at = 5;
        }
        ResourceType type;
        type.group = seg.at(1);
        type.version = seg.at(2);
        type.plural = seg.at(at);
        const QString name = seg.value(at + 1);
        const QString subresource = seg.value(at + 2);
        const QString verb = SandboxAuth::requestVerb(r, !name.isEmpty());
        if (!m_ctx.auth->authorize(r, verb.isEmpty() ? QStringLiteral("get") : verb, &type, subresource, namespaceName, name))
            return true;
    }
    m_ctx.sendStatus(r, ApiStatus::failure(503, QStringLiteral("ServiceUnavailable"),
                                           QStringLiteral("the server is currently unable to handle the request")));
    return true;
}

} // namespace Qluster
