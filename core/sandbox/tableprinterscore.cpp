// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
#include "tableprinterparts.h"

#include <QStringList>

// The Table printers of the core group: pods, nodes, services, configuration, claims,
// volumes, quotas, events.

namespace Qluster::TablePrinterParts {

using namespace TableFormat;

namespace {

// The STATUS column of `kubectl get pods`, following kubectl's printPod.
QString podStatus(const QJsonObject &pod, int *restarts, int *ready, int *total)
{
    const QJsonObject status = pod.value(QLatin1String("status")).toObject();
    QString reason = status.value(QLatin1String("phase")).toString();
    if (!status.value(QLatin1String("reason")).toString().isEmpty())
        reason = status.value(QLatin1String("reason")).toString();
    *total = int(at(pod, {"spec", "containers"}).toArray().size());
    *ready = 0;
    *restarts = 0;
    bool initializing = false;
    const QJsonArray initStatuses = status.value(QLatin1String("initContainerStatuses")).toArray();
    for (qsizetype i = 0; i < initStatuses.size(); ++i) {
        const QJsonObject cs = initStatuses.at(i).toObject();
        *restarts += cs.value(QLatin1String("restartCount")).toInt();
        const QJsonObject state = cs.value(QLatin1String("state")).toObject();
        const QJsonObject term = state.value(QLatin1String("terminated")).toObject();
        if (!term.isEmpty() && term.value(QLatin1String("exitCode")).toInt() == 0)
            continue;
        initializing = true;
        const QString waiting =
            state.value(QLatin1String("waiting")).toObject().value(QLatin1String("reason")).toString();
        if (!waiting.isEmpty() && waiting != QLatin1String("PodInitializing"))
            reason = QStringLiteral("Init:") + waiting;
        else
            reason = QStringLiteral("Init:%1/%2").arg(i).arg(initStatuses.size());
        break;
    }
    if (!initializing) {
        bool hasRunning = false;
        const QJsonArray statuses = status.value(QLatin1String("containerStatuses")).toArray();
        for (qsizetype i = statuses.size() - 1; i >= 0; --i) {
            const QJsonObject cs = statuses.at(i).toObject();
            *restarts += cs.value(QLatin1String("restartCount")).toInt();
            const QJsonObject state = cs.value(QLatin1String("state")).toObject();
            const QJsonObject waiting = state.value(QLatin1String("waiting")).toObject();
            const QJsonObject term = state.value(QLatin1String("terminated")).toObject();
            if (!waiting.value(QLatin1String("reason")).toString().isEmpty()) {
                reason = waiting.value(QLatin1String("reason")).toString();
            } else if (!term.isEmpty()) {
                reason = term.value(QLatin1String("reason")).toString();
                if (reason.isEmpty())
                    reason = QStringLiteral("ExitCode:%1").arg(term.value(QLatin1String("exitCode")).toInt());
            } else if (state.contains(QLatin1String("running"))
                       && cs.value(QLatin1String("ready")).toBool()) {
                hasRunning = true;
                ++*ready;
            }
        }
        if (reason == QLatin1String("Completed") && hasRunning)
            reason = QStringLiteral("Running");
    }
    if (at(pod, {"metadata", "deletionTimestamp"}).isString())
        reason = QStringLiteral("Terminating");
    return reason;
}

QString servicePorts(const QJsonObject &svc)
{
    QStringList ports;
    for (const QJsonValue &v : at(svc, {"spec", "ports"}).toArray()) {
        const QJsonObject p = v.toObject();
        QString text = QString::number(p.value(QLatin1String("port")).toInt());
        if (p.contains(QLatin1String("nodePort")))
            text += QLatin1Char(':') + QString::number(p.value(QLatin1String("nodePort")).toInt());
        text += QLatin1Char('/') + p.value(QLatin1String("protocol")).toString(QStringLiteral("TCP"));
        ports << text;
    }
    return orNone(ports.join(QLatin1Char(',')));
}

QString nodeStatus(const QJsonObject &node)
{
    QString status = QStringLiteral("Unknown");
    for (const QJsonValue &v : at(node, {"status", "conditions"}).toArray()) {
        const QJsonObject c = v.toObject();
        if (c.value(QLatin1String("type")).toString() == QLatin1String("Ready"))
            status = c.value(QLatin1String("status")).toString() == QLatin1String("True")
                         ? QStringLiteral("Ready")
                         : QStringLiteral("NotReady");
    }
    if (at(node, {"spec", "unschedulable"}).toBool())
        status += QStringLiteral(",SchedulingDisabled");
    return status;
}

QString nodeRoles(const QJsonObject &node)
{
    QStringList roles;
    const QJsonObject labels = at(node, {"metadata", "labels"}).toObject();
    const QString prefix = QStringLiteral("node-role.kubernetes.io/");
    for (auto it = labels.begin(); it != labels.end(); ++it) {
        if (it.key().startsWith(prefix))
            roles << it.key().mid(prefix.size());
    }
    return orNone(roles.join(QLatin1Char(',')));
}

QString endpointsText(const QJsonObject &ep)
{
    QStringList list;
    for (const QJsonValue &sv : ep.value(QLatin1String("subsets")).toArray()) {
        const QJsonObject s = sv.toObject();
        const QJsonArray ports = s.value(QLatin1String("ports")).toArray();
        for (const QJsonValue &av : s.value(QLatin1String("addresses")).toArray()) {
            const QString ip = av.toObject().value(QLatin1String("ip")).toString();
            if (ports.isEmpty())
                list << ip;
            for (const QJsonValue &pv : ports)
                list << ip + QLatin1Char(':')
                            + QString::number(pv.toObject().value(QLatin1String("port")).toInt());
        }
    }
    if (list.size() > 3)
        return QStringList(list.mid(0, 3)).join(QLatin1Char(','))
               + QStringLiteral(" + %1 more...").arg(list.size() - 3);
    return orNone(list.join(QLatin1Char(',')));
}

// "RWO,ROX,RWX,RWOP" in this order whatever the order of the list (GetAccessModesAsString).
QString accessModesText(const QJsonArray &modes)
{
    static const std::pair<const char *, const char *> known[] = {
        {"ReadWriteOnce", "RWO"}, {"ReadOnlyMany", "ROX"}, {"ReadWriteMany", "RWX"}, {"ReadWriteOncePod", "RWOP"}};
    QStringList out;
    for (const auto &[mode, abbreviation] : known) {
        if (modes.contains(QJsonValue(QLatin1String(mode))))
            out << QLatin1String(abbreviation);
    }
    return out.join(QLatin1Char(','));
}

// "name: used/hard" of the hard limits, split into requests and limits (printResourceQuota).
void quotaColumns(const QJsonObject &quota, QString *requests, QString *limits)
{
    const QJsonObject hard = at(quota, {"status", "hard"}).toObject();
    const QJsonObject used = at(quota, {"status", "used"}).toObject();
    QStringList requestParts, limitParts;
    for (const QString &name : hard.keys()) { // QJsonObject keys are sorted
        const QJsonValue u = used.value(name);
        const QString text = name + QStringLiteral(": ") + (u.isUndefined() ? QStringLiteral("0") : intOrStringText(u))
                             + QLatin1Char('/') + intOrStringText(hard.value(name));
        (name.startsWith(QLatin1String("limits.")) ? limitParts : requestParts) << text;
    }
    *requests = requestParts.join(QStringLiteral(", "));
    *limits = limitParts.join(QStringLiteral(", "));
}

} // namespace

QJsonArray coreColumns(const ResourceType &type)
{
    const QString &g = type.group;
    const QString &r = type.plural;
    if (!g.isEmpty())
        return {};
    if (r == QLatin1String("pods"))
        return columns({nameCol,
                        {"Ready", "string", "The aggregate readiness state of this pod for accepting traffic.", 0, ""},
                        {"Status", "string", "The aggregate status of the containers in this pod.", 0, ""},
                        {"Restarts", "string", "The number of times the containers in this pod have been restarted and when the last container in this pod has restarted.", 0, ""},
                        ageCol,
                        {"IP", "string", "IP address allocated to the pod. Routable at least within the cluster. Empty if not yet allocated.", 1, ""},
                        {"Node", "string", "NodeName is a request to schedule this pod onto a specific node.", 1, ""},
                        {"Nominated Node", "string", "nominatedNodeName is set only when this pod preempts other pods on the node.", 1, ""},
                        {"Readiness Gates", "string", "If specified, all readiness gates will be evaluated for pod readiness.", 1, ""}});
    if (r == QLatin1String("namespaces"))
        return columns({nameCol, {"Status", "string", "The status of the namespace", 0, ""}, ageCol});
    if (r == QLatin1String("nodes"))
        return columns({nameCol, {"Status", "string", "The status of the node", 0, ""},
                        {"Roles", "string", "The roles of the node", 0, ""}, ageCol,
                        {"Version", "string", "Kubelet Version reported by the node.", 0, ""},
                        {"Internal-IP", "string", "List of internal IPs (if available).", 1, ""},
                        {"OS-Image", "string", "OS Image reported by the node.", 1, ""},
                        {"Kernel-Version", "string", "Kernel Version reported by the node.", 1, ""},
                        {"Container-Runtime", "string", "Container Runtime Version reported by the node.", 1, ""}});
    if (r == QLatin1String("services"))
        return columns({nameCol, {"Type", "string", "The type of the service.", 0, ""},
                        {"Cluster-IP", "string", "The IP address of the service.", 0, ""},
                        {"External-IP", "string", "The list of external IP addresses of the service.", 0, ""},
                        {"Port(s)", "string", "The ports exposed by the service.", 0, ""}, ageCol,
                        {"Selector", "string", "Route service traffic to pods with label keys and values matching this selector.", 1, ""}});
    if (r == QLatin1String("configmaps"))
        return columns({nameCol, {"Data", "string", "Data contains the configuration data.", 0, ""}, ageCol});
    if (r == QLatin1String("secrets"))
        return columns({nameCol, {"Type", "string", "The type of the secret", 0, ""},
                        {"Data", "string", "The number of entries in the secret's data", 0, ""}, ageCol});
    if (r == QLatin1String("serviceaccounts"))
        return columns({nameCol, {"Secrets", "string", "Secrets is the list of secrets allowed to be used by pods running using this ServiceAccount.", 0, ""}, ageCol});
    if (r == QLatin1String("endpoints"))
        return columns({nameCol, {"Endpoints", "string", "Endpoints of the service", 0, ""}, ageCol});
    if (r == QLatin1String("persistentvolumeclaims"))
        return columns({nameCol, {"Status", "string", "The phase of the claim", 0, ""},
                        {"Volume", "string", "The volume bound to this claim", 0, ""},
                        {"Capacity", "string", "The actual resources of the underlying volume", 0, ""},
                        {"Access Modes", "string", "The access modes of the volume", 0, ""},
                        {"StorageClass", "string", "The storage class of the claim", 0, ""}, ageCol});
    if (r == QLatin1String("events"))
        return columns({{"Last Seen", "string", "The time the event was last observed", 0, ""},
                        {"Type", "string", "Type of this event (Normal, Warning)", 0, ""},
                        {"Reason", "string", "A short reason for the event", 0, ""},
                        {"Object", "string", "The object this Event is about", 0, ""},
                        {"Message", "string", "A human-readable description of the event", 0, ""},
                        {"Name", "string", nameDescription, 1, "name"}});
    if (r == QLatin1String("resourcequotas"))
        return columns({nameCol, ageCol,
                        {"Request", "string", "Request represents a minimum amount of cpu/memory that a container may consume.", 0, ""},
                        {"Limit", "string", "Limits control the maximum amount of cpu/memory that a container may use independent of contention on the node.", 0, ""}});
    if (r == QLatin1String("persistentvolumes"))
        return columns({nameCol, {"Capacity", "string", "The size of the volume.", 0, ""},
                        {"Access Modes", "string", "The ways the volume can be mounted.", 0, ""},
                        {"Reclaim Policy", "string", "What happens to the volume when its claim is released.", 0, ""},
                        {"Status", "string", "The phase of the volume.", 0, ""},
                        {"Claim", "string", "The claim bound to the volume.", 0, ""},
                        {"StorageClass", "string", "StorageClass of the pv", 0, ""},
                        {"VolumeAttributesClass", "string", "VolumeAttributesClass of the pv", 0, ""},
                        {"Reason", "string", "Why the volume is in this phase.", 0, ""}, ageCol,
                        {"VolumeMode", "string", "Filesystem or Block.", 1, ""}});
    return {};
}

std::optional<QJsonArray> coreCells(const ResourceType &type, const QJsonObject &o, const QDateTime &now)
{
    const QString &g = type.group;
    const QString &r = type.plural;
    const QString name = str(o, {"metadata", "name"});
    QJsonArray cells;
    if (g.isEmpty() && r == QLatin1String("pods")) {
        int restarts = 0, ready = 0, total = 0;
        const QString status = podStatus(o, &restarts, &ready, &total);
        QStringList gates;
        for (const QJsonValue &gv : at(o, {"spec", "readinessGates"}).toArray())
            gates << gv.toObject().value(QLatin1String("conditionType")).toString();
        cells << name << QStringLiteral("%1/%2").arg(ready).arg(total) << status << restarts
              << age(o, now) << orNone(str(o, {"status", "podIP"}))
              << orNone(str(o, {"spec", "nodeName"}))
              << orNone(str(o, {"status", "nominatedNodeName"}))
              << orNone(gates.join(QLatin1Char(',')));
    } else if (g.isEmpty() && r == QLatin1String("namespaces")) {
        cells << name << str(o, {"status", "phase"}) << age(o, now);
    } else if (g.isEmpty() && r == QLatin1String("nodes")) {
        QString internalIp;
        for (const QJsonValue &a : at(o, {"status", "addresses"}).toArray()) {
            if (a.toObject().value(QLatin1String("type")).toString() == QLatin1String("InternalIP"))
                internalIp = a.toObject().value(QLatin1String("address")).toString();
        }
        cells << name << nodeStatus(o) << nodeRoles(o) << age(o, now)
              << str(o, {"status", "nodeInfo", "kubeletVersion"}) << orNone(internalIp)
              << str(o, {"status", "nodeInfo", "osImage"})
              << str(o, {"status", "nodeInfo", "kernelVersion"})
              << str(o, {"status", "nodeInfo", "containerRuntimeVersion"});
    } else if (g.isEmpty() && r == QLatin1String("services")) {
        QStringList external;
        for (const QJsonValue &v : at(o, {"spec", "externalIPs"}).toArray())
            external << v.toString();
        for (const QJsonValue &v : at(o, {"status", "loadBalancer", "ingress"}).toArray())
            external << v.toObject().value(QLatin1String("ip")).toString();
        QString ext = external.join(QLatin1Char(','));
        if (ext.isEmpty())
            ext = str(o, {"spec", "type"}) == QLatin1String("LoadBalancer") ? QStringLiteral("<pending>")
                                                                             : QStringLiteral("<none>");
        cells << name << str(o, {"spec", "type"}) << orNone(str(o, {"spec", "clusterIP"})) << ext
              << servicePorts(o) << age(o, now)
              << mapSelectorText(at(o, {"spec", "selector"}).toObject());
    } else if (g.isEmpty() && r == QLatin1String("configmaps")) {
        cells << name
              << int(o.value(QLatin1String("data")).toObject().size()
                     + o.value(QLatin1String("binaryData")).toObject().size())
              << age(o, now);
    } else if (g.isEmpty() && r == QLatin1String("secrets")) {
        cells << name << str(o, {"type"})
              << int(o.value(QLatin1String("data")).toObject().size()) << age(o, now);
    } else if (g.isEmpty() && r == QLatin1String("serviceaccounts")) {
        cells << name << int(o.value(QLatin1String("secrets")).toArray().size()) << age(o, now);
    } else if (g.isEmpty() && r == QLatin1String("endpoints")) {
        cells << name << endpointsText(o) << age(o, now);
    } else if (g.isEmpty() && r == QLatin1String("persistentvolumeclaims")) {
        cells << name << str(o, {"status", "phase"}) << str(o, {"spec", "volumeName"})
              << str(o, {"status", "capacity", "storage"}) << accessModesText(at(o, {"status", "accessModes"}).toArray())
              << orNone(str(o, {"spec", "storageClassName"})) << age(o, now);
    } else if (g.isEmpty() && r == QLatin1String("events")) {
        QString last = str(o, {"lastTimestamp"});
        if (last.isEmpty())
            last = str(o, {"eventTime"});
        if (last.isEmpty())
            last = str(o, {"metadata", "creationTimestamp"});
        cells << sinceTime(last, now) << str(o, {"type"}) << str(o, {"reason"})
              << QString(str(o, {"involvedObject", "kind"}).toLower() + QLatin1Char('/')
                         + str(o, {"involvedObject", "name"}))
              << str(o, {"message"}) << name;
    } else if (g.isEmpty() && r == QLatin1String("resourcequotas")) {
        QString requests, limits;
        quotaColumns(o, &requests, &limits);
        cells << name << age(o, now) << requests << limits;
    } else if (g.isEmpty() && r == QLatin1String("persistentvolumes")) {
        const QJsonObject claim = at(o, {"spec", "claimRef"}).toObject();
        QString storageClass = at(o, {"metadata", "annotations"}).toObject().value(QLatin1String("volume.beta.kubernetes.io/storage-class")).toString();
        if (storageClass.isEmpty())
            storageClass = str(o, {"spec", "storageClassName"});
        const QString phase = at(o, {"metadata", "deletionTimestamp"}).isString() ? QStringLiteral("Terminating")
                                                                                  : str(o, {"status", "phase"});
        const QString attributesClass = str(o, {"spec", "volumeAttributesClassName"});
        const QString mode = str(o, {"spec", "volumeMode"});
        cells << name << str(o, {"spec", "capacity", "storage"}) << accessModesText(at(o, {"spec", "accessModes"}).toArray())
              << str(o, {"spec", "persistentVolumeReclaimPolicy"}) << phase
              << (claim.isEmpty() ? QString() : claim.value(QLatin1String("namespace")).toString() + QLatin1Char('/')
                                                    + claim.value(QLatin1String("name")).toString())
              << storageClass << (attributesClass.isEmpty() ? QStringLiteral("<unset>") : attributesClass)
              << str(o, {"status", "reason"}) << age(o, now) << (mode.isEmpty() ? QStringLiteral("<unset>") : mode);
    } else {
        return std::nullopt;
    }
    return cells;
}

} // namespace Qluster::TablePrinterParts
