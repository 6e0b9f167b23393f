// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "util/result.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

namespace Qluster {

/// parseJsonObject parses a JSON document whose top level must be an object; on failure the
/// Error names `what` (a file or request) with the line and column of the problem.
Result<QJsonObject> parseJsonObject(const QByteArray &json, const QString &what);

/// jsonStringList returns the strings of a JSON array (non-strings and null give an empty list).
QStringList jsonStringList(const QJsonValue &value);

} // namespace Qluster
