// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "cachekey.h"
#include "listwatcher.h"

#include <QPointer>

namespace Qluster {

class Connection;

/// ConnectionListWatcher lists and watches one CacheKey over a Connection, asking for
/// meta.k8s.io/v1 Tables with includeObject=Metadata (so the server prints the columns, CRD
/// printer columns included) and accepting plain JSON from servers that do not serve Tables.
class ConnectionListWatcher final : public ListWatcher
{
public:
    /// ConnectionListWatcher uses connection (not owned; calls fail once it is gone).
    ConnectionListWatcher(Connection *connection, CacheKey key, bool asTable = true);

    Handle list(const ListOptions &options, ListDone done, ListHead head) override;
    Handle watch(const WatchOptions &options, WatchData data, WatchDone done) override;


private:
    QPointer<Connection> m_connection;
    CacheKey m_key;
    bool m_asTable = true;
};

} // namespace Qluster
