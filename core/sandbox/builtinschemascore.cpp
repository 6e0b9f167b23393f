// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
#include "builtinschemasparts.h"

// The built-in schemas of core/v1: pods and their parts, services, configuration, claims, nodes,
// namespaces, events, and (addCoreAdministration) volumes, quotas and limits.

namespace Qluster::BuiltinSchemaParts {

using namespace SchemaVocabulary;

void addCore(Builder &b)
{
    // Pods and their parts.
    b.add(core("LocalObjectReference"), atomicType(type("Names an object in the same namespace.", {
        str("name", "Name of the object."),
    })));
    b.add(core("ObjectReference"), atomicType(type("A reference to any object.", {
        str("apiVersion", "API version of the object."), str("kind", "Kind of the object."),
        str("name", "Name of the object."), str("namespace", "Namespace of the object."),
        str("uid", "UID of the object."), str("resourceVersion", "resourceVersion of the object."),
        str("fieldPath", "A field inside the object, e.g. spec.containers{web}."),
    })));
    b.add(core("ContainerPort"), type("A network port a container listens on.", {
        str("name", "Optional IANA service name for the port, referenced by services."),
        i32("containerPort", "The port number inside the container."),
        i32("hostPort", "The port on the node, when exposed there."),
        str("protocol", "TCP (the default), UDP or SCTP."),
        str("hostIP", "The node address to bind the host port to."),
    }, {"containerPort"}));
    b.add(core("ConfigMapKeySelector"), atomicType(type("Selects one key of a ConfigMap.", {
        str("name", "Name of the ConfigMap."), str("key", "The key to read."),
        flag("optional", "Whether a missing ConfigMap or key is allowed."),
    }, {"key"})));
    b.add(core("SecretKeySelector"), atomicType(type("Selects one key of a Secret.", {
        str("name", "Name of the Secret."), str("key", "The key to read."),
        flag("optional", "Whether a missing Secret or key is allowed."),
    }, {"key"})));
    b.add(core("ObjectFieldSelector"), atomicType(type("Selects a field of the pod, e.g. metadata.name.", {
        str("apiVersion", "Version the field path is written in."),
        str("fieldPath", "The field to read."),
    }, {"fieldPath"})));
    b.add(core("EnvVarSource"), type("Where an environment variable's value comes from.", {
        ref("configMapKeyRef", core("ConfigMapKeySelector"), "A key of a ConfigMap."),
        ref("secretKeyRef", core("SecretKeySelector"), "A key of a Secret."),
        ref("fieldRef", core("ObjectFieldSelector"), "A field of the pod."),
    }));
    b.add(core("EnvVar"), type("An environment variable of a container.", {
        str("name", "Name of the variable."),
        str("value", "Literal value; $(VAR) references expand earlier variables."),
        ref("valueFrom", core("EnvVarSource"), "Source of the value when not literal."),
    }, {"name"}));
    b.add(core("ConfigMapEnvSource"), type("A ConfigMap whose keys become environment variables.", {
        str("name", "Name of the ConfigMap."), flag("optional", "Whether the ConfigMap may be missing."),
    }));
    b.add(core("SecretEnvSource"), type("A Secret whose keys become environment variables.", {
        str("name", "Name of the Secret."), flag("optional", "Whether the Secret may be missing."),
    }));
    b.add(core("EnvFromSource"), type("A set of variables taken from a ConfigMap or Secret.", {
        str("prefix", "Prefix added to each key."),
        ref("configMapRef", core("ConfigMapEnvSource"), "The ConfigMap to read."),
        ref("secretRef", core("SecretEnvSource"), "The Secret to read."),
    }));
    b.add(core("ResourceRequirements"), type("Compute resources a container asks for and may not exceed.", {
        quantityMap("limits", "Maximum resources, e.g. cpu: 500m, memory: 256Mi."),
        quantityMap("requests", "Resources reserved for scheduling."),
    }));
    b.add(core("VolumeMount"), type("Where a volume appears in a container.", {
        str("name", "Name of the pod volume."),
        str("mountPath", "Path inside the container."),
        str("subPath", "Sub-path of the volume to mount instead of its root."),
        flag("readOnly", "Mount read-only."),
    }, {"name", "mountPath"}));
    b.add(core("HTTPHeader"), type("A header of an HTTP probe.", {
        str("name", "Header name."), str("value", "Header value."),
    }, {"name", "value"}));
    b.add(core("HTTPGetAction"), type("An HTTP GET probe.", {
        str("path", "Path to request."),
        ref("port", kIntOrString, "Port number or name."),
        str("host", "Host to connect to; defaults to the pod IP."),
        str("scheme", "HTTP or HTTPS."),
        list("httpHeaders", core("HTTPHeader"), "Extra request headers."),
    }, {"port"}));
    b.add(core("TCPSocketAction"), type("A TCP connect probe.", {
        ref("port", kIntOrString, "Port number or name."),
        str("host", "Host to connect to; defaults to the pod IP."),
    }, {"port"}));
    b.add(core("ExecAction"), type("A command probe; exit status 0 is success.", {
        strings("command", "The command and its arguments."),
    }));
    b.add(core("Probe"), type("A health check of a container.", {
        ref("exec", core("ExecAction"), "Run a command."),
        ref("httpGet", core("HTTPGetAction"), "Send an HTTP GET."),
        ref("tcpSocket", core("TCPSocketAction"), "Open a TCP connection."),
        i32("initialDelaySeconds", "Seconds after start before the first probe."),
        i32("periodSeconds", "Seconds between probes."),
        i32("timeoutSeconds", "Seconds before a probe times out."),
        i32("successThreshold", "Successes needed after a failure."),
        i32("failureThreshold", "Failures before the probe is considered failed."),
    }));
    b.add(core("Capabilities"), type("Linux capabilities to add or drop.", {
        strings("add", "Capabilities to add."), strings("drop", "Capabilities to drop."),
    }));
    b.add(core("SecurityContext"), type("Security settings of a container.", {
        ref("capabilities", core("Capabilities"), "Capabilities to add or drop."),
        flag("privileged", "Run privileged."),
        flag("readOnlyRootFilesystem", "Mount the root filesystem read-only."),
        flag("runAsNonRoot", "Refuse to run as root."),
        i64("runAsUser", "UID to run as."),
        i64("runAsGroup", "GID to run as."),
        flag("allowPrivilegeEscalation", "Whether a process may gain more privileges."),
    }));
    b.add(core("PodSecurityContext"), type("Security settings for all containers of a pod.", {
        flag("runAsNonRoot", "Refuse to run as root."),
        i64("runAsUser", "UID to run as."),
        i64("runAsGroup", "GID to run as."),
        i64("fsGroup", "Group that owns mounted volumes."),
        {QStringLiteral("supplementalGroups"), QJsonObject{
            {QStringLiteral("type"), QStringLiteral("array")},
            {QStringLiteral("description"), QStringLiteral("Extra groups of the first process.")},
            {QStringLiteral("items"), QJsonObject{{QStringLiteral("type"), QStringLiteral("integer")},
                                                  {QStringLiteral("format"), QStringLiteral("int64")},
                                                  {QStringLiteral("default"), 0}}}}},
    }));
    b.add(core("LifecycleHandler"), type("An action run at a container lifecycle event.", {
        ref("exec", core("ExecAction"), "Run a command."),
        ref("httpGet", core("HTTPGetAction"), "Send an HTTP GET."),
        ref("tcpSocket", core("TCPSocketAction"), "Open a TCP connection."),
    }));
    b.add(core("Lifecycle"), type("Actions at container start and stop.", {
        ref("postStart", core("LifecycleHandler"), "Run right after the container starts."),
        ref("preStop", core("LifecycleHandler"), "Run before the container is stopped."),
    }));
    b.add(core("Container"), type("A container of a pod: image, command, ports, environment and resources.", {
        str("name", "Name of the container, unique in the pod."),
        str("image", "Container image reference, e.g. nginx:1.27."),
        strings("command", "Entrypoint; the image's ENTRYPOINT when empty."),
        strings("args", "Arguments to the entrypoint; the image's CMD when empty."),
        str("workingDir", "Working directory."),
        list("ports", core("ContainerPort"), "Ports the container exposes.",
             {"merge", "containerPort", "map", {"containerPort", "protocol"}}),
        list("envFrom", core("EnvFromSource"), "Sources of environment variables."),
        list("env", core("EnvVar"), "Environment variables.", {"merge", "name"}),
        ref("resources", core("ResourceRequirements"), "Compute resources."),
        list("volumeMounts", core("VolumeMount"), "Volumes mounted into the container.", {"merge", "mountPath"}),
        ref("livenessProbe", core("Probe"), "Restart the container when this fails."),
        ref("readinessProbe", core("Probe"), "Remove the pod from service endpoints when this fails."),
        ref("startupProbe", core("Probe"), "Hold the other probes until this succeeds."),
        str("imagePullPolicy", "Always, IfNotPresent or Never."),
        ref("securityContext", core("SecurityContext"), "Security settings."),
        str("terminationMessagePath", "File the container writes its termination message to."),
        str("terminationMessagePolicy", "File or FallbackToLogsOnError."),
        flag("stdin", "Keep stdin open."),
        flag("tty", "Allocate a terminal."),
        flag("stdinOnce", "Close stdin after the first attach ends."),
        ref("lifecycle", core("Lifecycle"), "Start and stop hooks."),
    }, {"name"}));
    b.add(core("KeyToPath"), type("Maps a key to a file path in a volume.", {
        str("key", "The key."), str("path", "Relative file path."),
        i32("mode", "File mode bits."),
    }, {"key", "path"}));
    b.add(core("ConfigMapVolumeSource"), type("A volume with the keys of a ConfigMap as files.", {
        str("name", "Name of the ConfigMap."),
        list("items", core("KeyToPath"), "Keys to project; all keys when empty."),
        i32("defaultMode", "Mode bits of the files."),
        flag("optional", "Whether the ConfigMap may be missing."),
    }));
    b.add(core("SecretVolumeSource"), type("A volume with the keys of a Secret as files.", {
        str("secretName", "Name of the Secret."),
        list("items", core("KeyToPath"), "Keys to project; all keys when empty."),
        i32("defaultMode", "Mode bits of the files."),
        flag("optional", "Whether the Secret may be missing."),
    }));
    b.add(core("EmptyDirVolumeSource"), type("A scratch directory that lives as long as the pod.", {
        str("medium", "\"\" for node storage or \"Memory\" for tmpfs."),
        ref("sizeLimit", kQuantity, "Maximum size."),
    }));
    b.add(core("HostPathVolumeSource"), type("A directory of the node.", {
        str("path", "Path on the node."), str("type", "Expected type of the path."),
    }, {"path"}));
    b.add(core("PersistentVolumeClaimVolumeSource"), type("A volume backed by a PersistentVolumeClaim.", {
        str("claimName", "Name of the claim in the pod's namespace."),
        flag("readOnly", "Mount read-only."),
    }, {"claimName"}));
    b.add(core("ResourceFieldSelector"), atomicType(type("Selects a resource limit or request of a container.", {
        str("containerName", "The container; required for volumes."),
        str("resource", "e.g. limits.cpu or requests.memory."),
        ref("divisor", kQuantity, "Unit of the exposed value."),
    }, {"resource"})));
    b.add(core("DownwardAPIVolumeFile"), type("A file with pod information.", {
        str("path", "Relative file path."),
        ref("fieldRef", core("ObjectFieldSelector"), "A field of the pod."),
        ref("resourceFieldRef", core("ResourceFieldSelector"), "A resource of a container."),
        i32("mode", "File mode bits."),
    }, {"path"}));
    b.add(core("DownwardAPIVolumeSource"), type("A volume with pod information as files.", {
        list("items", core("DownwardAPIVolumeFile"), "The files."),
        i32("defaultMode", "Mode bits of the files."),
    }));
    b.add(core("NFSVolumeSource"), type("An NFS export.", {
        str("server", "The NFS server."), str("path", "The exported path."), flag("readOnly", "Mount read-only."),
    }, {"server", "path"}));
    b.add(core("CSIVolumeSource"), type("A volume provided by a CSI driver.", {
        str("driver", "The CSI driver name."), flag("readOnly", "Mount read-only."),
        str("fsType", "Filesystem type."),
        stringMap("volumeAttributes", "Driver-specific attributes."),
        ref("nodePublishSecretRef", core("LocalObjectReference"), "Secret for the driver."),
    }, {"driver"}));
    b.add(core("Volume"), type("A named volume of a pod; exactly one source is set.", {
        str("name", "Name of the volume, referenced by volumeMounts."),
        ref("configMap", core("ConfigMapVolumeSource"), "Files from a ConfigMap."),
        ref("secret", core("SecretVolumeSource"), "Files from a Secret."),
        ref("emptyDir", core("EmptyDirVolumeSource"), "A scratch directory."),
        ref("hostPath", core("HostPathVolumeSource"), "A node directory."),
        ref("persistentVolumeClaim", core("PersistentVolumeClaimVolumeSource"), "A persistent volume claim."),
        ref("downwardAPI", core("DownwardAPIVolumeSource"), "Pod information as files."),
        ref("nfs", core("NFSVolumeSource"), "An NFS export."),
        ref("csi", core("CSIVolumeSource"), "A CSI volume."),
    }, {"name"}));
    b.add(core("Toleration"), type("Lets a pod schedule onto nodes with a matching taint.", {
        str("key", "Taint key; empty matches all keys with Exists."),
        str("operator", "Exists or Equal."),
        str("value", "Taint value for Equal."),
        str("effect", "NoSchedule, PreferNoSchedule or NoExecute; empty matches all."),
        i64("tolerationSeconds", "How long a NoExecute taint is tolerated."),
    }));
    b.add(core("HostAlias"), type("An extra /etc/hosts entry.", {
        str("ip", "The address."), strings("hostnames", "Names for the address."),
    }));
    b.add(core("NodeSelectorRequirement"), type("A node label (or field) requirement.", {
        str("key", "The label key."), str("operator", "In, NotIn, Exists, DoesNotExist, Gt or Lt."),
        strings("values", "Values for In, NotIn, Gt and Lt."),
    }, {"key", "operator"}));
    b.add(core("NodeSelectorTerm"), atomicType(type("Requirements that must all hold; terms are ORed.", {
        list("matchExpressions", core("NodeSelectorRequirement"), "Requirements on node labels."),
        list("matchFields", core("NodeSelectorRequirement"), "Requirements on node fields."),
    })));
    b.add(core("NodeSelector"), atomicType(type("Node selector terms, any of which must match.", {
        list("nodeSelectorTerms", core("NodeSelectorTerm"), "The terms."),
    }, {"nodeSelectorTerms"})));
    b.add(core("PreferredSchedulingTerm"), type("A weighted node preference.", {
        i32("weight", "Weight 1-100."), ref("preference", core("NodeSelectorTerm"), "The preferred nodes."),
    }, {"weight", "preference"}));
    b.add(core("NodeAffinity"), type("Which nodes the pod may or prefers to run on.", {
        ref("requiredDuringSchedulingIgnoredDuringExecution", core("NodeSelector"), "Nodes the pod must run on."),
        list("preferredDuringSchedulingIgnoredDuringExecution", core("PreferredSchedulingTerm"), "Nodes the pod prefers."),
    }));
    b.add(core("PodAffinityTerm"), type("Pods (by label) that must share a topology domain with this pod.", {
        ref("labelSelector", meta("LabelSelector"), "The pods."),
        strings("namespaces", "Namespaces of the pods; the pod's own when empty."),
        str("topologyKey", "Node label that defines the domain, e.g. kubernetes.io/hostname."),
        ref("namespaceSelector", meta("LabelSelector"), "Namespaces of the pods, by label."),
    }, {"topologyKey"}));
    b.add(core("WeightedPodAffinityTerm"), type("A weighted pod affinity term.", {
        i32("weight", "Weight 1-100."), ref("podAffinityTerm", core("PodAffinityTerm"), "The term."),
    }, {"weight", "podAffinityTerm"}));
    b.add(core("PodAffinity"), type("Pods this pod should run near.", {
        list("requiredDuringSchedulingIgnoredDuringExecution", core("PodAffinityTerm"), "Hard requirements."),
        list("preferredDuringSchedulingIgnoredDuringExecution", core("WeightedPodAffinityTerm"), "Preferences."),
    }));
    b.add(core("PodAntiAffinity"), type("Pods this pod should run away from.", {
        list("requiredDuringSchedulingIgnoredDuringExecution", core("PodAffinityTerm"), "Hard requirements."),
        list("preferredDuringSchedulingIgnoredDuringExecution", core("WeightedPodAffinityTerm"), "Preferences."),
    }));
    b.add(core("Affinity"), type("Scheduling constraints of a pod.", {
        ref("nodeAffinity", core("NodeAffinity"), "Node affinity."),
        ref("podAffinity", core("PodAffinity"), "Pod affinity."),
        ref("podAntiAffinity", core("PodAntiAffinity"), "Pod anti-affinity."),
    }));
    b.add(core("TopologySpreadConstraint"), type("How evenly matching pods spread over a topology.", {
        i32("maxSkew", "Largest allowed difference of pod counts between domains."),
        str("topologyKey", "Node label that defines the domains."),
        str("whenUnsatisfiable", "DoNotSchedule or ScheduleAnyway."),
        ref("labelSelector", meta("LabelSelector"), "The pods counted."),
        i32("minDomains", "Minimum number of eligible domains."),
        strings("matchLabelKeys", "Pod label keys whose values further select the pods.", {nullptr, nullptr, "atomic"}),
        str("nodeAffinityPolicy", "Honor or Ignore node affinity when counting."),
        str("nodeTaintsPolicy", "Honor or Ignore node taints when counting."),
    }, {"maxSkew", "topologyKey", "whenUnsatisfiable"}));
    b.add(core("PodReadinessGate"), type("An extra condition the pod needs to be ready.", {
        str("conditionType", "The pod condition type."),
    }, {"conditionType"}));
    b.add(core("PodSpec"), type("The desired state of a pod: its containers, volumes and scheduling.", {
        list("initContainers", core("Container"), "Containers run to completion, in order, before the others.", {"merge", "name"}),
        list("containers", core("Container"), "The containers of the pod; at least one.", {"merge", "name"}),
        list("volumes", core("Volume"), "Volumes the containers can mount.", {"merge,retainKeys", "name"}),
        str("restartPolicy", "Always, OnFailure or Never."),
        i64("terminationGracePeriodSeconds", "Seconds to wait after SIGTERM before killing."),
        i64("activeDeadlineSeconds", "Seconds the pod may run before it is failed."),
        str("dnsPolicy", "ClusterFirst, Default, ClusterFirstWithHostNet or None."),
        stringMap("nodeSelector", "Labels a node must have to run the pod.", true),
        str("serviceAccountName", "The service account the pod runs as."),
        str("serviceAccount", "Deprecated alias of serviceAccountName."),
        str("nodeName", "The node the pod is bound to."),
        flag("hostNetwork", "Use the node's network namespace."),
        ref("securityContext", core("PodSecurityContext"), "Pod-level security settings."),
        list("imagePullSecrets", core("LocalObjectReference"), "Secrets used to pull images.", {"merge", "name"}),
        str("hostname", "Hostname of the pod."),
        str("subdomain", "Subdomain of the pod's DNS name."),
        str("schedulerName", "The scheduler that places the pod."),
        list("tolerations", core("Toleration"), "Taints the pod tolerates."),
        list("hostAliases", core("HostAlias"), "Extra /etc/hosts entries.", {"merge", "ip"}),
        str("priorityClassName", "The priority class of the pod."),
        i32("priority", "Priority value, from the priority class."),
        ref("affinity", core("Affinity"), "Scheduling constraints."),
        list("topologySpreadConstraints", core("TopologySpreadConstraint"), "How to spread the pods.",
             {"merge", "topologyKey", "map", {"topologyKey", "whenUnsatisfiable"}}),
        list("readinessGates", core("PodReadinessGate"), "Extra readiness conditions."),
        flag("automountServiceAccountToken", "Whether the API token is mounted."),
        flag("enableServiceLinks", "Whether service environment variables are injected."),
        flag("hostIPC", "Use the node's IPC namespace."),
        flag("hostPID", "Use the node's PID namespace."),
        flag("shareProcessNamespace", "Share one PID namespace between the containers."),
        flag("setHostnameAsFQDN", "Use the fully qualified name as hostname."),
        str("runtimeClassName", "The runtime class to run the pod with."),
        str("preemptionPolicy", "Never or PreemptLowerPriority."),
    }, {"containers"}));
    b.add(core("PodCondition"), type("One aspect of a pod's state, e.g. Ready.", {
        str("type", "PodScheduled, Initialized, ContainersReady or Ready."),
        str("status", "True, False or Unknown."),
        ref("lastProbeTime", meta("Time"), "Last time the condition was probed."),
        ref("lastTransitionTime", meta("Time"), "Last time the status changed."),
        str("reason", "One-word reason for the last transition."),
        str("message", "Human-readable detail."),
    }, {"type", "status"}));
    b.add(core("ContainerStateWaiting"), type("A container not running yet.", {
        str("reason", "Why, e.g. ContainerCreating or CrashLoopBackOff."), str("message", "Detail."),
    }));
    b.add(core("ContainerStateRunning"), type("A running container.", {
        ref("startedAt", meta("Time"), "When it started."),
    }));
    b.add(core("ContainerStateTerminated"), type("A container that has exited.", {
        i32("exitCode", "Exit status."), i32("signal", "Signal that ended it."),
        str("reason", "Why, e.g. Completed or Error."), str("message", "Detail."),
        ref("startedAt", meta("Time"), "When it started."),
        ref("finishedAt", meta("Time"), "When it ended."),
        str("containerID", "Runtime ID of the container."),
    }, {"exitCode"}));
    b.add(core("ContainerState"), type("The state of a container; exactly one member is set.", {
        ref("waiting", core("ContainerStateWaiting"), "Not running yet."),
        ref("running", core("ContainerStateRunning"), "Running."),
        ref("terminated", core("ContainerStateTerminated"), "Exited."),
    }));
    b.add(core("ContainerStatus"), type("The observed state of one container.", {
        str("name", "Name of the container."),
        ref("state", core("ContainerState"), "Current state."),
        ref("lastState", core("ContainerState"), "State before the last restart."),
        flag("ready", "Whether the readiness probe passes."),
        i32("restartCount", "How many times the container restarted."),
        str("image", "The image running."), str("imageID", "Digest of the image."),
        str("containerID", "Runtime ID of the container."),
        flag("started", "Whether the startup probe passed."),
    }, {"name", "ready", "restartCount", "image", "imageID"}));
    b.add(core("PodIP"), type("One IP address of a pod.", {str("ip", "The address.")}));
    b.add(core("PodStatus"), type("The observed state of a pod.", {
        str("phase", "Pending, Running, Succeeded, Failed or Unknown."),
        list("conditions", core("PodCondition"), "Current conditions.", {"merge", "type"}),
        str("message", "Why the pod is in this state."),
        str("reason", "One-word reason, e.g. Evicted."),
        str("hostIP", "Address of the node."),
        str("podIP", "Address of the pod."),
        list("podIPs", core("PodIP"), "All addresses of the pod.", {"merge", "ip"}),
        ref("startTime", meta("Time"), "When the node accepted the pod."),
        list("initContainerStatuses", core("ContainerStatus"), "Status of the init containers."),
        list("containerStatuses", core("ContainerStatus"), "Status of the containers."),
        str("qosClass", "Guaranteed, Burstable or BestEffort."),
    }));
    b.add(core("PodTemplateSpec"), type("The pods a controller creates: their metadata and spec.", {
        ref("metadata", meta("ObjectMeta"), "Labels and annotations of the pods."),
        ref("spec", core("PodSpec"), "The pod spec."),
    }));
    b.resource("", "v1", "Pod", "pods", core("Pod"), "A group of containers scheduled together on one node.", {
        ref("spec", core("PodSpec"), "The desired state of the pod."),
        ref("status", core("PodStatus"), "The observed state of the pod (read-only)."),
    }, true, true);

    // Namespaces and nodes.
    b.add(core("NamespaceSpec"), type("The desired state of a namespace.", {
        strings("finalizers", "Finalizers that must finish before the namespace is removed."),
    }));
    b.add(core("NamespaceCondition"), type("One aspect of a namespace's state.", {
        str("type", "Condition type."), str("status", "True, False or Unknown."),
        ref("lastTransitionTime", meta("Time"), "Last time the status changed."),
        str("reason", "One-word reason."), str("message", "Detail."),
    }, {"type", "status"}));
    b.add(core("NamespaceStatus"), type("The observed state of a namespace.", {
        str("phase", "Active or Terminating."),
        list("conditions", core("NamespaceCondition"), "Current conditions.", {"merge", "type"}),
    }));
    b.resource("", "v1", "Namespace", "namespaces", core("Namespace"), "A scope for names; deleting it deletes everything in it.", {
        ref("spec", core("NamespaceSpec"), "The desired state of the namespace."),
        ref("status", core("NamespaceStatus"), "The observed state of the namespace."),
    }, false, true);
    b.add(core("Taint"), type("Repels pods that do not tolerate it.", {
        str("key", "Taint key."), str("value", "Taint value."),
        str("effect", "NoSchedule, PreferNoSchedule or NoExecute."),
        ref("timeAdded", meta("Time"), "When a NoExecute taint was added."),
    }, {"key", "effect"}));
    b.add(core("NodeSpec"), type("The desired state of a node.", {
        str("podCIDR", "Pod address range of the node."),
        strings("podCIDRs", "Pod address ranges of the node.", {"merge"}),
        str("providerID", "ID of the node at its cloud provider."),
        flag("unschedulable", "Keep new pods off the node (kubectl cordon)."),
        list("taints", core("Taint"), "Taints of the node."),
    }));
    b.add(core("NodeAddress"), type("An address of a node.", {
        str("type", "Hostname, InternalIP, ExternalIP, InternalDNS or ExternalDNS."),
        str("address", "The address."),
    }, {"type", "address"}));
    b.add(core("NodeCondition"), type("One aspect of a node's state, e.g. Ready.", {
        str("type", "Ready, MemoryPressure, DiskPressure, PIDPressure or NetworkUnavailable."),
        str("status", "True, False or Unknown."),
        ref("lastHeartbeatTime", meta("Time"), "Last time the kubelet reported it."),
        ref("lastTransitionTime", meta("Time"), "Last time the status changed."),
        str("reason", "One-word reason."), str("message", "Detail."),
    }, {"type", "status"}));
    b.add(core("NodeSystemInfo"), type("Facts about a node's software.", {
        str("machineID", "Machine ID."), str("systemUUID", "System UUID."), str("bootID", "Boot ID."),
        str("kernelVersion", "Kernel version."), str("osImage", "OS image."),
        str("containerRuntimeVersion", "Container runtime and version."),
        str("kubeletVersion", "Kubelet version."), str("kubeProxyVersion", "Kube-proxy version."),
        str("operatingSystem", "linux or windows."), str("architecture", "CPU architecture."),
    }, {"machineID", "systemUUID", "bootID", "kernelVersion", "osImage", "containerRuntimeVersion",
        "kubeletVersion", "kubeProxyVersion", "operatingSystem", "architecture"}));
    b.add(core("NodeStatus"), type("The observed state of a node.", {
        quantityMap("capacity", "Total resources of the node."),
        quantityMap("allocatable", "Resources available to pods."),
        list("conditions", core("NodeCondition"), "Current conditions.", {"merge", "type"}),
        list("addresses", core("NodeAddress"), "Addresses of the node.", {"merge", "type"}),
        ref("nodeInfo", core("NodeSystemInfo"), "Software facts."),
    }));
    b.resource("", "v1", "Node", "nodes", core("Node"), "A machine that runs pods.", {
        ref("spec", core("NodeSpec"), "The desired state of the node."),
        ref("status", core("NodeStatus"), "The observed state of the node."),
    }, false, true);

    // Services and endpoints.
    b.add(core("ServicePort"), type("A port a service exposes.", {
        str("name", "Name of the port; required when there are several."),
        str("protocol", "TCP (the default), UDP or SCTP."),
        str("appProtocol", "Application protocol hint."),
        i32("port", "The port the service listens on."),
        ref("targetPort", kIntOrString, "Port number or name on the pods."),
        i32("nodePort", "Port on every node for NodePort and LoadBalancer services."),
    }, {"port"}));
    b.add(core("ClientIPConfig"), type("Client IP session affinity settings.", {
        i32("timeoutSeconds", "Seconds a session sticks."),
    }));
    b.add(core("SessionAffinityConfig"), type("Session affinity settings.", {
        ref("clientIP", core("ClientIPConfig"), "Settings for ClientIP affinity."),
    }));
    b.add(core("ServiceSpec"), type("The desired state of a service.", {
        list("ports", core("ServicePort"), "The ports of the service.", {"merge", "port", "map", {"port", "protocol"}}),
        stringMap("selector", "Pods with these labels back the service.", true),
        str("clusterIP", "The virtual IP of the service; None for a headless service."),
        strings("clusterIPs", "The virtual IPs of the service.", {nullptr, nullptr, "atomic"}),
        str("type", "ClusterIP, NodePort, LoadBalancer or ExternalName."),
        strings("externalIPs", "Extra addresses that route to the service."),
        str("sessionAffinity", "ClientIP or None."),
        str("externalName", "DNS name for ExternalName services."),
        str("externalTrafficPolicy", "Cluster or Local."),
        strings("ipFamilies", "IPv4 and/or IPv6.", {nullptr, nullptr, "atomic"}),
        str("ipFamilyPolicy", "SingleStack, PreferDualStack or RequireDualStack."),
        ref("sessionAffinityConfig", core("SessionAffinityConfig"), "Session affinity settings."),
        str("internalTrafficPolicy", "Cluster or Local, for traffic from inside the cluster."),
        flag("publishNotReadyAddresses", "Publish addresses of pods that are not ready."),
        str("loadBalancerIP", "Requested load balancer address (deprecated)."),
        strings("loadBalancerSourceRanges", "Client ranges allowed through the load balancer."),
        str("loadBalancerClass", "The load balancer implementation."),
        i32("healthCheckNodePort", "Health check port for Local traffic policy."),
        flag("allocateLoadBalancerNodePorts", "Whether LoadBalancer services get node ports."),
    }));
    b.add(core("LoadBalancerIngress"), type("An address of a load balancer.", {
        str("ip", "IP address."), str("hostname", "DNS name."),
    }));
    b.add(core("LoadBalancerStatus"), type("The state of a load balancer.", {
        list("ingress", core("LoadBalancerIngress"), "Addresses of the load balancer."),
    }));
    b.add(core("ServiceStatus"), type("The observed state of a service.", {
        ref("loadBalancer", core("LoadBalancerStatus"), "The load balancer, if any."),
    }));
    b.resource("", "v1", "Service", "services", core("Service"), "A stable address and load balancer in front of a set of pods.", {
        ref("spec", core("ServiceSpec"), "The desired state of the service."),
        ref("status", core("ServiceStatus"), "The observed state of the service."),
    }, true, true);
    b.add(core("EndpointAddress"), atomicType(type("An address of one endpoint.", {
        str("ip", "The address."), str("hostname", "Hostname of the endpoint."),
        str("nodeName", "The node hosting it."),
        ref("targetRef", core("ObjectReference"), "The pod behind it."),
    }, {"ip"})));
    b.add(core("EndpointPort"), atomicType(type("A port of the endpoints.", {
        str("name", "Name matching the service port."), i32("port", "Port number."),
        str("protocol", "TCP, UDP or SCTP."), str("appProtocol", "Application protocol hint."),
    }, {"port"})));
    b.add(core("EndpointSubset"), type("Addresses sharing the same ports.", {
        list("addresses", core("EndpointAddress"), "Ready addresses."),
        list("notReadyAddresses", core("EndpointAddress"), "Addresses not ready yet."),
        list("ports", core("EndpointPort"), "The ports."),
    }));
    b.resource("", "v1", "Endpoints", "endpoints", core("Endpoints"), "The addresses currently backing a service.", {
        list("subsets", core("EndpointSubset"), "Groups of addresses and ports."),
    }, true);

    // Configuration and identity.
    b.resource("", "v1", "ConfigMap", "configmaps", core("ConfigMap"), "Non-secret configuration as key/value pairs.", {
        stringMap("data", "UTF-8 values by key."),
        stringMap("binaryData", "Binary values by key, base64 encoded.", false, "byte"),
        flag("immutable", "When true, data cannot be changed."),
    }, true);
    b.resource("", "v1", "Secret", "secrets", core("Secret"), "Confidential data such as passwords, tokens and keys.", {
        stringMap("data", "Values by key, base64 encoded.", false, "byte"),
        stringMap("stringData", "Write-only plain-text values, merged into data."),
        str("type", "How to interpret the data, e.g. Opaque or kubernetes.io/tls."),
        flag("immutable", "When true, data cannot be changed."),
    }, true);
    b.resource("", "v1", "ServiceAccount", "serviceaccounts", core("ServiceAccount"), "An identity for processes running in pods.", {
        list("secrets", core("ObjectReference"), "Secrets the service account may use.", {"merge", "name"}),
        list("imagePullSecrets", core("LocalObjectReference"), "Secrets for pulling images."),
        flag("automountServiceAccountToken", "Whether pods get an API token mounted."),
    }, true);

    // Events and claims.
    b.add(core("EventSource"), type("The component that reported an event.", {
        str("component", "The reporting component."), str("host", "The node it runs on."),
    }));
    b.resource("", "v1", "Event", "events", core("Event"), "A report of something that happened to an object.", {
        ref("involvedObject", core("ObjectReference"), "The object the event is about."),
        str("reason", "Short machine-readable reason, e.g. Scheduled or BackOff."),
        str("message", "Human-readable description."),
        ref("source", core("EventSource"), "Who reported it."),
        ref("firstTimestamp", meta("Time"), "When it first happened."),
        ref("lastTimestamp", meta("Time"), "When it last happened."),
        i32("count", "How many times it happened."),
        str("type", "Normal or Warning."),
        ref("eventTime", meta("MicroTime"), "When it happened, precisely."),
        str("reportingComponent", "The reporting controller."),
        str("reportingInstance", "The reporting controller instance."),
        str("action", "What was done."),
    }, true);
    b.add(core("PersistentVolumeClaimSpec"), type("The storage a claim asks for.", {
        strings("accessModes", "ReadWriteOnce, ReadOnlyMany, ReadWriteMany or ReadWriteOncePod."),
        ref("selector", meta("LabelSelector"), "Volumes the claim may bind to."),
        ref("resources", core("ResourceRequirements"), "Requested size, e.g. requests: {storage: 1Gi}."),
        str("volumeName", "The bound volume."),
        str("storageClassName", "The storage class."),
        str("volumeMode", "Filesystem or Block."),
    }));
    b.add(core("PersistentVolumeClaimCondition"), type("One aspect of a claim's state.", {
        str("type", "Condition type."), str("status", "True, False or Unknown."),
        ref("lastTransitionTime", meta("Time"), "Last time the status changed."),
        str("reason", "One-word reason."), str("message", "Detail."),
    }, {"type", "status"}));
    b.add(core("PersistentVolumeClaimStatus"), type("The observed state of a claim.", {
        str("phase", "Pending, Bound or Lost."),
        strings("accessModes", "Access modes of the bound volume."),
        quantityMap("capacity", "Size of the bound volume."),
        list("conditions", core("PersistentVolumeClaimCondition"), "Current conditions.", {"merge", "type"}),
    }));
    b.resource("", "v1", "PersistentVolumeClaim", "persistentvolumeclaims", core("PersistentVolumeClaim"),
               "A request for storage by a user.", {
        ref("spec", core("PersistentVolumeClaimSpec"), "The desired storage."),
        ref("status", core("PersistentVolumeClaimStatus"), "The observed state of the claim."),
    }, true, true);
}

// Storage, quotas and limits of the core group: PersistentVolume, ResourceQuota, LimitRange.
void addCoreAdministration(Builder &b)
{
    b.add(core("SecretReference"), atomicType(type("Names a secret in any namespace.", {
        str("name", "Name of the secret."), str("namespace", "Namespace of the secret."),
    })));
    b.add(core("CSIPersistentVolumeSource"), type("A volume managed by a CSI driver.", {
        str("driver", "Name of the CSI driver."),
        str("volumeHandle", "The driver's identifier of the volume."),
        flag("readOnly", "Mount the volume read-only."),
        str("fsType", "Filesystem type, e.g. ext4."),
        stringMap("volumeAttributes", "Driver-specific attributes of the volume."),
        ref("nodePublishSecretRef", core("SecretReference"), "Secret passed to the driver when the volume is mounted."),
    }, {"driver", "volumeHandle"}));
    b.add(core("LocalVolumeSource"), type("A disk, partition or directory of one node.", {
        str("path", "Path on the node."), str("fsType", "Filesystem type when path is a block device."),
    }, {"path"}));
    b.add(core("VolumeNodeAffinity"), type("The nodes a volume can be used from.", {
        ref("required", core("NodeSelector"), "Nodes that can reach the volume."),
    }));
    Prop claimRef = ref("claimRef", core("ObjectReference"), "The claim the volume is bound to.");
    claimRef.second.insert(QStringLiteral("x-kubernetes-map-type"), QStringLiteral("granular"));
    b.add(core("PersistentVolumeSpec"), type("What a volume offers and where its storage is.", {
        quantityMap("capacity", "Size of the volume, e.g. storage: 10Gi."),
        strings("accessModes", "ReadWriteOnce, ReadOnlyMany, ReadWriteMany or ReadWriteOncePod."),
        claimRef,
        str("persistentVolumeReclaimPolicy", "What happens when the claim is released: Retain, Delete or Recycle."),
        str("storageClassName", "The storage class of the volume; empty for none."),
        strings("mountOptions", "Mount options, e.g. hard or nfsvers=4.1."),
        str("volumeMode", "Filesystem or Block."),
        ref("nodeAffinity", core("VolumeNodeAffinity"), "Nodes the volume can be used from."),
        ref("hostPath", core("HostPathVolumeSource"), "A directory of the node (single-node testing only)."),
        ref("local", core("LocalVolumeSource"), "Local storage of one node."),
        ref("nfs", core("NFSVolumeSource"), "An NFS export."),
        ref("csi", core("CSIPersistentVolumeSource"), "A volume of a CSI driver."),
    }));
    b.add(core("PersistentVolumeStatus"), type("The observed state of a volume.", {
        str("phase", "Pending, Available, Bound, Released or Failed."),
        str("message", "Why the volume is in this phase."),
        str("reason", "One-word reason, for the CLI."),
    }));
    b.resource("", "v1", "PersistentVolume", "persistentvolumes", core("PersistentVolume"),
               "A piece of storage in the cluster that claims bind to.", {
        ref("spec", core("PersistentVolumeSpec"), "The volume as provisioned."),
        ref("status", core("PersistentVolumeStatus"), "The observed state of the volume."),
    }, false, true);

    b.add(core("ScopedResourceSelectorRequirement"), type("One requirement on a quota scope.", {
        str("scopeName", "Terminating, NotTerminating, BestEffort, NotBestEffort, PriorityClass or CrossNamespacePodAffinity."),
        str("operator", "In, NotIn, Exists or DoesNotExist."),
        strings("values", "Values for In and NotIn."),
    }, {"scopeName", "operator"}));
    b.add(core("ScopeSelector"), atomicType(type("Scopes a quota applies to, ANDed.", {
        list("matchExpressions", core("ScopedResourceSelectorRequirement"), "The requirements."),
    })));
    b.add(core("ResourceQuotaSpec"), type("The limits a quota enforces.", {
        quantityMap("hard", "The limit of each resource, e.g. pods: 10, requests.cpu: 4, count/deployments.apps: 5."),
        strings("scopes", "Only objects in all of these scopes are counted."),
        ref("scopeSelector", core("ScopeSelector"), "Scopes expressed as selector requirements."),
    }));
    b.add(core("ResourceQuotaStatus"), type("The enforced limits and what is used of them.", {
        quantityMap("hard", "The limits being enforced."),
        quantityMap("used", "What the namespace uses of each limited resource."),
    }));
    b.resource("", "v1", "ResourceQuota", "resourcequotas", core("ResourceQuota"),
               "Limits on how many objects and how much compute and storage a namespace may use.", {
        ref("spec", core("ResourceQuotaSpec"), "The desired limits."),
        ref("status", core("ResourceQuotaStatus"), "The enforced limits and current usage."),
    }, true, true);

    b.add(core("LimitRangeItem"), type("Limits for one kind of object.", {
        str("type", "Container, Pod or PersistentVolumeClaim."),
        quantityMap("max", "Largest allowed amount of each resource."),
        quantityMap("min", "Smallest allowed amount of each resource."),
        quantityMap("default", "Limit given to containers that set none."),
        quantityMap("defaultRequest", "Request given to containers that set none."),
        quantityMap("maxLimitRequestRatio", "Largest allowed ratio of limit to request."),
    }, {"type"}));
    b.add(core("LimitRangeSpec"), type("The limits of a limit range.", {
        list("limits", core("LimitRangeItem"), "Limits by kind of object."),
    }, {"limits"}));
    b.resource("", "v1", "LimitRange", "limitranges", core("LimitRange"),
               "Default and allowed resource amounts for containers, pods and claims of a namespace.", {
        ref("spec", core("LimitRangeSpec"), "The limits."),
    }, true);
}

} // namespace Qluster::BuiltinSchemaParts
