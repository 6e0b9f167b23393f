// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
#include "statefulsetcontroller.h"

#include "apistatus.h"
#include "controllerhelpers.h"
#include "resourcewriter.h"
#include "sandboxcontext.h"
#include "sandboxcontrollers.h"
#include "sandboxobjects.h"

#include <QJsonArray>
#include <QUuid>
#include <map>

namespace Qluster {

using namespace SandboxObjects;

using namespace ControllerHelpers;

StatefulSetController::StatefulSetController(SandboxContext &context)
    : m_ctx(context)
{
}

void StatefulSetController::reconcileStatefulSet(const QString &ns, const QString &name)
{
    const QJsonObject *found = m_ctx.store.get(statefulSetsGvr, ns, name);
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
    for (const QJsonObject &pod : m_ctx.controllers->ownedObjects(podsGvr, ns, metaString(set, QLatin1String("uid")))) {
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
    m_ctx.writer->putStatus(statefulSetsGvr, set,
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
            m_ctx.writer->emitEvent(set, QStringLiteral("Warning"), QStringLiteral("RecreatingFailedPod"),
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

void StatefulSetController::createStatefulSetPod(const QJsonObject &set, int ordinal, const QString &revision)
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
        if (m_ctx.store.get(persistentVolumeClaimsGvr, ns, claimName))
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
        auto created = m_ctx.writer->createInternal(*m_ctx.findType(QString(), QStringLiteral("v1"), QStringLiteral("persistentvolumeclaims")), ns, claim, QString(), false);
        if (!created) {
            m_ctx.writer->emitEvent(set, QStringLiteral("Warning"), QStringLiteral("FailedCreate"),
                                    QStringLiteral("create Claim %1 for Pod %2 in StatefulSet %3 failed error: %4")
                                        .arg(claimName, podName, setName, created.error().value(QLatin1String("message")).toString()));
            return;
        }
        m_ctx.writer->emitEvent(set, QStringLiteral("Normal"), QStringLiteral("SuccessfulCreate"),
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
    if (auto created = m_ctx.writer->createInternal(*m_ctx.findType(QString(), QStringLiteral("v1"), QStringLiteral("pods")), ns, pod, QString(), false); created)
        m_ctx.writer->emitEvent(set, QStringLiteral("Normal"), QStringLiteral("SuccessfulCreate"),
                                QStringLiteral("create Pod %1 in StatefulSet %2 successful").arg(podName, setName));
    else
        m_ctx.writer->emitEvent(set, QStringLiteral("Warning"), QStringLiteral("FailedCreate"),
                                QStringLiteral("create Pod %1 in StatefulSet %2 failed error: %3")
                                    .arg(podName, setName, created.error().value(QLatin1String("message")).toString()));
}

void StatefulSetController::deleteStatefulSetPod(const QJsonObject &set, const QJsonObject &pod, bool scaledDown)
{
    const QString ns = metaString(set, kNamespace);
    const QString podName = metaString(pod, kName);
    (void)m_ctx.writer->deleteInternal(*m_ctx.findType(QString(), QStringLiteral("v1"), QStringLiteral("pods")), ns, podName, false);
    m_ctx.writer->emitEvent(set, QStringLiteral("Normal"), QStringLiteral("SuccessfulDelete"),
                            QStringLiteral("delete Pod %1 in StatefulSet %2 successful").arg(podName, metaString(set, kName)));
    const QJsonObject spec = set.value(kSpec).toObject();
    if (!scaledDown || spec.value(QLatin1String("persistentVolumeClaimRetentionPolicy")).toObject()
                               .value(QLatin1String("whenScaled")).toString() != QLatin1String("Delete"))
        return;
    const ResourceType *claimType = m_ctx.findType(QString(), QStringLiteral("v1"), QStringLiteral("persistentvolumeclaims"));
    for (const QJsonValue &cv : spec.value(QLatin1String("volumeClaimTemplates")).toArray())
        (void)m_ctx.writer->deleteInternal(*claimType, ns, metaString(cv.toObject(), kName) + QLatin1Char('-') + podName, false);
}

} // namespace Qluster
