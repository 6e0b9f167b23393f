// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
#include "tableprinter.h"

#include "autoscalingconversion.h"

#include <QJsonDocument>
#include <QRegularExpression>
#include <QStringList>

#include <optional>

namespace Qluster {

namespace {

const char nameDescription[] =
    "Name must be unique within a namespace. Is required when creating resources, although some "
    "resources may allow a client to request the generation of an appropriate name automatically. "
    "Name is primarily intended for creation idempotence and configuration definition. Cannot be "
    "updated. More info: http://kubernetes.io/docs/user-guide/identifiers#names";
const char ageDescription[] =
    "CreationTimestamp is a timestamp representing the server time when this object was created. "
    "It is not guaranteed to be set in happens-before order across separate operations. Clients "
    "may not set this value. It is represented in RFC3339 form and is in UTC.\n\nPopulated by the "
    "system. Read-only. Null for lists. More info: "
    "https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata";

struct Col
{
    const char *name;
    const char *type;
    const char *description;
    int priority;
    const char *format;
};

QJsonObject column(const QString &name, const QString &type, const QString &format,
                   const QString &description, int priority)
{
    return QJsonObject{{QStringLiteral("name"), name},
                       {QStringLiteral("type"), type},
                       {QStringLiteral("format"), format},
                       {QStringLiteral("description"), description},
                       {QStringLiteral("priority"), priority}};
}

QJsonArray columns(std::initializer_list<Col> cols)
{
    QJsonArray a;
    for (const Col &c : cols) {
        a.append(column(QLatin1String(c.name), QLatin1String(c.type), QLatin1String(c.format),
                        QLatin1String(c.description), c.priority));
    }
    return a;
}

constexpr Col nameCol{"Name", "string", nameDescription, 0, "name"};
constexpr Col ageCol{"Age", "string", ageDescription, 0, ""};

QJsonValue at(const QJsonObject &o, std::initializer_list<const char *> path)
{
    QJsonValue v = o;
    for (const char *p : path)
        v = v.toObject().value(QLatin1String(p));
    return v;
}

QString str(const QJsonObject &o, std::initializer_list<const char *> path)
{
    return at(o, path).toString();
}

int num(const QJsonObject &o, std::initializer_list<const char *> path)
{
    return at(o, path).toInt();
}

QString orNone(const QString &s)
{
    return s.isEmpty() ? QStringLiteral("<none>") : s;
}

QString age(const QJsonObject &o, const QDateTime &now)
{
    const QString ts = str(o, {"metadata", "creationTimestamp"});
    const QDateTime created = QDateTime::fromString(ts, Qt::ISODate);
    if (!created.isValid())
        return QStringLiteral("<unknown>");
    return TablePrinter::humanDuration(created.secsTo(now));
}

QString sinceTime(const QString &ts, const QDateTime &now)
{
    const QDateTime t = QDateTime::fromString(ts, Qt::ISODate);
    return t.isValid() ? TablePrinter::humanDuration(t.secsTo(now)) : QStringLiteral("<unknown>");
}

QString containerField(const QJsonObject &podSpec, const char *field)
{
    QStringList values;
    for (const QJsonValue &c : podSpec.value(QLatin1String("containers")).toArray())
        values << c.toObject().value(QLatin1String(field)).toString();
    return values.join(QLatin1Char(','));
}

QString selectorText(const QJsonObject &selector)
{
    QStringList parts;
    const QJsonObject labels = selector.value(QLatin1String("matchLabels")).toObject();
    for (auto it = labels.begin(); it != labels.end(); ++it)
        parts << it.key() + QLatin1Char('=') + it.value().toString();
    for (const QJsonValue &e : selector.value(QLatin1String("matchExpressions")).toArray()) {
        const QJsonObject x = e.toObject();
        QStringList values;
        for (const QJsonValue &v : x.value(QLatin1String("values")).toArray())
            values << v.toString();
        const QString op = x.value(QLatin1String("operator")).toString();
        const QString key = x.value(QLatin1String("key")).toString();
        if (op == QLatin1String("Exists"))
            parts << key;
        else if (op == QLatin1String("DoesNotExist"))
            parts << QLatin1Char('!') + key;
        else
            parts << key + QLatin1Char(' ') + op.toLower() + QStringLiteral(" (")
                         + values.join(QLatin1Char(',')) + QLatin1Char(')');
    }
    return orNone(parts.join(QLatin1Char(',')));
}

QString mapSelectorText(const QJsonObject &labels)
{
    QStringList parts;
    for (auto it = labels.begin(); it != labels.end(); ++it)
        parts << it.key() + QLatin1Char('=') + it.value().toString();
    return orNone(parts.join(QLatin1Char(',')));
}

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

QString roleRefText(const QJsonObject &binding)
{
    return str(binding, {"roleRef", "kind"}) + QLatin1Char('/') + str(binding, {"roleRef", "name"});
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

// An IntOrString as intstr.String() prints it.
QString intOrStringText(const QJsonValue &v)
{
    return v.isDouble() ? QString::number(v.toInt()) : v.toString();
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

// The TARGETS column of an autoscaling/v2 HorizontalPodAutoscaler (formatHPAMetrics): each
// metric as "current/target", "<unknown>" for a current value not read yet, two at most.
QString hpaTargets(const QJsonObject &hpa)
{
    const QJsonArray specs = at(hpa, {"spec", "metrics"}).toArray();
    if (specs.isEmpty())
        return QStringLiteral("<none>");
    const QJsonArray statuses = at(hpa, {"status", "currentMetrics"}).toArray();
    const QString unknown = QStringLiteral("<unknown>");
    QStringList list;
    for (qsizetype i = 0; i < specs.size(); ++i) {
        const QJsonObject spec = specs.at(i).toObject();
        const QString type = spec.value(QLatin1String("type")).toString();
        const QString field = type.isEmpty() ? QString() : type.at(0).toLower() + type.mid(1);
        const QJsonObject source = spec.value(field).toObject();
        const QJsonObject target = source.value(QLatin1String("target")).toObject();
        const QJsonObject current = statuses.at(i).toObject().value(field).toObject().value(QLatin1String("current")).toObject();
        auto currentOf = [&](const char *key) {
            return current.contains(QLatin1String(key)) ? intOrStringText(current.value(QLatin1String(key))) : unknown;
        };
        if (type == QLatin1String("Resource") || type == QLatin1String("ContainerResource")) {
            const QString name = source.value(QLatin1String("name")).toString() + QStringLiteral(": ");
            if (target.contains(QLatin1String("averageValue"))) {
                list << name + currentOf("averageValue") + QLatin1Char('/') + intOrStringText(target.value(QLatin1String("averageValue")));
            } else {
                const QString now = current.contains(QLatin1String("averageUtilization"))
                                        ? QStringLiteral("%1%").arg(current.value(QLatin1String("averageUtilization")).toInt())
                                        : unknown;
                const QString goal = target.contains(QLatin1String("averageUtilization"))
                                         ? QStringLiteral("%1%").arg(target.value(QLatin1String("averageUtilization")).toInt())
                                         : QStringLiteral("<auto>");
                list << name + now + QLatin1Char('/') + goal;
            }
        } else if (type == QLatin1String("Pods")) {
            list << currentOf("averageValue") + QLatin1Char('/') + intOrStringText(target.value(QLatin1String("averageValue")));
        } else if (type == QLatin1String("Object") || type == QLatin1String("External")) {
            if (target.contains(QLatin1String("averageValue")))
                list << currentOf("averageValue") + QLatin1Char('/') + intOrStringText(target.value(QLatin1String("averageValue"))) + QStringLiteral(" (avg)");
            else
                list << currentOf("value") + QLatin1Char('/') + intOrStringText(target.value(QLatin1String("value")));
        } else {
            list << QStringLiteral("<unknown type>");
        }
    }
    if (list.size() > 2)
        return QStringList(list.mid(0, 2)).join(QStringLiteral(", ")) + QStringLiteral(" + %1 more...").arg(list.size() - 2);
    return list.join(QStringLiteral(", "));
}

bool isDefaultStorageClass(const QJsonObject &o)
{
    const QJsonObject annotations = at(o, {"metadata", "annotations"}).toObject();
    return annotations.value(QLatin1String("storageclass.kubernetes.io/is-default-class")).toString() == QLatin1String("true")
           || annotations.value(QLatin1String("storageclass.beta.kubernetes.io/is-default-class")).toString() == QLatin1String("true");
}

// Columns of the kinds cluster administrators list (quotas, storage, policies, autoscalers),
// as pkg/printers/internalversion/printers.go of v1.32 declares them; empty for other kinds.
QJsonArray administrationColumns(const ResourceType &type)
{
    const QString &g = type.group;
    const QString &r = type.plural;
    if (g.isEmpty() && r == QLatin1String("resourcequotas"))
        return columns({nameCol, ageCol,
                        {"Request", "string", "Request represents a minimum amount of cpu/memory that a container may consume.", 0, ""},
                        {"Limit", "string", "Limits control the maximum amount of cpu/memory that a container may use independent of contention on the node.", 0, ""}});
    if (g.isEmpty() && r == QLatin1String("persistentvolumes"))
        return columns({nameCol, {"Capacity", "string", "The size of the volume.", 0, ""},
                        {"Access Modes", "string", "The ways the volume can be mounted.", 0, ""},
                        {"Reclaim Policy", "string", "What happens to the volume when its claim is released.", 0, ""},
                        {"Status", "string", "The phase of the volume.", 0, ""},
                        {"Claim", "string", "The claim bound to the volume.", 0, ""},
                        {"StorageClass", "string", "StorageClass of the pv", 0, ""},
                        {"VolumeAttributesClass", "string", "VolumeAttributesClass of the pv", 0, ""},
                        {"Reason", "string", "Why the volume is in this phase.", 0, ""}, ageCol,
                        {"VolumeMode", "string", "Filesystem or Block.", 1, ""}});
    if (g == QLatin1String("autoscaling") && r == QLatin1String("horizontalpodautoscalers"))
        return columns({nameCol, {"Reference", "string", "The workload being scaled.", 0, ""},
                        {"Targets", "string", "The metrics, current value against target.", 0, ""},
                        {"MinPods", "string", "Fewest replicas.", 0, ""},
                        {"MaxPods", "string", "Most replicas.", 0, ""},
                        {"Replicas", "string", "Current replicas of the workload.", 0, ""}, ageCol});
    if (g == QLatin1String("policy") && r == QLatin1String("poddisruptionbudgets"))
        return columns({nameCol, {"Min Available", "string", "The minimum number of pods that must be available.", 0, ""},
                        {"Max Unavailable", "string", "The maximum number of pods that may be unavailable.", 0, ""},
                        {"Allowed Disruptions", "integer", "Calculated number of pods that may be disrupted at this time.", 0, ""},
                        ageCol});
    if (g == QLatin1String("networking.k8s.io") && r == QLatin1String("networkpolicies"))
        return columns({nameCol, {"Pod-Selector", "string", "The pods the policy applies to.", 0, ""}, ageCol});
    if (g == QLatin1String("networking.k8s.io") && r == QLatin1String("ingressclasses"))
        return columns({nameCol, {"Controller", "string", "Controller that is responsible for handling this class", 0, ""},
                        {"Parameters", "string", "A reference to a resource with additional parameters", 0, ""}, ageCol});
    if (g == QLatin1String("storage.k8s.io") && r == QLatin1String("storageclasses"))
        return columns({nameCol, {"Provisioner", "string", "The provisioner of volumes of this class.", 0, ""},
                        {"ReclaimPolicy", "string", "The reclaim policy of provisioned volumes.", 0, ""},
                        {"VolumeBindingMode", "string", "When claims are bound and volumes provisioned.", 0, ""},
                        {"AllowVolumeExpansion", "string", "Whether claims may grow.", 0, ""}, ageCol});
    if (g == QLatin1String("coordination.k8s.io") && r == QLatin1String("leases"))
        return columns({nameCol, {"Holder", "string", "The identity of the holder of the lease.", 0, ""}, ageCol});
    // kube-aggregator's own table convertor (pkg/registry/apiservice/etcd).
    if (g == QLatin1String("apiregistration.k8s.io") && r == QLatin1String("apiservices"))
        return columns({nameCol, {"Service", "string", "The reference to the service that hosts this API endpoint.", 0, ""},
                        {"Available", "string", "Whether this service is available.", 0, ""}, ageCol});
    if (g == QLatin1String("scheduling.k8s.io") && r == QLatin1String("priorityclasses"))
        return columns({nameCol, {"Value", "integer", "The priority of pods of this class.", 0, ""},
                        {"Global-Default", "boolean", "Whether pods without a priority class get this one.", 0, ""}, ageCol,
                        {"PreemptionPolicy", "string", "Whether pods of this class preempt lower ones.", 1, ""}});
    return {};
}

std::optional<QJsonArray> administrationCells(const ResourceType &type, const QJsonObject &o, const QDateTime &now)
{
    const QString &g = type.group;
    const QString &r = type.plural;
    const QString name = str(o, {"metadata", "name"});
    QJsonArray cells;
    if (g.isEmpty() && r == QLatin1String("resourcequotas")) {
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
    } else if (g == QLatin1String("autoscaling") && r == QLatin1String("horizontalpodautoscalers")) {
        // One printer for both versions, as upstream prints the internal form.
        const QJsonObject v2 = str(o, {"apiVersion"}) == QLatin1String("autoscaling/v1") ? AutoscalingConversion::toV2(o) : o;
        const QJsonValue minReplicas = at(v2, {"spec", "minReplicas"});
        cells << name << QString(str(v2, {"spec", "scaleTargetRef", "kind"}) + QLatin1Char('/') + str(v2, {"spec", "scaleTargetRef", "name"}))
              << hpaTargets(v2) << (minReplicas.isDouble() ? QString::number(minReplicas.toInt()) : QStringLiteral("<unset>"))
              << num(v2, {"spec", "maxReplicas"}) << num(v2, {"status", "currentReplicas"}) << age(v2, now);
    } else if (g == QLatin1String("policy") && r == QLatin1String("poddisruptionbudgets")) {
        const QJsonValue minAvailable = at(o, {"spec", "minAvailable"});
        const QJsonValue maxUnavailable = at(o, {"spec", "maxUnavailable"});
        cells << name << (minAvailable.isUndefined() || minAvailable.isNull() ? QStringLiteral("N/A") : intOrStringText(minAvailable))
              << (maxUnavailable.isUndefined() || maxUnavailable.isNull() ? QStringLiteral("N/A") : intOrStringText(maxUnavailable))
              << num(o, {"status", "disruptionsAllowed"}) << age(o, now);
    } else if (g == QLatin1String("networking.k8s.io") && r == QLatin1String("networkpolicies")) {
        cells << name << selectorText(at(o, {"spec", "podSelector"}).toObject()) << age(o, now);
    } else if (g == QLatin1String("networking.k8s.io") && r == QLatin1String("ingressclasses")) {
        const QJsonObject parameters = at(o, {"spec", "parameters"}).toObject();
        QString text = QStringLiteral("<none>");
        if (!parameters.isEmpty()) {
            text = parameters.value(QLatin1String("kind")).toString();
            if (parameters.contains(QLatin1String("apiGroup")))
                text += QLatin1Char('.') + parameters.value(QLatin1String("apiGroup")).toString();
            text += QLatin1Char('/') + parameters.value(QLatin1String("name")).toString();
        }
        cells << name << str(o, {"spec", "controller"}) << text << age(o, now);
    } else if (g == QLatin1String("storage.k8s.io") && r == QLatin1String("storageclasses")) {
        const QString reclaim = str(o, {"reclaimPolicy"});
        const QString binding = str(o, {"volumeBindingMode"});
        cells << (isDefaultStorageClass(o) ? name + QStringLiteral(" (default)") : name) << str(o, {"provisioner"})
              << (reclaim.isEmpty() ? QStringLiteral("Delete") : reclaim)
              << (binding.isEmpty() ? QStringLiteral("Immediate") : binding)
              << at(o, {"allowVolumeExpansion"}).toBool() << age(o, now);
    } else if (g == QLatin1String("coordination.k8s.io") && r == QLatin1String("leases")) {
        cells << name << str(o, {"spec", "holderIdentity"}) << age(o, now);
    } else if (g == QLatin1String("apiregistration.k8s.io") && r == QLatin1String("apiservices")) {
        const QJsonObject service = at(o, {"spec", "service"}).toObject();
        QString available = QStringLiteral("Unknown");
        for (const QJsonValue &c : at(o, {"status", "conditions"}).toArray()) {
            const QJsonObject condition = c.toObject();
            if (condition.value(QLatin1String("type")).toString() != QLatin1String("Available"))
                continue;
            const QString status = condition.value(QLatin1String("status")).toString();
            const QString reason = condition.value(QLatin1String("reason")).toString();
            available = status == QLatin1String("True") || reason.isEmpty() ? status
                                                                           : status + QStringLiteral(" (") + reason + QLatin1Char(')');
            break;
        }
        cells << name
              << (service.isEmpty() ? QStringLiteral("Local")
                                    : service.value(QLatin1String("namespace")).toString() + QLatin1Char('/')
                                          + service.value(QLatin1String("name")).toString())
              << available << age(o, now);
    } else if (g == QLatin1String("scheduling.k8s.io") && r == QLatin1String("priorityclasses")) {
        cells << name << num(o, {"value"}) << at(o, {"globalDefault"}).toBool() << age(o, now)
              << str(o, {"preemptionPolicy"});
    } else {
        return std::nullopt;
    }
    return cells;
}

} // namespace

TablePrinter::IncludeObject TablePrinter::parseIncludeObject(const QString &value)
{
    if (value == QLatin1String("None"))
        return IncludeObject::None;
    if (value == QLatin1String("Object"))
        return IncludeObject::Object;
    return IncludeObject::Metadata;
}

QString TablePrinter::humanDuration(qint64 seconds)
{
    if (seconds < -1)
        return QStringLiteral("<invalid>");
    if (seconds < 0)
        return QStringLiteral("0s");
    if (seconds < 60 * 2)
        return QStringLiteral("%1s").arg(seconds);
    const qint64 minutes = seconds / 60;
    if (minutes < 10) {
        const qint64 s = seconds % 60;
        return s == 0 ? QStringLiteral("%1m").arg(minutes) : QStringLiteral("%1m%2s").arg(minutes).arg(s);
    }
    if (minutes < 60 * 3)
        return QStringLiteral("%1m").arg(minutes);
    const qint64 hours = minutes / 60;
    if (hours < 8) {
        const qint64 m = minutes % 60;
        return m == 0 ? QStringLiteral("%1h").arg(hours) : QStringLiteral("%1h%2m").arg(hours).arg(m);
    }
    if (hours < 48)
        return QStringLiteral("%1h").arg(hours);
    if (hours < 24 * 8) {
        const qint64 h = hours % 24;
        return h == 0 ? QStringLiteral("%1d").arg(hours / 24)
                      : QStringLiteral("%1d%2h").arg(hours / 24).arg(h);
    }
    if (hours < 24 * 365 * 2)
        return QStringLiteral("%1d").arg(hours / 24);
    if (hours < 24 * 365 * 8) {
        const qint64 d = (hours / 24) % 365;
        return d == 0 ? QStringLiteral("%1y").arg(hours / 24 / 365)
                      : QStringLiteral("%1y%2d").arg(hours / 24 / 365).arg(d);
    }
    return QStringLiteral("%1y").arg(hours / 24 / 365);
}

QJsonValue TablePrinter::evaluateJsonPath(const QJsonObject &object, const QString &path)
{
    // Tokens: .field, [n], [?(@.key=="value")] (also with single quotes or without quotes).
    static const QRegularExpression token(QStringLiteral(
        R"(\.([A-Za-z0-9_\-]+)|\[(\d+)\]|\[\?\(@\.([A-Za-z0-9_\-]+)\s*==\s*['"]?([^'"\)]*)['"]?\)\])"));
    QString p = path.trimmed();
    if (p.startsWith(QLatin1Char('{')) && p.endsWith(QLatin1Char('}')))
        p = p.mid(1, p.size() - 2);
    if (p.startsWith(QLatin1Char('$')))
        p = p.mid(1);
    QJsonValue v = object;
    qsizetype pos = 0;
    while (pos < p.size()) {
        const auto m = token.match(p, pos, QRegularExpression::NormalMatch,
                                   QRegularExpression::AnchorAtOffsetMatchOption);
        if (!m.hasMatch())
            return QJsonValue::Null;
        pos = m.capturedEnd();
        if (m.capturedLength(1) > 0) {
            if (!v.isObject())
                return QJsonValue::Null;
            v = v.toObject().value(m.captured(1));
        } else if (m.capturedLength(2) > 0) {
            const QJsonArray a = v.toArray();
            const int i = m.captured(2).toInt();
            if (i >= a.size())
                return QJsonValue::Null;
            v = a.at(i);
        } else {
            QJsonValue found = QJsonValue::Undefined;
            for (const QJsonValue &e : v.toArray()) {
                const QJsonValue field = e.toObject().value(m.captured(3));
                const QString text = field.isString() ? field.toString()
                                                      : QString::fromUtf8(QJsonDocument(QJsonArray{field}).toJson(QJsonDocument::Compact)).mid(1).chopped(1);
                if (text == m.captured(4)) {
                    found = e;
                    break;
                }
            }
            v = found;
        }
        if (v.isUndefined())
            return QJsonValue::Null;
    }
    return v.isUndefined() ? QJsonValue(QJsonValue::Null) : v;
}

QJsonArray TablePrinter::columnDefinitions(const ResourceType &type)
{
    if (type.isCustom && !type.printerColumns.isEmpty()) {
        QJsonArray a;
        a.append(column(QStringLiteral("Name"), QStringLiteral("string"), QStringLiteral("name"),
                        QLatin1String(nameDescription), 0));
        bool hasAge = false;
        for (const PrinterColumn &c : type.printerColumns) {
            a.append(column(c.name, c.type, c.format, c.description, c.priority));
            hasAge = hasAge || c.jsonPath == QLatin1String(".metadata.creationTimestamp");
        }
        if (!hasAge)
            a.append(column(QStringLiteral("Age"), QStringLiteral("date"), QString(),
                            QLatin1String(ageDescription), 0));
        return a;
    }
    if (const QJsonArray administration = administrationColumns(type); !administration.isEmpty())
        return administration;
    const QString &r = type.plural;
    if (type.group.isEmpty()) {
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
    } else if (type.group == QLatin1String("apps")) {
        if (r == QLatin1String("deployments"))
            return columns({nameCol, {"Ready", "string", "Number of the pod with ready state", 0, ""},
                            {"Up-to-date", "string", "Total number of non-terminated pods targeted by this deployment that have the desired template spec.", 0, ""},
                            {"Available", "string", "Total number of available pods (ready for at least minReadySeconds) targeted by this deployment.", 0, ""},
                            ageCol,
                            {"Containers", "string", "Names of each container in the template.", 1, ""},
                            {"Images", "string", "Images referenced by each container in the template.", 1, ""},
                            {"Selector", "string", "Label selector for pods. Existing ReplicaSets whose pods are selected by this will be the ones affected by this deployment.", 1, ""}});
        if (r == QLatin1String("replicasets"))
            return columns({nameCol, {"Desired", "integer", "Number of desired pods.", 0, ""},
                            {"Current", "integer", "The most recently observed number of replicas.", 0, ""},
                            {"Ready", "integer", "The number of ready replicas for this replica set.", 0, ""}, ageCol,
                            {"Containers", "string", "Names of each container in the template.", 1, ""},
                            {"Images", "string", "Images referenced by each container in the template.", 1, ""},
                            {"Selector", "string", "Selector is a label query over pods that should match the replica count.", 1, ""}});
        if (r == QLatin1String("statefulsets"))
            return columns({nameCol, {"Ready", "string", "Number of the pod with ready state", 0, ""}, ageCol,
                            {"Containers", "string", "Names of each container in the template.", 1, ""},
                            {"Images", "string", "Images referenced by each container in the template.", 1, ""}});
        if (r == QLatin1String("daemonsets"))
            return columns({nameCol, {"Desired", "integer", "The total number of nodes that should be running the daemon pod.", 0, ""},
                            {"Current", "integer", "The number of nodes that are running at least 1 daemon pod.", 0, ""},
                            {"Ready", "integer", "The number of nodes that should be running the daemon pod and have one or more running and ready.", 0, ""},
                            {"Up-to-date", "integer", "The total number of nodes that are running updated daemon pod", 0, ""},
                            {"Available", "integer", "The number of nodes that should be running the daemon pod and have one or more available.", 0, ""},
                            {"Node Selector", "string", "NodeSelector is a selector which must be true for the pod to fit on a node.", 0, ""}, ageCol,
                            {"Containers", "string", "Names of each container in the template.", 1, ""},
                            {"Images", "string", "Images referenced by each container in the template.", 1, ""},
                            {"Selector", "string", "A label query over pods that are managed by the daemon set.", 1, ""}});
    } else if (type.group == QLatin1String("batch")) {
        if (r == QLatin1String("jobs"))
            return columns({nameCol, {"Status", "string", "Status of the job.", 0, ""},
                            {"Completions", "string", "The desired number of successfully finished pods the job should be run with.", 0, ""},
                            {"Duration", "string", "Time required to complete the job.", 0, ""}, ageCol,
                            {"Containers", "string", "Names of each container in the template.", 1, ""},
                            {"Images", "string", "Images referenced by each container in the template.", 1, ""},
                            {"Selector", "string", "A label query over pods that should match the pod count.", 1, ""}});
        if (r == QLatin1String("cronjobs"))
            return columns({nameCol, {"Schedule", "string", "The schedule in Cron format.", 0, ""},
                            {"Timezone", "string", "The time zone name for the given schedule.", 0, ""},
                            {"Suspend", "boolean", "This flag tells the controller to suspend subsequent executions.", 0, ""},
                            {"Active", "integer", "A list of pointers to currently running jobs.", 0, ""},
                            {"Last Schedule", "string", "Information when was the last time the job was successfully scheduled.", 0, ""}, ageCol,
                            {"Containers", "string", "Names of each container in the template.", 1, ""},
                            {"Images", "string", "Images referenced by each container in the template.", 1, ""},
                            {"Selector", "string", "A label query over pods that should match the pod count.", 1, ""}});
    } else if (type.group == QLatin1String("networking.k8s.io") && r == QLatin1String("ingresses")) {
        return columns({nameCol, {"Class", "string", "The name of the IngressClass resource.", 0, ""},
                        {"Hosts", "string", "Hosts that incoming requests are matched against.", 0, ""},
                        {"Address", "string", "Address is a list containing ingress points for the load-balancer", 0, ""},
                        {"Ports", "string", "Ports of TLS configurations that open", 0, ""}, ageCol});
    } else if (type.group == QLatin1String("rbac.authorization.k8s.io")) {
        if (r == QLatin1String("rolebindings") || r == QLatin1String("clusterrolebindings"))
            return columns({nameCol, {"Role", "string", "RoleRef can reference a Role in the current namespace or a ClusterRole in the global namespace.", 0, ""}, ageCol,
                            {"Users", "string", "Users in the binding", 1, ""},
                            {"Groups", "string", "Groups in the binding", 1, ""},
                            {"ServiceAccounts", "string", "ServiceAccounts in the binding", 1, ""}});
    }
    // The apiserver's default table convertor.
    return columns({nameCol, {"Created At", "date", ageDescription, 0, ""}});
}

QJsonObject TablePrinter::row(const ResourceType &type, const QJsonObject &o, IncludeObject include,
                              const QDateTime &now)
{
    QJsonArray cells;
    const QString name = str(o, {"metadata", "name"});
    const QString &r = type.plural;
    const QString g = type.group;
    auto podTemplate = [&o] { return at(o, {"spec", "template", "spec"}).toObject(); };
    if (type.isCustom && !type.printerColumns.isEmpty()) {
        cells << name;
        bool hasAge = false;
        for (const PrinterColumn &c : type.printerColumns) {
            const QJsonValue v = evaluateJsonPath(o, c.jsonPath);
            hasAge = hasAge || c.jsonPath == QLatin1String(".metadata.creationTimestamp");
            if (c.type == QLatin1String("date") && v.isString())
                cells << sinceTime(v.toString(), now);
            else if (v.isArray() || v.isObject())
                cells << QString::fromUtf8(QJsonDocument(v.isArray() ? QJsonDocument(v.toArray())
                                                                     : QJsonDocument(v.toObject()))
                                               .toJson(QJsonDocument::Compact));
            else
                cells << v;
        }
        if (!hasAge)
            cells << age(o, now);
    } else if (g.isEmpty() && r == QLatin1String("pods")) {
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
    } else if (g == QLatin1String("apps") && r == QLatin1String("deployments")) {
        cells << name
              << QStringLiteral("%1/%2").arg(num(o, {"status", "readyReplicas"})).arg(num(o, {"spec", "replicas"}))
              << num(o, {"status", "updatedReplicas"}) << num(o, {"status", "availableReplicas"})
              << age(o, now) << containerField(podTemplate(), "name")
              << containerField(podTemplate(), "image")
              << selectorText(at(o, {"spec", "selector"}).toObject());
    } else if (g == QLatin1String("apps") && r == QLatin1String("replicasets")) {
        cells << name << num(o, {"spec", "replicas"}) << num(o, {"status", "replicas"})
              << num(o, {"status", "readyReplicas"}) << age(o, now)
              << containerField(podTemplate(), "name") << containerField(podTemplate(), "image")
              << selectorText(at(o, {"spec", "selector"}).toObject());
    } else if (g == QLatin1String("apps") && r == QLatin1String("statefulsets")) {
        cells << name
              << QStringLiteral("%1/%2").arg(num(o, {"status", "readyReplicas"})).arg(num(o, {"spec", "replicas"}))
              << age(o, now) << containerField(podTemplate(), "name")
              << containerField(podTemplate(), "image");
    } else if (g == QLatin1String("apps") && r == QLatin1String("daemonsets")) {
        cells << name << num(o, {"status", "desiredNumberScheduled"})
              << num(o, {"status", "currentNumberScheduled"}) << num(o, {"status", "numberReady"})
              << num(o, {"status", "updatedNumberScheduled"}) << num(o, {"status", "numberAvailable"})
              << mapSelectorText(at(o, {"spec", "template", "spec", "nodeSelector"}).toObject())
              << age(o, now) << containerField(podTemplate(), "name")
              << containerField(podTemplate(), "image")
              << selectorText(at(o, {"spec", "selector"}).toObject());
    } else if (g == QLatin1String("batch") && r == QLatin1String("jobs")) {
        const int completions = at(o, {"spec", "completions"}).toInt(1);
        const int succeeded = num(o, {"status", "succeeded"});
        QString status = QStringLiteral("Running");
        for (const QJsonValue &cv : at(o, {"status", "conditions"}).toArray()) {
            const QJsonObject c = cv.toObject();
            if (c.value(QLatin1String("status")).toString() != QLatin1String("True"))
                continue;
            if (c.value(QLatin1String("type")).toString() == QLatin1String("Complete"))
                status = QStringLiteral("Complete");
            else if (c.value(QLatin1String("type")).toString() == QLatin1String("Failed"))
                status = QStringLiteral("Failed");
        }
        const QDateTime start = QDateTime::fromString(str(o, {"status", "startTime"}), Qt::ISODate);
        QDateTime end = QDateTime::fromString(str(o, {"status", "completionTime"}), Qt::ISODate);
        if (!end.isValid())
            end = now;
        cells << name << status << QStringLiteral("%1/%2").arg(succeeded).arg(completions)
              << (start.isValid() ? humanDuration(start.secsTo(end)) : QString()) << age(o, now)
              << containerField(podTemplate(), "name") << containerField(podTemplate(), "image")
              << selectorText(at(o, {"spec", "selector"}).toObject());
    } else if (g == QLatin1String("batch") && r == QLatin1String("cronjobs")) {
        const QJsonObject jobSpec = at(o, {"spec", "jobTemplate", "spec", "template", "spec"}).toObject();
        const QString last = str(o, {"status", "lastScheduleTime"});
        cells << name << str(o, {"spec", "schedule"}) << orNone(str(o, {"spec", "timeZone"}))
              << at(o, {"spec", "suspend"}).toBool()
              << int(at(o, {"status", "active"}).toArray().size())
              << (last.isEmpty() ? QStringLiteral("<none>") : sinceTime(last, now)) << age(o, now)
              << containerField(jobSpec, "name") << containerField(jobSpec, "image")
              << QStringLiteral("<none>");
    } else if (g == QLatin1String("networking.k8s.io") && r == QLatin1String("ingresses")) {
        QStringList hosts;
        for (const QJsonValue &v : at(o, {"spec", "rules"}).toArray())
            hosts << v.toObject().value(QLatin1String("host")).toString(QStringLiteral("*"));
        QStringList addresses;
        for (const QJsonValue &v : at(o, {"status", "loadBalancer", "ingress"}).toArray())
            addresses << v.toObject().value(QLatin1String("ip")).toString();
        const bool tls = !at(o, {"spec", "tls"}).toArray().isEmpty();
        cells << name << orNone(str(o, {"spec", "ingressClassName"}))
              << (hosts.isEmpty() ? QStringLiteral("*") : hosts.join(QLatin1Char(',')))
              << addresses.join(QLatin1Char(',')) << (tls ? QStringLiteral("80, 443") : QStringLiteral("80"))
              << age(o, now);
    } else if (g == QLatin1String("rbac.authorization.k8s.io")
               && (r == QLatin1String("rolebindings") || r == QLatin1String("clusterrolebindings"))) {
        QStringList users, groups, sas;
        for (const QJsonValue &v : o.value(QLatin1String("subjects")).toArray()) {
            const QJsonObject s = v.toObject();
            const QString kind = s.value(QLatin1String("kind")).toString();
            const QString sname = s.value(QLatin1String("name")).toString();
            if (kind == QLatin1String("User"))
                users << sname;
            else if (kind == QLatin1String("Group"))
                groups << sname;
            else
                sas << s.value(QLatin1String("namespace")).toString() + QLatin1Char('/') + sname;
        }
        cells << name << roleRefText(o) << age(o, now) << users.join(QStringLiteral(", "))
              << groups.join(QStringLiteral(", ")) << sas.join(QStringLiteral(", "));
    } else if (const auto administration = administrationCells(type, o, now)) {
        cells = *administration;
    } else {
        cells << name << str(o, {"metadata", "creationTimestamp"});
    }

    QJsonObject row{{QStringLiteral("cells"), cells}};
    if (include == IncludeObject::Metadata) {
        row.insert(QStringLiteral("object"),
                   QJsonObject{{QStringLiteral("kind"), QStringLiteral("PartialObjectMetadata")},
                               {QStringLiteral("apiVersion"), QStringLiteral("meta.k8s.io/v1")},
                               {QStringLiteral("metadata"), o.value(QLatin1String("metadata"))}});
    } else if (include == IncludeObject::Object) {
        row.insert(QStringLiteral("object"), o);
    }
    return row;
}

QJsonObject TablePrinter::table(const ResourceType &type, const QJsonArray &rows,
                                const QJsonObject &listMetadata)
{
    return QJsonObject{{QStringLiteral("kind"), QStringLiteral("Table")},
                       {QStringLiteral("apiVersion"), QStringLiteral("meta.k8s.io/v1")},
                       {QStringLiteral("metadata"), listMetadata},
                       {QStringLiteral("columnDefinitions"), columnDefinitions(type)},
                       {QStringLiteral("rows"), rows}};
}

} // namespace Qluster
