// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
// The SandboxServer's policies: ResourceQuota status and admission, PodDisruptionBudget status,
// the HorizontalPodAutoscaler controller of a cluster without metrics (status, conditions and
// the min/max bounds), PriorityClass admission of pods, defaults and validation of these kinds,
// and the autoscaling/v1 view of autoscalers. (Service account tokens and SelfSubjectReview are
// in subresourcehandlers.cpp and sandboxauth.cpp.)
#include "sandboxpolicies.h"

#include "apistatus.h"
#include "autoscalingconversion.h"
#include "resourcequota.h"
#include "resourcewriter.h"
#include "sandboxcontext.h"
#include "sandboxobjects.h"
#include "api/labelselector.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTimer>
#include <algorithm>

namespace Qluster {

using namespace SandboxObjects;

namespace {

const Gvr quotasGvr{QString(), QStringLiteral("v1"), QStringLiteral("resourcequotas")};

const Gvr budgetsGvr{QStringLiteral("policy"), QStringLiteral("v1"), QStringLiteral("poddisruptionbudgets")};

const Gvr autoscalersGvr{QStringLiteral("autoscaling"), QStringLiteral("v2"), QStringLiteral("horizontalpodautoscalers")};

const Gvr priorityClassesGvr{QStringLiteral("scheduling.k8s.io"), QStringLiteral("v1"), QStringLiteral("priorityclasses")};

const QString kQuotaWork = QStringLiteral("quota");

const QString kBudgetWork = QStringLiteral("budget");

const QString kAutoscalerWork = QStringLiteral("autoscaler");

// The largest priority a PriorityClass a user creates may have (scheduling.HighestUserDefinablePriority).
constexpr qint64 kHighestUserPriority = 1000000000;

bool isType(const ResourceType &t, QLatin1String group, QLatin1String plural)
{
    return t.group == group && t.plural == plural && !t.isCustom;
}

bool isAutoscaler(const ResourceType &t)
{
    return isType(t, QLatin1String("autoscaling"), QLatin1String("horizontalpodautoscalers"));
}

QString namespaceOf(const WatchEvent &e)
{
    const QString ns = metaString(e.object, kNamespace);
    return ns.isEmpty() ? metaString(e.previous, kNamespace) : ns;
}

// The objects of `gvr` in one namespace (copies: callers may write while iterating).
QList<QJsonObject> inNamespace(const ObjectStore &store, const Gvr &gvr, const QString &ns)
{
    QList<QJsonObject> out;
    const QString prefix = ns + QLatin1Char('/');
    const auto &objects = store.objects(gvr);
    for (auto it = objects.lower_bound(prefix); it != objects.end() && it->first.startsWith(prefix); ++it)
        out << it->second;
    return out;
}

QString jsonText(const QJsonValue &v)
{
    if (v.isString())
        return QLatin1Char('"') + v.toString() + QLatin1Char('"');
    if (v.isDouble())
        return QString::number(v.toDouble());
    if (v.isBool())
        return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    return QString::fromUtf8(v.isArray() ? QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact)
                                         : QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact));
}

// A condition with the transition time kept while its status does not change.
QJsonObject condition(const QJsonArray &previous, const QString &type, const QString &status, const QString &reason,
                      const QString &message, const QString &now)
{
    QString since = now;
    for (const QJsonValue &v : previous) {
        const QJsonObject c = v.toObject();
        if (c.value(QLatin1String("type")).toString() == type && c.value(QLatin1String("status")).toString() == status)
            since = c.value(QLatin1String("lastTransitionTime")).toString(now);
    }
    return QJsonObject{{QStringLiteral("type"), type}, {QStringLiteral("status"), status},
                       {QStringLiteral("lastTransitionTime"), since}, {QStringLiteral("reason"), reason},
                       {QStringLiteral("message"), message}};
}

bool hasCondition(const QJsonArray &conditions, const QString &type, const QString &reason)
{
    return std::any_of(conditions.begin(), conditions.end(), [&](const QJsonValue &v) {
        return v.toObject().value(QLatin1String("type")).toString() == type
               && v.toObject().value(QLatin1String("reason")).toString() == reason;
    });
}

// An IntOrString scaled against `total` as intstr.GetScaledValueFromIntOrPercent does (percent
// rounded up); nullopt for a malformed percentage.
std::optional<int> scaledValue(const QJsonValue &v, int total)
{
    if (v.isDouble())
        return v.toInt();
    const QString text = v.toString();
    if (!text.endsWith(QLatin1Char('%')))
        return std::nullopt;
    bool ok = false;
    const int percent = text.chopped(1).toInt(&ok);
    if (!ok)
        return std::nullopt;
    return int((qint64(percent) * total + 99) / 100);
}

bool podReady(const QJsonObject &pod)
{
    return !metaOf(pod).contains(QLatin1String("deletionTimestamp")) && conditionTrue(pod, QLatin1String("Ready"));
}

