// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "resourcetypes.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>

namespace Qluster {

/// TablePrinter renders objects as meta.k8s.io/v1 Table rows with the columns kubectl shows for
/// each built-in kind (pods: Name Ready Status Restarts Age IP Node …), CRD printer columns from
/// their JSONPath, and "Name, Created At" for anything else. Pure functions of their input.
class TablePrinter final
{
public:
    enum class IncludeObject { None, Metadata, Object };

    /// TablePrinter::parseIncludeObject reads the `includeObject` query value (default Metadata).
    static IncludeObject parseIncludeObject(const QString &value);

    /// TablePrinter::columnDefinitions is the `columnDefinitions` array for a resource type.
    static QJsonArray columnDefinitions(const ResourceType &type);

    /// TablePrinter::row is one `rows` entry: `cells` plus `object` as asked.
    static QJsonObject row(const ResourceType &type, const QJsonObject &object,
                           IncludeObject include, const QDateTime &now);

    /// TablePrinter::table wraps rows into a Table object with list metadata.
    static QJsonObject table(const ResourceType &type, const QJsonArray &rows,
                             const QJsonObject &listMetadata);

    /// TablePrinter::humanDuration formats an age the way kubectl does ("5s", "3m20s", "2d4h").
    static QString humanDuration(qint64 seconds);

    /// TablePrinter::evaluateJsonPath evaluates a CRD printer-column JSONPath such as
    /// `.spec.size` or `.status.conditions[?(@.type=="Ready")].status` (null when absent).
    static QJsonValue evaluateJsonPath(const QJsonObject &object, const QString &path);
};

} // namespace Qluster
