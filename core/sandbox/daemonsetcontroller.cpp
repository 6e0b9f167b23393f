// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
#include "daemonsetcontroller.h"

#include "controllerhelpers.h"
#include "resourcewriter.h"
#include "sandboxcontext.h"
#include "sandboxcontrollers.h"
#include "sandboxobjects.h"

#include <QJsonArray>
#include <algorithm>
#include <map>

namespace Qluster {

using namespace SandboxObjects;

using namespace ControllerHelpers;

DaemonSetController::DaemonSetController(SandboxContext &context)
    : m_ctx(context)
{
}

void DaemonSetController::reconcileDaemonSet(const QString &ns, const QString &name)
{
    const QJsonObject *found = m_ctx.store.get(daemonSetsGvr, ns, name);
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
    for (const auto &[nodeName, node] : m_ctx.store.objects(nodesGvr)) {
        if (nodeFits(templateSpec, node))
            eligible << nodeName;
    }
    std::map<QString, QList<QJsonObject>> byNode;
    for (const QJsonObject &pod : m_ctx.controllers->ownedObjects(podsGvr, ns, metaString(daemonSet, QLatin1String("uid")))) {
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
    m_ctx.writer->putStatus(daemonSetsGvr, daemonSet, status);

    const ResourceType *podType = m_ctx.findType(QString(), QStringLiteral("v1"), QStringLiteral("pods"));
    auto remove = [&](const QJsonObject &pod) {
        (void)m_ctx.writer->deleteInternal(*podType, ns, metaString(pod, kName), false);
        m_ctx.writer->emitEvent(daemonSet, QStringLiteral("Normal"), QStringLiteral("SuccessfulDelete"),
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
                m_ctx.writer->emitEvent(daemonSet, QStringLiteral("Warning"), QStringLiteral("FailedDaemonPod"),
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

void DaemonSetController::createDaemonSetPod(const QJsonObject &daemonSet, const QString &nodeName, const QString &hash)
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
    if (auto created = m_ctx.writer->createInternal(*m_ctx.findType(QString(), QStringLiteral("v1"), QStringLiteral("pods")), ns, pod, QString(), false); created)
        m_ctx.writer->emitEvent(daemonSet, QStringLiteral("Normal"), QStringLiteral("SuccessfulCreate"),
                                QStringLiteral("Created pod: %1").arg(metaString(*created, kName)));
    else
        m_ctx.writer->emitEvent(daemonSet, QStringLiteral("Warning"), QStringLiteral("FailedCreate"),
                                QStringLiteral("Error creating: %1").arg(created.error().value(QLatin1String("message")).toString()));
}

} // namespace Qluster
