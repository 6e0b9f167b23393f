// SPDX-FileCopyrightText: 2026 Qluster authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "util/result.h"

#include <QByteArray>
#include <QJsonObject>

namespace Qluster {

/// decodeProtobufBody decodes a request body sent as `application/vnd.kubernetes.protobuf`
/// (the "k8s\0" envelope around runtime.Unknown), as kubectl's typed clients send them, into the
/// equivalent JSON object. Supported: SelfSubjectAccessReview, SelfSubjectRulesReview and the
/// kinds of `kubectl create namespace|configmap|secret|serviceaccount` (ObjectMeta name,
/// generateName, namespace, labels, annotations and their data fields); other kinds are
/// reported as unsupported (the server answers 415).
Result<QJsonObject> decodeProtobufBody(const QByteArray &body);

} // namespace Qluster
