// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
// The SandboxServer's controllers and pod life: what happens after a write (Deployment ->
// ReplicaSet -> Pods, Job -> Pods, StatefulSet -> Pods and claims, DaemonSet -> a Pod per node,
// CronJob -> Jobs, namespaces get a default ServiceAccount), pods starting and changing by their
// scripted behaviour, and the Events all of it records.
#include "sandboxserver.h"

#include "apistatus.h"
#include "cronschedule.h"
#include "sandboxobjects.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QJsonArray>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTimer>
#include <QUuid>

#include <algorithm>
#include <map>

namespace Qluster {

using namespace SandboxObjects;

namespace {

const QString podNameLabel = QStringLiteral("statefulset.kubernetes.io/pod-name");
const QString podIndexLabel = QStringLiteral("apps.kubernetes.io/pod-index");
const QString revisionLabel = QStringLiteral("controller-revision-hash");
const QString scheduledTimestampAnnotation = QStringLiteral("batch.kubernetes.io/cronjob-scheduled-timestamp");

QString phaseOf(const QJsonObject &pod)
{
    return pod.value(kStatus).toObject().value(QLatin1String("phase")).toString();
}

bool podHealthy(const QJsonObject &pod)
{
    return phaseOf(pod) == QLatin1String("Running") && conditionTrue(pod, QLatin1String("Ready"));
}

bool podFinished(const QJsonObject &pod)
{
    return phaseOf(pod) == QLatin1String("Succeeded") || phaseOf(pod) == QLatin1String("Failed");
}

QString labelOf(const QJsonObject &o, const QString &label)
{
    return metaOf(o).value(QLatin1String("labels")).toObject().value(label).toString();
}

QJsonObject withLabels(QJsonObject meta, const QJsonObject &extra)
{
    QJsonObject labels = meta.value(QLatin1String("labels")).toObject();
    for (auto it = extra.begin(); it != extra.end(); ++it)
        labels.insert(it.key(), it.value());
    meta.insert(QStringLiteral("labels"), labels);
    return meta;
}

// The ordinal of a StatefulSet pod named "<set>-<ordinal>", or -1.
int ordinalOf(const QString &podName, const QString &setName)
{
    if (!podName.startsWith(setName + QLatin1Char('-')))
        return -1;
    bool ok = false;
    const int ordinal = podName.mid(setName.size() + 1).toInt(&ok);
    return ok && ordinal >= 0 && QString::number(ordinal) == podName.mid(setName.size() + 1) ? ordinal : -1;
}

// A taint with effect NoSchedule or NoExecute keeps pods away unless they tolerate it.
bool toleratesTaints(const QJsonObject &podSpec, const QJsonArray &taints)
{
    for (const QJsonValue &tv : taints) {
        const QJsonObject taint = tv.toObject();
        const QString effect = taint.value(QLatin1String("effect")).toString();
        if (effect != QLatin1String("NoSchedule") && effect != QLatin1String("NoExecute"))
            continue;
        const QString key = taint.value(QLatin1String("key")).toString();
        bool tolerated = false;
        for (const QJsonValue &v : podSpec.value(QLatin1String("tolerations")).toArray()) {
            const QJsonObject t = v.toObject();
            const QString tEffect = t.value(QLatin1String("effect")).toString();
            if (!tEffect.isEmpty() && tEffect != effect)
                continue;
            const QString tKey = t.value(QLatin1String("key")).toString();
            if (t.value(QLatin1String("operator")).toString() == QLatin1String("Exists"))
                tolerated = tKey.isEmpty() || tKey == key;
            else
                tolerated = tKey == key && t.value(QLatin1String("value")).toString() == taint.value(QLatin1String("value")).toString();
            if (tolerated)
                break;
        }
        if (!tolerated)
            return false;
    }
    return true;
}

// Whether a pod with `podSpec` may run on `node`: nodeSelector and NoSchedule/NoExecute taints.
bool nodeFits(const QJsonObject &podSpec, const QJsonObject &node)
{
    const QJsonObject labels = metaOf(node).value(QLatin1String("labels")).toObject();
    const QJsonObject selector = podSpec.value(QLatin1String("nodeSelector")).toObject();
    for (auto it = selector.begin(); it != selector.end(); ++it) {
        if (labels.value(it.key()) != it.value())
            return false;
    }
    return toleratesTaints(podSpec, node.value(kSpec).toObject().value(QLatin1String("taints")).toArray());
}

// The node names a pod's required node affinity allows by `metadata.name` (what DaemonSet pods
// carry), empty when it names none.
QStringList affinityNodeNames(const QJsonObject &podSpec)
{
    QStringList names;
    const QJsonArray terms = podSpec.value(QLatin1String("affinity")).toObject().value(QLatin1String("nodeAffinity")).toObject()
                                 .value(QLatin1String("requiredDuringSchedulingIgnoredDuringExecution")).toObject()
                                 .value(QLatin1String("nodeSelectorTerms")).toArray();
    for (const QJsonValue &term : terms) {
        for (const QJsonValue &f : term.toObject().value(QLatin1String("matchFields")).toArray()) {
            const QJsonObject field = f.toObject();
            if (field.value(QLatin1String("key")).toString() == QLatin1String("metadata.name")
                && field.value(QLatin1String("operator")).toString() == QLatin1String("In")) {
                for (const QJsonValue &v : field.value(QLatin1String("values")).toArray())
                    names << v.toString();
            }
        }
    }
    return names;
}

// Finished Jobs have a Complete or Failed condition that is True.
bool jobFinished(const QJsonObject &job, bool *succeeded = nullptr)
{
    const bool complete = conditionTrue(job, QLatin1String("Complete"));
    if (succeeded)
        *succeeded = complete;
    return complete || conditionTrue(job, QLatin1String("Failed"));
}

QJsonObject objectReference(const QJsonObject &o)
{
    return QJsonObject{{QStringLiteral("apiVersion"), o.value(QLatin1String("apiVersion"))},
                       {QStringLiteral("kind"), o.value(QLatin1String("kind"))},
                       {QStringLiteral("namespace"), metaOf(o).value(kNamespace)},
                       {QStringLiteral("name"), metaOf(o).value(kName)},
                       {QStringLiteral("uid"), metaOf(o).value(QLatin1String("uid"))},
                       {QStringLiteral("resourceVersion"), metaOf(o).value(QLatin1String("resourceVersion"))}};
}

QDateTime parseTime(const QString &text)
{
    return QDateTime::fromString(text, Qt::ISODateWithMs);
}

// The latest scheduled time in (earliest, now], looked for in windows growing back from `now`, so
// that a CronJob created long ago (or a clock set far ahead) costs little.
QDateTime mostRecentScheduleTime(const CronSchedule &schedule, const QDateTime &earliest, const QDateTime &now)
{
    static const qint64 windows[] = {3600, 86400, 31 * 86400, 366 * 86400, 5 * 366 * 86400};
    for (qint64 window : windows) {
        const QDateTime from = std::max(earliest, now.addSecs(-window));
        QDateTime last;
        for (QDateTime t = schedule.next(from); t.isValid() && t <= now; t = schedule.next(t))
            last = t;
        if (last.isValid() || from == earliest)
            return last;
    }
    return {};
}

// spec.updateStrategy.rollingUpdate.maxUnavailable of a DaemonSet: a number or a percentage of
// `desired` (rounded up), at least 1.
int maxUnavailable(const QJsonValue &value, int desired)
{
    int result = 1;
    if (value.isDouble()) {
        result = value.toInt();
    } else if (value.isString() && value.toString().endsWith(QLatin1Char('%'))) {
        const int percent = value.toString().chopped(1).toInt();
        result = (desired * percent + 99) / 100;
    }
    return std::max(result, 1);
}

} // namespace

void SandboxServer::notifyControllers(const ResourceType &type, const QJsonObject &object, bool deleted)
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
            m_podLife.remove(podKeyString(ns, name));
            scheduleOwnerReconciles(ns, object);
        } else if (type.group == QLatin1String("batch") && r == QLatin1String("jobs")) {
            scheduleOwnerReconciles(ns, object);
        } else if (type.group == QLatin1String("batch") && r == QLatin1String("cronjobs")) {
            scheduleReconcile(QStringLiteral("CronJob"), ns, name);
        }
        return;
    }
    if (type.group.isEmpty() && r == QLatin1String("namespaces")) {
        if (!m_store.get(serviceAccountsGvr, name, QStringLiteral("default")) && !metaOf(object).contains(QLatin1String("deletionTimestamp"))) {
            (void)createInternal(*findType(QString(), QStringLiteral("v1"), QStringLiteral("serviceaccounts")), name,
                                 QJsonObject{{QStringLiteral("metadata"), QJsonObject{{QStringLiteral("name"), QStringLiteral("default")}}}},
                                 QString(), false);
        }
    } else if (type.group.isEmpty() && r == QLatin1String("pods")) {
        const QJsonObject status = object.value(kStatus).toObject();
        if (status.value(QLatin1String("phase")).toString() == QLatin1String("Pending")
            && object.value(kSpec).toObject().value(QLatin1String("nodeName")).toString().isEmpty()
            && metaOf(object).value(QLatin1String("annotations")).toObject().value(behaviorAnnotation).toString() != QLatin1String("pending")) {
            schedulePodStart(ns, name);
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

void SandboxServer::scheduleOwnerReconciles(const QString &namespaceName, const QJsonObject &object)
{
    for (const QJsonValue &ref : metaOf(object).value(QLatin1String("ownerReferences")).toArray())
        scheduleReconcile(ref.toObject().value(QLatin1String("kind")).toString(), namespaceName,
                          ref.toObject().value(kName).toString());
}

void SandboxServer::scheduleAll(const Gvr &gvr, const QString &kind)
{
    for (const auto &[key, object] : m_store.objects(gvr))
        scheduleReconcile(kind, metaString(object, kNamespace), metaString(object, kName));
}

QList<QJsonObject> SandboxServer::ownedObjects(const Gvr &gvr, const QString &namespaceName, const QString &uid) const
{
    QList<QJsonObject> owned;
    const QString prefix = namespaceName + QLatin1Char('/');
    const auto &objects = m_store.objects(gvr);
    for (auto it = objects.lower_bound(prefix); it != objects.end() && it->first.startsWith(prefix); ++it) {
        if (ownedBy(it->second, uid))
            owned << it->second;
    }
    return owned;
}

// Writes `status` into `object` unless it is already there (no event for a no-op).
void SandboxServer::putStatus(const Gvr &gvr, const QJsonObject &object, const QJsonObject &status)
{
    if (status == object.value(kStatus).toObject())
        return;
    QJsonObject updated = object;
    updated.insert(kStatus, status);
    m_store.put(gvr, updated);
}

QString SandboxServer::firstNodeName() const
{
    const auto &nodes = m_store.objects(nodesGvr);
    return nodes.empty() ? QString() : nodes.begin()->first;
}

void SandboxServer::scheduleReconcile(const QString &kind, const QString &namespaceName, const QString &name)
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

void SandboxServer::reconcile(const QString &kind, const QString &namespaceName, const QString &name)
{
    if (kind == QLatin1String("Deployment"))
        reconcileDeployment(namespaceName, name);
    else if (kind == QLatin1String("ReplicaSet"))
        reconcileReplicaSet(namespaceName, name);
    else if (kind == QLatin1String("Job"))
        reconcileJob(namespaceName, name);
    else if (kind == QLatin1String("StatefulSet"))
        reconcileStatefulSet(namespaceName, name);
    else if (kind == QLatin1String("DaemonSet"))
        reconcileDaemonSet(namespaceName, name);
    else if (kind == QLatin1String("CronJob"))
        reconcileCronJob(namespaceName, name);
}

void SandboxServer::reconcileDeployment(const QString &ns, const QString &name)
{
    const QJsonObject *d = m_store.get(deploymentsGvr, ns, name);
    if (!d)
        return;
    const QJsonObject deployment = *d;
    const QString uid = metaString(deployment, QLatin1String("uid"));
    const QJsonObject spec = deployment.value(kSpec).toObject();
    const QJsonObject podTemplate = spec.value(QLatin1String("template")).toObject();
    const QString hash = templateHash(podTemplate);
    const QString rsName = name + QLatin1Char('-') + hash;
    const int replicas = spec.value(QLatin1String("replicas")).toInt(1);
    const ResourceType *rsType = findType(QStringLiteral("apps"), QStringLiteral("v1"), QStringLiteral("replicasets"));

    // Old ReplicaSets are removed at once (a Recreate-like rollout keeps the sandbox simple).
    QStringList old;
    const QString prefix = ns + QLatin1Char('/');
    const auto &sets = m_store.objects(replicaSetsGvr);
    for (auto it = sets.lower_bound(prefix); it != sets.end() && it->first.startsWith(prefix); ++it) {
        if (ownedBy(it->second, uid) && metaString(it->second, kName) != rsName)
            old << metaString(it->second, kName);
    }
    for (const QString &o : old)
        (void)deleteInternal(*rsType, ns, o, false);

    const QJsonObject *rs = m_store.get(replicaSetsGvr, ns, rsName);
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
        if (auto created = createInternal(*rsType, ns, rsObject, QString(), false); created)
            emitEvent(deployment, QStringLiteral("Normal"), QStringLiteral("ScalingReplicaSet"),
                      QStringLiteral("Scaled up replica set %1 to %2").arg(rsName).arg(replicas));
        return;
    }
    QJsonObject rsObject = *rs;
    QJsonObject rsSpec = rsObject.value(kSpec).toObject();
    if (rsSpec.value(QLatin1String("replicas")).toInt() != replicas) {
        emitEvent(deployment, QStringLiteral("Normal"), QStringLiteral("ScalingReplicaSet"),
                  QStringLiteral("Scaled %1 replica set %2 to %3")
                      .arg(replicas > rsSpec.value(QLatin1String("replicas")).toInt() ? QStringLiteral("up") : QStringLiteral("down"), rsName)
                      .arg(replicas));
        rsSpec.insert(QStringLiteral("replicas"), replicas);
        rsObject.insert(kSpec, rsSpec);
        QJsonObject meta = metaOf(rsObject);
        meta.insert(QStringLiteral("generation"), meta.value(QLatin1String("generation")).toInt() + 1);
        rsObject.insert(kMetadata, meta);
        m_store.put(replicaSetsGvr, rsObject);
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
        m_store.put(deploymentsGvr, updated);
    }
}

void SandboxServer::reconcileReplicaSet(const QString &ns, const QString &name)
{
    const QJsonObject *rs = m_store.get(replicaSetsGvr, ns, name);
    if (!rs)
        return;
    const QJsonObject replicaSet = *rs;
    const QString uid = metaString(replicaSet, QLatin1String("uid"));
    const int replicas = replicaSet.value(kSpec).toObject().value(QLatin1String("replicas")).toInt();
    QStringList pods;
    int ready = 0;
    const QString prefix = ns + QLatin1Char('/');
    const auto &objects = m_store.objects(podsGvr);
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
    const ResourceType *podType = findType(QString(), QStringLiteral("v1"), QStringLiteral("pods"));
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
            if (auto created = createInternal(*podType, ns, pod, QString(), false); created)
                emitEvent(replicaSet, QStringLiteral("Normal"), QStringLiteral("SuccessfulCreate"),
                          QStringLiteral("Created pod: %1").arg(metaString(*created, kName)));
        }
        return;
    }
    if (pods.size() > replicas) {
        for (qsizetype i = replicas; i < pods.size(); ++i) {
            (void)deleteInternal(*podType, ns, pods.at(i), false);
            emitEvent(replicaSet, QStringLiteral("Normal"), QStringLiteral("SuccessfulDelete"),
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
        m_store.put(replicaSetsGvr, updated);
        scheduleOwnerReconciles(ns, replicaSet);
    }
}

void SandboxServer::reconcileJob(const QString &ns, const QString &name)
{
    const QJsonObject *j = m_store.get(jobsGvr, ns, name);
    if (!j)
        return;
    const QJsonObject job = *j;
    const QString uid = metaString(job, QLatin1String("uid"));
    QJsonObject status = job.value(kStatus).toObject();
    int active = 0, succeeded = 0, failed = 0, total = 0;
    const QString prefix = ns + QLatin1Char('/');
    const auto &objects = m_store.objects(podsGvr);
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
        if (auto created = createInternal(*findType(QString(), QStringLiteral("v1"), QStringLiteral("pods")), ns, pod, QString(), false); created) {
            emitEvent(job, QStringLiteral("Normal"), QStringLiteral("SuccessfulCreate"),
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
        emitEvent(job, QStringLiteral("Normal"), QStringLiteral("Completed"), QStringLiteral("Job completed"));
    } else if (!complete && backoffExceeded && active == 0) {
        const QString message = QStringLiteral("Job has reached the specified backoff limit");
        QJsonObject failedCondition = condition(QStringLiteral("Failed"), true, nowTimestamp(), QStringLiteral("BackoffLimitExceeded"));
        failedCondition.insert(QStringLiteral("message"), message);
        status.insert(QStringLiteral("conditions"), QJsonArray{failedCondition});
        emitEvent(job, QStringLiteral("Warning"), QStringLiteral("BackoffLimitExceeded"), message);
    }
    if (status != job.value(kStatus).toObject()) {
        putStatus(jobsGvr, job, status);
        scheduleOwnerReconciles(ns, job);
    }
}

void SandboxServer::schedulePodStart(const QString &namespaceName, const QString &name)
{
    QTimer::singleShot(m_options.podStartMilliseconds, this, [this, namespaceName, name] {
        startPod(namespaceName, name);
    });
}

void SandboxServer::startPod(const QString &ns, const QString &name)
{
    const QJsonObject *current = m_store.get(podsGvr, ns, name);
    if (!current || !current->value(kSpec).toObject().value(QLatin1String("nodeName")).toString().isEmpty())
        return;
    QJsonObject pod = *current;
    const QString node = chooseNode(pod);
    if (node.isEmpty()) {
        // No node fits: the pod stays Pending, as on a real cluster.
        if (const qsizetype nodes = m_store.count(nodesGvr); nodes > 0)
            emitEvent(pod, QStringLiteral("Warning"), QStringLiteral("FailedScheduling"),
                      QStringLiteral("0/%1 nodes are available: %1 node(s) didn't match Pod's node affinity/selector or had untolerated taints.").arg(nodes));
        return;
    }
    const QString now = nowTimestamp();
    const QString behavior = metaOf(pod).value(QLatin1String("annotations")).toObject().value(behaviorAnnotation).toString();
    QJsonObject spec = pod.value(kSpec).toObject();
    spec.insert(QStringLiteral("nodeName"), node);
    pod.insert(kSpec, spec);
    const int n = m_nextPodIp++;
    const QString ip = QStringLiteral("10.244.%1.%2").arg(n / 250).arg(n % 250 + 1);
    const bool crash = behavior == QLatin1String("crashloop");
    const bool fails = behavior == QLatin1String("fail");
    QJsonArray statuses;
    for (const QJsonValue &cv : spec.value(QLatin1String("containers")).toArray()) {
        const QJsonObject c = cv.toObject();
        const QString cname = c.value(kName).toString();
        QJsonObject cs{{QStringLiteral("name"), cname},
                       {QStringLiteral("image"), c.value(QLatin1String("image"))},
                       {QStringLiteral("imageID"), QString(QStringLiteral("docker.io/library/") + c.value(QLatin1String("image")).toString() + QStringLiteral("@sha256:") + QString::fromLatin1(QCryptographicHash::hash(c.value(QLatin1String("image")).toString().toUtf8(), QCryptographicHash::Sha256).toHex()))},
                       {QStringLiteral("containerID"), QString(QStringLiteral("containerd://") + QString::fromLatin1(QCryptographicHash::hash(QString(name + cname).toUtf8(), QCryptographicHash::Sha256).toHex()))},
                       {QStringLiteral("restartCount"), 0},
                       {QStringLiteral("started"), !crash && !fails},
                       {QStringLiteral("ready"), !crash && !fails},
                       {QStringLiteral("lastState"), QJsonObject{}}};
        if (crash) {
            cs.insert(QStringLiteral("restartCount"), 1);
            cs.insert(QStringLiteral("state"), QJsonObject{{QStringLiteral("waiting"), QJsonObject{{QStringLiteral("reason"), QStringLiteral("CrashLoopBackOff")},
                                                                                               {QStringLiteral("message"), QStringLiteral("back-off 10s restarting failed container")}}}});
            cs.insert(QStringLiteral("lastState"), QJsonObject{{QStringLiteral("terminated"), QJsonObject{{QStringLiteral("exitCode"), 1},
                                                                                                        {QStringLiteral("reason"), QStringLiteral("Error")},
                                                                                                        {QStringLiteral("startedAt"), now},
                                                                                                        {QStringLiteral("finishedAt"), now}}}});
        } else if (fails) {
            cs.insert(QStringLiteral("state"), QJsonObject{{QStringLiteral("terminated"), QJsonObject{{QStringLiteral("exitCode"), 1},
                                                                                                    {QStringLiteral("reason"), QStringLiteral("Error")},
                                                                                                    {QStringLiteral("startedAt"), now},
                                                                                                    {QStringLiteral("finishedAt"), now}}}});
        } else {
            cs.insert(QStringLiteral("state"), QJsonObject{{QStringLiteral("running"), QJsonObject{{QStringLiteral("startedAt"), now}}}});
        }
        statuses.append(cs);
    }
    const bool ready = !crash && !fails;
    QString hostIp = QStringLiteral("172.18.0.2");
    if (const QJsonObject *nodeObject = m_store.get(nodesGvr, QString(), node)) {
        for (const QJsonValue &a : nodeObject->value(kStatus).toObject().value(QLatin1String("addresses")).toArray()) {
            if (a.toObject().value(QLatin1String("type")).toString() == QLatin1String("InternalIP"))
                hostIp = a.toObject().value(QLatin1String("address")).toString();
        }
    }
    QJsonObject status{{QStringLiteral("phase"), fails ? QStringLiteral("Failed") : QStringLiteral("Running")},
                       {QStringLiteral("hostIP"), hostIp},
                       {QStringLiteral("hostIPs"), QJsonArray{QJsonObject{{QStringLiteral("ip"), hostIp}}}},
                       {QStringLiteral("podIP"), ip},
                       {QStringLiteral("podIPs"), QJsonArray{QJsonObject{{QStringLiteral("ip"), ip}}}},
                       {QStringLiteral("startTime"), now},
                       {QStringLiteral("qosClass"), QStringLiteral("BestEffort")},
                       {QStringLiteral("containerStatuses"), statuses},
                       {QStringLiteral("conditions"), QJsonArray{condition(QStringLiteral("Initialized"), true, now),
                                                                 condition(QStringLiteral("Ready"), ready, now),
                                                                 condition(QStringLiteral("ContainersReady"), ready, now),
                                                                 condition(QStringLiteral("PodScheduled"), true, now)}}};
    pod.insert(kStatus, status);
    m_store.put(podsGvr, pod);
    emitEvent(pod, QStringLiteral("Normal"), QStringLiteral("Scheduled"),
              QStringLiteral("Successfully assigned %1/%2 to %3").arg(ns, name, node));
    for (const QJsonValue &cv : spec.value(QLatin1String("containers")).toArray()) {
        const QString cname = cv.toObject().value(kName).toString();
        emitEvent(pod, QStringLiteral("Normal"), QStringLiteral("Pulled"),
                  QStringLiteral("Container image \"%1\" already present on machine").arg(cv.toObject().value(QLatin1String("image")).toString()));
        emitEvent(pod, QStringLiteral("Normal"), QStringLiteral("Created"), QStringLiteral("Created container %1").arg(cname));
        emitEvent(pod, QStringLiteral("Normal"), QStringLiteral("Started"), QStringLiteral("Started container %1").arg(cname));
        if (crash)
            emitEvent(pod, QStringLiteral("Warning"), QStringLiteral("BackOff"), QStringLiteral("Back-off restarting failed container %1 in pod %2").arg(cname, name));
    }
    if (crash || behavior == QLatin1String("complete"))
        m_podLife.insert(podKeyString(ns, name), PodLife{behavior, QDateTime::currentDateTimeUtc().addSecs(crash ? 10 : 3)});
    afterWrite(*findType(QString(), QStringLiteral("v1"), QStringLiteral("pods")), pod, false);
}

void SandboxServer::lifeTick()
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const auto lives = m_podLife;
    for (auto it = lives.begin(); it != lives.end(); ++it) {
        if (it->next > now)
            continue;
        const QString key = it.key();
        const QString ns = key.section(QLatin1Char('/'), 0, 0);
        const QString name = key.section(QLatin1Char('/'), 1);
        const QJsonObject *current = m_store.get(podsGvr, ns, name);
        if (!current) {
            m_podLife.remove(key);
            continue;
        }
        QJsonObject pod = *current;
        QJsonObject status = pod.value(kStatus).toObject();
        QJsonArray statuses;
        const QString ts = nowTimestamp();
        if (it->behavior == QLatin1String("crashloop")) {
            for (const QJsonValue &v : status.value(QLatin1String("containerStatuses")).toArray()) {
                QJsonObject cs = v.toObject();
                cs.insert(QStringLiteral("restartCount"), cs.value(QLatin1String("restartCount")).toInt() + 1);
                cs.insert(QStringLiteral("lastState"), QJsonObject{{QStringLiteral("terminated"), QJsonObject{{QStringLiteral("exitCode"), 1},
                                                                                                            {QStringLiteral("reason"), QStringLiteral("Error")},
                                                                                                            {QStringLiteral("startedAt"), it->next.addSecs(-5).toString(Qt::ISODate)},
                                                                                                            {QStringLiteral("finishedAt"), ts}}}});
                statuses.append(cs);
                emitEvent(pod, QStringLiteral("Warning"), QStringLiteral("BackOff"),
                          QStringLiteral("Back-off restarting failed container %1 in pod %2").arg(cs.value(kName).toString(), name));
            }
            m_podLife[key].next = now.addSecs(30);
        } else {
            for (const QJsonValue &v : status.value(QLatin1String("containerStatuses")).toArray()) {
                QJsonObject cs = v.toObject();
                const QString started = cs.value(QLatin1String("state")).toObject().value(QLatin1String("running")).toObject().value(QLatin1String("startedAt")).toString();
                cs.insert(QStringLiteral("ready"), false);
                cs.insert(QStringLiteral("started"), false);
                cs.insert(QStringLiteral("state"), QJsonObject{{QStringLiteral("terminated"), QJsonObject{{QStringLiteral("exitCode"), 0},
                                                                                                        {QStringLiteral("reason"), QStringLiteral("Completed")},
                                                                                                        {QStringLiteral("startedAt"), started},
                                                                                                        {QStringLiteral("finishedAt"), ts}}}});
                statuses.append(cs);
            }
            status.insert(QStringLiteral("phase"), QStringLiteral("Succeeded"));
            QJsonArray conditions;
            for (const QJsonValue &c : status.value(QLatin1String("conditions")).toArray()) {
                QJsonObject co = c.toObject();
                const QString t = co.value(QLatin1String("type")).toString();
                if (t == QLatin1String("Ready") || t == QLatin1String("ContainersReady")) {
                    co.insert(QStringLiteral("status"), QStringLiteral("False"));
                    co.insert(QStringLiteral("reason"), QStringLiteral("PodCompleted"));
                    co.insert(QStringLiteral("lastTransitionTime"), ts);
                }
                conditions.append(co);
            }
            status.insert(QStringLiteral("conditions"), conditions);
            m_podLife.remove(key);
        }
        status.insert(QStringLiteral("containerStatuses"), statuses);
        pod.insert(kStatus, status);
        m_store.put(podsGvr, pod);
        afterWrite(*findType(QString(), QStringLiteral("v1"), QStringLiteral("pods")), pod, false);
    }
}

void SandboxServer::emitEvent(const QJsonObject &involved, const QString &type, const QString &reason,
                              const QString &message)
{
    const QString ns = metaString(involved, kNamespace).isEmpty() ? QStringLiteral("default") : metaString(involved, kNamespace);
    if (!m_store.get(namespacesGvr, QString(), ns))
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
    m_store.put(eventsGvr, event);
}

// ---------------------------------------------------------------------------------------------
// Scheduling

QString SandboxServer::chooseNode(const QJsonObject &pod) const
{
    const QJsonObject spec = pod.value(kSpec).toObject();
    const QStringList wanted = affinityNodeNames(spec);
    for (const auto &[nodeName, node] : m_store.objects(nodesGvr)) {
        if ((wanted.isEmpty() || wanted.contains(nodeName)) && nodeFits(spec, node))
            return nodeName;
    }
    return {};
}

// ---------------------------------------------------------------------------------------------
// StatefulSet: pods <name>-<ordinal> with stable names and claims, created lowest ordinal first and
// removed highest first (https://kubernetes.io/docs/concepts/workloads/controllers/statefulset/).

void SandboxServer::reconcileStatefulSet(const QString &ns, const QString &name)
{
    const QJsonObject *found = m_store.get(statefulSetsGvr, ns, name);
    if (!found)
        return;
    const QJsonObject set = *found;
    const QJsonObject spec = set.value(kSpec).toObject();
    const int replicas = spec.value(QLatin1String("replicas")).toInt(1);
    const int first = spec.value(QLatin1String("ordinals")).toObject().value(QLatin1String("start")).toInt(0);
    const bool parallel = spec.value(QLatin1String("podManagementPolicy")).toString() == QLatin1String("Parallel");
    const QJsonObject strategy = spec.value(QLatin1String("updateStrategy")).toObject();
    const bool rolling = strategy.value(QLatin1String("type")).toString(QStringLiteral("RollingUpdate")) == QLatin1String("RollingUpdate");
    const int partition = strategy.value(QLatin1String("rollingUpdate")).toObject().value(QLatin1String("partition")).toInt(0);
    const QString updateRevision = name + QLatin1Char('-') + templateHash(spec.value(QLatin1String("template")).toObject());

    std::map<int, QJsonObject> pods;
    for (const QJsonObject &pod : ownedObjects(podsGvr, ns, metaString(set, QLatin1String("uid")))) {
        if (const int ordinal = ordinalOf(metaString(pod, kName), name); ordinal >= 0)
            pods.emplace(ordinal, pod);
    }

    // Status from what exists now; every change below triggers another pass.
    const QJsonObject oldStatus = set.value(kStatus).toObject();
    int ready = 0, updated = 0;
    for (const auto &[ordinal, pod] : pods) {
        ready += podHealthy(pod) ? 1 : 0;
        updated += labelOf(pod, revisionLabel) == updateRevision ? 1 : 0;
    }
    QString currentRevision = oldStatus.value(QLatin1String("currentRevision")).toString();
    const int count = int(pods.size());
    if (currentRevision.isEmpty() || (updated == count && ready == count && count == replicas))
        currentRevision = updateRevision;
    int current = 0;
    for (const auto &[ordinal, pod] : pods)
        current += labelOf(pod, revisionLabel) == currentRevision ? 1 : 0;
    putStatus(statefulSetsGvr, set,
              QJsonObject{{QStringLiteral("observedGeneration"), metaOf(set).value(QLatin1String("generation"))},
                          {QStringLiteral("replicas"), count},
                          {QStringLiteral("readyReplicas"), ready},
                          {QStringLiteral("availableReplicas"), ready},
                          {QStringLiteral("currentReplicas"), current},
                          {QStringLiteral("updatedReplicas"), updated},
                          {QStringLiteral("currentRevision"), currentRevision},
                          {QStringLiteral("updateRevision"), updateRevision},
                          {QStringLiteral("collisionCount"), 0}});

    // Every ordinal in range exists and runs; OrderedReady waits for each before the next.
    for (int ordinal = first; ordinal < first + replicas; ++ordinal) {
        const auto it = pods.find(ordinal);
        if (it == pods.end()) {
            createStatefulSetPod(set, ordinal, updateRevision);
            if (!parallel)
                return;
            continue;
        }
        if (podFinished(it->second)) {
            emitEvent(set, QStringLiteral("Warning"), QStringLiteral("RecreatingFailedPod"),
                      QStringLiteral("StatefulSet %1/%2 is recreating failed Pod %3").arg(ns, name, metaString(it->second, kName)));
            deleteStatefulSetPod(set, it->second, false);
            if (!parallel)
                return;
            continue;
        }
        if (!parallel && !podHealthy(it->second))
            return;
    }
    // Pods beyond the replicas go, highest ordinal first; OrderedReady one at a time.
    for (auto it = pods.rbegin(); it != pods.rend(); ++it) {
        if (it->first >= first && it->first < first + replicas)
            continue;
        deleteStatefulSetPod(set, it->second, true);
        if (!parallel)
            return;
    }
    // RollingUpdate replaces pods of an older revision from the highest ordinal down to the
    // partition, one at a time, each once the ones above it run again.
    if (!rolling)
        return;
    for (int ordinal = first + replicas - 1; ordinal >= first + partition; --ordinal) {
        const auto it = pods.find(ordinal);
        if (it == pods.end())
            return;
        if (labelOf(it->second, revisionLabel) != updateRevision) {
            deleteStatefulSetPod(set, it->second, false);
            return;
        }
        if (!podHealthy(it->second))
            return;
    }
}

void SandboxServer::createStatefulSetPod(const QJsonObject &set, int ordinal, const QString &revision)
{
    const QString ns = metaString(set, kNamespace);
    const QString setName = metaString(set, kName);
    const QString podName = setName + QLatin1Char('-') + QString::number(ordinal);
    const QJsonObject spec = set.value(kSpec).toObject();
    const QJsonObject podTemplate = spec.value(QLatin1String("template")).toObject();
    QJsonObject podSpec = podTemplate.value(kSpec).toObject();
    const bool claimsFollowSet = spec.value(QLatin1String("persistentVolumeClaimRetentionPolicy")).toObject()
                                     .value(QLatin1String("whenDeleted")).toString() == QLatin1String("Delete");

    // Claims first, named <claim>-<pod>, then the pod that mounts them.
    QJsonArray volumes = podSpec.value(QLatin1String("volumes")).toArray();
    for (const QJsonValue &cv : spec.value(QLatin1String("volumeClaimTemplates")).toArray()) {
        const QJsonObject claimTemplate = cv.toObject();
        const QString templateName = metaString(claimTemplate, kName);
        const QString claimName = templateName + QLatin1Char('-') + podName;
        for (qsizetype i = volumes.size() - 1; i >= 0; --i) {
            if (volumes.at(i).toObject().value(kName).toString() == templateName)
                volumes.removeAt(i);
        }
        volumes.append(QJsonObject{{QStringLiteral("name"), templateName},
                                   {QStringLiteral("persistentVolumeClaim"), QJsonObject{{QStringLiteral("claimName"), claimName}}}});
        if (m_store.get(persistentVolumeClaimsGvr, ns, claimName))
            continue;
        QJsonObject claimSpec = claimTemplate.value(kSpec).toObject();
        if (!claimSpec.contains(QLatin1String("volumeMode")))
            claimSpec.insert(QStringLiteral("volumeMode"), QStringLiteral("Filesystem"));
        claimSpec.insert(QStringLiteral("volumeName"), QString(QStringLiteral("pvc-") + QUuid::createUuid().toString(QUuid::WithoutBraces)));
        QJsonObject claimMeta = withLabels(metaOf(claimTemplate), spec.value(QLatin1String("selector")).toObject()
                                                                      .value(QLatin1String("matchLabels")).toObject());
        claimMeta.insert(QStringLiteral("name"), claimName);
        claimMeta.remove(QStringLiteral("namespace"));
        if (claimsFollowSet)
            claimMeta.insert(QStringLiteral("ownerReferences"), QJsonArray{ownerReference(set)});
        const QJsonObject claim{
            {QStringLiteral("apiVersion"), QStringLiteral("v1")},
            {QStringLiteral("kind"), QStringLiteral("PersistentVolumeClaim")},
            {QStringLiteral("metadata"), claimMeta},
            {QStringLiteral("spec"), claimSpec},
            {QStringLiteral("status"), QJsonObject{{QStringLiteral("phase"), QStringLiteral("Bound")},
                                                   {QStringLiteral("accessModes"), claimSpec.value(QLatin1String("accessModes"))},
                                                   {QStringLiteral("capacity"), claimSpec.value(QLatin1String("resources")).toObject()
                                                                                    .value(QLatin1String("requests")).toObject()}}}};
        auto created = createInternal(*findType(QString(), QStringLiteral("v1"), QStringLiteral("persistentvolumeclaims")), ns, claim, QString(), false);
        if (!created) {
            emitEvent(set, QStringLiteral("Warning"), QStringLiteral("FailedCreate"),
                      QStringLiteral("create Claim %1 for Pod %2 in StatefulSet %3 failed error: %4")
                          .arg(claimName, podName, setName, created.error().value(QLatin1String("message")).toString()));
            return;
        }
        emitEvent(set, QStringLiteral("Normal"), QStringLiteral("SuccessfulCreate"),
                  QStringLiteral("create Claim %1 Pod %2 in StatefulSet %3 success").arg(claimName, podName, setName));
    }
    if (!volumes.isEmpty())
        podSpec.insert(QStringLiteral("volumes"), volumes);
    podSpec.insert(QStringLiteral("hostname"), podName);
    if (const QString service = spec.value(QLatin1String("serviceName")).toString(); !service.isEmpty())
        podSpec.insert(QStringLiteral("subdomain"), service);
    QJsonObject meta = withLabels(metaOf(podTemplate), QJsonObject{{podNameLabel, podName},
                                                                   {revisionLabel, revision},
                                                                   {podIndexLabel, QString::number(ordinal)}});
    meta.insert(QStringLiteral("name"), podName);
    meta.insert(QStringLiteral("ownerReferences"), QJsonArray{ownerReference(set)});
    const QJsonObject pod{{QStringLiteral("apiVersion"), QStringLiteral("v1")},
                          {QStringLiteral("kind"), QStringLiteral("Pod")},
                          {QStringLiteral("metadata"), meta},
                          {QStringLiteral("spec"), podSpec}};
    if (auto created = createInternal(*findType(QString(), QStringLiteral("v1"), QStringLiteral("pods")), ns, pod, QString(), false); created)
        emitEvent(set, QStringLiteral("Normal"), QStringLiteral("SuccessfulCreate"),
                  QStringLiteral("create Pod %1 in StatefulSet %2 successful").arg(podName, setName));
    else
        emitEvent(set, QStringLiteral("Warning"), QStringLiteral("FailedCreate"),
                  QStringLiteral("create Pod %1 in StatefulSet %2 failed error: %3")
                      .arg(podName, setName, created.error().value(QLatin1String("message")).toString()));
}

void SandboxServer::deleteStatefulSetPod(const QJsonObject &set, const QJsonObject &pod, bool scaledDown)
{
    const QString ns = metaString(set, kNamespace);
    const QString podName = metaString(pod, kName);
    (void)deleteInternal(*findType(QString(), QStringLiteral("v1"), QStringLiteral("pods")), ns, podName, false);
    emitEvent(set, QStringLiteral("Normal"), QStringLiteral("SuccessfulDelete"),
              QStringLiteral("delete Pod %1 in StatefulSet %2 successful").arg(podName, metaString(set, kName)));
    const QJsonObject spec = set.value(kSpec).toObject();
    if (!scaledDown || spec.value(QLatin1String("persistentVolumeClaimRetentionPolicy")).toObject()
                               .value(QLatin1String("whenScaled")).toString() != QLatin1String("Delete"))
        return;
    const ResourceType *claimType = findType(QString(), QStringLiteral("v1"), QStringLiteral("persistentvolumeclaims"));
    for (const QJsonValue &cv : spec.value(QLatin1String("volumeClaimTemplates")).toArray())
        (void)deleteInternal(*claimType, ns, metaString(cv.toObject(), kName) + QLatin1Char('-') + podName, false);
}

// ---------------------------------------------------------------------------------------------
// DaemonSet: one pod on every node that its pod template fits (nodeSelector, taints).

void SandboxServer::reconcileDaemonSet(const QString &ns, const QString &name)
{
    const QJsonObject *found = m_store.get(daemonSetsGvr, ns, name);
    if (!found)
        return;
    const QJsonObject daemonSet = *found;
    const QJsonObject spec = daemonSet.value(kSpec).toObject();
    const QJsonObject podTemplate = spec.value(QLatin1String("template")).toObject();
    const QString hash = templateHash(podTemplate);
    QJsonObject templateSpec = podTemplate.value(kSpec).toObject();
    // DaemonSet pods tolerate the taints of nodes that are not ready or unschedulable.
    templateSpec.insert(QStringLiteral("tolerations"),
                        templateSpec.value(QLatin1String("tolerations")).toArray()
                            + QJsonObject{{QStringLiteral("key"), QStringLiteral("node.kubernetes.io/unschedulable")},
                                          {QStringLiteral("operator"), QStringLiteral("Exists")},
                                          {QStringLiteral("effect"), QStringLiteral("NoSchedule")}});
    QStringList eligible;
    for (const auto &[nodeName, node] : m_store.objects(nodesGvr)) {
        if (nodeFits(templateSpec, node))
            eligible << nodeName;
    }
    std::map<QString, QList<QJsonObject>> byNode;
    for (const QJsonObject &pod : ownedObjects(podsGvr, ns, metaString(daemonSet, QLatin1String("uid")))) {
        QString node = pod.value(kSpec).toObject().value(QLatin1String("nodeName")).toString();
        if (node.isEmpty())
            node = affinityNodeNames(pod.value(kSpec).toObject()).value(0);
        byNode[node] << pod;
    }

    int scheduled = 0, ready = 0, updated = 0, misscheduled = 0;
    for (const auto &[node, pods] : byNode) {
        if (!eligible.contains(node)) {
            ++misscheduled;
            continue;
        }
        ++scheduled;
        ready += podHealthy(pods.first()) ? 1 : 0;
        updated += labelOf(pods.first(), revisionLabel) == hash ? 1 : 0;
    }
    const int desired = int(eligible.size());
    QJsonObject status{{QStringLiteral("observedGeneration"), metaOf(daemonSet).value(QLatin1String("generation"))},
                       {QStringLiteral("desiredNumberScheduled"), desired},
                       {QStringLiteral("currentNumberScheduled"), scheduled},
                       {QStringLiteral("numberMisscheduled"), misscheduled},
                       {QStringLiteral("numberReady"), ready},
                       {QStringLiteral("numberAvailable"), ready},
                       {QStringLiteral("updatedNumberScheduled"), updated}};
    if (desired > ready)
        status.insert(QStringLiteral("numberUnavailable"), desired - ready);
    putStatus(daemonSetsGvr, daemonSet, status);

    const ResourceType *podType = findType(QString(), QStringLiteral("v1"), QStringLiteral("pods"));
    auto remove = [&](const QJsonObject &pod) {
        (void)deleteInternal(*podType, ns, metaString(pod, kName), false);
        emitEvent(daemonSet, QStringLiteral("Normal"), QStringLiteral("SuccessfulDelete"),
                  QStringLiteral("Deleted pod: %1").arg(metaString(pod, kName)));
    };
    for (const auto &[node, pods] : byNode) {
        if (!eligible.contains(node)) {
            for (const QJsonObject &pod : pods)
                remove(pod);
            continue;
        }
        for (qsizetype i = 0; i < pods.size(); ++i) {
            if (i > 0) {
                remove(pods.at(i)); // one pod per node
            } else if (phaseOf(pods.at(i)) == QLatin1String("Failed")) {
                emitEvent(daemonSet, QStringLiteral("Warning"), QStringLiteral("FailedDaemonPod"),
                          QStringLiteral("Found failed daemon pod %1/%2 on node %3, will try to kill it").arg(ns, metaString(pods.at(i), kName), node));
                remove(pods.at(i));
            }
        }
    }
    for (const QString &node : std::as_const(eligible)) {
        if (!byNode.contains(node))
            createDaemonSetPod(daemonSet, node, hash);
    }
    // RollingUpdate: replace pods of an older template, not-ready ones first, keeping at most
    // maxUnavailable nodes without a ready pod.
    const QJsonObject strategy = spec.value(QLatin1String("updateStrategy")).toObject();
    if (strategy.value(QLatin1String("type")).toString(QStringLiteral("RollingUpdate")) != QLatin1String("RollingUpdate"))
        return;
    const int allowed = maxUnavailable(strategy.value(QLatin1String("rollingUpdate")).toObject().value(QLatin1String("maxUnavailable")), desired);
    int unavailable = desired - ready;
    QList<QJsonObject> outdatedReady;
    for (const QString &node : std::as_const(eligible)) {
        const auto it = byNode.find(node);
        if (it == byNode.end() || labelOf(it->second.first(), revisionLabel) == hash)
            continue;
        if (!podHealthy(it->second.first()))
            remove(it->second.first());
        else
            outdatedReady << it->second.first();
    }
    for (const QJsonObject &pod : std::as_const(outdatedReady)) {
        if (unavailable >= allowed)
            break;
        remove(pod);
        ++unavailable;
    }
}

void SandboxServer::createDaemonSetPod(const QJsonObject &daemonSet, const QString &nodeName, const QString &hash)
{
    const QString ns = metaString(daemonSet, kNamespace);
    const QString name = metaString(daemonSet, kName);
    const QJsonObject podTemplate = daemonSet.value(kSpec).toObject().value(QLatin1String("template")).toObject();
    QJsonObject podSpec = podTemplate.value(kSpec).toObject();
    // As the DaemonSet controller does: the pod is bound to its node by a required node affinity
    // on metadata.name, and tolerates what a node under pressure or not ready is tainted with.
    QJsonObject affinity = podSpec.value(QLatin1String("affinity")).toObject();
    QJsonObject nodeAffinity = affinity.value(QLatin1String("nodeAffinity")).toObject();
    nodeAffinity.insert(QStringLiteral("requiredDuringSchedulingIgnoredDuringExecution"),
                        QJsonObject{{QStringLiteral("nodeSelectorTerms"),
                                     QJsonArray{QJsonObject{{QStringLiteral("matchFields"),
                                                             QJsonArray{QJsonObject{{QStringLiteral("key"), QStringLiteral("metadata.name")},
                                                                                    {QStringLiteral("operator"), QStringLiteral("In")},
                                                                                    {QStringLiteral("values"), QJsonArray{nodeName}}}}}}}}});
    affinity.insert(QStringLiteral("nodeAffinity"), nodeAffinity);
    podSpec.insert(QStringLiteral("affinity"), affinity);
    QJsonArray tolerations = podSpec.value(QLatin1String("tolerations")).toArray();
    const std::pair<const char *, const char *> defaults[] = {
        {"node.kubernetes.io/not-ready", "NoExecute"},      {"node.kubernetes.io/unreachable", "NoExecute"},
        {"node.kubernetes.io/disk-pressure", "NoSchedule"}, {"node.kubernetes.io/memory-pressure", "NoSchedule"},
        {"node.kubernetes.io/pid-pressure", "NoSchedule"},  {"node.kubernetes.io/unschedulable", "NoSchedule"}};
    for (const auto &[key, effect] : defaults) {
        const bool present = std::any_of(tolerations.begin(), tolerations.end(), [&](const QJsonValue &t) {
            return t.toObject().value(QLatin1String("key")).toString() == QLatin1String(key)
                   && t.toObject().value(QLatin1String("effect")).toString() == QLatin1String(effect);
        });
        if (!present)
            tolerations.append(QJsonObject{{QStringLiteral("key"), QLatin1String(key)},
                                           {QStringLiteral("operator"), QStringLiteral("Exists")},
                                           {QStringLiteral("effect"), QLatin1String(effect)}});
    }
    podSpec.insert(QStringLiteral("tolerations"), tolerations);
    QJsonObject meta = withLabels(metaOf(podTemplate),
                                  QJsonObject{{revisionLabel, hash},
                                              {QStringLiteral("pod-template-generation"),
                                               QString::number(metaOf(daemonSet).value(QLatin1String("generation")).toInt(1))}});
    meta.insert(QStringLiteral("name"), QString(name + QLatin1Char('-') + randomSuffix(5)));
    meta.insert(QStringLiteral("ownerReferences"), QJsonArray{ownerReference(daemonSet)});
    const QJsonObject pod{{QStringLiteral("apiVersion"), QStringLiteral("v1")},
                          {QStringLiteral("kind"), QStringLiteral("Pod")},
                          {QStringLiteral("metadata"), meta},
                          {QStringLiteral("spec"), podSpec}};
    if (auto created = createInternal(*findType(QString(), QStringLiteral("v1"), QStringLiteral("pods")), ns, pod, QString(), false); created)
        emitEvent(daemonSet, QStringLiteral("Normal"), QStringLiteral("SuccessfulCreate"),
                  QStringLiteral("Created pod: %1").arg(metaString(*created, kName)));
    else
        emitEvent(daemonSet, QStringLiteral("Warning"), QStringLiteral("FailedCreate"),
                  QStringLiteral("Error creating: %1").arg(created.error().value(QLatin1String("message")).toString()));
}

// ---------------------------------------------------------------------------------------------
// CronJob: a Job <name>-<scheduled minutes since the epoch> when a scheduled time has come
// (https://kubernetes.io/docs/concepts/workloads/controllers/cron-jobs/).

void SandboxServer::reconcileCronJob(const QString &ns, const QString &name)
{
    const QString key = podKeyString(ns, name);
    m_cronNext.remove(key);
    const QJsonObject *found = m_store.get(cronJobsGvr, ns, name);
    if (!found) {
        armCronTimer();
        return;
    }
    const QJsonObject cronJob = *found;
    const QJsonObject spec = cronJob.value(kSpec).toObject();
    const QDateTime now = clock();
    QJsonObject status = cronJob.value(kStatus).toObject();
    const ResourceType *jobType = findType(QStringLiteral("batch"), QStringLiteral("v1"), QStringLiteral("jobs"));

    // Active and finished Jobs; finished ones leave the active list and are kept only up to the
    // history limits, oldest removed first.
    QSet<QString> wasActive;
    for (const QJsonValue &ref : status.value(QLatin1String("active")).toArray())
        wasActive.insert(ref.toObject().value(kName).toString());
    QJsonArray active;
    QList<QJsonObject> succeededJobs, failedJobs;
    QDateTime lastSuccessful = parseTime(status.value(QLatin1String("lastSuccessfulTime")).toString());
    QList<QJsonObject> jobs = ownedObjects(jobsGvr, ns, metaString(cronJob, QLatin1String("uid")));
    std::sort(jobs.begin(), jobs.end(), [](const QJsonObject &a, const QJsonObject &b) {
        const QString sa = a.value(kStatus).toObject().value(QLatin1String("startTime")).toString();
        const QString sb = b.value(kStatus).toObject().value(QLatin1String("startTime")).toString();
        return sa != sb ? sa < sb : metaString(a, kName) < metaString(b, kName);
    });
    QSet<QString> seen;
    for (const QJsonObject &job : std::as_const(jobs)) {
        const QString jobName = metaString(job, kName);
        seen.insert(jobName);
        bool succeeded = false;
        if (!jobFinished(job, &succeeded)) {
            active.append(objectReference(job));
            continue;
        }
        if (wasActive.contains(jobName))
            emitEvent(cronJob, QStringLiteral("Normal"), QStringLiteral("SawCompletedJob"),
                      QStringLiteral("Saw completed job: %1, status: %2").arg(jobName, succeeded ? QStringLiteral("Complete") : QStringLiteral("Failed")));
        if (succeeded) {
            succeededJobs << job;
            const QDateTime completed = parseTime(job.value(kStatus).toObject().value(QLatin1String("completionTime")).toString());
            if (completed.isValid() && (!lastSuccessful.isValid() || completed > lastSuccessful))
                lastSuccessful = completed;
        } else {
            failedJobs << job;
        }
    }
    for (const QString &missing : std::as_const(wasActive)) {
        if (!seen.contains(missing))
            emitEvent(cronJob, QStringLiteral("Normal"), QStringLiteral("MissingJob"), QStringLiteral("Active job went missing: %1").arg(missing));
    }
    auto prune = [&](const QList<QJsonObject> &finished, const char *limitField, int defaultLimit) {
        const int limit = spec.value(QLatin1String(limitField)).toInt(defaultLimit);
        for (qsizetype i = 0; i + limit < finished.size(); ++i) {
            const QString jobName = metaString(finished.at(i), kName);
            (void)deleteInternal(*jobType, ns, jobName, false);
            emitEvent(cronJob, QStringLiteral("Normal"), QStringLiteral("SuccessfulDelete"), QStringLiteral("Deleted job %1").arg(jobName));
        }
    };
    prune(succeededJobs, "successfulJobsHistoryLimit", 3);
    prune(failedJobs, "failedJobsHistoryLimit", 1);

    QTimeZone zone = QTimeZone::utc();
    if (spec.contains(QLatin1String("timeZone")))
        zone = QTimeZone(spec.value(QLatin1String("timeZone")).toString().toUtf8());
    auto schedule = CronSchedule::parse(spec.value(QLatin1String("schedule")).toString(), zone);
    if (!zone.isValid() || !schedule) {
        // Validation keeps such CronJobs out; one stored another way just does nothing.
        emitEvent(cronJob, QStringLiteral("Warning"), QStringLiteral("InvalidSchedule"),
                  QStringLiteral("invalid schedule: %1 : %2")
                      .arg(spec.value(QLatin1String("schedule")).toString(),
                           schedule ? QStringLiteral("unknown time zone ") + spec.value(QLatin1String("timeZone")).toString() : schedule.error().message));
    } else if (!spec.value(QLatin1String("suspend")).toBool()) {
        QDateTime earliest = parseTime(status.value(QLatin1String("lastScheduleTime")).toString());
        if (!earliest.isValid())
            earliest = parseTime(metaString(cronJob, QLatin1String("creationTimestamp")));
        if (spec.contains(QLatin1String("startingDeadlineSeconds")))
            earliest = std::max(earliest, now.addSecs(-spec.value(QLatin1String("startingDeadlineSeconds")).toInteger()));
        const QDateTime scheduled = mostRecentScheduleTime(*schedule, earliest, now);
        const QString policy = spec.value(QLatin1String("concurrencyPolicy")).toString(QStringLiteral("Allow"));
        if (scheduled.isValid() && policy == QLatin1String("Forbid") && !active.isEmpty()) {
            // The time stays unmet: the Job starts when the running one has finished.
            emitEvent(cronJob, QStringLiteral("Normal"), QStringLiteral("JobAlreadyActive"),
                      QStringLiteral("Not starting job because prior execution is running and concurrency policy is Forbid"));
        } else if (scheduled.isValid()) {
            if (policy == QLatin1String("Replace")) {
                for (const QJsonValue &ref : std::as_const(active)) {
                    const QString jobName = ref.toObject().value(kName).toString();
                    (void)deleteInternal(*jobType, ns, jobName, false);
                    emitEvent(cronJob, QStringLiteral("Normal"), QStringLiteral("SuccessfulDelete"), QStringLiteral("Deleted job %1").arg(jobName));
                }
                active = QJsonArray();
            }
            const QString jobName = name + QLatin1Char('-') + QString::number(scheduled.toSecsSinceEpoch() / 60);
            const QJsonObject jobTemplate = spec.value(QLatin1String("jobTemplate")).toObject();
            QJsonObject meta = metaOf(jobTemplate);
            QJsonObject annotations = meta.value(QLatin1String("annotations")).toObject();
            annotations.insert(scheduledTimestampAnnotation, CronSchedule::toRfc3339(scheduled.toTimeZone(zone)));
            meta.insert(QStringLiteral("annotations"), annotations);
            meta.insert(QStringLiteral("name"), jobName);
            meta.insert(QStringLiteral("ownerReferences"), QJsonArray{ownerReference(cronJob)});
            const QJsonObject job{{QStringLiteral("apiVersion"), QStringLiteral("batch/v1")},
                                  {QStringLiteral("kind"), QStringLiteral("Job")},
                                  {QStringLiteral("metadata"), meta},
                                  {QStringLiteral("spec"), jobTemplate.value(kSpec)}};
            if (const QJsonObject *existing = m_store.get(jobsGvr, ns, jobName)) {
                // Created before (by an earlier pass): the time counts as met.
                if (!jobFinished(*existing) && ownedBy(*existing, metaString(cronJob, QLatin1String("uid")))
                    && !std::any_of(active.begin(), active.end(), [&](const QJsonValue &r) { return r.toObject().value(kName).toString() == jobName; }))
                    active.append(objectReference(*existing));
            } else if (auto created = createInternal(*jobType, ns, job, QString(), false); created) {
                active.append(objectReference(*created));
                emitEvent(cronJob, QStringLiteral("Normal"), QStringLiteral("SuccessfulCreate"), QStringLiteral("Created job %1").arg(jobName));
            } else {
                emitEvent(cronJob, QStringLiteral("Warning"), QStringLiteral("FailedCreate"),
                          QStringLiteral("Error creating job: %1").arg(created.error().value(QLatin1String("message")).toString()));
            }
            status.insert(QStringLiteral("lastScheduleTime"), CronSchedule::toRfc3339(scheduled.toUTC()));
        }
        if (const QDateTime next = schedule->next(now); next.isValid())
            m_cronNext.insert(key, next);
    }
    if (active.isEmpty())
        status.remove(QStringLiteral("active"));
    else
        status.insert(QStringLiteral("active"), active);
    if (lastSuccessful.isValid())
        status.insert(QStringLiteral("lastSuccessfulTime"), CronSchedule::toRfc3339(lastSuccessful.toUTC()));
    putStatus(cronJobsGvr, cronJob, status);
    armCronTimer();
}

void SandboxServer::armCronTimer()
{
    QDateTime due;
    for (const QDateTime &t : std::as_const(m_cronNext)) {
        if (!due.isValid() || t < due)
            due = t;
    }
    if (!due.isValid()) {
        if (m_cronTimer)
            m_cronTimer->stop();
        return;
    }
    if (!m_cronTimer) {
        m_cronTimer = new QTimer(this);
        m_cronTimer->setSingleShot(true);
        m_cronTimer->setTimerType(Qt::PreciseTimer); // a coarse timer may fire early
        connect(m_cronTimer, &QTimer::timeout, this, &SandboxServer::runDueCronJobs);
    }
    // Sleep until the earliest scheduled time, at most an hour (the clock can be moved).
    m_cronTimer->start(int(std::clamp<qint64>(clock().msecsTo(due) + 1, 0, 3600 * 1000)));
}

void SandboxServer::runDueCronJobs()
{
    const QDateTime now = clock();
    for (auto it = m_cronNext.begin(); it != m_cronNext.end();) {
        if (it.value() > now) {
            ++it;
            continue;
        }
        const QString key = it.key();
        it = m_cronNext.erase(it);
        scheduleReconcile(QStringLiteral("CronJob"), key.section(QLatin1Char('/'), 0, 0), key.section(QLatin1Char('/'), 1));
    }
    armCronTimer();
}

QDateTime SandboxServer::clock() const
{
    return QDateTime::currentDateTimeUtc().addMSecs(m_clockOffsetMilliseconds);
}

void SandboxServer::setClock(const QDateTime &now)
{
    m_clockOffsetMilliseconds = QDateTime::currentDateTimeUtc().msecsTo(now);
    scheduleAll(cronJobsGvr, QStringLiteral("CronJob"));
}

void SandboxServer::advanceClock(qint64 seconds)
{
    m_clockOffsetMilliseconds += seconds * 1000;
    scheduleAll(cronJobsGvr, QStringLiteral("CronJob"));
}

// ---------------------------------------------------------------------------------------------
// Validation the apiserver does for these kinds (pkg/apis/batch/validation).

std::optional<QJsonObject> SandboxServer::validateWorkload(const ResourceType &type, const QJsonObject &object) const
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
