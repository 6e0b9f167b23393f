// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

// Internal to core/sandbox: the built-in Table printers TablePrinter dispatches to, by API group,
// each pair in the tableprinters<part>.cpp its comment names. A part's columns and cells cover
// the same kinds; no two parts cover the same kind.

#include "resourcetypes.h"
#include "tableformat.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>

#include <optional>

namespace Qluster::TablePrinterParts {

/// coreColumns are the columns of a core-group kind (pods, nodes, services, …), empty for other kinds (tableprinterscore.cpp).
QJsonArray coreColumns(const ResourceType &type);
/// coreCells are the cells of a core-group object, nullopt for other kinds (tableprinterscore.cpp).
std::optional<QJsonArray> coreCells(const ResourceType &type, const QJsonObject &o, const QDateTime &now);

/// workloadsColumns are the columns of an apps, batch, autoscaling or policy kind, empty for others (tableprintersworkloads.cpp).
QJsonArray workloadsColumns(const ResourceType &type);
/// workloadsCells are the cells of an apps, batch, autoscaling or policy object, nullopt for others (tableprintersworkloads.cpp).
std::optional<QJsonArray> workloadsCells(const ResourceType &type, const QJsonObject &o, const QDateTime &now);

/// networkingColumns are the columns of a networking.k8s.io kind, empty for others (tableprintersnetworking.cpp).
QJsonArray networkingColumns(const ResourceType &type);
/// networkingCells are the cells of a networking.k8s.io object, nullopt for others (tableprintersnetworking.cpp).
std::optional<QJsonArray> networkingCells(const ResourceType &type, const QJsonObject &o, const QDateTime &now);

/// clusterColumns are the columns of role bindings, storage classes, leases, API services and
/// priority classes, empty for other kinds (tableprinterscluster.cpp).
QJsonArray clusterColumns(const ResourceType &type);
/// clusterCells are the cells of role bindings, storage classes, leases, API services and
/// priority classes, nullopt for other kinds (tableprinterscluster.cpp).
std::optional<QJsonArray> clusterCells(const ResourceType &type, const QJsonObject &o, const QDateTime &now);

} // namespace Qluster::TablePrinterParts
