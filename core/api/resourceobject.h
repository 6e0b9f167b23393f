// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "objectmeta.h"

#include <QMetaType>
#include <QVariantList>

#include <type_traits>

namespace Qluster {

/// ResourceObject is one cached object: its metadata and, when the server printed a Table, the
/// row's cells in column order (empty for plain-list fallbacks), each as tableCell() gives it.
struct ResourceObject
{
    ObjectMeta metadata;
    QVariantList cells;

    QString key() const { return metadata.key(); }

    friend bool operator==(const ResourceObject &, const ResourceObject &) = default;
};

// Lists of 100,000 objects are moved around in vectors: moving must not fall back to copying.
static_assert(std::is_nothrow_move_constructible_v<ResourceObject>);

} // namespace Qluster

Q_DECLARE_METATYPE(Qluster::ResourceObject)