// The pods a disruption budget applies to; a null selector selects none, {} all.
Result<QList<QJsonObject>> budgetPods(const ObjectStore &store, const QJsonObject &budget)
{
    const QJsonValue selectorValue = budget.value(kSpec).toObject().value(QLatin1String("selector"));
    if (!selectorValue.isObject())
        return QList<QJsonObject>{};
    auto selector = LabelSelector::fromObject(selectorValue.toObject());
    if (!selector)
        return fail(selector.error());
    QList<QJsonObject> pods;
    for (const QJsonObject &pod : inNamespace(store, podsGvr, metaString(budget, kNamespace))) {
        if (selector->matches(metaOf(pod).value(QLatin1String("labels")).toObject()))
            pods << pod;
    }
    return pods;
}

QJsonObject controllerOf(const QJsonObject &o)
{
    for (const QJsonValue &ref : metaOf(o).value(QLatin1String("ownerReferences")).toArray()) {
        if (ref.toObject().value(QLatin1String("controller")).toBool())
            return ref.toObject();
    }
    return {};
}

} // namespace

SandboxPolicies::SandboxPolicies(SandboxContext &context, QObject *parent)
    : QObject(parent)
    , m_ctx(context)
{
}

void SandboxPolicies::startPolicies()
{
    // Store watchers see every write, including those of the controllers; the work itself runs
    // later, once per namespace, so a burst of writes costs one pass.
    auto quotaWatch = [this](const WatchEvent &e) {
        const QString ns = namespaceOf(e);
        if (!ns.isEmpty() && m_ctx.store.countInNamespace(quotasGvr, ns) > 0)
            schedulePolicyWork(kQuotaWork, ns);
    };
    for (const ResourceType &t : builtinResourceTypes()) {
        if (!t.namespaced || (isAutoscaler(t) && t.version == QLatin1String("v1")))
            continue; // autoscaling/v1 autoscalers are stored with the v2 ones
        m_ctx.store.addWatcher(t.gvr(), quotaWatch);
    }
    m_ctx.store.addWatcher(podsGvr, [this](const WatchEvent &e) {
        const QString ns = namespaceOf(e);
        if (!ns.isEmpty() && m_ctx.store.countInNamespace(budgetsGvr, ns) > 0)
            schedulePolicyWork(kBudgetWork, ns);
    });
    m_ctx.store.addWatcher(budgetsGvr, [this](const WatchEvent &e) { schedulePolicyWork(kBudgetWork, namespaceOf(e)); });
    auto autoscalerWatch = [this](const WatchEvent &e) {
        const QString ns = namespaceOf(e);
        if (!ns.isEmpty() && m_ctx.store.countInNamespace(autoscalersGvr, ns) > 0)
            schedulePolicyWork(kAutoscalerWork, ns);
    };
    for (const Gvr &gvr : {autoscalersGvr, deploymentsGvr, replicaSetsGvr, statefulSetsGvr})
        m_ctx.store.addWatcher(gvr, autoscalerWatch);
}

void SandboxPolicies::schedulePolicyWork(const QString &what, const QString &namespaceName)
{
    const QString key = what + QLatin1Char('/') + namespaceName;
    if (namespaceName.isEmpty() || m_pendingPolicyWork.contains(key))
        return;
    m_pendingPolicyWork.insert(key);
    QTimer::singleShot(0, this, [this, key, what, namespaceName] {
        m_pendingPolicyWork.remove(key);
        if (what == kQuotaWork)
            reconcileQuotas(namespaceName);
        else if (what == kBudgetWork)
            reconcileDisruptionBudgets(namespaceName);
        else
            reconcileAutoscalers(namespaceName);
    });
}

QMap<QString, ResourceQuantity> SandboxPolicies::namespaceUsage(const QString &namespaceName, const QStringList &names,
                                                                const QJsonObject &quotaSpec) const
{
    ResourceList used;
    QMap<QString, QStringList> byResource; // "group/resource" -> names
    for (const QString &name : names) {
        used.insert(name, ResourceQuantity());
        if (const auto counted = QuotaAccounting::countedResource(name))
            byResource[counted->group + QLatin1Char('/') + counted->resource] << name;
    }
    for (auto it = byResource.begin(); it != byResource.end(); ++it) {
        const QuotaAccounting::GroupResource resource{it.key().section(QLatin1Char('/'), 0, 0),
                                                      it.key().section(QLatin1Char('/'), 1)};
        const auto type = std::find_if(m_ctx.types.begin(), m_ctx.types.end(), [&](const ResourceType &t) {
            return t.namespaced && t.group == resource.group && t.plural == resource.resource;
        });
        if (type == m_ctx.types.end())
            continue; // not served: nothing of it can exist
        for (const QJsonObject &o : inNamespace(m_ctx.store, m_ctx.storageGvr(*type), namespaceName)) {
            if (!QuotaAccounting::countsTowardQuota(resource, o) || !QuotaAccounting::matchesScopes(quotaSpec, resource, o))
                continue;
            const ResourceList objectUsage = QuotaAccounting::usage(o, resource, it.value());
            for (auto u = objectUsage.begin(); u != objectUsage.end(); ++u)
                used[u.key()].add(u.value());
        }
    }
    return used;
}

