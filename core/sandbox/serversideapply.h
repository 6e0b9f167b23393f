// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

// API note (core/sandbox, server-side apply and managedFields):
//   auto meta = registry.patchMetaLookup(gvk);                 // sandbox/openapiregistry.h
//   ApplyOptions o; o.fieldManager = "kubectl"; o.force = false; o.apiVersion = "apps/v1";
//   o.now = QDateTime::currentDateTimeUtc(); o.resetFields = {"status"};  // main resource
//   (for /status: o.subresource = "status"; o.onlyFields = {"status"}; o.resetFields = {})
//   Result<QJsonObject> merged = serverSideApply(liveOrEmpty, appliedConfig, *meta, o);
//     -> 409 Error (httpStatus, reason "Conflict", causes FieldManagerConflict) like the real
//        server when other managers own fields with different values and force is false.
//   For POST/PUT/PATCH (non-apply) writes by a manager:
//   Result<QJsonObject> stored = recordUpdate(oldOrEmpty, newObject, *meta, o);  // "Update" entry
// Both return the object with metadata.managedFields rewritten (entries sorted Apply first, then
// by time, as kube-apiserver does). Identity fields (apiVersion, kind, metadata.name, namespace,
// uid, resourceVersion, generation, creationTimestamp, managedFields) are never owned.

#include "fieldset.h"
#include "schema/patchmeta.h"
#include "util/result.h"

#include <QDateTime>
#include <QJsonObject>

namespace Qluster {

/// ManagedFieldsEntry is one metadata.managedFields entry: who owns which fields.
struct ManagedFieldsEntry
{
    QString manager;
    QString operation; ///< "Apply" or "Update"
    QString apiVersion;
    QString time;      ///< RFC 3339, UTC
    QString subresource;
    FieldSet fields;

    /// ManagedFieldsEntry::fromObject reads metadata.managedFields of an object.
    static Result<QList<ManagedFieldsEntry>> fromObject(const QJsonObject &object);
    QJsonObject toJson() const;
    /// ManagedFieldsEntry::displayName is how conflicts name the manager: "\"kubectl\"" for
    /// Apply, "\"kubectl-edit\" using apps/v1 at 2026-11-23T00:15:00Z" for Update.
    QString displayName() const;
};

/// ApplyOptions are the request parameters of an apply or of a write recorded as an update.
struct ApplyOptions
{
    QString fieldManager;   ///< required for apply; defaulted by the caller for updates
    bool force = false;     ///< apply only: take over conflicting fields
    QString apiVersion;     ///< the apiVersion of the request, recorded in the entry
    QDateTime now;          ///< the entry's time (UTC); current time when invalid
    QString subresource;    ///< "status", "scale" or empty
    QStringList resetFields;///< top-level fields this endpoint ignores, e.g. {"status"}
    /// Top-level fields this endpoint alone writes, e.g. {"status"} for the status subresource
    /// (everything else in an applied configuration is ignored); empty for the main resource.
    QStringList onlyFields;
};

/// serverSideApply merges an applied configuration into live (an empty object when creating)
/// the way kube-apiserver does for application/apply-patch+yaml: fields of other managers with
/// different values are conflicts (an Error with httpStatus 409) unless force is set; fields this
/// manager applied before and no longer applies are removed unless another manager owns them.
Result<QJsonObject> serverSideApply(const QJsonObject &live, const QJsonObject &applied,
                                    const PatchMetaLookup &meta, const ApplyOptions &options);

/// recordUpdate returns newObject with managedFields updated for a non-apply write (create,
/// update, patch) by options.fieldManager: it gains the fields it changed, other managers lose
/// them, removed fields leave every set.
Result<QJsonObject> recordUpdate(const QJsonObject &oldObject, const QJsonObject &newObject,
                                 const PatchMetaLookup &meta, const ApplyOptions &options);

} // namespace Qluster
