// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
#include "changebatch.h"

#include <QHash>

namespace Qluster {

std::vector<std::pair<QString, const ResourceObject *>> ChangeBatch::finalStates() const
{
    std::vector<std::pair<QString, const ResourceObject *>> out;
    out.reserve(changes.size());
    QHash<QString, size_t> index;
    index.reserve(qsizetype(changes.size()));
    for (const ObjectChange &c : changes) {
        QString key = c.object.key();
        const ResourceObject *state = c.type == ObjectChange::Type::Deleted ? nullptr : &c.object;
        const auto it = index.constFind(key);
        if (it == index.cend()) {
            index.insert(key, out.size());
            out.emplace_back(std::move(key), state);
        } else {
            out[*it].second = state;
        }
    }
    return out;
}

} // namespace Qluster