void SandboxPolicies::reconcileQuotas(const QString &namespaceName)
{
    for (const QJsonObject &quota : inNamespace(m_ctx.store, quotasGvr, namespaceName)) {
        const QJsonObject spec = quota.value(kSpec).toObject();
        const ResourceList hard = QuotaAccounting::fromJson(spec.value(QLatin1String("hard")).toObject());
        const ResourceList used = namespaceUsage(namespaceName, hard.keys(), spec);
        m_ctx.writer->putStatus(quotasGvr, quota, QJsonObject{{QStringLiteral("hard"), QuotaAccounting::toJson(hard)},
                                                              {QStringLiteral("used"), QuotaAccounting::toJson(used)}});
    }
}

void SandboxPolicies::reconcileDisruptionBudgets(const QString &namespaceName)
{
    const QString now = nowTimestamp();
    for (const QJsonObject &budget : inNamespace(m_ctx.store, budgetsGvr, namespaceName)) {
        const QJsonObject spec = budget.value(kSpec).toObject();
        const QJsonValue generation = metaOf(budget).value(QLatin1String("generation"));
        const QJsonArray previous = budget.value(kStatus).toObject().value(QLatin1String("conditions")).toArray();
        QJsonObject status = budget.value(kStatus).toObject();
        status.insert(QStringLiteral("observedGeneration"), generation);
        auto fail = [&](const QString &why) {
            status.insert(QStringLiteral("disruptionsAllowed"), 0);
            QJsonObject c = condition(previous, QStringLiteral("DisruptionAllowed"), QStringLiteral("False"),
                                      QStringLiteral("SyncFailed"), why, now);
            c.insert(QStringLiteral("observedGeneration"), generation);
            status.insert(QStringLiteral("conditions"), QJsonArray{c});
            m_ctx.writer->putStatus(budgetsGvr, budget, status);
        };
        auto pods = budgetPods(m_ctx.store, budget);
        if (!pods) {
            fail(pods.error().message);
            continue;
        }
        // The expected count is the scale of the pods' controllers when the budget is relative
        // to it (a percentage or maxUnavailable), else the number of pods (getExpectedPodCount).
        int expected = int(pods->size());
        int desired = 0;
        const QJsonValue minAvailable = spec.value(QLatin1String("minAvailable"));
        const QJsonValue maxUnavailable = spec.value(QLatin1String("maxUnavailable"));
        const bool hasMaxUnavailable = !maxUnavailable.isUndefined() && !maxUnavailable.isNull();
        const bool relative = hasMaxUnavailable || minAvailable.isString();
        if (relative) {
            QSet<QString> counted;
            expected = 0;
            QString missing;
            for (const QJsonObject &pod : std::as_const(*pods)) {
                QJsonObject owner = controllerOf(pod);
                const QString ownerKind = owner.value(QLatin1String("kind")).toString();
                const QJsonObject *scaled = nullptr;
                if (ownerKind == QLatin1String("ReplicaSet")) {
                    scaled = m_ctx.store.get(replicaSetsGvr, namespaceName, owner.value(kName).toString());
                    // A Deployment's pods scale with the Deployment.
                    const QJsonObject deployment = scaled ? controllerOf(*scaled) : QJsonObject();
                    if (deployment.value(QLatin1String("kind")).toString() == QLatin1String("Deployment")) {
                        owner = deployment;
                        scaled = m_ctx.store.get(deploymentsGvr, namespaceName, deployment.value(kName).toString());
                    }
                } else if (ownerKind == QLatin1String("StatefulSet")) {
                    scaled = m_ctx.store.get(statefulSetsGvr, namespaceName, owner.value(kName).toString());
                }
                if (!scaled) {
                    missing = metaString(pod, kName);
                    break;
                }
                const QString uid = owner.value(QLatin1String("uid")).toString();
                if (!counted.contains(uid)) {
                    counted.insert(uid);
                    expected += scaled->value(kSpec).toObject().value(QLatin1String("replicas")).toInt(1);
                }
            }
            if (!missing.isEmpty()) {
                fail(QStringLiteral("found no controllers for pod \"%1\"").arg(missing));
                continue;
            }
        }
        if (hasMaxUnavailable) {
            const auto unavailable = scaledValue(maxUnavailable, expected);
            desired = std::max(0, expected - unavailable.value_or(0));
        } else if (!minAvailable.isUndefined() && !minAvailable.isNull()) {
            desired = scaledValue(minAvailable, expected).value_or(0);
        }
        const int healthy = int(std::count_if(pods->begin(), pods->end(), podReady));
        const int allowed = expected <= 0 ? 0 : std::max(0, healthy - desired);
        status.insert(QStringLiteral("expectedPods"), expected);
        status.insert(QStringLiteral("currentHealthy"), healthy);
        status.insert(QStringLiteral("desiredHealthy"), desired);
        status.insert(QStringLiteral("disruptionsAllowed"), allowed);
        QJsonObject c = condition(previous, QStringLiteral("DisruptionAllowed"), allowed > 0 ? QStringLiteral("True") : QStringLiteral("False"),
                                  allowed > 0 ? QStringLiteral("SufficientPods") : QStringLiteral("InsufficientPods"), QString(), now);
        c.insert(QStringLiteral("observedGeneration"), generation);
        status.insert(QStringLiteral("conditions"), QJsonArray{c});
        m_ctx.writer->putStatus(budgetsGvr, budget, status);
    }
}

