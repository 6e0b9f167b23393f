// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
// The SandboxServer's controllers and pod life: what happens after a write (Deployment ->
// ReplicaSet -> Pods, Job -> Pods, namespaces get a default ServiceAccount), pods starting and
// changing by their scripted behaviour, and the Events all of it records.
#include "sandboxserver.h"

#include "sandboxobjects.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QJsonArray>
#include <QRandomGenerator>
#include <QTimer>
#include <QUuid>

namespace Qluster {

using namespace SandboxObjects;

void SandboxServer::notifyControllers(const ResourceType &type, const QJsonObject &object, bool deleted)
{
    const QString ns = metaString(object, kNamespace);
    const QString name = metaString(object, kName);
    const QString &r = type.plural;
    if (deleted) {
        if (type.group.isEmpty() && r == QLatin1String("pods")) {
            m_podLife.remove(podKeyString(ns, name));
            for (const QJsonValue &ref : metaOf(object).value(QLatin1String("ownerReferences")).toArray())
                scheduleReconcile(ref.toObject().value(QLatin1String("kind")).toString(), ns,
                                  ref.toObject().value(kName).toString());
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
        for (const QJsonValue &ref : metaOf(object).value(QLatin1String("ownerReferences")).toArray())
            scheduleReconcile(ref.toObject().value(QLatin1String("kind")).toString(), ns,
                              ref.toObject().value(kName).toString());
    } else if (type.group == QLatin1String("apps") && r == QLatin1String("deployments")) {
        scheduleReconcile(QStringLiteral("Deployment"), ns, name);
    } else if (type.group == QLatin1String("apps") && r == QLatin1String("replicasets")) {
        scheduleReconcile(QStringLiteral("ReplicaSet"), ns, name);
        for (const QJsonValue &ref : metaOf(object).value(QLatin1String("ownerReferences")).toArray())
            scheduleReconcile(ref.toObject().value(QLatin1String("kind")).toString(), ns,
                              ref.toObject().value(kName).toString());
    } else if (type.group == QLatin1String("batch") && r == QLatin1String("jobs")) {
        scheduleReconcile(QStringLiteral("Job"), ns, name);
    }
}

QString SandboxServer::firstNodeName() const
{
    const auto &nodes = m_store.objects(nodesGvr);
    return nodes.empty() ? QString() : nodes.begin()->first;
}

void SandboxServer::scheduleReconcile(const QString &kind, const QString &namespaceName, const QString &name)
{
    if (kind != QLatin1String("Deployment") && kind != QLatin1String("ReplicaSet") && kind != QLatin1String("Job"))
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
        for (const QJsonValue &ref : metaOf(replicaSet).value(QLatin1String("ownerReferences")).toArray())
            scheduleReconcile(ref.toObject().value(QLatin1String("kind")).toString(), ns, ref.toObject().value(kName).toString());
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
    if (!complete && succeeded + active < completions && total == succeeded + failed + active && active == 0) {
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
    }
    if (status != job.value(kStatus).toObject()) {
        QJsonObject updated = job;
        updated.insert(kStatus, status);
        m_store.put(jobsGvr, updated);
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
    const QString node = firstNodeName();
    if (node.isEmpty())
        return; // no node: the pod stays Pending, as on a real cluster
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
    QJsonObject status{{QStringLiteral("phase"), fails ? QStringLiteral("Failed") : QStringLiteral("Running")},
                       {QStringLiteral("hostIP"), QStringLiteral("172.18.0.2")},
                       {QStringLiteral("hostIPs"), QJsonArray{QJsonObject{{QStringLiteral("ip"), QStringLiteral("172.18.0.2")}}}},
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

} // namespace Qluster
