// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "util/result.h"

#include <QByteArray>
#include <QJsonObject>

namespace Qluster {

/// decodeProtobufReview decodes a request body sent as `application/vnd.kubernetes.protobuf`
/// (the "k8s\0" envelope around runtime.Unknown) holding a SelfSubjectAccessReview or a
/// SelfSubjectRulesReview, as kubectl's typed clients send them, into the equivalent JSON object.
/// Other kinds are reported as unsupported.
Result<QJsonObject> decodeProtobufReview(const QByteArray &body);

} // namespace Qluster
