// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
#include "builtinschemas.h"

#include "builtinschemasparts.h"

// The schemas themselves are in builtinschemas<part>.cpp, by API group (builtinschemasparts.h),
// written in the vocabulary of schemavocabulary.h.

namespace Qluster {

namespace {

using SchemaVocabulary::Builder;
using namespace BuiltinSchemaParts;

const Builder &built()
{
    static const Builder builder = [] {
        Builder b;
        addMeta(b);
        addCore(b);
        addCoreAdministration(b);
        addAutoscaling(b);
        addAutoscalingV2(b);
        addPolicy(b);
        addApps(b);
        addBatch(b);
        addNetworking(b);
        addRbac(b);
        addStorageCoordinationScheduling(b);
        addApiExtensions(b);
        addApiRegistration(b);
        return b;
    }();
    return builder;
}

} // namespace

const QMap<QString, QJsonObject> &builtinSchemas()
{
    return built().schemas;
}

const QList<BuiltinResource> &builtinResources()
{
    return built().resources;
}

} // namespace Qluster
