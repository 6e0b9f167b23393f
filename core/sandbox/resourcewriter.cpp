// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
#include "resourcewriter.h"

#include "apiservicecontroller.h"
#include "apistatus.h"
#include "controllerhelpers.h"
#include "discoverydocuments.h"
#include "fieldselector.h"
#include "openapiregistry.h"
#include "podlogs.h"
#include "sandboxcontext.h"
#include "sandboxcontrollers.h"
#include "sandboxobjects.h"
#include "sandboxpolicies.h"
#include "serversideapply.h"
#include "api/labelselector.h"
#include "util/logging.h"

#include <QDateTime>
#include <QJsonArray>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QUuid>

namespace Qluster {

using namespace SandboxObjects;

namespace {

bool isDnsSubdomain(const QString &name)
{
    static const QRegularExpression re(
        QStringLiteral("^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$"));
    return name.size() <= 253 && re.match(name).hasMatch();
}

bool isDnsLabel(const QString &name)
{
    static const QRegularExpression re(QStringLiteral("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$"));
    return name.size() <= 63 && re.match(name).hasMatch();
}

// Object contents without the fields every write changes, to detect no-op updates.
QJsonObject withoutVolatile(QJsonObject o)
{
    QJsonObject m = metaOf(o);
    m.remove(QStringLiteral("resourceVersion"));
    m.remove(QStringLiteral("managedFields"));
    o.insert(kMetadata, m);
    return o;
}

const Gvr crdsGvr{QStringLiteral("apiextensions.k8s.io"), QStringLiteral("v1"), QStringLiteral("customresourcedefinitions")};

} // namespace

using namespace ControllerHelpers;

ResourceWriter::ResourceWriter(SandboxContext &context)
    : m_ctx(context)
{
}

Result<QJsonObject> ResourceWriter::createObject(const QJsonObject &object)
{
    const Gvk gvk = Gvk::fromApiVersion(object.value(QLatin1String("apiVersion")).toString(),
                                        object.value(QLatin1String("kind")).toString());
    const ResourceType *type = nullptr;
    for (const ResourceType &t : m_ctx.types) {
        if (t.gvk() == gvk) {
            type = &t;
            break;
        }
    }
    if (!type)
        return fail(statusError(404, QStringLiteral("NotFound"),
                                QStringLiteral("no resource serves %1 %2").arg(gvk.groupVersion(), gvk.kind)));
    QString ns = metaString(object, kNamespace);
    if (type->namespaced && ns.isEmpty())
        ns = QStringLiteral("default");
    auto created = createInternal(*type, type->namespaced ? ns : QString(), object, QStringLiteral("sandbox"), false);
    if (!created) {
        const QJsonObject status = created.error();
        return fail(statusError(status.value(QLatin1String("code")).toInt(), status.value(QLatin1String("reason")).toString(),
                                status.value(QLatin1String("message")).toString()));
    }
    return *created;
}

StatusOr ResourceWriter::createInternal(const ResourceType &typeRef, const QString &namespaceName,
                                                  QJsonObject object, const QString &fieldManager, bool dryRun)
{
    // A copy: creating an object may register types (a CRD, its APIService), which can move the
    // entry typeRef points into.
    const ResourceType type = typeRef;
    const QString apiVersion = object.value(QLatin1String("apiVersion")).toString();
    const QString kind = object.value(QLatin1String("kind")).toString();
    if (!apiVersion.isEmpty() && apiVersion != type.groupVersion())
        return std::unexpected(ApiStatus::failure(400, QStringLiteral("BadRequest"),
                                QStringLiteral("the API version in the data (%1) does not match the expected API version (%2)")
                                    .arg(apiVersion, type.groupVersion())));
    if (!kind.isEmpty() && kind != type.kind)
        return std::unexpected(ApiStatus::failure(400, QStringLiteral("BadRequest"),
                                QStringLiteral("the kind in the data (%1) does not match the expected kind (%2)").arg(kind, type.kind)));
    object = m_ctx.policies->toStorageVersion(type, m_ctx.presentObject(type, object));
    QJsonObject meta = metaOf(object);
    const QString bodyNamespace = meta.value(kNamespace).toString();
    if (type.namespaced) {
        if (!bodyNamespace.isEmpty() && bodyNamespace != namespaceName)
            return std::unexpected(ApiStatus::badRequest(
                QStringLiteral("the namespace of the provided object does not match the namespace sent on the request")));
        meta.insert(kNamespace, namespaceName);
    } else {
        meta.remove(kNamespace);
    }
    QString name = meta.value(kName).toString();
    if (name.isEmpty() && !meta.value(QLatin1String("generateName")).toString().isEmpty())
        name = meta.value(QLatin1String("generateName")).toString() + randomSuffix(5);
    auto invalidName = [&](const QString &why) {
        return std::unexpected(ApiStatus::invalid(type.kind, type.group, name, QStringLiteral("metadata.name"), why));
    };
    if (name.isEmpty())
        return invalidName(QStringLiteral("Required value: name or generateName is required"));
    const bool labelName = type.plural == QLatin1String("namespaces");
    if (type.group == QLatin1String("rbac.authorization.k8s.io") || type.group == QLatin1String("apiregistration.k8s.io")) {
        // RBAC objects and APIServices only need a valid path segment (ValidatePathSegmentName),
        // so the bootstrap names such as "system:basic-user" and the core group's "v1." are valid.
        QString why;
        if (name == QLatin1String(".") || name == QLatin1String(".."))
            why = QStringLiteral("may not be '%1'").arg(name);
        else if (name.contains(QLatin1Char('/')) || name.contains(QLatin1Char('%')))
            why = QStringLiteral("may not contain '%1'").arg(name.contains(QLatin1Char('/')) ? QLatin1Char('/') : QLatin1Char('%'));
        if (!why.isEmpty())
            return invalidName(QStringLiteral("Invalid value: \"%1\": %2").arg(name, why));
    } else if (labelName ? !isDnsLabel(name) : !isDnsSubdomain(name)) {
        return invalidName(
            QStringLiteral("Invalid value: \"%1\": a lowercase RFC 1123 %2 must consist of lower case alphanumeric "
                           "characters, '-' or '.', and must start and end with an alphanumeric character")
                .arg(name, labelName ? QStringLiteral("label") : QStringLiteral("subdomain")));
    }
    meta.insert(kName, name);
    if (type.namespaced) {
        const QJsonObject *ns = m_ctx.store.get(Gvr{QString(), QStringLiteral("v1"), QStringLiteral("namespaces")}, QString(), namespaceName);
        if (!ns)
            return std::unexpected(ApiStatus::notFound(QStringLiteral("namespaces"), namespaceName));
        if (metaOf(*ns).contains(QLatin1String("deletionTimestamp")))
            return std::unexpected(ApiStatus::failure(403, QStringLiteral("Forbidden"),
                                    QStringLiteral("%1 \"%2\" is forbidden: unable to create new content in namespace %3 because it is being terminated")
                                        .arg(type.plural, name, namespaceName)));
    }
    if (type.plural == QLatin1String("customresourcedefinitions") && type.group == QLatin1String("apiextensions.k8s.io")) {
        const QJsonObject spec = object.value(kSpec).toObject();
        const QString expected = spec.value(QLatin1String("names")).toObject().value(QLatin1String("plural")).toString()
                                 + QLatin1Char('.') + spec.value(QLatin1String("group")).toString();
        if (name != expected) {
            return std::unexpected(ApiStatus::invalid(type.kind, type.group, name, QStringLiteral("metadata.name"),
                                                      QStringLiteral("Invalid value: \"%1\": must be spec.names.plural+\".\"+spec.group").arg(name)));
        }
    }
    if (type.plural == QLatin1String("apiservices") && type.group == QLatin1String("apiregistration.k8s.io")) {
        // kube-aggregator's ValidateAPIService: the name *must* be version.group.
        const QJsonObject spec = object.value(kSpec).toObject();
        const QString required = spec.value(QLatin1String("version")).toString() + QLatin1Char('.')
                                 + spec.value(QLatin1String("group")).toString();
        if (name != required)
            return invalidName(QStringLiteral("Invalid value: \"%1\": must be `spec.version+\".\"+spec.group`: \"%2\"").arg(name, required));
    }
    if (m_ctx.store.get(m_ctx.storageGvr(type), type.namespaced ? namespaceName : QString(), name)) {
        return std::unexpected(ApiStatus::alreadyExists(type.plural, type.group, name));
    }
    meta.insert(QStringLiteral("uid"), QUuid::createUuid().toString(QUuid::WithoutBraces));
    meta.insert(QStringLiteral("creationTimestamp"), nowTimestamp());
    meta.remove(QStringLiteral("resourceVersion"));
    meta.remove(QStringLiteral("deletionTimestamp"));
    if (object.contains(kSpec) || type.isCustom)
        meta.insert(QStringLiteral("generation"), 1);
    object.insert(kMetadata, meta);
    applyDefaults(type, object);
    if (auto invalid = m_ctx.controllers->validateWorkload(type, object))
        return std::unexpected(*invalid);
    if (auto invalid = m_ctx.policies->validatePolicy(type, object, nullptr))
        return std::unexpected(*invalid);
    if (auto denied = m_ctx.policies->admit(type, namespaceName, object))
        return std::unexpected(*denied);
    if (!fieldManager.isEmpty() && !metaOf(object).contains(QLatin1String("managedFields"))) {
        const auto lookup = m_ctx.openApi->patchMetaLookup(type.gvk());
        const NoPatchMeta none;
        ApplyOptions options;
        options.fieldManager = fieldManager;
        options.apiVersion = type.groupVersion();
        QJsonObject empty;
        auto recorded = recordUpdate(empty, object, lookup ? *lookup : static_cast<const PatchMetaLookup &>(none), options);
        if (recorded)
            object = *recorded;
    }
    if (dryRun) {
        setMeta(object, QStringLiteral("resourceVersion"), QString::number(m_ctx.store.resourceVersion()));
        return m_ctx.presentObject(type, object);
    }
    const QJsonObject stored = m_ctx.store.put(m_ctx.storageGvr(type), object);
    afterWrite(type, stored, false);
    return m_ctx.presentObject(type, stored);
}

StatusOr ResourceWriter::updateInternal(const ResourceType &typeRef, const QString &namespaceName,
                                                  const QString &name, QJsonObject object,
                                                  const QString &subresource, bool dryRun,
                                                  const QString &fieldManager)
{
    const ResourceType type = typeRef; // a copy, as in createInternal: updates may register types
    const QString ns = type.namespaced ? namespaceName : QString();
    const QJsonObject *current = m_ctx.store.get(m_ctx.storageGvr(type), ns, name);
    if (!current)
        return std::unexpected(ApiStatus::notFound(type.plural, name, type.group));
    const QString bodyName = metaString(object, kName);
    if (!bodyName.isEmpty() && bodyName != name)
        return std::unexpected(ApiStatus::badRequest(
            QStringLiteral("the name of the object (%1) does not match the name on the URL (%2)").arg(bodyName, name)));
    const QString bodyRv = metaString(object, QLatin1String("resourceVersion"));
    const QString currentRv = metaString(*current, QLatin1String("resourceVersion"));
    if (!bodyRv.isEmpty() && bodyRv != currentRv) {
        return std::unexpected(ApiStatus::conflict(type.plural, name, type.group));
    }
    QJsonObject updated;
    // The body is in the request's version; updated is in the stored one.
    if (subresource == QLatin1String("status")) {
        updated = *current;
        updated.insert(kStatus, m_ctx.policies->toStorageVersion(type, m_ctx.presentObject(type, object)).value(kStatus));
    } else {
        updated = m_ctx.policies->toStorageVersion(type, m_ctx.presentObject(type, object));
        if (type.hasStatus && current->contains(kStatus))
            updated.insert(kStatus, current->value(kStatus));
        else if (type.hasStatus)
            updated.remove(kStatus);
        QJsonObject meta = metaOf(updated);
        const QJsonObject oldMeta = metaOf(*current);
        for (const char *field : {"uid", "creationTimestamp", "deletionTimestamp", "namespace", "name"}) {
            const QString f = QLatin1String(field);
            if (oldMeta.contains(f))
                meta.insert(f, oldMeta.value(f));
            else
                meta.remove(f);
        }
        if (!meta.contains(QLatin1String("managedFields")) && oldMeta.contains(QLatin1String("managedFields")))
            meta.insert(QStringLiteral("managedFields"), oldMeta.value(QLatin1String("managedFields")));
        if (oldMeta.contains(QLatin1String("generation"))) {
            const int generation = oldMeta.value(QLatin1String("generation")).toInt();
            const bool specChanged = updated.value(kSpec) != current->value(kSpec);
            meta.insert(QStringLiteral("generation"), specChanged ? generation + 1 : generation);
        }
        updated.insert(kMetadata, meta);
    }
    if (!fieldManager.isEmpty()) {
        const auto lookup = m_ctx.openApi->patchMetaLookup(type.gvk());
        const NoPatchMeta none;
        ApplyOptions options;
        options.fieldManager = fieldManager;
        options.apiVersion = type.groupVersion();
        options.subresource = subresource;
        auto recorded = recordUpdate(m_ctx.policies->toStorageVersion(type, m_ctx.presentObject(type, *current)), updated,
                                     lookup ? *lookup : static_cast<const PatchMetaLookup &>(none), options);
        if (recorded)
            updated = *recorded;
    }
    if (withoutVolatile(updated) == withoutVolatile(*current))
        return m_ctx.presentObject(type, *current); // a no-op update keeps the resourceVersion
    if (subresource.isEmpty()) {
        if (auto invalid = m_ctx.controllers->validateWorkload(type, updated))
            return std::unexpected(*invalid);
        if (auto invalid = m_ctx.policies->validatePolicy(type, updated, current))
            return std::unexpected(*invalid);
    }
    if (dryRun)
        return m_ctx.presentObject(type, updated);
    const QJsonObject stored = m_ctx.store.put(m_ctx.storageGvr(type), updated);
    afterWrite(type, stored, false);
    return m_ctx.presentObject(type, stored);
}

StatusOr ResourceWriter::deleteInternal(const ResourceType &type, const QString &namespaceName,
                                                  const QString &name, bool dryRun)
{
    const QString ns = type.namespaced ? namespaceName : QString();
    const Gvr gvr = m_ctx.storageGvr(type);
    const QJsonObject *current = m_ctx.store.get(gvr, ns, name);
    if (!current)
        return std::unexpected(ApiStatus::notFound(type.plural, name, type.group));
    QJsonObject last = m_ctx.presentObject(type, *current);
    if (dryRun)
        return last;
    if (type.group.isEmpty() && type.plural == QLatin1String("namespaces")) {
        // Namespace deletion: mark Terminating, then remove everything in it, then the namespace.
        setMeta(last, QStringLiteral("deletionTimestamp"), nowTimestamp());
        QJsonObject status = last.value(kStatus).toObject();
        status.insert(QStringLiteral("phase"), QStringLiteral("Terminating"));
        last.insert(kStatus, status);
        last = m_ctx.store.put(gvr, last);
        const QList<ResourceType> types = m_ctx.types;
        const QString prefix = name + QLatin1Char('/');
        for (const ResourceType &t : types) {
            if (!t.namespaced || t.group == QLatin1String("authorization.k8s.io"))
                continue;
            const Gvr g = m_ctx.storageGvr(t);
            QStringList names;
            const auto &objects = m_ctx.store.objects(g);
            for (auto it = objects.lower_bound(prefix); it != objects.end() && it->first.startsWith(prefix); ++it)
                names << it->first.mid(prefix.size());
            for (const QString &n : names)
                m_ctx.store.remove(g, name, n);
        }
        m_ctx.store.remove(gvr, QString(), name);
        return m_ctx.presentObject(type, last);
    }
    const QString uid = metaString(*current, QLatin1String("uid"));
    m_ctx.store.remove(gvr, ns, name);
    afterWrite(type, last, true);
    // Garbage collection of dependents (ownerReferences), for the kinds controllers create.
    if (!ns.isEmpty()) {
        static const QList<Gvr> dependents{{QString(), QStringLiteral("v1"), QStringLiteral("pods")},
                                           {QStringLiteral("apps"), QStringLiteral("v1"), QStringLiteral("replicasets")},
                                           {QStringLiteral("batch"), QStringLiteral("v1"), QStringLiteral("jobs")},
                                           {QString(), QStringLiteral("v1"), QStringLiteral("persistentvolumeclaims")}};
        const QString prefix = ns + QLatin1Char('/');
        for (const Gvr &g : dependents) {
            QStringList owned;
            const auto &objects = m_ctx.store.objects(g);
            for (auto it = objects.lower_bound(prefix); it != objects.end() && it->first.startsWith(prefix); ++it) {
                for (const QJsonValue &ref : metaOf(it->second).value(QLatin1String("ownerReferences")).toArray()) {
                    if (ref.toObject().value(QLatin1String("uid")).toString() == uid)
                        owned << it->first.mid(prefix.size());
                }
            }
            const ResourceType *dt = m_ctx.findType(g.group, g.version, g.resource);
            for (const QString &n : owned) {
                if (dt)
                    (void)deleteInternal(*dt, ns, n, false);
            }
        }
    }
    return last;
}

void ResourceWriter::updateSystem(const Gvr &gvr, QJsonObject object)
{
    m_ctx.store.put(gvr, std::move(object));
}

void ResourceWriter::applyDefaults(const ResourceType &type, QJsonObject &o)
{
    if (type.isCustom)
        return;
    const QString now = nowTimestamp();
    QJsonObject spec = o.value(kSpec).toObject();
    QJsonObject status = o.value(kStatus).toObject();
    const QString &r = type.plural;
    if (type.group.isEmpty() && r == QLatin1String("pods")) {
        if (!spec.contains(QLatin1String("restartPolicy")))
            spec.insert(QStringLiteral("restartPolicy"), QStringLiteral("Always"));
        if (!spec.contains(QLatin1String("dnsPolicy")))
            spec.insert(QStringLiteral("dnsPolicy"), QStringLiteral("ClusterFirst"));
        if (!spec.contains(QLatin1String("schedulerName")))
            spec.insert(QStringLiteral("schedulerName"), QStringLiteral("default-scheduler"));
        if (!spec.contains(QLatin1String("serviceAccountName")))
            spec.insert(QStringLiteral("serviceAccountName"), QStringLiteral("default"));
        if (!spec.contains(QLatin1String("terminationGracePeriodSeconds")))
            spec.insert(QStringLiteral("terminationGracePeriodSeconds"), 30);
        QJsonArray containers;
        for (const QJsonValue &cv : spec.value(QLatin1String("containers")).toArray()) {
            QJsonObject c = cv.toObject();
            if (!c.contains(QLatin1String("imagePullPolicy")))
                c.insert(QStringLiteral("imagePullPolicy"), c.value(QLatin1String("image")).toString().endsWith(QLatin1String(":latest"))
                                                                    || !c.value(QLatin1String("image")).toString().contains(QLatin1Char(':'))
                                                                ? QStringLiteral("Always")
                                                                : QStringLiteral("IfNotPresent"));
            if (!c.contains(QLatin1String("terminationMessagePath")))
                c.insert(QStringLiteral("terminationMessagePath"), QStringLiteral("/dev/termination-log"));
            if (!c.contains(QLatin1String("terminationMessagePolicy")))
                c.insert(QStringLiteral("terminationMessagePolicy"), QStringLiteral("File"));
            if (!c.contains(QLatin1String("resources")))
                c.insert(QStringLiteral("resources"), QJsonObject{});
            containers.append(c);
        }
        spec.insert(QStringLiteral("containers"), containers);
        if (!status.contains(QLatin1String("phase"))) {
            status = QJsonObject{{QStringLiteral("phase"), QStringLiteral("Pending")},
                                 {QStringLiteral("qosClass"), QStringLiteral("BestEffort")}};
        }
    } else if (type.group.isEmpty() && r == QLatin1String("namespaces")) {
        if (!spec.contains(QLatin1String("finalizers")))
            spec.insert(QStringLiteral("finalizers"), QJsonArray{QStringLiteral("kubernetes")});
        status.insert(QStringLiteral("phase"), QStringLiteral("Active"));
        QJsonObject meta = metaOf(o);
        QJsonObject labels = meta.value(QLatin1String("labels")).toObject();
        labels.insert(QStringLiteral("kubernetes.io/metadata.name"), meta.value(kName));
        meta.insert(QStringLiteral("labels"), labels);
        o.insert(kMetadata, meta);
    } else if (type.group.isEmpty() && r == QLatin1String("services")) {
        if (!spec.contains(QLatin1String("type")))
            spec.insert(QStringLiteral("type"), QStringLiteral("ClusterIP"));
        if (!spec.contains(QLatin1String("clusterIP"))) {
            const int n = m_nextServiceIp++;
            const QString ip = QStringLiteral("10.96.%1.%2").arg(n / 250).arg(n % 250 + 1);
            spec.insert(QStringLiteral("clusterIP"), ip);
            spec.insert(QStringLiteral("clusterIPs"), QJsonArray{ip});
        }
        QJsonArray ports;
        for (const QJsonValue &pv : spec.value(QLatin1String("ports")).toArray()) {
            QJsonObject port = pv.toObject();
            if (!port.contains(QLatin1String("protocol")))
                port.insert(QStringLiteral("protocol"), QStringLiteral("TCP"));
            if (!port.contains(QLatin1String("targetPort")))
                port.insert(QStringLiteral("targetPort"), port.value(QLatin1String("port")));
            ports.append(port);
        }
        if (!ports.isEmpty())
            spec.insert(QStringLiteral("ports"), ports);
        if (!o.contains(kStatus))
            status.insert(QStringLiteral("loadBalancer"), QJsonObject{});
    } else if (type.group.isEmpty() && r == QLatin1String("secrets")) {
        if (o.value(QLatin1String("type")).toString().isEmpty())
            o.insert(QStringLiteral("type"), QStringLiteral("Opaque"));
        // stringData is write-only: merged into data, as the apiserver does.
        const QJsonObject stringData = o.value(QLatin1String("stringData")).toObject();
        if (!stringData.isEmpty()) {
            QJsonObject data = o.value(QLatin1String("data")).toObject();
            for (auto it = stringData.begin(); it != stringData.end(); ++it)
                data.insert(it.key(), QString::fromLatin1(it.value().toString().toUtf8().toBase64()));
            o.insert(QStringLiteral("data"), data);
        }
        o.remove(QStringLiteral("stringData"));
    } else if (type.group == QLatin1String("apps")) {
        if (!spec.contains(QLatin1String("replicas")) && r != QLatin1String("daemonsets"))
            spec.insert(QStringLiteral("replicas"), 1);
        if (r == QLatin1String("deployments")) {
            if (!spec.contains(QLatin1String("strategy")))
                spec.insert(QStringLiteral("strategy"),
                            QJsonObject{{QStringLiteral("type"), QStringLiteral("RollingUpdate")},
                                        {QStringLiteral("rollingUpdate"), QJsonObject{{QStringLiteral("maxSurge"), QStringLiteral("25%")},
                                                                                     {QStringLiteral("maxUnavailable"), QStringLiteral("25%")}}}});
            if (!spec.contains(QLatin1String("revisionHistoryLimit")))
                spec.insert(QStringLiteral("revisionHistoryLimit"), 10);
            if (!spec.contains(QLatin1String("progressDeadlineSeconds")))
                spec.insert(QStringLiteral("progressDeadlineSeconds"), 600);
        } else if (r == QLatin1String("statefulsets")) {
            if (!spec.contains(QLatin1String("podManagementPolicy")))
                spec.insert(QStringLiteral("podManagementPolicy"), QStringLiteral("OrderedReady"));
            QJsonObject strategy = spec.value(QLatin1String("updateStrategy")).toObject();
            if (!strategy.contains(QLatin1String("type")))
                strategy.insert(QStringLiteral("type"), QStringLiteral("RollingUpdate"));
            // kubectl rollout status reads the partition: with it the rollout is "partitioned".
            if (strategy.value(QLatin1String("type")).toString() == QLatin1String("RollingUpdate")) {
                QJsonObject rolling = strategy.value(QLatin1String("rollingUpdate")).toObject();
                if (!rolling.contains(QLatin1String("partition")))
                    rolling.insert(QStringLiteral("partition"), 0);
                strategy.insert(QStringLiteral("rollingUpdate"), rolling);
            }
            spec.insert(QStringLiteral("updateStrategy"), strategy);
            if (!spec.contains(QLatin1String("revisionHistoryLimit")))
                spec.insert(QStringLiteral("revisionHistoryLimit"), 10);
            QJsonObject retention = spec.value(QLatin1String("persistentVolumeClaimRetentionPolicy")).toObject();
            for (const char *field : {"whenDeleted", "whenScaled"}) {
                if (!retention.contains(QLatin1String(field)))
                    retention.insert(QLatin1String(field), QStringLiteral("Retain"));
            }
            spec.insert(QStringLiteral("persistentVolumeClaimRetentionPolicy"), retention);
        } else if (r == QLatin1String("daemonsets")) {
            QJsonObject strategy = spec.value(QLatin1String("updateStrategy")).toObject();
            if (!strategy.contains(QLatin1String("type")))
                strategy.insert(QStringLiteral("type"), QStringLiteral("RollingUpdate"));
            if (strategy.value(QLatin1String("type")).toString() == QLatin1String("RollingUpdate")
                && !strategy.contains(QLatin1String("rollingUpdate")))
                strategy.insert(QStringLiteral("rollingUpdate"), QJsonObject{{QStringLiteral("maxUnavailable"), 1},
                                                                             {QStringLiteral("maxSurge"), 0}});
            spec.insert(QStringLiteral("updateStrategy"), strategy);
            if (!spec.contains(QLatin1String("revisionHistoryLimit")))
                spec.insert(QStringLiteral("revisionHistoryLimit"), 10);
        }
    } else if (type.group == QLatin1String("batch") && r == QLatin1String("jobs")) {
        if (!spec.contains(QLatin1String("completions")))
            spec.insert(QStringLiteral("completions"), 1);
        if (!spec.contains(QLatin1String("parallelism")))
            spec.insert(QStringLiteral("parallelism"), 1);
        if (!spec.contains(QLatin1String("backoffLimit")))
            spec.insert(QStringLiteral("backoffLimit"), 6);
        if (!status.contains(QLatin1String("startTime")))
            status.insert(QStringLiteral("startTime"), now);
    } else if (type.group == QLatin1String("batch") && r == QLatin1String("cronjobs")) {
        if (!spec.contains(QLatin1String("concurrencyPolicy")))
            spec.insert(QStringLiteral("concurrencyPolicy"), QStringLiteral("Allow"));
        if (!spec.contains(QLatin1String("suspend")))
            spec.insert(QStringLiteral("suspend"), false);
        if (!spec.contains(QLatin1String("successfulJobsHistoryLimit")))
            spec.insert(QStringLiteral("successfulJobsHistoryLimit"), 3);
        if (!spec.contains(QLatin1String("failedJobsHistoryLimit")))
            spec.insert(QStringLiteral("failedJobsHistoryLimit"), 1);
    } else if (type.group == QLatin1String("apiregistration.k8s.io")) {
        // SetDefaults_ServiceReference: the port of an aggregated API server's Service is 443.
        QJsonObject service = spec.value(QLatin1String("service")).toObject();
        if (spec.value(QLatin1String("service")).isObject() && !service.contains(QLatin1String("port"))) {
            service.insert(QStringLiteral("port"), 443);
            spec.insert(QStringLiteral("service"), service);
        }
    } else if (type.group == QLatin1String("apiextensions.k8s.io")) {
        const QJsonObject names = spec.value(QLatin1String("names")).toObject();
        QJsonObject accepted = names;
        if (!accepted.contains(QLatin1String("singular")))
            accepted.insert(QStringLiteral("singular"), names.value(QLatin1String("kind")).toString().toLower());
        if (!accepted.contains(QLatin1String("listKind")))
            accepted.insert(QStringLiteral("listKind"), QString(names.value(QLatin1String("kind")).toString() + QStringLiteral("List")));
        QJsonArray storedVersions;
        for (const QJsonValue &v : spec.value(QLatin1String("versions")).toArray()) {
            if (v.toObject().value(QLatin1String("storage")).toBool())
                storedVersions.append(v.toObject().value(kName));
        }
        status = QJsonObject{{QStringLiteral("acceptedNames"), accepted},
                             {QStringLiteral("storedVersions"), storedVersions},
                             {QStringLiteral("conditions"),
                              QJsonArray{condition(QStringLiteral("NamesAccepted"), true, now, QStringLiteral("NoConflicts")),
                                         condition(QStringLiteral("Established"), true, now, QStringLiteral("InitialNamesAccepted"))}}};
    }
    if (!spec.isEmpty() || o.contains(kSpec))
        o.insert(kSpec, spec);
    if (!status.isEmpty() || o.contains(kStatus))
        o.insert(kStatus, status);
    m_ctx.policies->applyPolicyDefaults(type, o);
}

void ResourceWriter::afterWrite(const ResourceType &type, const QJsonObject &object, bool deleted)
{
    const QString name = metaString(object, kName);
    const QString &r = type.plural;
    if (type.group == QLatin1String("apiextensions.k8s.io") && r == QLatin1String("customresourcedefinitions")) {
        if (deleted) {
            // Deleting a CRD deletes its objects.
            const QJsonObject spec = object.value(kSpec).toObject();
            const Gvr g{spec.value(QLatin1String("group")).toString(), QStringLiteral("storage"),
                        spec.value(QLatin1String("names")).toObject().value(QLatin1String("plural")).toString()};
            m_ctx.store.dropCollection(g);
            m_ctx.openApi->removeCustomResourceDefinition(name);
        } else if (auto added = m_ctx.openApi->addCustomResourceDefinition(object); !added) {
            qCWarning(lcSandbox) << "CRD schema not served:" << added.error().toString();
        }
        rebuildCustomTypes();
        m_ctx.apiServices->syncApiServices(false);
        return;
    }
    if (type.group == QLatin1String("apiregistration.k8s.io") && r == QLatin1String("apiservices")) {
        if (!deleted)
            m_ctx.apiServices->scheduleApiServiceCheck(name);
        else if (metaOf(object).value(QLatin1String("labels")).toObject().value(QLatin1String("kube-aggregator.kubernetes.io/automanaged")).toString()
                 == QLatin1String("true"))
            m_ctx.apiServices->syncApiServices(false); // a CRD's APIService comes back while the CRD serves the version
        return;
    }
    if (type.group.isEmpty() && (r == QLatin1String("services") || r == QLatin1String("endpoints")))
        m_ctx.apiServices->scheduleApiServiceChecks(metaString(object, kNamespace), name);
    m_ctx.controllers->notifyControllers(type, object, deleted);
}

void ResourceWriter::rebuildCustomTypes()
{
    QList<ResourceType> types;
    for (const ResourceType &t : std::as_const(m_ctx.types)) {
        if (!t.isCustom)
            types << t;
    }
    for (const auto &[key, crd] : m_ctx.store.objects(crdsGvr)) {
        if (metaOf(crd).contains(QLatin1String("deletionTimestamp")))
            continue;
        const QJsonObject spec = crd.value(kSpec).toObject();
        const QJsonObject names = spec.value(QLatin1String("names")).toObject();
        for (const QJsonValue &vv : spec.value(QLatin1String("versions")).toArray()) {
            const QJsonObject v = vv.toObject();
            if (v.contains(QLatin1String("served")) && !v.value(QLatin1String("served")).toBool())
                continue;
            ResourceType t;
            t.group = spec.value(QLatin1String("group")).toString();
            t.version = v.value(kName).toString();
            t.kind = names.value(QLatin1String("kind")).toString();
            t.plural = names.value(QLatin1String("plural")).toString();
            t.singular = names.value(QLatin1String("singular")).toString(t.kind.toLower());
            for (const QJsonValue &s : names.value(QLatin1String("shortNames")).toArray())
                t.shortNames << s.toString();
            for (const QJsonValue &s : names.value(QLatin1String("categories")).toArray())
                t.categories << s.toString();
            t.verbs = standardVerbs();
            t.namespaced = spec.value(QLatin1String("scope")).toString() != QLatin1String("Cluster");
            const QJsonObject subs = v.value(QLatin1String("subresources")).toObject();
            t.hasStatus = subs.contains(QLatin1String("status"));
            t.hasScale = subs.contains(QLatin1String("scale"));
            const QJsonObject scale = subs.value(QLatin1String("scale")).toObject();
            t.specReplicasPath = scale.value(QLatin1String("specReplicasPath")).toString();
            t.statusReplicasPath = scale.value(QLatin1String("statusReplicasPath")).toString();
            t.labelSelectorPath = scale.value(QLatin1String("labelSelectorPath")).toString();
            t.isCustom = true;
            for (const QJsonValue &cv : v.value(QLatin1String("additionalPrinterColumns")).toArray()) {
                const QJsonObject c = cv.toObject();
                t.printerColumns << PrinterColumn{c.value(kName).toString(), c.value(QLatin1String("type")).toString(),
                                                  c.value(QLatin1String("format")).toString(),
                                                  c.value(QLatin1String("description")).toString(),
                                                  c.value(QLatin1String("jsonPath")).toString(),
                                                  c.value(QLatin1String("priority")).toInt()};
            }
            if (t.group.isEmpty() || t.version.isEmpty() || t.plural.isEmpty() || t.kind.isEmpty())
                continue;
            types << t;
        }
    }
    m_ctx.types = types;
    m_ctx.typeIndex.clear();
    for (qsizetype i = 0; i < m_ctx.types.size(); ++i)
        m_ctx.typeIndex.insert(m_ctx.types.at(i).gvr(), i);
}

// Writes `status` into `object` unless it is already there (no event for a no-op).
void ResourceWriter::putStatus(const Gvr &gvr, const QJsonObject &object, const QJsonObject &status)
{
    if (status == object.value(kStatus).toObject())
        return;
    QJsonObject updated = object;
    updated.insert(kStatus, status);
    m_ctx.store.put(gvr, updated);
}

void ResourceWriter::emitEvent(const QJsonObject &involved, const QString &type, const QString &reason,
                               const QString &message)
{
    const QString ns = metaString(involved, kNamespace).isEmpty() ? QStringLiteral("default") : metaString(involved, kNamespace);
    if (!m_ctx.store.get(namespacesGvr, QString(), ns))
        return;
    const QString now = nowTimestamp();
    const QString involvedName = metaString(involved, kName);
    QJsonObject event{{QStringLiteral("apiVersion"), QStringLiteral("v1")},
                      {QStringLiteral("kind"), QStringLiteral("Event")},
                      {QStringLiteral("metadata"), QJsonObject{{QStringLiteral("name"), QString(involvedName + QLatin1Char('.') + QString::number(QDateTime::currentMSecsSinceEpoch() * 1000 + QRandomGenerator::global()->bounded(1000), 16))},
                                                               {QStringLiteral("namespace"), ns},
                                                               {QStringLiteral("uid"), QUuid::createUuid().toString(QUuid::WithoutBraces)},
                                                               {QStringLiteral("creationTimestamp"), now}}},
                      {QStringLiteral("involvedObject"), QJsonObject{{QStringLiteral("kind"), involved.value(QLatin1String("kind"))},
                                                                     {QStringLiteral("namespace"), metaString(involved, kNamespace)},
                                                                     {QStringLiteral("name"), involvedName},
                                                                     {QStringLiteral("uid"), metaString(involved, QLatin1String("uid"))},
                                                                     {QStringLiteral("apiVersion"), involved.value(QLatin1String("apiVersion"))}}},
                      {QStringLiteral("reason"), reason},
                      {QStringLiteral("message"), message},
                      {QStringLiteral("source"), QJsonObject{{QStringLiteral("component"), QStringLiteral("qluster-sandbox")}}},
                      {QStringLiteral("firstTimestamp"), now},
                      {QStringLiteral("lastTimestamp"), now},
                      {QStringLiteral("count"), 1},
                      {QStringLiteral("type"), type},
                      {QStringLiteral("reportingComponent"), QStringLiteral("qluster-sandbox")}};
    m_ctx.store.put(eventsGvr, event);
}

} // namespace Qluster
