// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

// API note (core/sandbox, built-in type definitions):
//   const QMap<QString, QJsonObject> &schemas = builtinSchemas();  // OpenAPI v3 form, by name
//   const QList<BuiltinResource> &resources = builtinResources();  // what the paths are made of
// Most callers want OpenApiRegistry (openapiregistry.h), which serves these as documents.
// The definitions are the sandbox's own: upstream schema names and field names, patch
// metadata (x-kubernetes-patch-strategy / -merge-key, list types) and required fields as the
// API defines them, with short descriptions written for Qluster. Not every upstream field is
// described; unknown fields are still stored by the sandbox, they just lack a schema.

#include "api/gvr.h"

#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QStringList>

namespace Qluster {

/// BuiltinResource describes one resource the built-in schemas define, enough to write the
/// OpenAPI paths for it: group, version, kind, plural, scope and subresources.
struct BuiltinResource
{
    QString group;
    QString version;
    QString kind;
    QString plural;
    bool namespaced = true;
    bool hasStatus = false;
    bool hasScale = false;
    QString schemaName;     ///< e.g. "io.k8s.api.apps.v1.Deployment"
    QString listSchemaName; ///< e.g. "io.k8s.api.apps.v1.DeploymentList"

    Gvk gvk() const { return Gvk{group, version, kind}; }
    QString groupVersion() const { return group.isEmpty() ? version : group + QLatin1Char('/') + version; }
};

/// builtinSchemas returns every built-in schema in OpenAPI v3 form ($ref to
/// "#/components/schemas/<name>"), keyed by its upstream name.
const QMap<QString, QJsonObject> &builtinSchemas();

/// builtinResources returns the resources the built-in schemas define, core group first.
const QList<BuiltinResource> &builtinResources();

} // namespace Qluster