void SandboxPolicies::reconcileAutoscalers(const QString &namespaceName)
{
    for (const QJsonObject &autoscaler : inNamespace(m_ctx.store, autoscalersGvr, namespaceName))
        reconcileAutoscaler(autoscaler);
}

void SandboxPolicies::reconcileAutoscaler(const QJsonObject &autoscaler)
{
    const QString ns = metaString(autoscaler, kNamespace);
    const QString now = nowTimestamp();
    const QJsonObject spec = autoscaler.value(kSpec).toObject();
    const QJsonObject target = spec.value(QLatin1String("scaleTargetRef")).toObject();
    const QString kind = target.value(QLatin1String("kind")).toString();
    const QString targetName = target.value(kName).toString();
    const QString group = Gvk::fromApiVersion(target.value(QLatin1String("apiVersion")).toString(), kind).group;
    const int minReplicas = spec.value(QLatin1String("minReplicas")).toInt(1);
    const int maxReplicas = spec.value(QLatin1String("maxReplicas")).toInt();
    const QJsonObject oldStatus = autoscaler.value(kStatus).toObject();
    const QJsonArray previous = oldStatus.value(QLatin1String("conditions")).toArray();
    QJsonObject status = oldStatus;
    status.insert(QStringLiteral("observedGeneration"), metaOf(autoscaler).value(QLatin1String("generation")));
    status.remove(QStringLiteral("currentMetrics"));

    const ResourceType *targetType = m_ctx.findTypeByKind(group, kind);
    const QJsonObject *scaled = targetType && targetType->hasScale ? m_ctx.store.get(m_ctx.storageGvr(*targetType), ns, targetName) : nullptr;
    // The target's scale subresource: a custom resource keeps its replicas where its CRD says.
    const QString specPath = targetType && targetType->isCustom ? targetType->specReplicasPath : QStringLiteral(".spec.replicas");
    const QString statusPath = targetType && targetType->isCustom ? targetType->statusReplicasPath : QStringLiteral(".status.replicas");
    QString why;
    if (!scaled) {
        const QString resource = targetType ? targetType->plural : kind.toLower() + QLatin1Char('s');
        why = QStringLiteral("%1/scale%2 \"%3\" not found").arg(resource, group.isEmpty() ? QString() : QLatin1Char('.') + group, targetName);
    } else if (targetType->isCustom && !fieldAt(*scaled, specPath).isDouble()) {
        why = QStringLiteral("Internal error occurred: the spec replicas field \"%1\" does not exist").arg(specPath);
    }
    if (!why.isEmpty()) {
        status.insert(QStringLiteral("currentReplicas"), 0);
        status.insert(QStringLiteral("desiredReplicas"), 0);
        status.insert(QStringLiteral("conditions"),
                      QJsonArray{condition(previous, QStringLiteral("AbleToScale"), QStringLiteral("False"), QStringLiteral("FailedGetScale"),
                                           QStringLiteral("the HPA controller was unable to get the target's current scale: ") + why, now)});
        if (!hasCondition(previous, QStringLiteral("AbleToScale"), QStringLiteral("FailedGetScale")))
            m_ctx.writer->emitEvent(autoscaler, QStringLiteral("Warning"), QStringLiteral("FailedGetScale"), why);
        m_ctx.writer->putStatus(autoscalersGvr, autoscaler, status);
        return;
    }
    const int specReplicas = fieldAt(*scaled, specPath).toInt(1);
    const int currentReplicas = fieldAt(*scaled, statusPath).toInt();
    status.insert(QStringLiteral("currentReplicas"), currentReplicas);

    // Autoscalers sharing a target would fight over it: none of them acts (AmbiguousSelector).
    QStringList sharing;
    for (const QJsonObject &other : inNamespace(m_ctx.store, autoscalersGvr, ns)) {
        const QJsonObject otherTarget = other.value(kSpec).toObject().value(QLatin1String("scaleTargetRef")).toObject();
        if (otherTarget.value(QLatin1String("kind")).toString() == kind && otherTarget.value(kName).toString() == targetName)
            sharing << ns + QLatin1Char('/') + metaString(other, kName);
    }
    if (sharing.size() > 1) {
        status.insert(QStringLiteral("desiredReplicas"), specReplicas);
        status.insert(QStringLiteral("conditions"),
                      QJsonArray{condition(previous, QStringLiteral("AbleToScale"), QStringLiteral("True"), QStringLiteral("SucceededGetScale"),
                                           QStringLiteral("the HPA controller was able to get the target's current scale"), now),
                                 condition(previous, QStringLiteral("ScalingActive"), QStringLiteral("False"), QStringLiteral("AmbiguousSelector"),
                                           QStringLiteral("pods by selector of %1/%2 are controlled by multiple HPAs: [%3]")
                                               .arg(kind, targetName, sharing.join(QLatin1Char(' '))), now)});
        m_ctx.writer->putStatus(autoscalersGvr, autoscaler, status);
        return;
    }

    // What reading the first metric says in a cluster without a metrics API.
    const QJsonObject metric = spec.value(QLatin1String("metrics")).toArray().at(0).toObject();
    const QString metricType = metric.value(QLatin1String("type")).toString();
    QString failedReason = QStringLiteral("FailedGetResourceMetric");
    QString failure;
    if (metricType == QLatin1String("Resource") || metricType == QLatin1String("ContainerResource")) {
        const QString resource = metric.value(metricType == QLatin1String("Resource") ? QLatin1String("resource") : QLatin1String("containerResource"))
                                     .toObject().value(kName).toString();
        if (metricType == QLatin1String("ContainerResource"))
            failedReason = QStringLiteral("FailedGetContainerResourceMetric");
        failure = QStringLiteral("failed to get %1 resource metric value: failed to get %1 utilization: unable to get metrics for "
                                 "resource %1: unable to fetch metrics from resource metrics API: the server could not find the "
                                 "requested resource (get pods.metrics.k8s.io)").arg(resource);
    } else {
        const QString name = metric.value(metricType.toLower()).toObject().value(QLatin1String("metric")).toObject().value(kName).toString();
        failedReason = QStringLiteral("FailedGet%1Metric").arg(metricType);
        failure = metricType == QLatin1String("External")
                      ? QStringLiteral("unable to get external metric %1/%2: unable to fetch metrics from external metrics API: the server "
                                       "could not find the requested resource (get %2.external.metrics.k8s.io)").arg(ns, name)
                      : QStringLiteral("unable to get metric %1: unable to fetch metrics from custom metrics API: the server could not "
                                       "find the requested resource (get pods.custom.metrics.k8s.io)").arg(name);
    }

    QJsonArray conditions;
    if (specReplicas == 0 && minReplicas != 0) {
        status.insert(QStringLiteral("desiredReplicas"), 0);
        conditions << condition(previous, QStringLiteral("AbleToScale"), QStringLiteral("True"), QStringLiteral("SucceededGetScale"),
                                QStringLiteral("the HPA controller was able to get the target's current scale"), now)
                   << condition(previous, QStringLiteral("ScalingActive"), QStringLiteral("False"), QStringLiteral("ScalingDisabled"),
                                QStringLiteral("scaling is disabled since the replica count of the target is zero"), now);
    } else if (specReplicas > maxReplicas || specReplicas < minReplicas) {
        // Out of bounds: rescale to the nearest bound whatever the metrics say.
        const bool tooMany = specReplicas > maxReplicas;
        const int desired = tooMany ? maxReplicas : minReplicas;
        const auto updated = withFieldAt(m_ctx.presentObject(*targetType, *scaled), specPath, desired);
        if (!updated || !m_ctx.writer->updateInternal(*targetType, ns, targetName, *updated, QString(), false, QStringLiteral("horizontal-pod-autoscaler")))
            return;
        m_ctx.writer->emitEvent(autoscaler, QStringLiteral("Normal"), QStringLiteral("SuccessfulRescale"),
                                QStringLiteral("New size: %1; reason: Current number of replicas %2 Spec.%3")
                                    .arg(desired)
                                    .arg(tooMany ? QStringLiteral("above") : QStringLiteral("below"),
                                         tooMany ? QStringLiteral("MaxReplicas") : QStringLiteral("MinReplicas")));
        status.insert(QStringLiteral("desiredReplicas"), desired);
        status.insert(QStringLiteral("lastScaleTime"), now);
        conditions << condition(previous, QStringLiteral("AbleToScale"), QStringLiteral("True"), QStringLiteral("SucceededRescale"),
                                QStringLiteral("the HPA controller was able to update the target scale to %1").arg(desired), now)
                   << condition(previous, QStringLiteral("ScalingActive"), QStringLiteral("False"), failedReason,
                                QStringLiteral("the HPA was unable to compute the replica count: ") + failure, now)
                   << condition(previous, QStringLiteral("ScalingLimited"), QStringLiteral("True"),
                                tooMany ? QStringLiteral("TooManyReplicas") : QStringLiteral("TooFewReplicas"),
                                tooMany ? QStringLiteral("the desired replica count is more than the maximum replica count")
                                        : QStringLiteral("the desired replica count is less than the minimum replica count"), now);
    } else {
        status.insert(QStringLiteral("desiredReplicas"), specReplicas);
        conditions << condition(previous, QStringLiteral("AbleToScale"), QStringLiteral("True"), QStringLiteral("SucceededGetScale"),
                                QStringLiteral("the HPA controller was able to get the target's current scale"), now)
                   << condition(previous, QStringLiteral("ScalingActive"), QStringLiteral("False"), failedReason,
                                QStringLiteral("the HPA was unable to compute the replica count: ") + failure, now)
                   << condition(previous, QStringLiteral("ScalingLimited"), QStringLiteral("False"), QStringLiteral("DesiredWithinRange"),
                                QStringLiteral("the desired count is within the acceptable range"), now);
    }
    if (!hasCondition(previous, QStringLiteral("ScalingActive"), failedReason)
        && hasCondition(conditions, QStringLiteral("ScalingActive"), failedReason)) {
        m_ctx.writer->emitEvent(autoscaler, QStringLiteral("Warning"), failedReason, failure.section(QStringLiteral(": "), 1));
        m_ctx.writer->emitEvent(autoscaler, QStringLiteral("Warning"), QStringLiteral("FailedComputeMetricsReplicas"),
                                QStringLiteral("invalid metrics (1 invalid out of 1), first error is: ") + failure);
    }
    status.insert(QStringLiteral("conditions"), conditions);
    m_ctx.writer->putStatus(autoscalersGvr, autoscaler, status);
}

