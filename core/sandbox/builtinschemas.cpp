// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
#include "builtinschemas.h"

#include <QJsonArray>

#include <initializer_list>
#include <utility>

namespace Qluster {

namespace {

// ---- a small vocabulary for writing schemas ----

using Prop = std::pair<QString, QJsonObject>;

struct ListOpts
{
    const char *strategy = nullptr;
    const char *mergeKey = nullptr;
    const char *listType = nullptr;
    std::initializer_list<const char *> mapKeys = {};
};

QString l1(const char *text)
{
    return QString::fromLatin1(text);
}

QString meta(const char *t) { return QStringLiteral("io.k8s.apimachinery.pkg.apis.meta.v1.") + l1(t); }
QString core(const char *t) { return QStringLiteral("io.k8s.api.core.v1.") + l1(t); }
QString apps(const char *t) { return QStringLiteral("io.k8s.api.apps.v1.") + l1(t); }
QString batch(const char *t) { return QStringLiteral("io.k8s.api.batch.v1.") + l1(t); }
QString net(const char *t) { return QStringLiteral("io.k8s.api.networking.v1.") + l1(t); }
QString rbac(const char *t) { return QStringLiteral("io.k8s.api.rbac.v1.") + l1(t); }
QString apiext(const char *t) { return QStringLiteral("io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.") + l1(t); }
QString policy(const char *t) { return QStringLiteral("io.k8s.api.policy.v1.") + l1(t); }
QString hpa(const char *t) { return QStringLiteral("io.k8s.api.autoscaling.v2.") + l1(t); }
QString storage(const char *t) { return QStringLiteral("io.k8s.api.storage.v1.") + l1(t); }
QString coordination(const char *t) { return QStringLiteral("io.k8s.api.coordination.v1.") + l1(t); }
QString scheduling(const char *t) { return QStringLiteral("io.k8s.api.scheduling.v1.") + l1(t); }
QString apireg(const char *t) { return QStringLiteral("io.k8s.kube-aggregator.pkg.apis.apiregistration.v1.") + l1(t); }
const QString kQuantity = QStringLiteral("io.k8s.apimachinery.pkg.api.resource.Quantity");
const QString kIntOrString = QStringLiteral("io.k8s.apimachinery.pkg.util.intstr.IntOrString");
const QString kRawExtension = QStringLiteral("io.k8s.apimachinery.pkg.runtime.RawExtension");

QJsonObject refObject(const QString &name)
{
    return QJsonObject{{QStringLiteral("$ref"), QString(QStringLiteral("#/components/schemas/") + name)}};
}

// A reference as upstream v3 documents write it: wrapped in allOf so siblings may describe it.
QJsonObject wrapped(const QString &name, bool withDefault = true)
{
    QJsonObject o{{QStringLiteral("allOf"), QJsonArray{refObject(name)}}};
    if (withDefault)
        o.insert(QStringLiteral("default"), QJsonObject());
    return o;
}

Prop scalar(const char *name, const char *type, const char *description, const char *format = nullptr)
{
    QJsonObject o{{QStringLiteral("type"), l1(type)}, {QStringLiteral("description"), l1(description)}};
    if (format)
        o.insert(QStringLiteral("format"), l1(format));
    return {l1(name), o};
}

Prop str(const char *name, const char *description) { return scalar(name, "string", description); }
Prop i32(const char *name, const char *description) { return scalar(name, "integer", description, "int32"); }
Prop i64(const char *name, const char *description) { return scalar(name, "integer", description, "int64"); }
Prop flag(const char *name, const char *description) { return scalar(name, "boolean", description); }

Prop ref(const char *name, const QString &type, const char *description)
{
    QJsonObject o = wrapped(type, type != kIntOrString && type != kQuantity);
    o.insert(QStringLiteral("description"), l1(description));
    return {l1(name), o};
}

void applyListOpts(QJsonObject &o, const ListOpts &opts)
{
    if (opts.strategy)
        o.insert(QStringLiteral("x-kubernetes-patch-strategy"), l1(opts.strategy));
    if (opts.mergeKey)
        o.insert(QStringLiteral("x-kubernetes-patch-merge-key"), l1(opts.mergeKey));
    if (opts.listType)
        o.insert(QStringLiteral("x-kubernetes-list-type"), l1(opts.listType));
    if (opts.mapKeys.size() > 0) {
        QJsonArray keys;
        for (const char *k : opts.mapKeys)
            keys.append(l1(k));
        o.insert(QStringLiteral("x-kubernetes-list-map-keys"), keys);
    }
}

Prop strings(const char *name, const char *description, ListOpts opts = {})
{
    QJsonObject o{{QStringLiteral("type"), QStringLiteral("array")},
                  {QStringLiteral("description"), l1(description)},
                  {QStringLiteral("items"), QJsonObject{{QStringLiteral("type"), QStringLiteral("string")},
                                                        {QStringLiteral("default"), QString()}}}};
    applyListOpts(o, opts);
    return {l1(name), o};
}

Prop list(const char *name, const QString &type, const char *description, ListOpts opts = {})
{
    QJsonObject o{{QStringLiteral("type"), QStringLiteral("array")},
                  {QStringLiteral("description"), l1(description)},
                  {QStringLiteral("items"), wrapped(type)}};
    applyListOpts(o, opts);
    return {l1(name), o};
}

Prop stringMap(const char *name, const char *description, bool atomic = false, const char *format = nullptr)
{
    QJsonObject value{{QStringLiteral("type"), QStringLiteral("string")}};
    if (format)
        value.insert(QStringLiteral("format"), l1(format));
    else
        value.insert(QStringLiteral("default"), QString());
    QJsonObject o{{QStringLiteral("type"), QStringLiteral("object")},
                  {QStringLiteral("description"), l1(description)},
                  {QStringLiteral("additionalProperties"), value}};
    if (atomic)
        o.insert(QStringLiteral("x-kubernetes-map-type"), QStringLiteral("atomic"));
    return {l1(name), o};
}

Prop quantityMap(const char *name, const char *description)
{
    return {l1(name), QJsonObject{{QStringLiteral("type"), QStringLiteral("object")},
                                  {QStringLiteral("description"), l1(description)},
                                  {QStringLiteral("additionalProperties"), refObject(kQuantity)}}};
}

Prop timeMap(const char *name, const char *description)
{
    return {l1(name), QJsonObject{{QStringLiteral("type"), QStringLiteral("object")},
                                  {QStringLiteral("description"), l1(description)},
                                  {QStringLiteral("additionalProperties"), wrapped(meta("Time"))}}};
}

QJsonObject type(const char *description, std::initializer_list<Prop> props,
                 std::initializer_list<const char *> required = {})
{
    QJsonObject properties;
    for (const Prop &p : props)
        properties.insert(p.first, p.second);
    QJsonObject o{{QStringLiteral("type"), QStringLiteral("object")},
                  {QStringLiteral("description"), l1(description)},
                  {QStringLiteral("properties"), properties}};
    if (required.size() > 0) {
        QJsonArray r;
        for (const char *name : required)
            r.append(l1(name));
        o.insert(QStringLiteral("required"), r);
    }
    return o;
}

QJsonObject atomicType(QJsonObject o)
{
    o.insert(QStringLiteral("x-kubernetes-map-type"), QStringLiteral("atomic"));
    return o;
}

QJsonObject withGvk(QJsonObject o, const QString &group, const QString &version, const QString &kind)
{
    o.insert(QStringLiteral("x-kubernetes-group-version-kind"),
             QJsonArray{QJsonObject{{QStringLiteral("group"), group},
                                    {QStringLiteral("version"), version},
                                    {QStringLiteral("kind"), kind}}});
    return o;
}

// DeleteOptions and WatchEvent are registered in every served group-version, as upstream does.
QJsonObject withSharedGvks(const QString &kind, QJsonObject o)
{
    QJsonArray gvks;
    const std::pair<const char *, const char *> groupVersions[] = {
        {"", "v1"}, {"apiextensions.k8s.io", "v1"}, {"apiregistration.k8s.io", "v1"}, {"apps", "v1"}, {"autoscaling", "v1"}, {"autoscaling", "v2"},
        {"batch", "v1"}, {"coordination.k8s.io", "v1"}, {"networking.k8s.io", "v1"}, {"policy", "v1"},
        {"rbac.authorization.k8s.io", "v1"}, {"scheduling.k8s.io", "v1"}, {"storage.k8s.io", "v1"}};
    for (const auto &[group, version] : groupVersions) {
        gvks.append(QJsonObject{{QStringLiteral("group"), l1(group)}, {QStringLiteral("version"), l1(version)},
                                {QStringLiteral("kind"), kind}});
    }
    o.insert(QStringLiteral("x-kubernetes-group-version-kind"), gvks);
    return o;
}

Prop apiVersionProp() { return str("apiVersion", "The versioned schema of this object, e.g. \"apps/v1\"."); }
Prop kindProp() { return str("kind", "The type of this object, in CamelCase, e.g. \"Deployment\"."); }

struct Builder
{
    QMap<QString, QJsonObject> schemas;
    QList<BuiltinResource> resources;

