// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
#include "changebatch.h"

#include <QHash>

namespace Qluster {

std::vector<std::pair<QString, std::optional<ResourceObject>>> ChangeBatch::finalStates() const
{
    std::vector<std::pair<QString, std::optional<ResourceObject>>> out;
    QHash<QString, size_t> index;
    index.reserve(qsizetype(changes.size()));
    for (const ObjectChange &c : changes) {
        const QString key = c.object.key();
        std::optional<ResourceObject> state;
        if (c.type != ObjectChange::Type::Deleted)
            state = c.object;
        const auto it = index.constFind(key);
        if (it == index.cend()) {
            index.insert(key, out.size());
            out.emplace_back(key, std::move(state));
        } else {
            out[*it].second = std::move(state);
        }
    }
    return out;
}

} // namespace Qluster
