// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "kubeconfig.h"
#include "util/result.h"

#include <QJsonObject>
#include <QList>
#include <QString>

#include <functional>

namespace Qluster {

/// KubeconfigFile is one kubeconfig file: read() decodes its entries as client-go does (errors
/// name the file, line and column), edit() changes it and writes it back atomically as kubectl
/// does. Kubeconfig merges several of them.
struct KubeconfigFile
{
    QString currentContext;
    bool hasCurrentContext = false;
    QList<KubeconfigCluster> clusters;
    QList<KubeconfigUser> users;
    QList<KubeconfigContext> contexts;
    QList<NamedExtension> extensions;
    QJsonObject preferences;

    /// KubeconfigFile::read decodes the file at path (an empty file has no entries).
    static Result<KubeconfigFile> read(const QString &path);

    /// KubeconfigFile::edit reads path as a JSON document (an empty `apiVersion: v1, kind: Config`
    /// one when it does not exist), lets change modify it and writes the result back through a
    /// QSaveFile with mode 0600 (following symlinks), as kubectl does. kubectl rewrites the whole
    /// file from its fields: comments go, every value keeps its type. Nothing is written when
    /// change fails.
    static Result<void> edit(const QString &path,
                             const std::function<Result<void>(QJsonObject &document)> &change);
};

} // namespace Qluster
