// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "sandbox/builtinschemas.h"

#include <QJsonObject>
#include <QMap>
#include <QSet>

namespace Qluster {

/// openApiPathsV3 writes the OpenAPI v3 "paths" of resources (list, create, deletecollection,
/// read, replace, patch, delete, status and scale) the way kube-apiserver names and shapes them.
QJsonObject openApiPathsV3(const QList<BuiltinResource> &resources);

/// openApiPathsV2 writes the same operations in swagger 2.0 form.
QJsonObject openApiPathsV2(const QList<BuiltinResource> &resources);

/// openApiSchemaToV2 rewrites a v3 schema for a swagger 2.0 document: "#/definitions/" refs,
/// allOf wrappers unwrapped, int-or-string and quantity as strings with their format.
QJsonObject openApiSchemaToV2(const QJsonObject &schema);

/// openApiSchemaClosure returns the seed names plus every schema they reach through $ref in pool.
QSet<QString> openApiSchemaClosure(const QStringList &seeds, const QMap<QString, QJsonObject> &pool);

/// openApiOperationGroup is the operationId word of an API group: "" -> "Core",
/// "apps" -> "Apps", "rbac.authorization.k8s.io" -> "RbacAuthorization".
QString openApiOperationGroup(const QString &group);

} // namespace Qluster
