// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
#include "apiresource.h"

namespace Qluster {

const ApiSubresource *ApiResource::subresource(const QString &name) const
{
    for (const ApiSubresource &s : subresources) {
        if (s.name == name)
            return &s;
    }
    return nullptr;
}

const ApiGroupVersion *ApiGroup::version(const QString &name) const
{
    for (const ApiGroupVersion &v : versions) {
        if (v.version == name)
            return &v;
    }
    return nullptr;
}

} // namespace Qluster
