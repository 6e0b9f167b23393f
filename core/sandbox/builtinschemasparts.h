// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

// Internal to core/sandbox: the parts builtinSchemas() is assembled from, one function per API
// group (or a few related groups), each in the builtinschemas<part>.cpp its comment names.
// builtinschemas.cpp calls them in a fixed order, the order of builtinResources().

#include "schemavocabulary.h"

namespace Qluster::BuiltinSchemaParts {

/// addMeta adds meta/v1 and apimachinery types: ObjectMeta, ListMeta, Status, Quantity… (builtinschemasmeta.cpp).
void addMeta(SchemaVocabulary::Builder &b);

/// addCore adds core/v1 pods, services, configuration, claims, nodes, namespaces and events (builtinschemascore.cpp).
void addCore(SchemaVocabulary::Builder &b);
/// addCoreAdministration adds core/v1 PersistentVolume, ResourceQuota and LimitRange (builtinschemascore.cpp).
void addCoreAdministration(SchemaVocabulary::Builder &b);

/// addAutoscaling adds autoscaling/v1 HorizontalPodAutoscaler and Scale (builtinschemasworkloads.cpp).
void addAutoscaling(SchemaVocabulary::Builder &b);
/// addAutoscalingV2 adds autoscaling/v2 HorizontalPodAutoscaler (builtinschemasworkloads.cpp).
void addAutoscalingV2(SchemaVocabulary::Builder &b);
/// addPolicy adds policy/v1 PodDisruptionBudget (builtinschemasworkloads.cpp).
void addPolicy(SchemaVocabulary::Builder &b);
/// addApps adds apps/v1 Deployment, ReplicaSet, StatefulSet and DaemonSet (builtinschemasworkloads.cpp).
void addApps(SchemaVocabulary::Builder &b);
/// addBatch adds batch/v1 Job and CronJob (builtinschemasworkloads.cpp).
void addBatch(SchemaVocabulary::Builder &b);

/// addNetworking adds networking.k8s.io/v1 Ingress, IngressClass and NetworkPolicy (builtinschemasnetworking.cpp).
void addNetworking(SchemaVocabulary::Builder &b);

/// addRbac adds rbac.authorization.k8s.io/v1 roles and bindings (builtinschemasrbac.cpp).
void addRbac(SchemaVocabulary::Builder &b);

/// addStorageCoordinationScheduling adds StorageClass, Lease and PriorityClass (builtinschemasstorage.cpp).
void addStorageCoordinationScheduling(SchemaVocabulary::Builder &b);

/// addApiExtensions adds apiextensions.k8s.io/v1 CustomResourceDefinition (builtinschemasextensions.cpp).
void addApiExtensions(SchemaVocabulary::Builder &b);
/// addApiRegistration adds apiregistration.k8s.io/v1 APIService (builtinschemasextensions.cpp).
void addApiRegistration(SchemaVocabulary::Builder &b);

} // namespace Qluster::BuiltinSchemaParts
