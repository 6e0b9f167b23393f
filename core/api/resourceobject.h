// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "objectmeta.h"

#include <QJsonArray>
#include <QMetaType>

namespace Qluster {

/// ResourceObject is one cached object: its metadata and, when the server printed a Table, the
/// row's cells in column order (empty for plain-list fallbacks).
struct ResourceObject
{
    ObjectMeta metadata;
    QJsonArray cells;

    QString key() const { return metadata.key(); }

    friend bool operator==(const ResourceObject &, const ResourceObject &) = default;
};

} // namespace Qluster

Q_DECLARE_METATYPE(Qluster::ResourceObject)
