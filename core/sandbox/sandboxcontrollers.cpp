// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
#include "sandboxcontrollers.h"

#include "apistatus.h"
#include "controllerhelpers.h"
#include "cronjobcontroller.h"
#include "cronschedule.h"
#include "daemonsetcontroller.h"
#include "podlifecycle.h"
#include "resourcewriter.h"
#include "sandboxcontext.h"
#include "sandboxobjects.h"
#include "statefulsetcontroller.h"

#include <QJsonArray>
#include <QRegularExpression>
#include <QTimer>

namespace Qluster {

using namespace SandboxObjects;

using namespace ControllerHelpers;

SandboxControllers::SandboxControllers(SandboxContext &context, QObject *parent)
    : QObject(parent)
    , m_ctx(context)
{
}

void SandboxControllers::notifyControllers(const ResourceType &type, const QJsonObject &object, bool deleted)
{
    const QString ns = metaString(object, kNamespace);
    const QString name = metaString(object, kName);
    const QString &r = type.plural;
    if (type.group.isEmpty() && r == QLatin1String("nodes")) {
        // Nodes come and go, change labels or taints: every DaemonSet looks again.
        scheduleAll(daemonSetsGvr, QStringLiteral("DaemonSet"));
        return;
    }
    if (deleted) {
        if (type.group.isEmpty() && r == QLatin1String("pods")) {
            m_ctx.podLife->forgetPod(ns, name);
            scheduleOwnerReconciles(ns, object);
        } else if (type.group == QLatin1String("batch") && r == QLatin1String("jobs")) {
            scheduleOwnerReconciles(ns, object);
        } else if (type.group == QLatin1String("batch") && r == QLatin1String("cronjobs")) {
            scheduleReconcile(QStringLiteral("CronJob"), ns, name);
        }
        return;
    }
    if (type.group.isEmpty() && r == QLatin1String("namespaces")) {
        if (!m_ctx.store.get(serviceAccountsGvr, name, QStringLiteral("default")) && !metaOf(object).contains(QLatin1String("deletionTimestamp"))) {
            (void)m_ctx.writer->createInternal(*m_ctx.findType(QString(), QStringLiteral("v1"), QStringLiteral("serviceaccounts")), name,
                                               QJsonObject{{QStringLiteral("metadata"), QJsonObject{{QStringLiteral("name"), QStringLiteral("default")}}}},
                                               QString(), false);
        }
    } else if (type.group.isEmpty() && r == QLatin1String("pods")) {
        const QJsonObject status = object.value(kStatus).toObject();
        if (status.value(QLatin1String("phase")).toString() == QLatin1String("Pending")
            && object.value(kSpec).toObject().value(QLatin1String("nodeName")).toString().isEmpty()
            && metaOf(object).value(QLatin1String("annotations")).toObject().value(behaviorAnnotation).toString() != QLatin1String("pending")) {
            m_ctx.podLife->schedulePodStart(ns, name);
        }
        scheduleOwnerReconciles(ns, object);
    } else if (type.group == QLatin1String("apps") && r == QLatin1String("deployments")) {
        scheduleReconcile(QStringLiteral("Deployment"), ns, name);
    } else if (type.group == QLatin1String("apps") && r == QLatin1String("replicasets")) {
        scheduleReconcile(QStringLiteral("ReplicaSet"), ns, name);
        scheduleOwnerReconciles(ns, object);
    } else if (type.group == QLatin1String("apps") && r == QLatin1String("statefulsets")) {
        scheduleReconcile(QStringLiteral("StatefulSet"), ns, name);
    } else if (type.group == QLatin1String("apps") && r == QLatin1String("daemonsets")) {
        scheduleReconcile(QStringLiteral("DaemonSet"), ns, name);
    } else if (type.group == QLatin1String("batch") && r == QLatin1String("jobs")) {
        scheduleReconcile(QStringLiteral("Job"), ns, name);
        scheduleOwnerReconciles(ns, object);
    } else if (type.group == QLatin1String("batch") && r == QLatin1String("cronjobs")) {
        scheduleReconcile(QStringLiteral("CronJob"), ns, name);
    }
}

void SandboxControllers::scheduleOwnerReconciles(const QString &namespaceName, const QJsonObject &object)
{
    for (const QJsonValue &ref : metaOf(object).value(QLatin1String("ownerReferences")).toArray())
        scheduleReconcile(ref.toObject().value(QLatin1String("kind")).toString(), namespaceName,
                          ref.toObject().value(kName).toString());
}

void SandboxControllers::scheduleAll(const Gvr &gvr, const QString &kind)
{
    for (const auto &[key, object] : m_ctx.store.objects(gvr))
        scheduleReconcile(kind, metaString(object, kNamespace), metaString(object, kName));
}

QList<QJsonObject> SandboxControllers::ownedObjects(const Gvr &gvr, const QString &namespaceName, const QString &uid) const
{
    QList<QJsonObject> owned;
    const QString prefix = namespaceName + QLatin1Char('/');
    const auto &objects = m_ctx.store.objects(gvr);
    for (auto it = objects.lower_bound(prefix); it != objects.end() && it->first.startsWith(prefix); ++it) {
        if (ownedBy(it->second, uid))
            owned << it->second;
    }
    return owned;
}

QString SandboxControllers::firstNodeName() const
{
    const auto &nodes = m_ctx.store.objects(nodesGvr);
    return nodes.empty() ? QString() : nodes.begin()->first;
}

void SandboxControllers::scheduleReconcile(const QString &kind, const QString &namespaceName, const QString &name)
{
    static const QStringList kinds{QStringLiteral("Deployment"), QStringLiteral("ReplicaSet"), QStringLiteral("Job"),
                                   QStringLiteral("StatefulSet"), QStringLiteral("DaemonSet"), QStringLiteral("CronJob")};
    if (!kinds.contains(kind))
        return;
    const QString key = kind + QLatin1Char('/') + namespaceName + QLatin1Char('/') + name;
    if (m_pendingReconciles.contains(key))
        return;
    m_pendingReconciles.insert(key);
    QTimer::singleShot(0, this, [this, key, kind, namespaceName, name] {
        m_pendingReconciles.remove(key);
        reconcile(kind, namespaceName, name);
    });
}

void SandboxControllers::reconcile(const QString &kind, const QString &namespaceName, const QString &name)
{
    if (kind == QLatin1String("Deployment"))
        reconcileDeployment(namespaceName, name);
    else if (kind == QLatin1String("ReplicaSet"))
        reconcileReplicaSet(namespaceName, name);
    else if (kind == QLatin1String("Job"))
        reconcileJob(namespaceName, name);
    else if (kind == QLatin1String("StatefulSet"))
        m_ctx.statefulSets->reconcileStatefulSet(namespaceName, name);
    else if (kind == QLatin1String("DaemonSet"))
        m_ctx.daemonSets->reconcileDaemonSet(namespaceName, name);
    else if (kind == QLatin1String("CronJob"))
        m_ctx.cronJobs->reconcileCronJob(namespaceName, name);
}

void SandboxControllers::reconcileDeployment(const QString &ns, const QString &name)
{
    const QJsonObject *d = m_ctx.store.get(deploymentsGvr, ns, name);
    if (!d)
        return;
    const QJsonObject deployment = *d;
    const QString uid = metaString(deployment, QLatin1String("uid"));
    const QJsonObject spec = deployment.value(kSpec).toObject();
    const QJsonObject podTemplate = spec.value(QLatin1String("template")).toObject();
    const QString hash = templateHash(podTemplate);
    const QString rsName = name + QLatin1Char('-') + hash;
    const int replicas = spec.value(QLatin1String("replicas")).toInt(1);
    const ResourceType *rsType = m_ctx.findType(QStringLiteral("apps"), QStringLiteral("v1"), QStringLiteral("replicasets"));

    // Old ReplicaSets are removed at once (a Recreate-like rollout keeps the sandbox simple).
    QStringList old;
    const QString prefix = ns + QLatin1Char('/');
    const auto &sets = m_ctx.store.objects(replicaSetsGvr);
    for (auto it = sets.lower_bound(prefix); it != sets.end() && it->first.startsWith(prefix); ++it) {
        if (ownedBy(it->second, uid) && metaString(it->second, kName) != rsName)
            old << metaString(it->second, kName);
    }
    for (const QString &o : old)
        (void)m_ctx.writer->deleteInternal(*rsType, ns, o, false);

    const QJsonObject *rs = m_ctx.store.get(replicaSetsGvr, ns, rsName);
    if (!rs) {
        QJsonObject t = podTemplate;
        QJsonObject tmeta = t.value(kMetadata).toObject();
        QJsonObject labels = tmeta.value(QLatin1String("labels")).toObject();
        labels.insert(QStringLiteral("pod-template-hash"), hash);
        tmeta.insert(QStringLiteral("labels"), labels);
        t.insert(kMetadata, tmeta);
        QJsonObject selector = spec.value(QLatin1String("selector")).toObject();
        QJsonObject matchLabels = selector.value(QLatin1String("matchLabels")).toObject();
        matchLabels.insert(QStringLiteral("pod-template-hash"), hash);
        selector.insert(QStringLiteral("matchLabels"), matchLabels);
        QJsonObject rsObject{{QStringLiteral("apiVersion"), QStringLiteral("apps/v1")},
                             {QStringLiteral("kind"), QStringLiteral("ReplicaSet")},
                             {QStringLiteral("metadata"), QJsonObject{{QStringLiteral("name"), rsName},
                                                                      {QStringLiteral("labels"), labels},
                                                                      {QStringLiteral("ownerReferences"), QJsonArray{ownerReference(deployment)}}}},
                             {QStringLiteral("spec"), QJsonObject{{QStringLiteral("replicas"), replicas},
                                                                  {QStringLiteral("selector"), selector},
                                                                  {QStringLiteral("template"), t}}}};
        if (auto created = m_ctx.writer->createInternal(*rsType, ns, rsObject, QString(), false); created)
            m_ctx.writer->emitEvent(deployment, QStringLiteral("Normal"), QStringLiteral("ScalingReplicaSet"),
                                    QStringLiteral("Scaled up replica set %1 to %2").arg(rsName).arg(replicas));
        return;
    }
    QJsonObject rsObject = *rs;
    QJsonObject rsSpec = rsObject.value(kSpec).toObject();
    if (rsSpec.value(QLatin1String("replicas")).toInt() != replicas) {
        m_ctx.writer->emitEvent(deployment, QStringLiteral("Normal"), QStringLiteral("ScalingReplicaSet"),
                                QStringLiteral("Scaled %1 replica set %2 to %3")
                                    .arg(replicas > rsSpec.value(QLatin1String("replicas")).toInt() ? QStringLiteral("up") : QStringLiteral("down"), rsName)
                                    .arg(replicas));
        rsSpec.insert(QStringLiteral("replicas"), replicas);
        rsObject.insert(kSpec, rsSpec);
        QJsonObject meta = metaOf(rsObject);
        meta.insert(QStringLiteral("generation"), meta.value(QLatin1String("generation")).toInt() + 1);
        rsObject.insert(kMetadata, meta);
        m_ctx.store.put(replicaSetsGvr, rsObject);
        scheduleReconcile(QStringLiteral("ReplicaSet"), ns, rsName);
        return;
    }
    const QJsonObject rsStatus = rs->value(kStatus).toObject();
    QJsonObject status;
    status.insert(QStringLiteral("observedGeneration"), metaOf(deployment).value(QLatin1String("generation")));
    const int ready = rsStatus.value(QLatin1String("readyReplicas")).toInt();
    status.insert(QStringLiteral("replicas"), rsStatus.value(QLatin1String("replicas")).toInt());
    status.insert(QStringLiteral("updatedReplicas"), rsStatus.value(QLatin1String("replicas")).toInt());
    status.insert(QStringLiteral("readyReplicas"), ready);
    status.insert(QStringLiteral("availableReplicas"), ready);
    if (replicas - ready > 0)
        status.insert(QStringLiteral("unavailableReplicas"), replicas - ready);
    const QString now = nowTimestamp();
    QJsonArray conditions;
    const QJsonArray oldConditions = deployment.value(kStatus).toObject().value(QLatin1String("conditions")).toArray();
    auto keepTime = [&](const QString &t, bool value) {
        for (const QJsonValue &c : oldConditions) {
            const QJsonObject co = c.toObject();
            if (co.value(QLatin1String("type")).toString() == t && (co.value(QLatin1String("status")).toString() == QLatin1String("True")) == value)
                return co.value(QLatin1String("lastTransitionTime")).toString();
        }
        return now;
    };
    const bool available = ready >= replicas;
    conditions.append(condition(QStringLiteral("Available"), available, keepTime(QStringLiteral("Available"), available),
                                available ? QStringLiteral("MinimumReplicasAvailable") : QStringLiteral("MinimumReplicasUnavailable")));
    conditions.append(condition(QStringLiteral("Progressing"), true, keepTime(QStringLiteral("Progressing"), true),
                                available ? QStringLiteral("NewReplicaSetAvailable") : QStringLiteral("ReplicaSetUpdated")));
    status.insert(QStringLiteral("conditions"), conditions);
    if (status != deployment.value(kStatus).toObject()) {
        QJsonObject updated = deployment;
        updated.insert(kStatus, status);
        m_ctx.store.put(deploymentsGvr, updated);
    }
}

void SandboxControllers::reconcileReplicaSet(const QString &ns, const QString &name)
{
    const QJsonObject *rs = m_ctx.store.get(replicaSetsGvr, ns, name);
    if (!rs)
        return;
    const QJsonObject replicaSet = *rs;
    const QString uid = metaString(replicaSet, QLatin1String("uid"));
    const int replicas = replicaSet.value(kSpec).toObject().value(QLatin1String("replicas")).toInt();
    QStringList pods;
    int ready = 0;
    const QString prefix = ns + QLatin1Char('/');
    const auto &objects = m_ctx.store.objects(podsGvr);
    for (auto it = objects.lower_bound(prefix); it != objects.end() && it->first.startsWith(prefix); ++it) {
        if (!ownedBy(it->second, uid))
            continue;
        pods << metaString(it->second, kName);
        for (const QJsonValue &c : it->second.value(kStatus).toObject().value(QLatin1String("conditions")).toArray()) {
            if (c.toObject().value(QLatin1String("type")).toString() == QLatin1String("Ready")
                && c.toObject().value(QLatin1String("status")).toString() == QLatin1String("True"))
                ++ready;
        }
    }
    const ResourceType *podType = m_ctx.findType(QString(), QStringLiteral("v1"), QStringLiteral("pods"));
    if (pods.size() < replicas) {
        const QJsonObject t = replicaSet.value(kSpec).toObject().value(QLatin1String("template")).toObject();
        for (qsizetype i = pods.size(); i < replicas; ++i) {
            QJsonObject meta = t.value(kMetadata).toObject();
            meta.insert(QStringLiteral("name"), QString(name + QLatin1Char('-') + randomSuffix(5)));
            meta.insert(QStringLiteral("ownerReferences"), QJsonArray{ownerReference(replicaSet)});
            const QJsonObject pod{{QStringLiteral("apiVersion"), QStringLiteral("v1")},
                                  {QStringLiteral("kind"), QStringLiteral("Pod")},
                                  {QStringLiteral("metadata"), meta},
                                  {QStringLiteral("spec"), t.value(kSpec)}};
            if (auto created = m_ctx.writer->createInternal(*podType, ns, pod, QString(), false); created)
                m_ctx.writer->emitEvent(replicaSet, QStringLiteral("Normal"), QStringLiteral("SuccessfulCreate"),
                                        QStringLiteral("Created pod: %1").arg(metaString(*created, kName)));
        }
        return;
    }
    if (pods.size() > replicas) {
        for (qsizetype i = replicas; i < pods.size(); ++i) {
            (void)m_ctx.writer->deleteInternal(*podType, ns, pods.at(i), false);
            m_ctx.writer->emitEvent(replicaSet, QStringLiteral("Normal"), QStringLiteral("SuccessfulDelete"),
                                    QStringLiteral("Deleted pod: %1").arg(pods.at(i)));
        }
        return;
    }
    QJsonObject status{{QStringLiteral("replicas"), int(pods.size())},
                       {QStringLiteral("fullyLabeledReplicas"), int(pods.size())},
                       {QStringLiteral("readyReplicas"), ready},
                       {QStringLiteral("availableReplicas"), ready},
                       {QStringLiteral("observedGeneration"), metaOf(replicaSet).value(QLatin1String("generation"))}};
    if (status != replicaSet.value(kStatus).toObject()) {
        QJsonObject updated = replicaSet;
        updated.insert(kStatus, status);
        m_ctx.store.put(replicaSetsGvr, updated);
        scheduleOwnerReconciles(ns, replicaSet);
    }
}

void SandboxControllers::reconcileJob(const QString &ns, const QString &name)
{
    const QJsonObject *j = m_ctx.store.get(jobsGvr, ns, name);
    if (!j)
        return;
    const QJsonObject job = *j;
    const QString uid = metaString(job, QLatin1String("uid"));
    QJsonObject status = job.value(kStatus).toObject();
    int active = 0, succeeded = 0, failed = 0, total = 0;
    const QString prefix = ns + QLatin1Char('/');
    const auto &objects = m_ctx.store.objects(podsGvr);
    for (auto it = objects.lower_bound(prefix); it != objects.end() && it->first.startsWith(prefix); ++it) {
        if (!ownedBy(it->second, uid))
            continue;
        ++total;
        const QString phase = it->second.value(kStatus).toObject().value(QLatin1String("phase")).toString();
        if (phase == QLatin1String("Succeeded"))
            ++succeeded;
        else if (phase == QLatin1String("Failed"))
            ++failed;
        else
            ++active;
    }
    const int completions = job.value(kSpec).toObject().value(QLatin1String("completions")).toInt(1);
    const bool complete = status.value(QLatin1String("conditions")).toArray().size() > 0;
    // More failed pods than spec.backoffLimit fail the Job (as the Job controller does).
    const bool backoffExceeded = failed > job.value(kSpec).toObject().value(QLatin1String("backoffLimit")).toInt(6);
    if (!complete && !backoffExceeded && succeeded + active < completions && total == succeeded + failed + active && active == 0) {
        QJsonObject t = job.value(kSpec).toObject().value(QLatin1String("template")).toObject();
        QJsonObject meta = t.value(kMetadata).toObject();
        meta.insert(QStringLiteral("name"), QString(name + QLatin1Char('-') + randomSuffix(5)));
        meta.insert(QStringLiteral("ownerReferences"), QJsonArray{ownerReference(job)});
        QJsonObject labels = meta.value(QLatin1String("labels")).toObject();
        labels.insert(QStringLiteral("job-name"), name);
        labels.insert(QStringLiteral("batch.kubernetes.io/job-name"), name);
        meta.insert(QStringLiteral("labels"), labels);
        QJsonObject annotations = meta.value(QLatin1String("annotations")).toObject();
        if (!annotations.contains(behaviorAnnotation))
            annotations.insert(behaviorAnnotation, QStringLiteral("complete"));
        meta.insert(QStringLiteral("annotations"), annotations);
        const QJsonObject pod{{QStringLiteral("apiVersion"), QStringLiteral("v1")},
                              {QStringLiteral("kind"), QStringLiteral("Pod")},
                              {QStringLiteral("metadata"), meta},
                              {QStringLiteral("spec"), t.value(kSpec)}};
        if (auto created = m_ctx.writer->createInternal(*m_ctx.findType(QString(), QStringLiteral("v1"), QStringLiteral("pods")), ns, pod, QString(), false); created) {
            m_ctx.writer->emitEvent(job, QStringLiteral("Normal"), QStringLiteral("SuccessfulCreate"),
                                    QStringLiteral("Created pod: %1").arg(metaString(*created, kName)));
            ++active;
        }
    }
    status.insert(QStringLiteral("active"), active);
    status.insert(QStringLiteral("succeeded"), succeeded);
    if (failed > 0)
        status.insert(QStringLiteral("failed"), failed);
    if (active == 0)
        status.remove(QStringLiteral("active"));
    if (!complete && succeeded >= completions) {
        const QString now = nowTimestamp();
        status.insert(QStringLiteral("completionTime"), now);
        status.insert(QStringLiteral("conditions"), QJsonArray{condition(QStringLiteral("Complete"), true, now)});
        m_ctx.writer->emitEvent(job, QStringLiteral("Normal"), QStringLiteral("Completed"), QStringLiteral("Job completed"));
    } else if (!complete && backoffExceeded && active == 0) {
        const QString message = QStringLiteral("Job has reached the specified backoff limit");
        QJsonObject failedCondition = condition(QStringLiteral("Failed"), true, nowTimestamp(), QStringLiteral("BackoffLimitExceeded"));
        failedCondition.insert(QStringLiteral("message"), message);
        status.insert(QStringLiteral("conditions"), QJsonArray{failedCondition});
        m_ctx.writer->emitEvent(job, QStringLiteral("Warning"), QStringLiteral("BackoffLimitExceeded"), message);
    }
    if (status != job.value(kStatus).toObject()) {
        m_ctx.writer->putStatus(jobsGvr, job, status);
        scheduleOwnerReconciles(ns, job);
    }
}

std::optional<QJsonObject> SandboxControllers::validateWorkload(const ResourceType &type, const QJsonObject &object) const
{
    if (type.group != QLatin1String("batch") || type.plural != QLatin1String("cronjobs"))
        return std::nullopt;
    const QString name = metaString(object, kName);
    auto invalid = [&](const QString &field, const QString &message) {
        return ApiStatus::invalid(type.kind, type.group, name, field, message);
    };
    auto invalidValue = [&](const QString &field, const QString &value, const QString &why) {
        return invalid(field, QStringLiteral("Invalid value: \"%1\": %2").arg(value, why));
    };
    // The Job name adds 11 characters ("-" and the minutes since the epoch) and must fit 63.
    if (name.size() > 52)
        return invalidValue(QStringLiteral("metadata.name"), name, QStringLiteral("must be no more than 52 characters"));
    const QJsonObject spec = object.value(kSpec).toObject();
    const QString schedule = spec.value(QLatin1String("schedule")).toString();
    if (schedule.isEmpty())
        return invalid(QStringLiteral("spec.schedule"), QStringLiteral("Required value"));
    if (auto parsed = CronSchedule::parse(schedule); !parsed)
        return invalidValue(QStringLiteral("spec.schedule"), schedule, parsed.error().message);
    if (schedule.contains(QLatin1String("TZ")))
        return invalidValue(QStringLiteral("spec.schedule"), schedule,
                            QStringLiteral("cannot use TZ or CRON_TZ in schedule, use timeZone field instead"));
    if (spec.contains(QLatin1String("timeZone"))) {
        const QString zone = spec.value(QLatin1String("timeZone")).toString();
        static const QRegularExpression part(QStringLiteral("^[A-Za-z\\.\\-_0-9+]{1,14}$"));
        if (zone.isEmpty())
            return invalidValue(QStringLiteral("spec.timeZone"), zone, QStringLiteral("timeZone must be nil or non-empty string"));
        for (const QString &p : zone.split(QLatin1Char('/'))) {
            if (p == QLatin1String(".") || p == QLatin1String("..") || p.startsWith(QLatin1Char('-')) || !part.match(p).hasMatch())
                return invalidValue(QStringLiteral("spec.timeZone"), zone, QStringLiteral("unknown time zone %1").arg(zone));
        }
        if (zone.compare(QLatin1String("Local"), Qt::CaseInsensitive) == 0)
            return invalidValue(QStringLiteral("spec.timeZone"), zone,
                                QStringLiteral("timeZone must be an explicit time zone as defined in https://www.iana.org/time-zones"));
        if (!QTimeZone(zone.toUtf8()).isValid())
            return invalidValue(QStringLiteral("spec.timeZone"), zone, QStringLiteral("unknown time zone %1").arg(zone));
    }
    for (const char *field : {"startingDeadlineSeconds", "successfulJobsHistoryLimit", "failedJobsHistoryLimit"}) {
        const QJsonValue value = spec.value(QLatin1String(field));
        if (value.isDouble() && value.toInteger() < 0)
            return invalid(QStringLiteral("spec.") + QLatin1String(field),
                           QStringLiteral("Invalid value: %1: must be greater than or equal to 0").arg(value.toInteger()));
    }
    const QString policy = spec.value(QLatin1String("concurrencyPolicy")).toString();
    if (policy != QLatin1String("Allow") && policy != QLatin1String("Forbid") && policy != QLatin1String("Replace"))
        return invalid(QStringLiteral("spec.concurrencyPolicy"),
                       QStringLiteral("Unsupported value: \"%1\": supported values: \"Allow\", \"Forbid\", \"Replace\"").arg(policy));
    return std::nullopt;
}

} // namespace Qluster
