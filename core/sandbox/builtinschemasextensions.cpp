// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
#include "builtinschemasparts.h"

// The built-in schemas of apiextensions.k8s.io/v1 and apiregistration.k8s.io/v1: CustomResourceDefinition
// and APIService, the two ways the API is extended.

namespace Qluster::BuiltinSchemaParts {

using namespace SchemaVocabulary;

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
    b.require(apiext("CustomResourceDefinition"), "spec");
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

} // namespace Qluster::BuiltinSchemaParts