void SandboxPolicies::applyPolicyDefaults(const ResourceType &type, QJsonObject &o) const
{
    QJsonObject spec = o.value(kSpec).toObject();
    if (isType(type, QLatin1String("scheduling.k8s.io"), QLatin1String("priorityclasses"))) {
        if (!o.contains(QLatin1String("preemptionPolicy")))
            o.insert(QStringLiteral("preemptionPolicy"), QStringLiteral("PreemptLowerPriority"));
    } else if (isType(type, QLatin1String("storage.k8s.io"), QLatin1String("storageclasses"))) {
        if (!o.contains(QLatin1String("reclaimPolicy")))
            o.insert(QStringLiteral("reclaimPolicy"), QStringLiteral("Delete"));
        if (!o.contains(QLatin1String("volumeBindingMode")))
            o.insert(QStringLiteral("volumeBindingMode"), QStringLiteral("Immediate"));
    } else if (isType(type, QLatin1String(""), QLatin1String("persistentvolumes"))) {
        if (!spec.contains(QLatin1String("persistentVolumeReclaimPolicy")))
            spec.insert(QStringLiteral("persistentVolumeReclaimPolicy"), QStringLiteral("Retain"));
        if (!spec.contains(QLatin1String("volumeMode")))
            spec.insert(QStringLiteral("volumeMode"), QStringLiteral("Filesystem"));
        o.insert(kSpec, spec);
        if (!o.value(kStatus).toObject().contains(QLatin1String("phase"))) {
            const bool claimed = spec.contains(QLatin1String("claimRef"));
            o.insert(kStatus, QJsonObject{{QStringLiteral("phase"), claimed ? QStringLiteral("Bound") : QStringLiteral("Available")}});
        }
    } else if (isAutoscaler(type)) {
        // The stored (v2) form: v2 defaulting (SetDefaults_HorizontalPodAutoscaler).
        if (!spec.contains(QLatin1String("minReplicas")))
            spec.insert(QStringLiteral("minReplicas"), 1);
        if (spec.value(QLatin1String("metrics")).toArray().isEmpty()) {
            spec.insert(QStringLiteral("metrics"),
                        QJsonArray{QJsonObject{{QStringLiteral("type"), QStringLiteral("Resource")},
                                               {QStringLiteral("resource"),
                                                QJsonObject{{QStringLiteral("name"), QStringLiteral("cpu")},
                                                            {QStringLiteral("target"), QJsonObject{{QStringLiteral("type"), QStringLiteral("Utilization")},
                                                                                                   {QStringLiteral("averageUtilization"), 80}}}}}}});
        }
        o.insert(kSpec, spec);
    } else if (isType(type, QLatin1String("policy"), QLatin1String("poddisruptionbudgets"))) {
        if (!o.contains(kStatus)) {
            o.insert(kStatus, QJsonObject{{QStringLiteral("disruptionsAllowed"), 0}, {QStringLiteral("currentHealthy"), 0},
                                          {QStringLiteral("desiredHealthy"), 0}, {QStringLiteral("expectedPods"), 0}});
        }
    }
}

