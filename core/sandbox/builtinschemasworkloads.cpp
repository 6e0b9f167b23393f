// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
#include "builtinschemasparts.h"

// The built-in schemas of autoscaling/v1 and v2, policy/v1, apps/v1 and batch/v1: the controllers that
// run pods and what scales or protects them.

namespace Qluster::BuiltinSchemaParts {

using namespace SchemaVocabulary;

namespace {

Prop conditionsOf(const QString &type, const char *description)
{
    return list("conditions", type, description, {"merge", "type"});
}

} // namespace

void addAutoscaling(Builder &b)
{
    const QString scale = QStringLiteral("io.k8s.api.autoscaling.v1.");
    b.add(scale + QStringLiteral("ScaleSpec"), type("The desired scale.", {
        i32("replicas", "Desired number of replicas."),
    }));
    b.add(scale + QStringLiteral("ScaleStatus"), type("The observed scale.", {
        i32("replicas", "Observed number of replicas."),
        str("selector", "Label selector of the pods, in string form."),
    }, {"replicas"}));
    QJsonObject o = type("The scale subresource of a workload.", {
        apiVersionProp(), kindProp(),
        ref("metadata", meta("ObjectMeta"), "Standard object metadata."),
        ref("spec", scale + QStringLiteral("ScaleSpec"), "The desired scale."),
        ref("status", scale + QStringLiteral("ScaleStatus"), "The observed scale."),
    });
    b.add(scale + QStringLiteral("Scale"), withGvk(o, QStringLiteral("autoscaling"), QStringLiteral("v1"), QStringLiteral("Scale")));

    // autoscaling/v1 HorizontalPodAutoscaler, the version `kubectl autoscale` of v1.32 writes.
    b.add(scale + QStringLiteral("CrossVersionObjectReference"), atomicType(type("Names an object by kind, name and API version.", {
        str("kind", "Kind of the object, e.g. Deployment."),
        str("name", "Name of the object."),
        str("apiVersion", "API version of the object, e.g. apps/v1."),
    }, {"kind", "name"})));
    b.add(scale + QStringLiteral("HorizontalPodAutoscalerSpec"), type("What to scale and within which bounds.", {
        ref("scaleTargetRef", scale + QStringLiteral("CrossVersionObjectReference"), "The workload to scale."),
        i32("minReplicas", "Fewest replicas; defaults to 1."),
        i32("maxReplicas", "Most replicas."),
        i32("targetCPUUtilizationPercentage", "Target average CPU utilization, in percent of the requests."),
    }, {"scaleTargetRef", "maxReplicas"}));
    b.add(scale + QStringLiteral("HorizontalPodAutoscalerStatus"), type("What the autoscaler last saw and did.", {
        i64("observedGeneration", "The generation the autoscaler last acted on."),
        ref("lastScaleTime", meta("Time"), "When the autoscaler last changed the replica count."),
        i32("currentReplicas", "Replicas of the target as last seen."),
        i32("desiredReplicas", "Replicas the autoscaler wants."),
        i32("currentCPUUtilizationPercentage", "Current average CPU utilization, in percent of the requests."),
    }, {"currentReplicas", "desiredReplicas"}));
    b.resource("autoscaling", "v1", "HorizontalPodAutoscaler", "horizontalpodautoscalers",
               scale + QStringLiteral("HorizontalPodAutoscaler"), "Scales a workload between bounds by its CPU use.", {
        ref("spec", scale + QStringLiteral("HorizontalPodAutoscalerSpec"), "What to scale and how."),
        ref("status", scale + QStringLiteral("HorizontalPodAutoscalerStatus"), "What the autoscaler last saw and did."),
    }, true, true);
}

void addAutoscalingV2(Builder &b)
{
    b.add(hpa("CrossVersionObjectReference"), type("Names an object by kind, name and API version.", {
        str("kind", "Kind of the object, e.g. Deployment."),
        str("name", "Name of the object."),
        str("apiVersion", "API version of the object, e.g. apps/v1."),
    }, {"kind", "name"}));
    b.add(hpa("MetricIdentifier"), type("A metric by name and label selector.", {
        str("name", "Name of the metric."),
        ref("selector", meta("LabelSelector"), "Narrows the metric to labelled series."),
    }, {"name"}));
    b.add(hpa("MetricTarget"), type("The value a metric should have.", {
        str("type", "Utilization, Value or AverageValue."),
        ref("value", kQuantity, "Target value of the metric."),
        ref("averageValue", kQuantity, "Target average over the pods."),
        i32("averageUtilization", "Target average, in percent of the pods' requests."),
    }, {"type"}));
    b.add(hpa("MetricValueStatus"), type("The current value of a metric.", {
        ref("value", kQuantity, "Current value."),
        ref("averageValue", kQuantity, "Current average over the pods."),
        i32("averageUtilization", "Current average, in percent of the pods' requests."),
    }));
    b.add(hpa("ResourceMetricSource"), type("Scale on a resource of the pods, such as cpu.", {
        str("name", "The resource, e.g. cpu or memory."),
        ref("target", hpa("MetricTarget"), "The target value."),
    }, {"name", "target"}));
    b.add(hpa("ResourceMetricStatus"), type("The current use of a pod resource.", {
        str("name", "The resource."),
        ref("current", hpa("MetricValueStatus"), "The current value."),
    }, {"name", "current"}));
    b.add(hpa("ContainerResourceMetricSource"), type("Scale on a resource of one container of the pods.", {
        str("name", "The resource, e.g. cpu."),
        ref("target", hpa("MetricTarget"), "The target value."),
        str("container", "Name of the container."),
    }, {"name", "target", "container"}));
    b.add(hpa("ContainerResourceMetricStatus"), type("The current use of a container resource.", {
        str("name", "The resource."),
        ref("current", hpa("MetricValueStatus"), "The current value."),
        str("container", "Name of the container."),
    }, {"name", "current", "container"}));
    b.add(hpa("PodsMetricSource"), type("Scale on a custom metric of each pod.", {
        ref("metric", hpa("MetricIdentifier"), "The metric."),
        ref("target", hpa("MetricTarget"), "The target value."),
    }, {"metric", "target"}));
    b.add(hpa("PodsMetricStatus"), type("The current value of a per-pod metric.", {
        ref("metric", hpa("MetricIdentifier"), "The metric."),
        ref("current", hpa("MetricValueStatus"), "The current value."),
    }, {"metric", "current"}));
    b.add(hpa("ObjectMetricSource"), type("Scale on a metric of another object, such as an ingress.", {
        ref("describedObject", hpa("CrossVersionObjectReference"), "The object the metric describes."),
        ref("target", hpa("MetricTarget"), "The target value."),
        ref("metric", hpa("MetricIdentifier"), "The metric."),
    }, {"describedObject", "target", "metric"}));
    b.add(hpa("ObjectMetricStatus"), type("The current value of an object metric.", {
        ref("metric", hpa("MetricIdentifier"), "The metric."),
        ref("current", hpa("MetricValueStatus"), "The current value."),
        ref("describedObject", hpa("CrossVersionObjectReference"), "The object the metric describes."),
    }, {"metric", "current", "describedObject"}));
    b.add(hpa("ExternalMetricSource"), type("Scale on a metric from outside the cluster.", {
        ref("metric", hpa("MetricIdentifier"), "The metric."),
        ref("target", hpa("MetricTarget"), "The target value."),
    }, {"metric", "target"}));
    b.add(hpa("ExternalMetricStatus"), type("The current value of an external metric.", {
        ref("metric", hpa("MetricIdentifier"), "The metric."),
        ref("current", hpa("MetricValueStatus"), "The current value."),
    }, {"metric", "current"}));
    b.add(hpa("MetricSpec"), type("One metric to scale on; type names the field that is set.", {
        str("type", "ContainerResource, External, Object, Pods or Resource."),
        ref("object", hpa("ObjectMetricSource"), "A metric of another object."),
        ref("pods", hpa("PodsMetricSource"), "A metric of each pod."),
        ref("resource", hpa("ResourceMetricSource"), "A resource of the pods."),
        ref("containerResource", hpa("ContainerResourceMetricSource"), "A resource of one container."),
        ref("external", hpa("ExternalMetricSource"), "A metric from outside the cluster."),
    }, {"type"}));
    b.add(hpa("MetricStatus"), type("The last value read of one metric.", {
        str("type", "ContainerResource, External, Object, Pods or Resource."),
        ref("object", hpa("ObjectMetricStatus"), "A metric of another object."),
        ref("pods", hpa("PodsMetricStatus"), "A metric of each pod."),
        ref("resource", hpa("ResourceMetricStatus"), "A resource of the pods."),
        ref("containerResource", hpa("ContainerResourceMetricStatus"), "A resource of one container."),
        ref("external", hpa("ExternalMetricStatus"), "A metric from outside the cluster."),
    }, {"type"}));
    b.add(hpa("HPAScalingPolicy"), type("How much may change within a period.", {
        str("type", "Pods or Percent."),
        i32("value", "The amount of change allowed."),
        i32("periodSeconds", "The period the amount applies to, at most 1800."),
    }, {"type", "value", "periodSeconds"}));
    b.add(hpa("HPAScalingRules"), type("How fast to scale in one direction.", {
        i32("stabilizationWindowSeconds", "Past recommendations considered, in seconds (0 to 3600)."),
        str("selectPolicy", "Max, Min or Disabled: which policy wins."),
        list("policies", hpa("HPAScalingPolicy"), "The policies.", {nullptr, nullptr, "atomic"}),
    }));
    b.add(hpa("HorizontalPodAutoscalerBehavior"), type("Scaling speed limits up and down.", {
        ref("scaleUp", hpa("HPAScalingRules"), "Rules for scaling up."),
        ref("scaleDown", hpa("HPAScalingRules"), "Rules for scaling down."),
    }));
    b.add(hpa("HorizontalPodAutoscalerSpec"), type("What to scale and within which bounds.", {
        ref("scaleTargetRef", hpa("CrossVersionObjectReference"), "The workload to scale (it must serve the scale subresource)."),
        i32("minReplicas", "Fewest replicas; defaults to 1."),
        i32("maxReplicas", "Most replicas."),
        list("metrics", hpa("MetricSpec"), "Metrics to scale on; defaults to 80% average CPU utilization.", {nullptr, nullptr, "atomic"}),
        ref("behavior", hpa("HorizontalPodAutoscalerBehavior"), "Scaling speed limits."),
    }, {"scaleTargetRef", "maxReplicas"}));
    b.add(hpa("HorizontalPodAutoscalerCondition"), type("One aspect of the autoscaler's state.", {
        str("type", "AbleToScale, ScalingActive or ScalingLimited."),
        str("status", "True, False or Unknown."),
        ref("lastTransitionTime", meta("Time"), "When the status last changed."),
        str("reason", "One-word reason."), str("message", "Detail."),
    }, {"type", "status"}));
    b.add(hpa("HorizontalPodAutoscalerStatus"), type("What the autoscaler last saw and did.", {
        i64("observedGeneration", "The generation the autoscaler last acted on."),
        ref("lastScaleTime", meta("Time"), "When the autoscaler last changed the replica count."),
        i32("currentReplicas", "Replicas of the target as last seen."),
        i32("desiredReplicas", "Replicas the autoscaler wants."),
        list("currentMetrics", hpa("MetricStatus"), "The metrics as last read.", {nullptr, nullptr, "atomic"}),
        list("conditions", hpa("HorizontalPodAutoscalerCondition"), "Current conditions.", {"merge", "type", "map", {"type"}}),
    }, {"desiredReplicas"}));
    b.resource("autoscaling", "v2", "HorizontalPodAutoscaler", "horizontalpodautoscalers", hpa("HorizontalPodAutoscaler"),
               "Scales a workload between bounds by its metrics.", {
        ref("spec", hpa("HorizontalPodAutoscalerSpec"), "What to scale and how."),
        ref("status", hpa("HorizontalPodAutoscalerStatus"), "What the autoscaler last saw and did."),
    }, true, true);
}

void addPolicy(Builder &b)
{
    Prop selector = ref("selector", meta("LabelSelector"), "The pods the budget protects; {} selects every pod of the namespace.");
    selector.second.insert(QStringLiteral("x-kubernetes-patch-strategy"), QStringLiteral("replace"));
    b.add(policy("PodDisruptionBudgetSpec"), type("How many selected pods must stay available during voluntary disruptions.", {
        ref("minAvailable", kIntOrString, "Pods (or percent) that must stay available."),
        selector,
        ref("maxUnavailable", kIntOrString, "Pods (or percent) that may be unavailable; excludes minAvailable."),
        str("unhealthyPodEvictionPolicy", "IfHealthyBudget or AlwaysAllow: when unhealthy pods may be evicted."),
    }));
    b.add(policy("PodDisruptionBudgetStatus"), type("What the budget currently allows.", {
        i64("observedGeneration", "The generation the status was computed for."),
        timeMap("disruptedPods", "Pods being evicted, by name, with the time of the eviction."),
        i32("disruptionsAllowed", "How many pods may be disrupted now."),
        i32("currentHealthy", "Selected pods that are ready."),
        i32("desiredHealthy", "Fewest ready pods the budget allows."),
        i32("expectedPods", "Pods the budget counts."),
        list("conditions", meta("Condition"), "Current conditions (DisruptionAllowed).", {"merge", "type", "map", {"type"}}),
    }, {"disruptionsAllowed", "currentHealthy", "desiredHealthy", "expectedPods"}));
    b.resource("policy", "v1", "PodDisruptionBudget", "poddisruptionbudgets", policy("PodDisruptionBudget"),
               "Limits how many pods of a set voluntary disruptions (drain, eviction) may take down at once.", {
        ref("spec", policy("PodDisruptionBudgetSpec"), "The budget."),
        ref("status", policy("PodDisruptionBudgetStatus"), "What the budget currently allows."),
    }, true, true);
}

void addApps(Builder &b)
{
    b.add(apps("RollingUpdateDeployment"), type("How fast a rolling update replaces pods.", {
        ref("maxUnavailable", kIntOrString, "Pods (or percent) that may be unavailable during the update."),
        ref("maxSurge", kIntOrString, "Pods (or percent) that may exist above the desired count."),
    }));
    b.add(apps("DeploymentStrategy"), type("How a deployment replaces old pods.", {
        str("type", "Recreate or RollingUpdate."),
        ref("rollingUpdate", apps("RollingUpdateDeployment"), "Parameters when type is RollingUpdate."),
    }));
    b.add(apps("DeploymentSpec"), type("The desired state of a deployment.", {
        i32("replicas", "Desired number of pods."),
        ref("selector", meta("LabelSelector"), "Selects the pods of the deployment; must match the template labels."),
        ref("template", core("PodTemplateSpec"), "The pods to create."),
        [] { Prop p = ref("strategy", apps("DeploymentStrategy"), "How to replace old pods.");
             p.second.insert(QStringLiteral("x-kubernetes-patch-strategy"), QStringLiteral("retainKeys"));
             return p; }(),
        i32("minReadySeconds", "Seconds a new pod must be ready before it counts as available."),
        i32("revisionHistoryLimit", "Old ReplicaSets to keep for rollback."),
        flag("paused", "Stop rolling out changes."),
        i32("progressDeadlineSeconds", "Seconds before a stalled rollout is reported as failed."),
    }, {"selector", "template"}));
    b.add(apps("DeploymentCondition"), type("One aspect of a deployment's state.", {
        str("type", "Available, Progressing or ReplicaFailure."), str("status", "True, False or Unknown."),
        ref("lastUpdateTime", meta("Time"), "Last time it was updated."),
        ref("lastTransitionTime", meta("Time"), "Last time the status changed."),
        str("reason", "One-word reason."), str("message", "Detail."),
    }, {"type", "status"}));
    b.add(apps("DeploymentStatus"), type("The observed state of a deployment.", {
        i64("observedGeneration", "The generation the controller last acted on."),
        i32("replicas", "Pods targeted by the deployment."),
        i32("updatedReplicas", "Pods with the current template."),
        i32("readyReplicas", "Ready pods."),
        i32("availableReplicas", "Pods available for at least minReadySeconds."),
        i32("unavailableReplicas", "Pods still needed for full availability."),
        conditionsOf(apps("DeploymentCondition"), "Current conditions."),
        i32("collisionCount", "Template hash collisions seen."),
    }));
    b.resource("apps", "v1", "Deployment", "deployments", apps("Deployment"),
               "Declarative updates for a set of identical pods, through ReplicaSets.", {
        ref("spec", apps("DeploymentSpec"), "The desired state of the deployment."),
        ref("status", apps("DeploymentStatus"), "The observed state of the deployment."),
    }, true, true, true);

    b.add(apps("ReplicaSetSpec"), type("The desired state of a replica set.", {
        i32("replicas", "Desired number of pods."),
        i32("minReadySeconds", "Seconds a new pod must be ready before it counts as available."),
        ref("selector", meta("LabelSelector"), "Selects the pods of the replica set."),
        ref("template", core("PodTemplateSpec"), "The pods to create."),
    }, {"selector"}));
    b.add(apps("ReplicaSetCondition"), type("One aspect of a replica set's state.", {
        str("type", "Condition type."), str("status", "True, False or Unknown."),
        ref("lastTransitionTime", meta("Time"), "Last time the status changed."),
        str("reason", "One-word reason."), str("message", "Detail."),
    }, {"type", "status"}));
    b.add(apps("ReplicaSetStatus"), type("The observed state of a replica set.", {
        i32("replicas", "Current number of pods."),
        i32("fullyLabeledReplicas", "Pods whose labels match the template."),
        i32("readyReplicas", "Ready pods."),
        i32("availableReplicas", "Available pods."),
        i64("observedGeneration", "The generation last acted on."),
        conditionsOf(apps("ReplicaSetCondition"), "Current conditions."),
    }, {"replicas"}));
    b.resource("apps", "v1", "ReplicaSet", "replicasets", apps("ReplicaSet"), "Keeps a number of identical pods running.", {
        ref("spec", apps("ReplicaSetSpec"), "The desired state of the replica set."),
        ref("status", apps("ReplicaSetStatus"), "The observed state of the replica set."),
    }, true, true, true);

    b.add(apps("RollingUpdateStatefulSetStrategy"), type("Parameters of a stateful set rolling update.", {
        i32("partition", "Only pods with an ordinal at or above this are updated."),
        ref("maxUnavailable", kIntOrString, "Pods (or percent) that may be unavailable during the update."),
    }));
    b.add(apps("StatefulSetUpdateStrategy"), type("How a stateful set updates its pods.", {
        str("type", "RollingUpdate or OnDelete."),
        ref("rollingUpdate", apps("RollingUpdateStatefulSetStrategy"), "Parameters when type is RollingUpdate."),
    }));
    b.add(apps("StatefulSetSpec"), type("The desired state of a stateful set.", {
        i32("replicas", "Desired number of pods."),
        ref("selector", meta("LabelSelector"), "Selects the pods of the stateful set."),
        ref("template", core("PodTemplateSpec"), "The pods to create."),
        list("volumeClaimTemplates", core("PersistentVolumeClaim"), "Claims created for each pod."),
        str("serviceName", "The headless service giving the pods their DNS names."),
        str("podManagementPolicy", "OrderedReady or Parallel."),
        ref("updateStrategy", apps("StatefulSetUpdateStrategy"), "How to update pods."),
        i32("revisionHistoryLimit", "Old revisions to keep."),
        i32("minReadySeconds", "Seconds a new pod must be ready before it counts as available."),
    }, {"selector", "template"}));
    b.add(apps("StatefulSetCondition"), type("One aspect of a stateful set's state.", {
        str("type", "Condition type."), str("status", "True, False or Unknown."),
        ref("lastTransitionTime", meta("Time"), "Last time the status changed."),
        str("reason", "One-word reason."), str("message", "Detail."),
    }, {"type", "status"}));
    b.add(apps("StatefulSetStatus"), type("The observed state of a stateful set.", {
        i64("observedGeneration", "The generation last acted on."),
        i32("replicas", "Current number of pods."),
        i32("readyReplicas", "Ready pods."),
        i32("currentReplicas", "Pods at currentRevision."),
        i32("updatedReplicas", "Pods at updateRevision."),
        i32("availableReplicas", "Available pods."),
        str("currentRevision", "Revision of the current pods."),
        str("updateRevision", "Revision being rolled out."),
        conditionsOf(apps("StatefulSetCondition"), "Current conditions."),
    }, {"replicas"}));
    b.resource("apps", "v1", "StatefulSet", "statefulsets", apps("StatefulSet"),
               "Pods with stable names and storage, created and updated in order.", {
        ref("spec", apps("StatefulSetSpec"), "The desired state of the stateful set."),
        ref("status", apps("StatefulSetStatus"), "The observed state of the stateful set."),
    }, true, true, true);

    b.add(apps("RollingUpdateDaemonSet"), type("Parameters of a daemon set rolling update.", {
        ref("maxUnavailable", kIntOrString, "Nodes (or percent) whose pod may be unavailable."),
        ref("maxSurge", kIntOrString, "Nodes (or percent) that may run an extra pod."),
    }));
    b.add(apps("DaemonSetUpdateStrategy"), type("How a daemon set updates its pods.", {
        str("type", "RollingUpdate or OnDelete."),
        ref("rollingUpdate", apps("RollingUpdateDaemonSet"), "Parameters when type is RollingUpdate."),
    }));
    b.add(apps("DaemonSetSpec"), type("The desired state of a daemon set.", {
        ref("selector", meta("LabelSelector"), "Selects the pods of the daemon set."),
        ref("template", core("PodTemplateSpec"), "The pod to run on each node."),
        ref("updateStrategy", apps("DaemonSetUpdateStrategy"), "How to update pods."),
        i32("minReadySeconds", "Seconds a new pod must be ready before it counts as available."),
        i32("revisionHistoryLimit", "Old revisions to keep."),
    }, {"selector", "template"}));
    b.add(apps("DaemonSetCondition"), type("One aspect of a daemon set's state.", {
        str("type", "Condition type."), str("status", "True, False or Unknown."),
        ref("lastTransitionTime", meta("Time"), "Last time the status changed."),
        str("reason", "One-word reason."), str("message", "Detail."),
    }, {"type", "status"}));
    b.add(apps("DaemonSetStatus"), type("The observed state of a daemon set.", {
        i32("currentNumberScheduled", "Nodes running the pod that should."),
        i32("numberMisscheduled", "Nodes running the pod that should not."),
        i32("desiredNumberScheduled", "Nodes that should run the pod."),
        i32("numberReady", "Nodes with a ready pod."),
        i32("updatedNumberScheduled", "Nodes running the current template."),
        i32("numberAvailable", "Nodes with an available pod."),
        i32("numberUnavailable", "Nodes still needing an available pod."),
        i64("observedGeneration", "The generation last acted on."),
        conditionsOf(apps("DaemonSetCondition"), "Current conditions."),
    }, {"currentNumberScheduled", "numberMisscheduled", "desiredNumberScheduled", "numberReady"}));
    b.resource("apps", "v1", "DaemonSet", "daemonsets", apps("DaemonSet"), "Runs a copy of a pod on every (selected) node.", {
        ref("spec", apps("DaemonSetSpec"), "The desired state of the daemon set."),
        ref("status", apps("DaemonSetStatus"), "The observed state of the daemon set."),
    }, true, true);
}

void addBatch(Builder &b)
{
    b.add(batch("JobSpec"), type("The desired state of a job.", {
        i32("parallelism", "Pods running at once."),
        i32("completions", "Successful pods needed."),
        i64("activeDeadlineSeconds", "Seconds the job may run."),
        i32("backoffLimit", "Retries before the job fails."),
        ref("selector", meta("LabelSelector"), "Selects the pods of the job."),
        flag("manualSelector", "Use the given selector instead of a generated one."),
        ref("template", core("PodTemplateSpec"), "The pods to run."),
        i32("ttlSecondsAfterFinished", "Seconds to keep the finished job."),
        str("completionMode", "NonIndexed or Indexed."),
        flag("suspend", "Stop creating pods."),
    }, {"template"}));
    b.add(batch("JobCondition"), type("One aspect of a job's state.", {
        str("type", "Complete, Failed or Suspended."), str("status", "True, False or Unknown."),
        ref("lastProbeTime", meta("Time"), "Last time it was checked."),
        ref("lastTransitionTime", meta("Time"), "Last time the status changed."),
        str("reason", "One-word reason."), str("message", "Detail."),
    }, {"type", "status"}));
    b.add(batch("JobStatus"), type("The observed state of a job.", {
        list("conditions", batch("JobCondition"), "Current conditions.", {"merge", "type", "atomic"}),
        ref("startTime", meta("Time"), "When the job started."),
        ref("completionTime", meta("Time"), "When the job completed."),
        i32("active", "Running pods."),
        i32("succeeded", "Succeeded pods."),
        i32("failed", "Failed pods."),
    }));
    b.resource("batch", "v1", "Job", "jobs", batch("Job"), "Runs pods until a number of them succeed.", {
        ref("spec", batch("JobSpec"), "The desired state of the job."),
        ref("status", batch("JobStatus"), "The observed state of the job."),
    }, true, true);
    b.add(batch("JobTemplateSpec"), type("The jobs a cron job creates.", {
        ref("metadata", meta("ObjectMeta"), "Labels and annotations of the jobs."),
        ref("spec", batch("JobSpec"), "The job spec."),
    }));
    b.add(batch("CronJobSpec"), type("The desired state of a cron job.", {
        str("schedule", "Cron schedule, e.g. \"*/5 * * * *\"."),
        str("timeZone", "Time zone of the schedule."),
        i64("startingDeadlineSeconds", "Seconds a missed run may still start."),
        str("concurrencyPolicy", "Allow, Forbid or Replace."),
        flag("suspend", "Stop scheduling runs."),
        ref("jobTemplate", batch("JobTemplateSpec"), "The job to create for each run."),
        i32("successfulJobsHistoryLimit", "Finished jobs to keep."),
        i32("failedJobsHistoryLimit", "Failed jobs to keep."),
    }, {"schedule", "jobTemplate"}));
    b.add(batch("CronJobStatus"), type("The observed state of a cron job.", {
        list("active", core("ObjectReference"), "Jobs currently running.", {nullptr, nullptr, "atomic"}),
        ref("lastScheduleTime", meta("Time"), "When a job was last scheduled."),
        ref("lastSuccessfulTime", meta("Time"), "When a job last succeeded."),
    }));
    b.resource("batch", "v1", "CronJob", "cronjobs", batch("CronJob"), "Runs a job on a schedule.", {
        ref("spec", batch("CronJobSpec"), "The desired state of the cron job."),
        ref("status", batch("CronJobStatus"), "The observed state of the cron job."),
    }, true, true);
}

} // namespace Qluster::BuiltinSchemaParts
