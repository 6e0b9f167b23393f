// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
#include "tableprinterparts.h"

#include "autoscalingconversion.h"
#include "tableprinter.h"

#include <QStringList>

// The Table printers of apps/v1, batch/v1, autoscaling and policy/v1: deployments, replica
// sets, stateful sets, daemon sets, jobs, cron jobs, autoscalers, disruption budgets.

namespace Qluster::TablePrinterParts {

using namespace TableFormat;

namespace {

QString containerField(const QJsonObject &podSpec, const char *field)
{
    QStringList values;
    for (const QJsonValue &c : podSpec.value(QLatin1String("containers")).toArray())
        values << c.toObject().value(QLatin1String(field)).toString();
    return values.join(QLatin1Char(','));
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

} // namespace

QJsonArray workloadsColumns(const ResourceType &type)
{
    const QString &g = type.group;
    const QString &r = type.plural;
    if (g == QLatin1String("apps")) {
        if (r == QLatin1String("deployments"))
            return columns({nameCol, {"Ready", "string", "Number of the pod with ready state", 0, ""},
                            {"Up-to-date", "string", "Total number of non-terminated pods targeted by this deployment that have the desired template spec.", 0, ""},
                            {"Available", "string", "Total number of available pods (ready for at least minReadySeconds) targeted by this deployment.", 0, ""},
                            ageCol,
                            containersCol, imagesCol,
                            {"Selector", "string", "Label selector for pods. Existing ReplicaSets whose pods are selected by this will be the ones affected by this deployment.", 1, ""}});
        if (r == QLatin1String("replicasets"))
            return columns({nameCol, {"Desired", "integer", "Number of desired pods.", 0, ""},
                            {"Current", "integer", "The most recently observed number of replicas.", 0, ""},
                            {"Ready", "integer", "The number of ready replicas for this replica set.", 0, ""}, ageCol,
                            containersCol, imagesCol,
                            {"Selector", "string", "Selector is a label query over pods that should match the replica count.", 1, ""}});
        if (r == QLatin1String("statefulsets"))
            return columns({nameCol, {"Ready", "string", "Number of the pod with ready state", 0, ""}, ageCol,
                            containersCol, imagesCol});
        if (r == QLatin1String("daemonsets"))
            return columns({nameCol, {"Desired", "integer", "The total number of nodes that should be running the daemon pod.", 0, ""},
                            {"Current", "integer", "The number of nodes that are running at least 1 daemon pod.", 0, ""},
                            {"Ready", "integer", "The number of nodes that should be running the daemon pod and have one or more running and ready.", 0, ""},
                            {"Up-to-date", "integer", "The total number of nodes that are running updated daemon pod", 0, ""},
                            {"Available", "integer", "The number of nodes that should be running the daemon pod and have one or more available.", 0, ""},
                            {"Node Selector", "string", "NodeSelector is a selector which must be true for the pod to fit on a node.", 0, ""}, ageCol,
                            containersCol, imagesCol,
                            {"Selector", "string", "A label query over pods that are managed by the daemon set.", 1, ""}});
    } else if (g == QLatin1String("batch")) {
        if (r == QLatin1String("jobs"))
            return columns({nameCol, {"Status", "string", "Status of the job.", 0, ""},
                            {"Completions", "string", "The desired number of successfully finished pods the job should be run with.", 0, ""},
                            {"Duration", "string", "Time required to complete the job.", 0, ""}, ageCol,
                            containersCol, imagesCol,
                            {"Selector", "string", "A label query over pods that should match the pod count.", 1, ""}});
        if (r == QLatin1String("cronjobs"))
            return columns({nameCol, {"Schedule", "string", "The schedule in Cron format.", 0, ""},
                            {"Timezone", "string", "The time zone name for the given schedule.", 0, ""},
                            {"Suspend", "boolean", "This flag tells the controller to suspend subsequent executions.", 0, ""},
                            {"Active", "integer", "A list of pointers to currently running jobs.", 0, ""},
                            {"Last Schedule", "string", "Information when was the last time the job was successfully scheduled.", 0, ""}, ageCol,
                            containersCol, imagesCol,
                            {"Selector", "string", "A label query over pods that should match the pod count.", 1, ""}});
    }
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
    return {};
}

std::optional<QJsonArray> workloadsCells(const ResourceType &type, const QJsonObject &o, const QDateTime &now)
{
    const QString &g = type.group;
    const QString &r = type.plural;
    const QString name = str(o, {"metadata", "name"});
    auto podTemplate = [&o] { return at(o, {"spec", "template", "spec"}).toObject(); };
    QJsonArray cells;
    if (g == QLatin1String("apps") && r == QLatin1String("deployments")) {
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
              << (start.isValid() ? TablePrinter::humanDuration(start.secsTo(end)) : QString()) << age(o, now)
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
    } else {
        return std::nullopt;
    }
    return cells;
}

} // namespace Qluster::TablePrinterParts
