// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "api/listpage.h"

#include <QMetaType>

#include <vector>

namespace Qluster {

/// ObjectChange is one change the cache applied: an object added, modified or deleted.
struct ObjectChange
{
    enum class Type { Added, Modified, Deleted };
    Type type = Type::Added;
    ResourceObject object; ///< the new state; for Deleted the last state known
};

/// ChangeBatch is the set of changes a ResourceCache delivers at once, in the order they were
/// applied; consumers apply a whole batch with one model update.
struct ChangeBatch
{
    std::vector<ObjectChange> changes;
    /// Set when the Table columns changed (first list, or a server that changed its printer columns);
    /// columns then holds the new columns and consumers should rebuild their header.
    bool columnsChanged = false;
    QList<TableColumn> columns;
    bool isTable = false;
    /// Set for a page of a list into an empty store: its additions are what was found, not
    /// changes seen as they happened (views do not highlight them).
    bool isListPage = false;

    bool isEmpty() const { return changes.empty() && !columnsChanged; }

    /// ChangeBatch::finalStates gives, in first-seen order, each touched key with its final state
    /// (null when the key ends deleted), so an add followed by a delete in one batch cancels out.
    /// The states point into changes: valid as long as the batch is not changed or destroyed.
    std::vector<std::pair<QString, const ResourceObject *>> finalStates() const;
};

} // namespace Qluster

Q_DECLARE_METATYPE(Qluster::ChangeBatch)
