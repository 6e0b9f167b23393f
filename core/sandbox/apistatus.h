// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "util/error.h"

#include <QJsonObject>
#include <QString>

namespace Qluster {

/// ApiStatus builds metav1.Status bodies exactly shaped like the apiserver's (kind, apiVersion,
/// metadata, status, message, reason, details, code).
namespace ApiStatus {

/// ApiStatus::failure is a Failure Status; `details` may be empty.
QJsonObject failure(int code, const QString &reason, const QString &message,
                    const QJsonObject &details = {});

/// ApiStatus::success is the Success Status returned by some deletes.
QJsonObject success(const QJsonObject &details = {});

/// ApiStatus::fromError turns an Error (Http kind: code/reason/causes) into a Status.
QJsonObject fromError(const Error &error);

QJsonObject notFound(const QString &resource, const QString &name, const QString &group = QString());
QJsonObject alreadyExists(const QString &resource, const QString &group, const QString &name);
QJsonObject conflict(const QString &resource, const QString &name, const QString &group = QString());
QJsonObject badRequest(const QString &message);
QJsonObject invalid(const QString &kind, const QString &group, const QString &name,
                    const QString &field, const QString &causeMessage);
QJsonObject forbidden(const QString &user, const QString &verb, const QString &resource,
                      const QString &group, const QString &namespaceName, const QString &name);
/// ApiStatus::forbiddenBecause is a 403 as apierrors.NewForbidden words it, for authorization
/// and admission alike: `pods "web" is forbidden: exceeded quota: ...` (the resource qualified
/// by its group, the name left out when empty).
QJsonObject forbiddenBecause(const QString &resource, const QString &group, const QString &name,
                             const QString &why);
QJsonObject methodNotAllowed();
QJsonObject unauthorized();
QJsonObject expired(const QString &message);

} // namespace ApiStatus

/// statusError builds an Http Error carrying a Status's code, reason and message, so handlers can
/// return Result<T> and the server renders it with ApiStatus::fromError.
Error statusError(int code, const QString &reason, const QString &message);

} // namespace Qluster