std::optional<QJsonObject> SandboxPolicies::validatePolicy(const ResourceType &type, const QJsonObject &object,
                                                           const QJsonObject *current) const
{
    const QString name = metaString(object, kName);
    const QJsonObject spec = object.value(kSpec).toObject();
    auto invalid = [&](const QString &field, const QString &why) {
        return std::optional<QJsonObject>(ApiStatus::invalid(type.kind, type.group, name, field, why));
    };
    if (isType(type, QLatin1String(""), QLatin1String("resourcequotas"))) {
        const QJsonObject hard = spec.value(QLatin1String("hard")).toObject();
        for (auto it = hard.begin(); it != hard.end(); ++it) {
            const auto q = ResourceQuantity::parse(it.value().isDouble() ? QString::number(it.value().toDouble()) : it.value().toString());
            const QString field = QStringLiteral("spec.hard[%1]").arg(it.key());
            if (!q)
                return invalid(field, QStringLiteral("Invalid value: %1: must be a quantity such as 10, 500m or 1Gi").arg(jsonText(it.value())));
            if (*q < ResourceQuantity())
                return invalid(field, QStringLiteral("Invalid value: \"%1\": must be greater than or equal to 0").arg(q->toString()));
        }
    } else if (isType(type, QLatin1String("policy"), QLatin1String("poddisruptionbudgets"))) {
        const QJsonValue minAvailable = spec.value(QLatin1String("minAvailable"));
        const QJsonValue maxUnavailable = spec.value(QLatin1String("maxUnavailable"));
        if (!minAvailable.isUndefined() && !minAvailable.isNull() && !maxUnavailable.isUndefined() && !maxUnavailable.isNull())
            return invalid(QStringLiteral("spec"), QStringLiteral("Invalid value: {\"minAvailable\":%1,\"maxUnavailable\":%2}: "
                                                                  "minAvailable and maxUnavailable cannot be both set")
                                                       .arg(jsonText(minAvailable), jsonText(maxUnavailable)));
        for (const auto &[field, value] : {std::pair{QStringLiteral("spec.minAvailable"), minAvailable},
                                           std::pair{QStringLiteral("spec.maxUnavailable"), maxUnavailable}}) {
            if (value.isUndefined() || value.isNull())
                continue;
            const auto scaled = scaledValue(value, 100);
            if (!scaled)
                return invalid(field, QStringLiteral("Invalid value: %1: a valid percent string must be a numeric string followed by an ending '%'").arg(jsonText(value)));
            if (*scaled < 0)
                return invalid(field, QStringLiteral("Invalid value: %1: must be greater than or equal to 0").arg(jsonText(value)));
            if (value.isString() && *scaled > 100)
                return invalid(field, QStringLiteral("Invalid value: %1: must not be greater than 100%").arg(jsonText(value)));
        }
        if (spec.value(QLatin1String("selector")).isObject() && !LabelSelector::fromObject(spec.value(QLatin1String("selector")).toObject()))
            return invalid(QStringLiteral("spec.selector"), QStringLiteral("Invalid value: %1: invalid label selector").arg(jsonText(spec.value(QLatin1String("selector")))));
    } else if (isAutoscaler(type)) {
        const QJsonObject target = spec.value(QLatin1String("scaleTargetRef")).toObject();
        if (target.value(QLatin1String("kind")).toString().isEmpty())
            return invalid(QStringLiteral("spec.scaleTargetRef.kind"), QStringLiteral("Required value"));
        if (target.value(kName).toString().isEmpty())
            return invalid(QStringLiteral("spec.scaleTargetRef.name"), QStringLiteral("Required value"));
        const int maxReplicas = spec.value(QLatin1String("maxReplicas")).toInt();
        const int minReplicas = spec.value(QLatin1String("minReplicas")).toInt(1);
        if (maxReplicas < 1)
            return invalid(QStringLiteral("spec.maxReplicas"), QStringLiteral("Invalid value: %1: must be greater than 0").arg(maxReplicas));
        if (minReplicas < 1)
            return invalid(QStringLiteral("spec.minReplicas"), QStringLiteral("Invalid value: %1: must be greater than or equal to 1").arg(minReplicas));
        if (minReplicas > maxReplicas)
            return invalid(QStringLiteral("spec.maxReplicas"), QStringLiteral("Invalid value: %1: must be greater than or equal to `minReplicas`").arg(maxReplicas));
    } else if (isType(type, QLatin1String("scheduling.k8s.io"), QLatin1String("priorityclasses"))) {
        const qint64 value = object.value(QLatin1String("value")).toInteger();
        const bool system = name == QLatin1String("system-cluster-critical") || name == QLatin1String("system-node-critical");
        if (name.startsWith(QLatin1String("system-")) && !system)
            return invalid(QStringLiteral("metadata.name"), QStringLiteral("Invalid value: \"%1\": priority class names with 'system-' prefix are reserved").arg(name));
        if (!system && value > kHighestUserPriority)
            return invalid(QStringLiteral("value"), QStringLiteral("Invalid value: %1: maximum allowed value of a user defined priority is %2").arg(value).arg(kHighestUserPriority));
        const QString policy = object.value(QLatin1String("preemptionPolicy")).toString();
        if (policy != QLatin1String("PreemptLowerPriority") && policy != QLatin1String("Never"))
            return invalid(QStringLiteral("preemptionPolicy"), QStringLiteral("Unsupported value: \"%1\": supported values: \"Never\", \"PreemptLowerPriority\"").arg(policy));
        if (current && current->value(QLatin1String("value")) != object.value(QLatin1String("value")))
            return invalid(QStringLiteral("value"), QStringLiteral("Invalid value: %1: field is immutable").arg(value));
    } else if (isType(type, QLatin1String("storage.k8s.io"), QLatin1String("storageclasses"))) {
        if (object.value(QLatin1String("provisioner")).toString().isEmpty())
            return invalid(QStringLiteral("provisioner"), QStringLiteral("Required value"));
        if (current && current->value(QLatin1String("provisioner")) != object.value(QLatin1String("provisioner")))
            return invalid(QStringLiteral("provisioner"), QStringLiteral("Invalid value: %1: updates to provisioner are forbidden.").arg(jsonText(object.value(QLatin1String("provisioner")))));
    }
    return std::nullopt;
}

