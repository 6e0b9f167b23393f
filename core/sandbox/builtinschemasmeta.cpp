// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
#include "builtinschemasparts.h"

#include <QJsonArray>

// The built-in schemas of meta.k8s.io/v1 and apimachinery: ObjectMeta, ListMeta, LabelSelector, Status,
// DeleteOptions, WatchEvent, Time, Quantity, IntOrString.

namespace Qluster::BuiltinSchemaParts {

using namespace SchemaVocabulary;

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

} // namespace Qluster::BuiltinSchemaParts
