// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "api/gvr.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace Qluster {

/// PrinterColumn is one column of a Table as a CRD's additionalPrinterColumns declares it.
struct PrinterColumn
{
    QString name;
    QString type;        ///< string, integer, number, boolean, date
    QString format;
    QString description;
    QString jsonPath;    ///< e.g. ".spec.size"
    int priority = 0;
};

/// ResourceType describes one served resource the way discovery announces it: names, scope,
/// verbs, subresources and, for CRDs, the printer columns.
struct ResourceType
{
    QString group;
    QString version;
    QString kind;
    QString plural;
    QString singular;
    QStringList shortNames;
    QStringList categories;
    QStringList verbs;
    bool namespaced = true;
    bool hasStatus = false;      ///< serves the status subresource
    bool hasScale = false;       ///< serves the scale subresource
    bool isCustom = false;       ///< defined by a CustomResourceDefinition
    // Where a custom resource keeps what its scale subresource shows (CRD subresources.scale);
    // dotted JSON paths such as ".spec.replicas". Built-in kinds leave them empty.
    QString specReplicasPath;
    QString statusReplicasPath;
    QString labelSelectorPath;   ///< may stay empty: the Scale's status.selector is then ""
    QList<PrinterColumn> printerColumns; ///< CRD additionalPrinterColumns (empty: default columns)

    Gvr gvr() const { return Gvr{group, version, plural}; }
    Gvk gvk() const { return Gvk{group, version, kind}; }
    QString groupVersion() const { return group.isEmpty() ? version : group + QLatin1Char('/') + version; }
    QString listKind() const { return kind + QStringLiteral("List"); }
};

/// builtinResourceTypes lists the 34 built-in resources the sandbox serves (33 kinds, HorizontalPodAutoscaler
/// in two versions), in discovery order.
const QList<ResourceType> &builtinResourceTypes();

/// standardVerbs is the verb list of an ordinary read-write resource.
QStringList standardVerbs();

} // namespace Qluster
