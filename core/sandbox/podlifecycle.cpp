// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
#include "podlifecycle.h"

#include "controllerhelpers.h"
#include "cronschedule.h"
#include "resourcewriter.h"
#include "sandboxcontext.h"
#include "sandboxobjects.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QJsonArray>
#include <QTimer>

namespace Qluster {

using namespace SandboxObjects;

using namespace ControllerHelpers;

PodLifecycle::PodLifecycle(SandboxContext &context, QObject *parent)
    : QObject(parent)
    , m_ctx(context)
{
}

void PodLifecycle::start()
{
    m_lifeTimer = new QTimer(this);
    m_lifeTimer->setInterval(1000);
    connect(m_lifeTimer, &QTimer::timeout, this, &PodLifecycle::lifeTick);
    m_lifeTimer->start();
}

void PodLifecycle::forgetPod(const QString &namespaceName, const QString &name)
{
    m_podLife.remove(podKeyString(namespaceName, name));
}

void PodLifecycle::schedulePodStart(const QString &namespaceName, const QString &name)
{
    QTimer::singleShot(m_ctx.options.podStartMilliseconds, this, [this, namespaceName, name] {
        startPod(namespaceName, name);
    });
}

void PodLifecycle::startPod(const QString &ns, const QString &name)
{
    const QJsonObject *current = m_ctx.store.get(podsGvr, ns, name);
    if (!current || !current->value(kSpec).toObject().value(QLatin1String("nodeName")).toString().isEmpty())
        return;
    QJsonObject pod = *current;
    const QString node = chooseNode(pod);
    if (node.isEmpty()) {
        // No node fits: the pod stays Pending, as on a real cluster.
        if (const qsizetype nodes = m_ctx.store.count(nodesGvr); nodes > 0)
            m_ctx.writer->emitEvent(pod, QStringLiteral("Warning"), QStringLiteral("FailedScheduling"),
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
    if (const QJsonObject *nodeObject = m_ctx.store.get(nodesGvr, QString(), node)) {
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
    m_ctx.store.put(podsGvr, pod);
    m_ctx.writer->emitEvent(pod, QStringLiteral("Normal"), QStringLiteral("Scheduled"),
                            QStringLiteral("Successfully assigned %1/%2 to %3").arg(ns, name, node));
    for (const QJsonValue &cv : spec.value(QLatin1String("containers")).toArray()) {
        const QString cname = cv.toObject().value(kName).toString();
        m_ctx.writer->emitEvent(pod, QStringLiteral("Normal"), QStringLiteral("Pulled"),
                                QStringLiteral("Container image \"%1\" already present on machine").arg(cv.toObject().value(QLatin1String("image")).toString()));
        m_ctx.writer->emitEvent(pod, QStringLiteral("Normal"), QStringLiteral("Created"), QStringLiteral("Created container %1").arg(cname));
        m_ctx.writer->emitEvent(pod, QStringLiteral("Normal"), QStringLiteral("Started"), QStringLiteral("Started container %1").arg(cname));
        if (crash)
            m_ctx.writer->emitEvent(pod, QStringLiteral("Warning"), QStringLiteral("BackOff"), QStringLiteral("Back-off restarting failed container %1 in pod %2").arg(cname, name));
    }
    if (crash || behavior == QLatin1String("complete"))
        m_podLife.insert(podKeyString(ns, name), PodLife{behavior, QDateTime::currentDateTimeUtc().addSecs(crash ? 10 : 3)});
    m_ctx.writer->afterWrite(*m_ctx.findType(QString(), QStringLiteral("v1"), QStringLiteral("pods")), pod, false);
}

void PodLifecycle::lifeTick()
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const auto lives = m_podLife;
    for (auto it = lives.begin(); it != lives.end(); ++it) {
        if (it->next > now)
            continue;
        const QString key = it.key();
        const QString ns = key.section(QLatin1Char('/'), 0, 0);
        const QString name = key.section(QLatin1Char('/'), 1);
        const QJsonObject *current = m_ctx.store.get(podsGvr, ns, name);
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
                m_ctx.writer->emitEvent(pod, QStringLiteral("Warning"), QStringLiteral("BackOff"),
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
        m_ctx.store.put(podsGvr, pod);
        m_ctx.writer->afterWrite(*m_ctx.findType(QString(), QStringLiteral("v1"), QStringLiteral("pods")), pod, false);
    }
}

QString PodLifecycle::chooseNode(const QJsonObject &pod) const
{
    const QJsonObject spec = pod.value(kSpec).toObject();
    const QStringList wanted = affinityNodeNames(spec);
    for (const auto &[nodeName, node] : m_ctx.store.objects(nodesGvr)) {
        if ((wanted.isEmpty() || wanted.contains(nodeName)) && nodeFits(spec, node))
            return nodeName;
    }
    return {};
}

} // namespace Qluster