    void add(const QString &name, const QJsonObject &schema) { schemas.insert(name, schema); }

    // A top-level kind with spec/status (either may be empty) plus its List kind and resource.
    void resource(const char *group, const char *version, const char *kind, const char *plural,
                  const QString &name, const char *description, std::initializer_list<Prop> body,
                  bool namespaced, bool hasStatus = false, bool hasScale = false)
    {
        QJsonObject o = type(description, body);
        QJsonObject properties = o.value(QStringLiteral("properties")).toObject();
        properties.insert(QStringLiteral("apiVersion"), apiVersionProp().second);
        properties.insert(QStringLiteral("kind"), kindProp().second);
        properties.insert(QStringLiteral("metadata"),
                          ref("metadata", meta("ObjectMeta"), "Standard object metadata: name, namespace, labels, annotations and the fields the server fills in.").second);
        o.insert(QStringLiteral("properties"), properties);
        add(name, withGvk(o, l1(group), l1(version), l1(kind)));

        const QString listName = name + QStringLiteral("List");
        const QString listKind = l1(kind) + QStringLiteral("List");
        QJsonObject listType = type("A list of objects of one kind.",
                                    {apiVersionProp(), kindProp(),
                                     ref("metadata", meta("ListMeta"), "Standard list metadata: resourceVersion and the continue token."),
                                     list("items", name, "The objects.")},
                                    {"items"});
        listType.insert(QStringLiteral("description"), QStringLiteral("%1 is a list of %2 objects.").arg(listKind, l1(kind)));
        add(listName, withGvk(listType, l1(group), l1(version), listKind));

        resources.append(BuiltinResource{l1(group), l1(version), l1(kind), l1(plural), namespaced,
                                         hasStatus, hasScale, name, listName});
    }
};

void addMeta(Builder &b)
{
    b.add(meta("Time"), QJsonObject{{QStringLiteral("type"), QStringLiteral("string")},
                                    {QStringLiteral("format"), QStringLiteral("date-time")},
                                    {QStringLiteral("description"), QStringLiteral("A timestamp in RFC 3339 form, in UTC, with second precision.")}});
    b.add(meta("MicroTime"), QJsonObject{{QStringLiteral("type"), QStringLiteral("string")},
                                         {QStringLiteral("format"), QStringLiteral("date-time")},
                                         {QStringLiteral("description"), QStringLiteral("A timestamp in RFC 3339 form with microsecond precision.")}});
    b.add(kQuantity, QJsonObject{{QStringLiteral("description"), QStringLiteral("A fixed-point amount such as \"500m\" CPU or \"128Mi\" memory; numbers are accepted too.")},
                                 {QStringLiteral("oneOf"), QJsonArray{QJsonObject{{QStringLiteral("type"), QStringLiteral("string")}},
                                                                      QJsonObject{{QStringLiteral("type"), QStringLiteral("number")}}}}});
    b.add(kIntOrString, QJsonObject{{QStringLiteral("description"), QStringLiteral("A value that is either an integer or a string, such as a port number or a port name.")},
                                    {QStringLiteral("format"), QStringLiteral("int-or-string")},
                                    {QStringLiteral("oneOf"), QJsonArray{QJsonObject{{QStringLiteral("type"), QStringLiteral("integer")}},
                                                                         QJsonObject{{QStringLiteral("type"), QStringLiteral("string")}}}}});
    b.add(kRawExtension, QJsonObject{{QStringLiteral("type"), QStringLiteral("object")},
                                     {QStringLiteral("description"), QStringLiteral("An embedded object of any kind.")}});
    b.add(meta("FieldsV1"), QJsonObject{{QStringLiteral("type"), QStringLiteral("object")},
                                        {QStringLiteral("description"), QStringLiteral("The set of fields a manager owns, as nested \"f:\", \"k:\", \"v:\" and \".\" keys.")}});
    b.add(meta("Patch"), QJsonObject{{QStringLiteral("type"), QStringLiteral("object")},
                                     {QStringLiteral("description"), QStringLiteral("The body of a PATCH request; its format is given by the Content-Type.")}});

    b.add(meta("ObjectMeta"), type("Metadata every persisted object has.", {
        str("name", "Unique name within the namespace (or the cluster for cluster-scoped objects)."),
        str("generateName", "A prefix the server completes into a unique name when name is empty."),
        str("namespace", "The namespace of the object; empty for cluster-scoped objects."),
        str("uid", "Unique identifier the server assigns on creation; never reused."),
        str("resourceVersion", "Opaque version of the object, used for optimistic concurrency and watches."),
        i64("generation", "A counter of changes to the desired state, set by the server."),
        ref("creationTimestamp", meta("Time"), "When the object was created, set by the server."),
        ref("deletionTimestamp", meta("Time"), "When the object will be deleted; set when deletion is requested."),
        i64("deletionGracePeriodSeconds", "Seconds the object has to terminate gracefully once deletion starts."),
        stringMap("labels", "Key/value pairs used to organize and select objects."),
        stringMap("annotations", "Key/value pairs for tools and humans; not used for selection."),
        list("ownerReferences", meta("OwnerReference"), "Objects this object depends on; it is garbage collected when they are gone.",
             {"merge", "uid"}),
        strings("finalizers", "Names that must be removed before the object is deleted.", {"merge"}),
        list("managedFields", meta("ManagedFieldsEntry"), "Which manager owns which fields (server-side apply)."),
        str("selfLink", "Deprecated; always empty."),
    }));
    b.add(meta("ListMeta"), type("Metadata of a list response.", {
        str("resourceVersion", "The version of the list, to start a watch from."),
        str("continue", "Token to fetch the next page when the list was limited."),
        i64("remainingItemCount", "How many items remain after this page, when known."),
        str("selfLink", "Deprecated; always empty."),
    }));
    b.add(meta("OwnerReference"), atomicType(type("Names an owning object in the same namespace.", {
        str("apiVersion", "API version of the owner."),
        str("kind", "Kind of the owner."),
        str("name", "Name of the owner."),
        str("uid", "UID of the owner."),
        flag("controller", "True when the owner is the managing controller."),
        flag("blockOwnerDeletion", "True when the owner cannot be deleted before this object."),
    }, {"apiVersion", "kind", "name", "uid"})));
    b.add(meta("ManagedFieldsEntry"), type("The fields one manager owns after one kind of operation.", {
        str("manager", "Name of the manager (the fieldManager of its requests)."),
        str("operation", "\"Apply\" for server-side apply, \"Update\" for other writes."),
        str("apiVersion", "API version the fields are expressed in."),
        ref("time", meta("Time"), "When the entry last changed."),
        str("fieldsType", "Format of fieldsV1; always \"FieldsV1\"."),
        ref("fieldsV1", meta("FieldsV1"), "The owned fields."),
        str("subresource", "The subresource the writes went to, if any."),
    }));
    b.add(meta("LabelSelector"), atomicType(type("Selects objects by their labels; all requirements must match.", {
        stringMap("matchLabels", "Labels that must all be present with these values."),
        list("matchExpressions", meta("LabelSelectorRequirement"), "Set-based requirements."),
    })));
    Prop key = str("key", "The label key.");
    key.second.insert(QStringLiteral("x-kubernetes-patch-strategy"), QStringLiteral("merge"));
    key.second.insert(QStringLiteral("x-kubernetes-patch-merge-key"), QStringLiteral("key"));
    b.add(meta("LabelSelectorRequirement"), type("One set-based label requirement.", {
        key,
        str("operator", "In, NotIn, Exists or DoesNotExist."),
        strings("values", "Values for In and NotIn; empty for Exists and DoesNotExist."),
    }, {"key", "operator"}));
    b.add(meta("Condition"), type("One aspect of an object's current state.", {
        str("type", "Condition type in CamelCase, e.g. DisruptionAllowed."),
        str("status", "True, False or Unknown."),
        i64("observedGeneration", "The metadata.generation the condition was computed for."),
        ref("lastTransitionTime", meta("Time"), "When the status last changed."),
        str("reason", "One-word CamelCase reason for the last transition."),
        str("message", "Human-readable detail; may be empty."),
    }, {"type", "status", "lastTransitionTime", "reason", "message"}));
    b.add(meta("StatusCause"), type("One reason an operation failed.", {
        str("reason", "Machine-readable cause, e.g. FieldValueInvalid or FieldManagerConflict."),
        str("message", "Human-readable explanation."),
        str("field", "The field that caused it, e.g. \"spec.replicas\" or \".data.k\"."),
    }));
    b.add(meta("StatusDetails"), type("Details about a failed operation.", {
        str("name", "Name of the object concerned."),
        str("group", "Group of the object concerned."),
        str("kind", "Kind of the object concerned."),
        str("uid", "UID of the object concerned."),
        list("causes", meta("StatusCause"), "The individual causes."),
        i32("retryAfterSeconds", "Seconds to wait before retrying, when suggested."),
    }));
    b.add(meta("Status"), withGvk(type("The result of an operation that does not return an object, and every error.", {
        apiVersionProp(), kindProp(),
        ref("metadata", meta("ListMeta"), "Standard list metadata."),
        str("status", "\"Success\" or \"Failure\"."),
        str("message", "Human-readable description of the result."),
        str("reason", "Machine-readable reason, e.g. NotFound, Conflict, Invalid."),
        ref("details", meta("StatusDetails"), "More detail, depending on the reason."),
        i32("code", "The HTTP status code."),
    }), QString(), QStringLiteral("v1"), QStringLiteral("Status")));
    b.add(meta("Preconditions"), type("Conditions that must hold for a delete to proceed.", {
        str("uid", "The object must have this UID."),
        str("resourceVersion", "The object must have this resourceVersion."),
    }));
    b.add(meta("DeleteOptions"), withSharedGvks(QStringLiteral("DeleteOptions"), type("Options of a delete request.", {
        apiVersionProp(), kindProp(),
        strings("dryRun", "\"All\" to process the request without persisting it."),
        i64("gracePeriodSeconds", "Seconds the object gets to terminate; 0 deletes at once."),
        ref("preconditions", meta("Preconditions"), "Conditions checked before deleting."),
        str("propagationPolicy", "Orphan, Background or Foreground deletion of dependents."),
        flag("orphanDependents", "Deprecated; use propagationPolicy."),
    })));
    b.add(meta("WatchEvent"), withSharedGvks(QStringLiteral("WatchEvent"), type("One event of a watch stream.", {
        str("type", "ADDED, MODIFIED, DELETED, BOOKMARK or ERROR."),
        ref("object", kRawExtension, "The object (or a Status for ERROR)."),
    }, {"type", "object"})));
}

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

void addStorageCoordinationScheduling(Builder &b)
{
    b.add(core("TopologySelectorLabelRequirement"), type("A label and the values it may have.", {
        str("key", "The label key."), strings("values", "Allowed values."),
    }, {"key", "values"}));
    b.add(core("TopologySelectorTerm"), atomicType(type("A topology domain, by node labels.", {
        list("matchLabelExpressions", core("TopologySelectorLabelRequirement"), "Label requirements, ANDed."),
    })));
    b.resource("storage.k8s.io", "v1", "StorageClass", "storageclasses", storage("StorageClass"),
               "A kind of storage that claims can ask for and provisioners create volumes of.", {
        str("provisioner", "The volume plugin or CSI driver that provisions volumes, e.g. rancher.io/local-path."),
        stringMap("parameters", "Provisioner settings."),
        str("reclaimPolicy", "Reclaim policy of provisioned volumes: Delete (default) or Retain."),
        strings("mountOptions", "Mount options of provisioned volumes."),
        flag("allowVolumeExpansion", "Whether claims may grow."),
        str("volumeBindingMode", "Immediate (default) or WaitForFirstConsumer."),
        list("allowedTopologies", core("TopologySelectorTerm"), "Where volumes may be provisioned.", {nullptr, nullptr, "atomic"}),
    }, false);
    QJsonObject storageClass = b.schemas.value(storage("StorageClass"));
    storageClass.insert(QStringLiteral("required"), QJsonArray{QStringLiteral("provisioner")});
    b.schemas.insert(storage("StorageClass"), storageClass);

    b.add(coordination("LeaseSpec"), type("Who holds a lease and until when.", {
        str("holderIdentity", "Identity of the current holder."),
        i32("leaseDurationSeconds", "Seconds candidates wait after renewTime before taking the lease."),
        ref("acquireTime", meta("MicroTime"), "When the current holder acquired it."),
        ref("renewTime", meta("MicroTime"), "When the holder last renewed it."),
        i32("leaseTransitions", "How many times the holder changed."),
    }));
    b.resource("coordination.k8s.io", "v1", "Lease", "leases", coordination("Lease"),
               "A lock with a holder and a renewal time, used for node heartbeats and leader election.", {
        ref("spec", coordination("LeaseSpec"), "The lease."),
    }, true);

    b.resource("scheduling.k8s.io", "v1", "PriorityClass", "priorityclasses", scheduling("PriorityClass"),
               "A named pod priority; pods refer to it by priorityClassName.", {
        i32("value", "The priority of pods of this class; higher runs first (user classes at most 1000000000)."),
        flag("globalDefault", "Give this priority to pods without priorityClassName; one class at most."),
        str("description", "What the class is for."),
        str("preemptionPolicy", "PreemptLowerPriority (default) or Never."),
    }, false);
    QJsonObject priorityClass = b.schemas.value(scheduling("PriorityClass"));
    priorityClass.insert(QStringLiteral("required"), QJsonArray{QStringLiteral("value")});
    b.schemas.insert(scheduling("PriorityClass"), priorityClass);
}

Prop conditionsOf(const QString &type, const char *description)
{
    return list("conditions", type, description, {"merge", "type"});
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

void addNetworking(Builder &b)
{
    b.add(net("ServiceBackendPort"), atomicType(type("A port of the backend service.", {
        str("name", "Port name."), i32("number", "Port number."),
    })));
    b.add(net("IngressServiceBackend"), type("A service that receives traffic.", {
        str("name", "Name of the service."),
        ref("port", net("ServiceBackendPort"), "The service port."),
    }, {"name"}));
    b.add(net("IngressBackend"), type("Where matching traffic goes.", {
        ref("service", net("IngressServiceBackend"), "A service backend."),
        ref("resource", core("TypedLocalObjectReference"), "Another object as backend."),
    }));
    b.add(core("TypedLocalObjectReference"), atomicType(type("A typed reference to an object in the same namespace.", {
        str("apiGroup", "Group of the object."), str("kind", "Kind of the object."), str("name", "Name of the object."),
    }, {"kind", "name"})));
    b.add(net("HTTPIngressPath"), type("A path and the backend serving it.", {
        str("path", "The path to match."),
        str("pathType", "Exact, Prefix or ImplementationSpecific."),
        ref("backend", net("IngressBackend"), "Where matching requests go."),
    }, {"pathType", "backend"}));
    b.add(net("HTTPIngressRuleValue"), type("HTTP paths of a rule.", {
        list("paths", net("HTTPIngressPath"), "The paths.", {nullptr, nullptr, "atomic"}),
    }, {"paths"}));
    b.add(net("IngressRule"), type("Routes for one host.", {
        str("host", "The host name; all hosts when empty."),
        ref("http", net("HTTPIngressRuleValue"), "HTTP routes."),
    }));
    b.add(net("IngressTLS"), type("TLS for some hosts.", {
        strings("hosts", "Hosts covered by the certificate.", {nullptr, nullptr, "atomic"}),
        str("secretName", "Secret holding the certificate and key."),
    }));
    b.add(net("IngressSpec"), type("The desired state of an ingress.", {
        str("ingressClassName", "The ingress class that implements it."),
        ref("defaultBackend", net("IngressBackend"), "Backend for requests no rule matches."),
        list("tls", net("IngressTLS"), "TLS settings.", {nullptr, nullptr, "atomic"}),
        list("rules", net("IngressRule"), "Routing rules.", {nullptr, nullptr, "atomic"}),
    }));
    b.add(net("IngressPortStatus"), type("The state of one load balancer port.", {
        i32("port", "Port number."), str("protocol", "TCP, UDP or SCTP."), str("error", "Problem with the port."),
    }, {"port", "protocol"}));
    b.add(net("IngressLoadBalancerIngress"), type("An address of the ingress load balancer.", {
        str("ip", "IP address."), str("hostname", "DNS name."),
        list("ports", net("IngressPortStatus"), "Port states.", {nullptr, nullptr, "atomic"}),
    }));
    b.add(net("IngressLoadBalancerStatus"), type("The state of the ingress load balancer.", {
        list("ingress", net("IngressLoadBalancerIngress"), "Addresses of the load balancer.", {nullptr, nullptr, "atomic"}),
    }));
    b.add(net("IngressStatus"), type("The observed state of an ingress.", {
        ref("loadBalancer", net("IngressLoadBalancerStatus"), "The load balancer."),
    }));
    b.resource("networking.k8s.io", "v1", "Ingress", "ingresses", net("Ingress"), "HTTP routing from outside the cluster to services.", {
        ref("spec", net("IngressSpec"), "The desired state of the ingress."),
        ref("status", net("IngressStatus"), "The observed state of the ingress."),
    }, true, true);

    b.add(net("IngressClassParametersReference"), type("An object holding settings of an ingress class.", {
        str("apiGroup", "Group of the object."), str("kind", "Kind of the object."), str("name", "Name of the object."),
        str("scope", "Cluster or Namespace."), str("namespace", "Namespace of the object when scope is Namespace."),
    }, {"kind", "name"}));
    b.add(net("IngressClassSpec"), type("The controller implementing a class of ingresses.", {
        str("controller", "Name of the controller, e.g. k8s.io/ingress-nginx."),
        ref("parameters", net("IngressClassParametersReference"), "Settings for the controller."),
    }));
    b.resource("networking.k8s.io", "v1", "IngressClass", "ingressclasses", net("IngressClass"),
               "A class of ingresses and the controller that implements them.", {
        ref("spec", net("IngressClassSpec"), "The class."),
    }, false);

    b.add(net("IPBlock"), type("A range of IP addresses.", {
        str("cidr", "The range, e.g. 10.0.0.0/16."),
        strings("except", "Ranges inside cidr that are excluded.", {nullptr, nullptr, "atomic"}),
    }, {"cidr"}));
    b.add(net("NetworkPolicyPort"), type("A port (or range) traffic may use.", {
        str("protocol", "TCP (default), UDP or SCTP."),
        ref("port", kIntOrString, "Port number or name; all ports when empty."),
        i32("endPort", "Last port of a range starting at port."),
    }));
    b.add(net("NetworkPolicyPeer"), type("Where traffic may come from or go to.", {
        ref("podSelector", meta("LabelSelector"), "Pods, in the namespaces namespaceSelector selects (or the policy's)."),
        ref("namespaceSelector", meta("LabelSelector"), "Namespaces by label; {} selects all."),
        ref("ipBlock", net("IPBlock"), "An IP range."),
    }));
    b.add(net("NetworkPolicyIngressRule"), type("Traffic allowed into the selected pods.", {
        list("ports", net("NetworkPolicyPort"), "Ports allowed; all when empty.", {nullptr, nullptr, "atomic"}),
        list("from", net("NetworkPolicyPeer"), "Sources allowed; all when empty.", {nullptr, nullptr, "atomic"}),
    }));
    b.add(net("NetworkPolicyEgressRule"), type("Traffic allowed out of the selected pods.", {
        list("ports", net("NetworkPolicyPort"), "Ports allowed; all when empty.", {nullptr, nullptr, "atomic"}),
        list("to", net("NetworkPolicyPeer"), "Destinations allowed; all when empty.", {nullptr, nullptr, "atomic"}),
    }));
    b.add(net("NetworkPolicySpec"), type("Which pods a policy isolates and what traffic it allows them.", {
        ref("podSelector", meta("LabelSelector"), "The pods the policy applies to; {} selects all of the namespace."),
        list("ingress", net("NetworkPolicyIngressRule"), "Allowed incoming traffic.", {nullptr, nullptr, "atomic"}),
        list("egress", net("NetworkPolicyEgressRule"), "Allowed outgoing traffic.", {nullptr, nullptr, "atomic"}),
        strings("policyTypes", "Ingress, Egress or both: the directions the policy isolates.", {nullptr, nullptr, "atomic"}),
    }, {"podSelector"}));
    b.resource("networking.k8s.io", "v1", "NetworkPolicy", "networkpolicies", net("NetworkPolicy"),
               "Which traffic the selected pods may receive and send.", {
        ref("spec", net("NetworkPolicySpec"), "The policy."),
    }, true);
}

void addRbac(Builder &b)
{
    b.add(rbac("PolicyRule"), type("Verbs allowed on some resources or URLs.", {
        strings("verbs", "Allowed verbs, e.g. get, list, watch; \"*\" for all.", {nullptr, nullptr, "atomic"}),
        strings("apiGroups", "API groups of the resources; \"\" is the core group.", {nullptr, nullptr, "atomic"}),
        strings("resources", "Resources, e.g. pods or pods/log; \"*\" for all.", {nullptr, nullptr, "atomic"}),
        strings("resourceNames", "Object names the rule is limited to.", {nullptr, nullptr, "atomic"}),
        strings("nonResourceURLs", "URLs such as /healthz, for cluster roles.", {nullptr, nullptr, "atomic"}),
    }, {"verbs"}));
    b.add(rbac("Subject"), atomicType(type("A user, group or service account a binding applies to.", {
        str("kind", "User, Group or ServiceAccount."),
        str("apiGroup", "rbac.authorization.k8s.io for users and groups, \"\" for service accounts."),
        str("name", "Name of the subject."),
        str("namespace", "Namespace of a service account."),
    }, {"kind", "name"})));
    b.add(rbac("RoleRef"), atomicType(type("The role a binding grants.", {
        str("apiGroup", "Always rbac.authorization.k8s.io."),
        str("kind", "Role or ClusterRole."),
        str("name", "Name of the role."),
    }, {"apiGroup", "kind", "name"})));
    b.add(rbac("AggregationRule"), type("Builds a cluster role from others by label.", {
        list("clusterRoleSelectors", meta("LabelSelector"), "Selects the cluster roles to aggregate.", {nullptr, nullptr, "atomic"}),
    }));
    b.resource("rbac.authorization.k8s.io", "v1", "Role", "roles", rbac("Role"), "Permissions inside one namespace.", {
        list("rules", rbac("PolicyRule"), "The permissions.", {nullptr, nullptr, "atomic"}),
    }, true);
    b.resource("rbac.authorization.k8s.io", "v1", "ClusterRole", "clusterroles", rbac("ClusterRole"),
               "Permissions across the cluster or for cluster-scoped resources.", {
        list("rules", rbac("PolicyRule"), "The permissions.", {nullptr, nullptr, "atomic"}),
        ref("aggregationRule", rbac("AggregationRule"), "Makes this role the union of selected roles."),
    }, false);
    b.resource("rbac.authorization.k8s.io", "v1", "RoleBinding", "rolebindings", rbac("RoleBinding"),
               "Grants a role to subjects inside one namespace.", {
        list("subjects", rbac("Subject"), "Who gets the role.", {nullptr, nullptr, "atomic"}),
        ref("roleRef", rbac("RoleRef"), "The role granted; cannot be changed."),
    }, true);
    b.resource("rbac.authorization.k8s.io", "v1", "ClusterRoleBinding", "clusterrolebindings", rbac("ClusterRoleBinding"),
               "Grants a cluster role to subjects across the cluster.", {
        list("subjects", rbac("Subject"), "Who gets the role.", {nullptr, nullptr, "atomic"}),
        ref("roleRef", rbac("RoleRef"), "The cluster role granted; cannot be changed."),
    }, false);
    // Bindings require roleRef (schemas list it as required).
    for (const char *kind : {"RoleBinding", "ClusterRoleBinding"}) {
        QJsonObject o = b.schemas.value(rbac(kind));
        o.insert(QStringLiteral("required"), QJsonArray{QStringLiteral("roleRef")});
        b.schemas.insert(rbac(kind), o);
    }
}

void addApiExtensions(Builder &b)
{
    b.add(apiext("JSONSchemaProps"), QJsonObject{
        {QStringLiteral("type"), QStringLiteral("object")},
        {QStringLiteral("description"), QStringLiteral("An OpenAPI v3 schema (structural, with x-kubernetes-* extensions).")},
        {QStringLiteral("x-kubernetes-preserve-unknown-fields"), true}});
    b.add(apiext("CustomResourceValidation"), type("How custom objects are validated.", {
        ref("openAPIV3Schema", apiext("JSONSchemaProps"), "The schema of the objects."),
    }));
    b.add(apiext("CustomResourceColumnDefinition"), type("A column of the Table output.", {
        str("name", "Column header."), str("type", "integer, number, string, boolean or date."),
        str("format", "Optional format hint."), str("description", "Column description."),
        i32("priority", "0 shows it by default, higher only in wide output."),
        str("jsonPath", "JSONPath into the object, e.g. .spec.size."),
    }, {"name", "type", "jsonPath"}));
    b.add(apiext("CustomResourceSubresourceScale"), type("How the scale subresource maps onto the object.", {
        str("specReplicasPath", "JSON path of the desired replicas, e.g. .spec.replicas."),
        str("statusReplicasPath", "JSON path of the observed replicas."),
        str("labelSelectorPath", "JSON path of the selector string."),
    }, {"specReplicasPath", "statusReplicasPath"}));
    b.add(apiext("CustomResourceSubresourceStatus"), QJsonObject{
        {QStringLiteral("type"), QStringLiteral("object")},
        {QStringLiteral("description"), QStringLiteral("Marks the status subresource as enabled; it has no fields.")}});
    b.add(apiext("CustomResourceSubresources"), type("Subresources of the custom objects.", {
        ref("status", apiext("CustomResourceSubresourceStatus"), "Enables the status subresource when present."),
        ref("scale", apiext("CustomResourceSubresourceScale"), "Enables the scale subresource."),
    }));
    b.add(apiext("CustomResourceDefinitionVersion"), type("One served version of a custom resource.", {
        str("name", "Version name, e.g. v1 or v1alpha1."),
        flag("served", "Whether the version is served."),
        flag("storage", "Whether objects are stored in this version; exactly one is."),
        flag("deprecated", "Whether the version is deprecated."),
        ref("schema", apiext("CustomResourceValidation"), "The schema of the version."),
        ref("subresources", apiext("CustomResourceSubresources"), "Status and scale subresources."),
        list("additionalPrinterColumns", apiext("CustomResourceColumnDefinition"), "Extra Table columns."),
    }, {"name", "served", "storage"}));
    b.add(apiext("CustomResourceDefinitionNames"), type("The names of a custom resource.", {
        str("plural", "Plural resource name used in URLs."),
        str("singular", "Singular name."),
        strings("shortNames", "Short names for the CLI."),
        str("kind", "The kind of the objects."),
        str("listKind", "The kind of lists."),
        strings("categories", "Groups such as \"all\"."),
    }, {"plural", "kind"}));
    b.add(apiext("CustomResourceConversion"), type("How objects convert between versions.", {
        str("strategy", "None or Webhook."),
    }, {"strategy"}));
    b.add(apiext("CustomResourceDefinitionSpec"), type("The desired state of a custom resource definition.", {
        str("group", "API group of the resources."),
        ref("names", apiext("CustomResourceDefinitionNames"), "Names of the resource."),
        str("scope", "Namespaced or Cluster."),
        list("versions", apiext("CustomResourceDefinitionVersion"), "Served versions."),
        ref("conversion", apiext("CustomResourceConversion"), "Conversion between versions."),
        flag("preserveUnknownFields", "Keep fields the schema does not describe (deprecated)."),
    }, {"group", "names", "scope", "versions"}));
    b.add(apiext("CustomResourceDefinitionCondition"), type("One aspect of a definition's state.", {
        str("type", "Established, NamesAccepted or Terminating."), str("status", "True, False or Unknown."),
        ref("lastTransitionTime", meta("Time"), "Last time the status changed."),
        str("reason", "One-word reason."), str("message", "Detail."),
    }, {"type", "status"}));
    b.add(apiext("CustomResourceDefinitionStatus"), type("The observed state of a custom resource definition.", {
        list("conditions", apiext("CustomResourceDefinitionCondition"), "Current conditions.", {nullptr, nullptr, "map", {"type"}}),
        ref("acceptedNames", apiext("CustomResourceDefinitionNames"), "The names actually served."),
        strings("storedVersions", "Versions objects have ever been stored in."),
    }));
    b.resource("apiextensions.k8s.io", "v1", "CustomResourceDefinition", "customresourcedefinitions",
               apiext("CustomResourceDefinition"), "Defines a new resource type served by the API.", {
        ref("spec", apiext("CustomResourceDefinitionSpec"), "The desired state of the definition."),
        ref("status", apiext("CustomResourceDefinitionStatus"), "The observed state of the definition."),
    }, false, true);
    QJsonObject crd = b.schemas.value(apiext("CustomResourceDefinition"));
    crd.insert(QStringLiteral("required"), QJsonArray{QStringLiteral("spec")});
    b.schemas.insert(apiext("CustomResourceDefinition"), crd);
}

void addApiRegistration(Builder &b)
{
    b.add(apireg("ServiceReference"), type("The Service in front of an aggregated API server.", {
        str("namespace", "Namespace of the Service."),
        str("name", "Name of the Service."),
        i32("port", "Port of the Service the API server listens on (default 443)."),
    }));
    Prop caBundle = scalar("caBundle", "string", "PEM CA bundle that signs the API server's serving certificate.", "byte");
    caBundle.second.insert(QStringLiteral("x-kubernetes-list-type"), QStringLiteral("atomic"));
    b.add(apireg("APIServiceSpec"), type("Where a group-version is served and how it ranks in discovery.", {
        ref("service", apireg("ServiceReference"), "The Service of the API server; null for a group-version this server serves itself (Local)."),
        str("group", "API group served."),
        str("version", "API version served."),
        flag("insecureSkipTLSVerify", "Do not verify the API server's certificate (discouraged: use caBundle)."),
        caBundle,
        i32("groupPriorityMinimum", "Lowest priority of the group: groups are listed highest first (18000 for *.k8s.io, 1000 for CRDs)."),
        i32("versionPriority", "Order of this version within its group, highest first; equal ones sort as Kubernetes versions."),
    }, {"groupPriorityMinimum", "versionPriority"}));
    b.add(apireg("APIServiceCondition"), type("One aspect of an APIService's state.", {
        str("type", "Available."), str("status", "True, False or Unknown."),
        ref("lastTransitionTime", meta("Time"), "Last time the status changed."),
        str("reason", "One-word reason, e.g. Local, ServiceNotFound, MissingEndpoints."), str("message", "Detail."),
    }, {"type", "status"}));
    b.add(apireg("APIServiceStatus"), type("The observed state of an APIService.", {
        list("conditions", apireg("APIServiceCondition"), "Current conditions (Available).", {"merge", "type", "map", {"type"}}),
    }));
    b.resource("apiregistration.k8s.io", "v1", "APIService", "apiservices", apireg("APIService"),
               "A group-version of the API and the server that serves it (this one or an aggregated API server).", {
        ref("spec", apireg("APIServiceSpec"), "Where the group-version is served."),
        ref("status", apireg("APIServiceStatus"), "Whether it is available."),
    }, false, true);
}

const Builder &built()
{
    static const Builder builder = [] {
        Builder b;
        addMeta(b);
        addCore(b);
        addCoreAdministration(b);
        addAutoscaling(b);
        addAutoscalingV2(b);
        addPolicy(b);
        addApps(b);
        addBatch(b);
        addNetworking(b);
        addRbac(b);
        addStorageCoordinationScheduling(b);
        addApiExtensions(b);
        addApiRegistration(b);
        return b;
    }();
    return builder;
}

} // namespace

const QMap<QString, QJsonObject> &builtinSchemas()
{
    return built().schemas;
}

const QList<BuiltinResource> &builtinResources()
{
    return built().resources;
}

} // namespace Qluster
