// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "listpage.h"

namespace Qluster {

/// WatchStreamEvent is one event of a watch stream: ADDED, MODIFIED, DELETED, BOOKMARK or ERROR.
struct WatchStreamEvent
{
    enum class Type { Added, Modified, Deleted, Bookmark, Error };

    Type type = Type::Added;
    /// The changed objects: one for plain watches; a Table watch carries its rows (normally one).
    std::vector<ResourceObject> objects;
    /// Set when a Table watch event carries columnDefinitions (the first event of a stream).
    QList<TableColumn> columns;
    /// For BOOKMARK the resourceVersion to resume from; for others the object's resourceVersion.
    /// Empty for ERROR: an ERROR's Status never provides a resourceVersion to resume from.
    QString resourceVersion;
    /// For ERROR the Status decoded (e.g. 410 Expired); unused otherwise.
    Error error;
};

/// decodeWatchStreamEvent decodes one JSON watch frame {"type":..., "object":...}.
Result<WatchStreamEvent> decodeWatchStreamEvent(const QByteArray &frame);

} // namespace Qluster