std::optional<QJsonObject> SandboxPolicies::admit(const ResourceType &type, const QString &namespaceName, QJsonObject &object) const
{
    const QString name = metaString(object, kName);
    auto forbidden = [&](const QString &why) {
        return std::optional<QJsonObject>(ApiStatus::forbiddenBecause(type.plural, type.group, name, why));
    };
    // The Priority admission plugin: one global default, and pods get their class's value.
    const auto &classes = m_ctx.store.objects(priorityClassesGvr);
    if (isType(type, QLatin1String("scheduling.k8s.io"), QLatin1String("priorityclasses")) && object.value(QLatin1String("globalDefault")).toBool()) {
        for (const auto &[key, pc] : classes) {
            if (pc.value(QLatin1String("globalDefault")).toBool() && key != name)
                return forbidden(QStringLiteral("PriorityClass %1 is already marked as default. Only one default can exist").arg(key));
        }
    }
    if (isType(type, QLatin1String(""), QLatin1String("pods"))) {
        QJsonObject spec = object.value(kSpec).toObject();
        QString className = spec.value(QLatin1String("priorityClassName")).toString();
        const QJsonObject *pc = nullptr;
        if (className.isEmpty()) {
            for (const auto &[key, candidate] : classes) {
                if (candidate.value(QLatin1String("globalDefault")).toBool()
                    && (!pc || candidate.value(QLatin1String("value")).toInteger() < pc->value(QLatin1String("value")).toInteger()))
                    pc = &candidate;
            }
            if (pc)
                className = metaString(*pc, kName);
        } else if (!(pc = m_ctx.store.get(priorityClassesGvr, QString(), className))) {
            return forbidden(QStringLiteral("no PriorityClass with name %1 was found").arg(className));
        }
        const qint64 priority = pc ? pc->value(QLatin1String("value")).toInteger() : 0;
        if (spec.contains(QLatin1String("priority")) && spec.value(QLatin1String("priority")).toInteger() != priority)
            return forbidden(QStringLiteral("the integer value of priority (%1) must not be provided in pod spec; priority admission "
                                            "controller computed %2 from the given PriorityClass name")
                                 .arg(spec.value(QLatin1String("priority")).toInteger())
                                 .arg(priority));
        spec.insert(QStringLiteral("priority"), priority);
        if (pc) {
            const QString policy = pc->value(QLatin1String("preemptionPolicy")).toString(QStringLiteral("PreemptLowerPriority"));
            const QString asked = spec.value(QLatin1String("preemptionPolicy")).toString(policy);
            if (asked != policy)
                return forbidden(QStringLiteral("the string value of PreemptionPolicy (%1) must not be provided in pod spec; priority "
                                                "admission controller computed %2 from the given PriorityClass name").arg(asked, policy));
            spec.insert(QStringLiteral("priorityClassName"), className);
            spec.insert(QStringLiteral("preemptionPolicy"), policy);
        }
        object.insert(kSpec, spec);
    }
    // The ResourceQuota admission plugin, against usage computed now (so objects created in one
    // burst are all counted).
    if (!type.namespaced || m_ctx.store.countInNamespace(quotasGvr, namespaceName) == 0)
        return std::nullopt;
    const QuotaAccounting::GroupResource resource{type.group, type.plural};
    if (!QuotaAccounting::countsTowardQuota(resource, object))
        return std::nullopt;
    for (const QJsonObject &quota : inNamespace(m_ctx.store, quotasGvr, namespaceName)) {
        const QJsonObject quotaSpec = quota.value(kSpec).toObject();
        if (!QuotaAccounting::matchesScopes(quotaSpec, resource, object))
            continue;
        const ResourceList hard = QuotaAccounting::fromJson(quotaSpec.value(QLatin1String("hard")).toObject());
        QStringList names;
        for (const QString &n : hard.keys()) {
            if (QuotaAccounting::countedResource(n) == resource)
                names << n;
        }
        if (names.isEmpty())
            continue;
        const QString quotaName = metaString(quota, kName);
        if (resource.group.isEmpty() && resource.resource == QLatin1String("pods")) {
            if (const QString missing = QuotaAccounting::missingRequests(object, names); !missing.isEmpty())
                return forbidden(QStringLiteral("failed quota: %1: %2").arg(quotaName, missing));
        }
        const ResourceList requested = QuotaAccounting::usage(object, resource, names);
        const ResourceList used = namespaceUsage(namespaceName, names, quotaSpec);
        const QStringList over = QuotaAccounting::exceeded(hard, used, requested);
        if (!over.isEmpty()) {
            return forbidden(QStringLiteral("exceeded quota: %1, requested: %2, used: %3, limited: %4")
                                 .arg(quotaName, QuotaAccounting::prettyPrint(requested, over),
                                      QuotaAccounting::prettyPrint(used, over), QuotaAccounting::prettyPrint(hard, over)));
        }
    }
    return std::nullopt;
}

QJsonObject SandboxPolicies::toStorageVersion(const ResourceType &type, QJsonObject object) const
{
    if (isAutoscaler(type) && object.value(QLatin1String("apiVersion")).toString() != QLatin1String("autoscaling/v2"))
        return AutoscalingConversion::toV2(object);
    return object;
}

} // namespace Qluster
